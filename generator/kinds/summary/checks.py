"""Checks of 工作总结 specs, including the link to the plan they report on."""

from __future__ import annotations

from ...spec.checks import (
    Finding,
    check_period,
    check_signature_date,
    check_tree_depth,
    check_unique,
)
from ...spec.links import load_linked
from .model import STATUSES, SummarySpec

_INHERITED = (
    ("unit", "单位"),
    ("department", "部门"),
    ("school_year", "学年"),
    ("term", "学期"),
    ("year", "年度"),
)


def _inherit(spec: SummarySpec, plan) -> list[Finding]:
    """Take 单位/部门/学年/学期/年度 from the plan where the summary leaves them out."""
    out: list[Finding] = []
    for attr, key in _INHERITED:
        mine, theirs = getattr(spec, attr), getattr(plan.spec, attr)
        if mine is None:
            setattr(spec, attr, theirs)
        elif theirs is not None and mine != theirs:
            shown = plan.spec.term_name() if attr == "term" else theirs
            out.append(
                (
                    (key,),
                    f"与关联的计划不一致：计划中为“{shown}”。可删去此项，让它沿用计划",
                    "error",
                )
            )
    return out


def check_summary(spec: SummarySpec, ctx) -> list[Finding]:
    """Period, goal links (编号 must exist in the plan), signature date after the plan's."""
    out: list[Finding] = []
    plan = None
    if spec.plan:
        plan = load_linked(spec.plan, ctx, key="计划")
        spec._plan = plan
        out += _inherit(spec, plan)
    if spec.unit is None:
        out.append((("单位",), "缺少必填项“单位”（或用“计划”关联一份计划，沿用其单位）", "error"))
    period = check_period(spec, required=True)
    out += period or check_signature_date(spec, looks_back=True)
    out += check_tree_depth(spec.work, "主要工作及成效")

    results = spec.results or []
    out += check_unique(
        "目标完成",
        [(i, r.id) for i, r in enumerate(results)],
        "编号",
        "编号“{value}”",
        "每项目标只写一次",
    )
    seen = {r.id for r in results}

    if plan is not None:
        from ..plan.context import goal_ids

        ids = goal_ids(plan.spec)
        for i, r in enumerate(results):
            if r.id not in ids:
                out.append(
                    (
                        ("目标完成", i, "编号"),
                        f"计划中没有编号为“{r.id}”的目标（计划中的编号：{'、'.join(ids)}）",
                        "error",
                    )
                )
        for gid, goal in zip(ids, plan.spec.goals):
            if gid not in seen:
                text = goal.content if isinstance(goal.content, str) else f"引用 {goal.content.ref}"
                out.append(
                    (("目标完成",), f"计划目标 {gid}（{text[:20]}）没有填写完成情况", "warning")
                )
        plan_sig = plan.spec.signature
        if (
            plan_sig
            and plan_sig.date
            and spec.signature
            and spec.signature.date
            and spec.signature.date < plan_sig.date
        ):
            out.append(
                (
                    ("落款", "日期"),
                    f"总结日期 {spec.signature.date.isoformat()} 早于计划日期 {plan_sig.date.isoformat()}",
                    "error",
                )
            )
    else:
        for i, r in enumerate(results):
            if not r.content:
                out.append(
                    (
                        ("目标完成", i),
                        "没有关联计划时，请写出这项目标的“内容”（或用“计划”关联计划文件）",
                        "error",
                    )
                )
    for i, r in enumerate(results):
        if r.status not in STATUSES:
            # A scaffold placeholder: the placeholder warning covers it; nothing more here.
            continue
        if r.status != "已完成" and not r.note and not r.actual:
            out.append(
                (
                    ("目标完成", i, "说明"),
                    f"目标 {r.id} {r.status}，建议在“说明”中写明原因",
                    "warning",
                )
            )
    return out
