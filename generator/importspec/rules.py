"""Which spec key a section heading belongs to (checked in order, first match wins)."""

from __future__ import annotations

import re

from ..importing import Node, display_title, is_heading
from .tables import month_of

# (role, pattern on the heading without marker and colon)
_RULES: list[tuple[str, str]] = [
    ("行事历", r"行事历|日程|安排表|工作安排|具体安排|活动安排|时间安排|月历|月工作|逐月"),
    ("教研组", r"^教研组(?:安排|设置|名单)?$|^组内活动安排$"),
    ("具体分工", r"分工"),
    ("保障措施", r"保障|保证措施"),
    ("存在问题", r"存在.{0,4}问题|不足|问题与|问题及|困惑"),
    ("努力方向", r"努力方向|今后|下一步|打算|展望|改进方向|改进措施|设想"),
    ("目标完成", r"^目标完成情况$"),
    ("指导思想", r"^(?:指导思想|指导方针|总体思路|工作思路|指导原则)"),
    (
        "主要工作",
        r"主要工作|工作措施|具体措施|主要任务|工作任务|重点工作|工作重点|工作要点"
        r"|主要措施|具体工作|实施措施|工作内容|措施|成效|成绩|主要做法|工作回顾|完成情况",
    ),
    ("工作目标", r"目标"),
]


def role_of(node: Node) -> str | None:
    """The spec key a top-level heading maps to; None for a heading of its own."""
    if not is_heading(node):
        return None
    title = display_title(node)
    if is_month(node):
        return "月份"
    for role, pattern in _RULES:
        if re.search(pattern, title):
            return role
    return None


def is_month(node: Node) -> bool:
    """“九月份：”, “10月”: an unnumbered month heading of a calendar."""
    if node.marker or node.run_in or not node.title:
        return False
    title = display_title(node)
    return month_of(title) is not None and len(title) <= 8
