"""`wenshu summary init`: a 工作总结 spec scaffold written from a plan."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from ...calendar.term import DEFAULT_END
from ...fsutil import write_text_atomic
from ...spec.common import Ref, TreeNode
from ...spec.loader import load_spec
from ...spec.types import school_year_start
from ...yamlio import yaml_comment, yaml_quote
from ..plan.context import goal_ids
from ..plan.model import PlanSpec

TODO = "【待填写】"


def _ref_text(value) -> str:
    if isinstance(value, Ref):
        return f"引用 {value.ref}"
    if isinstance(value, list):
        return "；".join(_ref_text(v) for v in value)
    return str(value or "")


def _tree_skeleton(nodes: list[TreeNode], indent: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for node in nodes:
        if not node.title:
            continue
        lines.append(f"{pad}- 标题: {yaml_quote(node.title)}")
        titled = [c for c in node.children if c.title]
        if titled:
            lines.append(f"{pad}  条目:")
            lines.extend(_tree_skeleton(titled, indent + 4))
        else:
            lines.append(
                f"{pad}  内容: {yaml_quote(TODO + '做了哪些工作，取得了什么成效（尽量写数字）')}"
            )
    return lines


def scaffold_text(plan_path: Path, output: Path) -> str:
    """The scaffold for a summary of `plan_path` that will be saved at `output`."""
    loaded = load_spec(plan_path, expect_kind="工作计划")
    plan = loaded.spec
    # abspath, not resolve(): no symlinks followed (a loop would raise), as the user wrote it
    rel = os.path.relpath(os.path.abspath(plan_path), os.path.dirname(os.path.abspath(output)))
    lines = [
        f"# 工作总结：由计划 {yaml_comment(plan_path.name)} 生成的框架。",
        f"# 把所有“{TODO}”换成实际内容后运行：wenshu build {yaml_comment(output.name)}",
        f"# 单位、部门、{'年度' if plan.year is not None else '学年、学期'}沿用关联的计划，不必重写。",
        "文种: 工作总结",
        f"计划: {yaml_quote(Path(rel).as_posix())}",
        f"前言: {yaml_quote(TODO + '一两句话概述本期工作')}",
        "",
        "目标完成:                      # 完成情况：已完成 / 部分完成 / 未完成",
    ]
    for gid, goal in zip(goal_ids(plan), plan.goals):
        text = _ref_text(goal.content)
        note = f"{gid}：{text}" + (f"（指标：{goal.indicator}）" if goal.indicator else "")
        lines.append(f"  # {yaml_comment(note)}")  # plan text: one line, nothing YAML forbids
        lines.append(f"  - 编号: {yaml_quote(gid)}")
        lines.append(f"    完成情况: {yaml_quote('【待填写：已完成/部分完成/未完成】')}")
        lines.append(f"    实际: {yaml_quote(TODO + '实际达到的数字或结果')}")
        lines.append("    # 说明: 未完成或部分完成时写明原因")
    skeleton = _tree_skeleton(plan.work, 2)
    lines += ["", "主要工作及成效:                 # 骨架取自计划的“主要工作”"]
    lines += skeleton or [f"  - 标题: {yaml_quote(TODO)}", f"    内容: {yaml_quote(TODO)}"]
    lines += [
        "",
        "存在问题:",
        f"  - {yaml_quote(TODO)}",
        "",
        "努力方向:",
        f"  - {yaml_quote(TODO)}",
        "",
        "落款:",
    ]
    sig_unit = (
        plan.signature.unit
        if plan.signature and plan.signature.unit
        else plan.unit + (plan.department or "")
    )
    lines.append(f"  单位: {yaml_quote(sig_unit)}")
    hint = signature_date_hint(plan)
    earliest = (
        f"计划的落款日期 {plan.signature.date.isoformat()}"
        if plan.signature and plan.signature.date
        else "计划的落款日期"
    )
    end = plan.period_words()["期末"]
    lines.append(f"  # 日期: {hint.isoformat()}      # {end}（由计划推算），不能早于{earliest}")
    return "\n".join(lines) + "\n"


def signature_date_hint(plan: PlanSpec) -> dt.date:
    """A 落款 date for the summary of `plan`: the last Friday of its term (of the last
    teaching week when the plan has 开学, else before the usual end of the term or
    year), never before the plan's own 落款 date."""
    cal = plan.term_calendar
    if cal is not None:
        end = cal.weeks[-1].end
    elif plan.year is not None:
        end = dt.date(plan.year, 12, 31)
    else:
        first = school_year_start(plan.school_year)
        month, day = DEFAULT_END[plan.term or 1]
        end = dt.date(first + 1, month, day)
    hint = end - dt.timedelta(days=(end.weekday() - 4) % 7)  # the Friday on or before
    signed = plan.signature.date if plan.signature else None
    return max(hint, signed) if signed else hint


def default_scaffold_path(plan_path: Path) -> Path:
    """计划.yaml → 计划-总结.yaml beside it."""
    return plan_path.with_name(f"{plan_path.stem}-总结.yaml")


def write_scaffold(plan_path: Path, output: Path | None = None, force: bool = False) -> Path:
    """Write the summary scaffold for `plan_path`; never overwrites without force."""
    plan_path = Path(plan_path)
    out = Path(output) if output else default_scaffold_path(plan_path)
    text = scaffold_text(plan_path, out)
    return write_text_atomic(out, text, force=force)
