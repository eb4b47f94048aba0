"""工作计划: the template context (goals, trees, calendar, division of work, groups)."""

from __future__ import annotations

from typing import Any

from ...context import ContextMaker, common_context
from ...doctree import Table
from ...numbering import strip_typed_marker
from ...spec.types import format_week
from ...tables import make_table, merged_column, numbered_lines
from ...textnorm import normalize_text
from .model import PlanSpec
from .rotation import rotation_grid
from .weeks import outside_term_label, span_text


def goal_ids(spec: PlanSpec) -> list[str]:
    """Each goal's 编号; goals without one get G1, G2 … by position (skipping taken ids)."""
    taken = {g.id for g in spec.goals if g.id}
    out = []
    for i, g in enumerate(spec.goals, 1):
        if g.id:
            out.append(g.id)
            continue
        n = i
        while f"G{n}" in taken:
            n += 1
        taken.add(f"G{n}")
        out.append(f"G{n}")
    return out


def goal_text(content: str, indicator: str | None) -> str:
    """Goal sentence with its indicator: "……（指标：……）。"."""
    if not indicator:
        return content
    body = content.rstrip("。；;.")
    return f"{body}（指标：{indicator.rstrip('。')}）。"


def plan_goals(spec: PlanSpec, maker: ContextMaker) -> list[dict[str, Any]]:
    goals = []
    for i, (g, gid) in enumerate(zip(spec.goals, goal_ids(spec))):
        content = strip_typed_marker(maker.one_line(g.content, ("工作目标", i, "内容")))
        indicator = normalize_text(g.indicator) if g.indicator else None
        goals.append(
            {"编号": gid, "内容": content, "指标": indicator, "文本": goal_text(content, indicator)}
        )
    return goals


def calendar_rows(spec: PlanSpec, maker: ContextMaker) -> list[dict[str, Any]]:
    """Months in term order, each with its activities as plain values."""
    order = {m: i for i, m in enumerate(spec.months())}
    indexed = sorted(enumerate(spec.calendar or []), key=lambda p: order.get(p[1].month, 99))
    cal = spec.term_calendar
    months = []
    for i, mp in indexed:
        acts = []
        for j, a in enumerate(mp.activities):
            week, when = a.week, f"{a.date.month}月{a.date.day}日" if a.date else ""
            outside = ""
            if cal is not None:
                # With a known term start, 周次 and 日期 fill each other in.
                if week is None and a.date is not None:
                    n = cal.week_of(a.date)
                    week = (n, n) if n else None
                    if n is None:
                        outside = outside_term_label(cal, a.date)
                elif week is not None and a.date is None:
                    when = span_text(cal.week_range(week[0])[0], cal.week_range(week[1])[1])
            acts.append(
                {
                    "内容": maker.one_line(a.content, ("行事历", i, "活动", j, "内容")),
                    "负责人": normalize_text(a.owner) if a.owner else "",
                    "周次": format_week(week) if week else outside,
                    "日期": when,
                }
            )
        months.append({"月份": mp.month, "月份名": f"{mp.month}月", "活动": acts})
    return months


def calendar_table(months: list[dict[str, Any]]) -> Table | None:
    if not months:
        return None
    labels, rows = [], []
    for m in months:
        for a in m["活动"]:
            labels.append(m["月份名"])
            rows.append([a["周次"], a["日期"], a["内容"], a["负责人"]])
    month_cells = merged_column(labels)
    full = [[mc, *r] for mc, r in zip(month_cells, rows)]
    cols = [
        ("月份", False),
        ("周次", True),  # 年度 plans and plans without weeks leave it out
        ("日期", True),
        ("工作内容", False),
        ("负责人", False),
    ]
    return make_table("行事历", cols, full)


