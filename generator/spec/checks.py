"""Checks that need more than one field: periods, months, dates, tree depth, placeholders,
people named in the calendar. Each returns (path, message, severity) findings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from ..textnorm import find_placeholders
from .common import Period, TreeNode

Finding = tuple[tuple, str, str]  # (path, message, "error" | "warning")

MAX_TREE_DEPTH = 5


def check_period(spec: Period, required: bool) -> list[Finding]:
    return [(path, msg, "error") for path, msg in spec.period_check(required)]


def check_tree_depth(nodes: list[TreeNode] | None, key: str) -> list[Finding]:
    """A tree may be at most MAX_TREE_DEPTH levels deep."""
    out: list[Finding] = []

    def walk(items: list[TreeNode], path: tuple, depth: int) -> None:
        for i, node in enumerate(items):
            p = path + (i,)
            if depth > MAX_TREE_DEPTH:
                out.append(
                    (
                        p,
                        f"层级过深：最多 {MAX_TREE_DEPTH} 级（一、（一）1.（1）①），请合并或上移这一项",
                        "error",
                    )
                )
                continue
            walk(node.children, p + ("条目",), depth + 1)

    walk(nodes or [], (key,), 1)
    return out


def check_dates_in_period(spec: Period, dates: list[tuple[tuple, Any]]) -> list[Finding]:
    """Each (path, date) must fall inside the spec's period."""
    rng = spec.date_range()
    if rng is None:
        return []
    lo, hi = rng
    out: list[Finding] = []
    for path, d in dates:
        if d is not None and not lo <= d <= hi:
            out.append(
                (
                    path,
                    f"{d.isoformat()} 不在{spec.period_text()}内（{lo.isoformat()} 至 {hi.isoformat()}）",
                    "error",
                )
            )
    return out


# How far a 落款 date may lie before the period a plan is for, or after the period a
# summary reports on, before it looks like last year's date left in by mistake.
SIGNATURE_SLACK = dt.timedelta(days=120)


def check_signature_date(spec: Any, looks_back: bool) -> list[Finding]:
    """Warn when the 落款 date does not fit the period: a plan (looks_back False) is
    signed before or during its period, a summary (looks_back True) during or after it."""
    sig = getattr(spec, "signature", None)
    rng = spec.date_range()
    if sig is None or sig.date is None or rng is None:
        return []
    lo, hi = rng
    d, period = sig.date, spec.period_text()
    if looks_back:
        if d < lo:
            return [
                (
                    ("落款", "日期"),
                    f"总结的落款日期 {d.isoformat()} 早于{period}的开始（{lo.isoformat()}），请核对年份",
                    "warning",
                )
            ]
        far = d > hi + SIGNATURE_SLACK
    else:
        if d > hi:
            return [
                (
                    ("落款", "日期"),
                    f"计划的落款日期 {d.isoformat()} 晚于{period}的结束（{hi.isoformat()}），请核对年份",
                    "warning",
                )
            ]
        far = d < lo - SIGNATURE_SLACK
    if far:
        return [
            (
                ("落款", "日期"),
                f"落款日期 {d.isoformat()} 离{period}（{lo.isoformat()} 至 {hi.isoformat()}）"
                "相隔四个月以上，请核对年份",
                "warning",
            )
        ]
    return []


def iter_strings(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every string in raw spec data with its path, in document order."""
    # A stack, not nested generators: each string would otherwise pass up through one
    # generator per level of a deep 主要工作 tree.
    stack: list[tuple[tuple, Any]] = [(path, data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            yield where, value
        elif isinstance(value, dict):
            stack.extend((where + (k,), v) for k, v in reversed(list(value.items())))
        elif isinstance(value, list):
            stack.extend((where + (i,), value[i]) for i in range(len(value) - 1, -1, -1))


def check_placeholders(data: Any) -> list[Finding]:
    """Warn about 20xx, XX, ××, 某某, ___ and 【待…】 left in any text."""
    out: list[Finding] = []
    for path, text in iter_strings(data):
        found = find_placeholders(text)
        if found:
            shown = "、".join(dict.fromkeys(f"“{m}”" for m, _ in found))
            out.append((path, f"含有未替换的占位内容 {shown}，请改成实际内容", "warning"))
    return out


def check_unique(
    key: str,
    values: list[tuple[int, object]],
    field: str,
    what: str,
    hint: str,
    severity: str = "error",
) -> list[Finding]:
    """A value repeated in a list: `values` are (item index, value) for list `key`; the
    finding points at `key[i].field` and names the item that had it first."""
    out: list[Finding] = []
    first: dict[object, int] = {}
    for i, value in values:
        if value is None:
            continue
        if value in first:
            path = (key, i, field) if field else (key, i)
            out.append(
                (path, f"{what.format(value=value)}与第{first[value] + 1}项重复，{hint}", severity)
            )
        first.setdefault(value, i)
    return out
