"""Checks specific to 工作职责 specs."""

from __future__ import annotations

from ...spec.checks import Finding, check_period, check_unique
from .model import DutyGroup, DutySpec


def check_duty(spec: DutySpec, _ctx: object = None) -> list[Finding]:
    """Duties are either all plain items or all groups; a period, if given, is complete."""
    out: list[Finding] = list(check_period(spec, required=False))
    grouped = [i for i, d in enumerate(spec.duties) if isinstance(d, DutyGroup)]
    if grouped and len(grouped) != len(spec.duties):
        flat = next(i for i, d in enumerate(spec.duties) if not isinstance(d, DutyGroup))
        out.append(
            (
                ("职责", flat),
                "职责列表不能混用两种写法：要么全部是一条条职责，要么全部分组（类别 + 条目）。请把这一项放进某个类别的“条目”里",
                "error",
            )
        )
    out += check_unique(
        "职责",
        [(i, spec.duties[i].category) for i in grouped],
        "类别",
        "类别“{value}”",
        "请合并到同一组",
    )
    if not spec.post and not spec.department and not spec.title:
        out.append(
            (
                (),
                "请写“岗位”（如 教科室主任）或“部门”（如 教科室），标题由它生成；也可直接写“标题”",
                "error",
            )
        )
    return out
