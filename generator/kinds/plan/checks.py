"""Checks specific to 工作计划 specs."""

from __future__ import annotations

import re

from ...spec.checks import (
    Finding,
    check_dates_in_period,
    check_period,
    check_signature_date,
    check_tree_depth,
    check_unique,
)
from .model import PlanSpec
from .rotation import check_rotation
from .weeks import check_activities, term_calendar, week_limit


def _split_people(owner: str) -> list[str]:
    return [p for p in re.split(r"[、，,；;/／\s]+|和|及", owner) if p]


# 负责人 is often a role or a body rather than a person; only names are cross-checked.
_ROLE_WORDS = (
    "组长",
    "主任",
    "校长",
    "处",
    "室",
    "组",
    "教师",
    "老师",
    "班主任",
    "部",
    "中心",
    "委员会",
    "小组",
    "办公室",
    "全体",
    "年级",
)


def _is_role(owner: str) -> bool:
    return owner.startswith(("各", "全体")) or owner.endswith(_ROLE_WORDS)


def known_people(spec: PlanSpec) -> set[str]:
    """Names and posts from 具体分工 and 教研组 that may appear as 负责人."""
    people: set[str] = set()
    for a in spec.assignments or []:
        people.add(a.name)
        if a.post:
            people.add(a.post)
    for g in spec.groups or []:
        people.update({g.leader, g.name, *g.members})
        people.add(f"{g.name}组长")
        people.add(f"{g.name}全体成员")
    return people


def check_plan(spec: PlanSpec, ctx: object = None) -> list[Finding]:
    """Cross-field checks of a plan."""
    out: list[Finding] = list(check_period(spec, required=True))
    if not out:
        cal, cal_findings = term_calendar(spec, ctx)
        spec._calendar = cal
        out += cal_findings
        if not cal_findings:
            out += check_activities(spec, cal)
            if spec.rotation is not None:
                limit, why = week_limit(spec, cal)
                period = spec.period_words()["本期"]
                out += check_rotation(spec.rotation, limit, why, period)
    if not out:
        out += check_signature_date(spec, looks_back=False)
    out += check_tree_depth(spec.work, "主要工作")
    out += check_tree_depth(spec.safeguards, "保障措施")

    out += check_unique(
        "工作目标",
        [(i, g.id) for i, g in enumerate(spec.goals)],
        "编号",
        "编号“{value}”",
        "编号须唯一",
    )

    period_ok = not spec.period_check(required=True)
    if spec.calendar and spec.has_period() and period_ok:
        months = spec.months()
        seen: dict[int, int] = {}
        dates = []
        for i, mp in enumerate(spec.calendar):
            if mp.month not in months:
                where = spec.term_name() or "本时段"
                out.append(
                    (
                        ("行事历", i, "月份"),
                        f"{where}不包含{mp.month}月（{where}为 {'、'.join(f'{m}月' for m in months)}）",
                        "error",
                    )
                )
                continue
            if mp.month in seen:
                out.append(
                    (
                        ("行事历", i, "月份"),
                        f"{mp.month}月已在第{seen[mp.month] + 1}项写过，请合并到同一个月份下",
                        "warning",
                    )
                )
            seen.setdefault(mp.month, i)
            for j, act in enumerate(mp.activities):
                if act.date is not None:
                    path = ("行事历", i, "活动", j, "日期")
                    if act.date.month != mp.month:
                        out.append(
                            (
                                path,
                                f"{act.date.isoformat()} 不在{mp.month}月，请放到{act.date.month}月下或改正日期",
                                "error",
                            )
                        )
                    else:
                        dates.append((path, act.date))
        out += check_dates_in_period(spec, dates)

    if spec.calendar and (spec.assignments or spec.groups):
        people = known_people(spec)
        for i, mp in enumerate(spec.calendar):
            for j, act in enumerate(mp.activities):
                if act.owner:
                    unknown = [
                        p for p in _split_people(act.owner) if p not in people and not _is_role(p)
                    ]
                    if unknown:
                        out.append(
                            (
                                ("行事历", i, "活动", j, "负责人"),
                                f"负责人“{'、'.join(unknown)}”不在具体分工或教研组中，请核对姓名",
                                "warning",
                            )
                        )
    return out
