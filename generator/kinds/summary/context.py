"""工作总结: the template context, with the goal table built from the linked plan."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ...context import ContextMaker, common_context
from ...doctree import Table
from ...numbering import strip_typed_marker
from ...tables import make_table
from ...textnorm import normalize_text
from .model import STATUSES, SummarySpec


def goal_rows(spec: SummarySpec, maker: ContextMaker) -> list[dict[str, Any]]:
    """One row per reported goal, in the plan's order when a plan is linked."""
    results = {r.id: (i, r) for i, r in enumerate(spec.results or [])}
    goals_by_id: dict[str, dict[str, Any]] = {}
    order: list[str] = [r.id for r in spec.results or []]
    plan = spec.linked_plan
    if plan is not None:
        from ..plan.context import plan_goals

        plan_maker = ContextMaker(
            maker.resolver, label=plan.source.label, line_for=plan.source.line_for
        )
        for g in plan_goals(plan.spec, plan_maker):
            goals_by_id[g["编号"]] = g
        maker.problems.extend(plan_maker.problems)
        order = [gid for gid in goals_by_id if gid in results]
    rows = []
    for gid in order:
        i, r = results[gid]
        goal = goals_by_id.get(gid, {})
        content = goal.get("内容") or normalize_text(r.content or "")
        indicator = goal.get("指标") or (normalize_text(r.indicator) if r.indicator else "")
        rows.append(
            {
                "编号": gid,
                "目标": strip_typed_marker(content),
                "指标": indicator or "",
                "实际": normalize_text(r.actual) if r.actual else "",
                "完成情况": r.status,
                "说明": maker.one_line(r.note, ("目标完成", i, "说明")) if r.note else "",
            }
        )
    return rows


def tally(rows: list[dict[str, Any]]) -> str:
    """ "4项目标中已完成2项、部分完成1项、未完成1项。"."""
    if not rows:
        return ""
    counts = Counter(r["完成情况"] for r in rows)
    parts = [f"{s}{counts[s]}项" for s in STATUSES if counts[s]]
    pending = sum(v for k, v in counts.items() if k not in STATUSES)
    if pending:
        parts.append(f"待填写{pending}项")
    return f"{len(rows)}项目标中" + "、".join(parts) + "。"


def goal_table(rows: list[dict[str, Any]]) -> Table | None:
    if not rows:
        return None
    cols = [
        ("目标", False),
        ("指标", False),
        ("实际", False),
        ("完成情况", False),
    ]
    return make_table(
        "目标完成情况", cols, [[r["目标"], r["指标"], r["实际"], r["完成情况"]] for r in rows]
    )


def summary_context(spec: SummarySpec, maker: ContextMaker) -> dict[str, Any]:
    """Everything a 工作总结 template can use."""
    ctx = common_context(spec, maker)
    rows = goal_rows(spec, maker)
    # Each note names its goal and status and reads as a sentence of its own;
    # 文本 is the whole of it, for templates that list the notes with items().
    notes = []
    for r in rows:
        if not r["说明"]:
            continue
        goal = r["目标"].rstrip("。；;")
        note = r["说明"] if r["说明"][-1] in "。！？；…" else r["说明"] + "。"
        notes.append(
            {
                "目标": goal,
                "完成情况": r["完成情况"],
                "说明": note,
                "文本": f"{goal}（{r['完成情况']}）：{note}",
            }
        )
    ctx.update(
        {
            "目标完成": rows,
            "目标统计": tally(rows),
            "目标说明": notes,
            "主要工作及成效": maker.tree(spec.work, ("主要工作及成效",)),
            "存在问题": [
                strip_typed_marker(t)
                for i, v in enumerate(spec.problems or [])
                for t in maker.text(v, ("存在问题", i))
            ],
            "努力方向": [
                strip_typed_marker(t)
                for i, v in enumerate(spec.directions or [])
                for t in maker.text(v, ("努力方向", i))
            ],
            "表格": {"目标完成情况": goal_table(rows)},
        }
    )
    return ctx
