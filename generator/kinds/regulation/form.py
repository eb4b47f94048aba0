"""What a form for 制度 needs beyond its model: help per key (no grid fields)."""

from __future__ import annotations

HELP = {
    "编号": "条：第一条、第二条……（默认）；条目：一、（一）1.",
    "章": "可选：分章，每章有标题和条；条的编号跨章连续",
    "条": "条文列表；每条一句话，或 {内容, 款}",
    "款": "条下的各项，编号（一）（二）",
    "附则": "可选：施行日期、解释权等，接续条的编号",
}