def rotation_table(spec: PlanSpec) -> Table | None:
    """轮值表 as a table: 周次 | one column per grade."""
    rot = spec.rotation
    if rot is None:
        return None
    grid = rotation_grid(rot)
    cols = [("周次", False)] + [(normalize_text(g), False) for g in rot.grades]
    rows = [[f"第{w}周", *[normalize_text(row.get(g, "")) for g in rot.grades]] for w, row in grid]
    caption = normalize_text(rot.caption) if rot.caption else None
    return make_table("轮值表", cols, rows, caption=caption)


def assignments(spec: PlanSpec, maker: ContextMaker) -> list[dict[str, Any]]:
    out = []
    for i, a in enumerate(spec.assignments or []):
        duties = []
        for j, d in enumerate(a.duties):
            duties.append(strip_typed_marker(maker.one_line(d, ("具体分工", i, "职责", j))))
        out.append(
            {
                "姓名": normalize_text(a.name),
                "职务": normalize_text(a.post) if a.post else "",
                "联系": [normalize_text(x) for x in a.links or []],
                "职责": duties,
            }
        )
    return out


def assignment_table(rows: list[dict[str, Any]]) -> Table | None:
    """姓名 | 职务 | 分管联系 | 工作职责 (职务 and 分管联系 only when someone has one; a
    template may rename 分管联系 to 联系学校, 联系年级 … with table(…, headers=…))."""
    if not rows:
        return None
    cols = [("姓名", False), ("职务", True), ("分管联系", True), ("工作职责", False)]
    body = [[r["姓名"], r["职务"], "、".join(r["联系"]), numbered_lines(r["职责"])] for r in rows]
    return make_table("具体分工", cols, body)


def goal_table(goals: list[dict[str, Any]]) -> Table | None:
    """序号 | 目标 | 指标: the goals as a table, for plans that list measurable targets
    (a hospital department's 质量与安全目标); 指标 only when some goal has one."""
    if not goals:
        return None
    cols = [("序号", False), ("目标", False), ("指标", True)]
    body = [[str(i), g["内容"].rstrip("。；;"), g["指标"] or ""] for i, g in enumerate(goals, 1)]
    return make_table("工作目标", cols, body)


def groups(spec: PlanSpec) -> list[dict[str, Any]]:
    return [
        {
            "名称": normalize_text(g.name),
            "组长": normalize_text(g.leader),
            "成员": [normalize_text(m) for m in g.members],
            "活动时间": normalize_text(g.meeting) if g.meeting else "",
            "研究主题": normalize_text(g.theme) if g.theme else "",
        }
        for g in spec.groups or []
    ]


def group_table(rows: list[dict[str, Any]]) -> Table | None:
    if not rows:
        return None
    cols = [
        ("教研组", False),
        ("组长", False),
        ("成员", False),
        ("活动时间", True),
        ("研究主题", True),
    ]
    body = [
        [r["名称"], r["组长"], "、".join(r["成员"]), r["活动时间"], r["研究主题"]] for r in rows
    ]
    return make_table("教研组", cols, body)


def plan_context(spec: PlanSpec, maker: ContextMaker) -> dict[str, Any]:
    """Everything a 工作计划 template can use."""
    ctx = common_context(spec, maker)
    months = calendar_rows(spec, maker)
    assign = assignments(spec, maker)
    grp = groups(spec)
    goals = plan_goals(spec, maker)
    ctx.update(
        {
            "指导思想": maker.paragraphs(spec.guiding, ("指导思想",)),
            "工作目标": goals,
            "目标都有指标": all(g["指标"] for g in goals),
            "主要工作": maker.tree(spec.work, ("主要工作",)),
            "保障措施": maker.tree(spec.safeguards, ("保障措施",)),
            "行事历": months,
            "具体分工": assign,
            "教研组": grp,
            "表格": {
                "行事历": calendar_table(months),
                "具体分工": assignment_table(assign),
                "教研组": group_table(grp),
                "轮值表": rotation_table(spec),
                "工作目标": goal_table(goals),
            },
        }
    )
    return ctx
