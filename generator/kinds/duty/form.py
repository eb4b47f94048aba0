"""What a form for 工作职责 needs beyond its model: help per key (no grid fields)."""

from __future__ import annotations

HELP = {
    "岗位": "如 教科室主任、教研组长",
    "职责": "职责条目：平列，或分组（类别 + 条目）",
    "类别": "职责分组名称，如 常规工作",
    "职责.条目": "这一类的各条职责",
}
