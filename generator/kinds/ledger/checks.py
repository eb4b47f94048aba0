"""Checks of 教研组台帐 specs: the term, dates inside it, the linked plan, and people
named in activities who are not members of the group."""

from __future__ import annotations

import re

from ...spec.checks import Finding, check_dates_in_period, check_period, check_unique
from ...spec.links import load_linked
from .model import LedgerSpec


def same_name(name: str) -> str:
    """A name as compared: spaces inside (王　芳) do not count."""
    return re.sub(r"\s+", "", name)


def _plan_findings(spec: LedgerSpec, ctx) -> list[Finding]:
    plan = load_linked(spec.plan, ctx, key="计划")
    spec._plan = plan
    out: list[Finding] = []
    theirs, mine = plan.spec.period_text(), spec.period_text()
    if theirs and mine and theirs != mine:
        out.append(
            (("计划",), f"关联的计划是{theirs}的，本台帐是{mine}的，请关联{mine}的计划", "error")
        )
    dept = plan.spec.department
    if dept and same_name(dept) != same_name(spec.group):
        out.append(
            (
                ("计划",),
                f"关联的计划属于“{dept}”，不是“{spec.group}”，请确认没有选错文件",
                "warning",
            )
        )
    return out


def _outsiders(
    named: list[tuple[tuple, str]], members: set[str], role: str, listed: str
) -> list[Finding]:
    """A warning for each (path, name) whose name is not a member's."""
    return [
        (
            path,
            f"{role}“{name}”不在成员名单中（成员：{listed}）；组外人员可不理会，"
            "否则请检查姓名或在“成员”中补上",
            "warning",
        )
        for path, name in named
        if same_name(name) not in members
    ]


def _people_findings(spec: LedgerSpec) -> list[Finding]:
    if not spec.members:
        return []
    members = {same_name(m.name) for m in spec.members}
    listed = "、".join(m.name for m in spec.members)
    if len(listed) > 40:
        listed = listed[:40] + "……"
    out: list[Finding] = check_unique(
        "成员",
        [(i, same_name(m.name)) for i, m in enumerate(spec.members)],
        "姓名",
        "姓名“{value}”",
        "每位成员只写一次（同名的两位老师请加以区分，如 王芳（大））",
    )
    if spec.leader and same_name(spec.leader) not in members:
        out.append((("组长",), f"组长“{spec.leader}”不在成员名单中，请在“成员”中补上", "warning"))
    present = [
        (("活动", i, "参加", k), name)
        for i, a in enumerate(spec.activities or [])
        for k, name in enumerate(a.present or [])
    ]
    present += [
        (("集体备课", i, "参加", k), name)
        for i, p in enumerate(spec.preps or [])
        for k, name in enumerate(p.present or [])
    ]
    leads = [(("集体备课", i, "主备"), p.lead) for i, p in enumerate(spec.preps or []) if p.lead]
    out += _outsiders(leads, members, "主备人", listed)
    out += _outsiders(present, members, "参加人员", listed)
    for i, r in enumerate(spec.achievements or []):
        if same_name(r.name) not in members:
            out.append(
                (
                    ("工作实绩", i, "姓名"),
                    f"“{r.name}”不在成员名单中（成员：{listed}），请检查姓名或在“成员”中补上",
                    "warning",
                )
            )
    return out


def _month_findings(spec: LedgerSpec) -> list[Finding]:
    """Achievements dated outside the term: a warning (they may be recorded late)."""
    out: list[Finding] = []
    if not spec.has_period():
        return out
    for i, r in enumerate(spec.achievements or []):
        for k, item in enumerate(r.items):
            if item.date is None:
                continue
            year, month = item.date
            if month not in spec.months() or spec.year_of_month(month) != year:
                out.append(
                    (
                        ("工作实绩", i, "项目", k, "日期"),
                        f"{year}年{month}月不在{spec.period_text()}内，请确认是{spec.period_words()['本期']}的成绩",
                        "warning",
                    )
                )
    return out


def check_ledger(spec: LedgerSpec, ctx) -> list[Finding]:
    """Period (required), dates of activities and 集体备课 inside it, the linked plan of
    the same term, members named once, people who are not members."""
    out: list[Finding] = check_period(spec, required=True)
    if spec.plan:
        out += _plan_findings(spec, ctx)
    dates = [(("活动", i, "日期"), a.date) for i, a in enumerate(spec.activities or [])]
    dates += [(("集体备课", i, "日期"), p.date) for i, p in enumerate(spec.preps or [])]
    out += check_dates_in_period(spec, dates)
    out += _people_findings(spec)
    out += _month_findings(spec)
    return out
