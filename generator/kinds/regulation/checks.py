"""Checks of 制度 specs: 条 or 章 (not both), and no 条 or 款 that is only a number."""

from __future__ import annotations

from ...numbering import strip_typed_marker
from ...spec.checks import Finding, check_period, check_unique
from ...spec.common import Ref
from .model import Clause, RegulationSpec


def _only_marker(text: str) -> bool:
    """True for a text that is nothing but a number typed by hand (第三条, 一、, （二）)."""
    return strip_typed_marker(text + "x") == "x"


def _clause_findings(clauses: list[Clause], path: tuple) -> list[Finding]:
    out: list[Finding] = []
    for i, clause in enumerate(clauses):
        texts = [((i, "内容"), clause.content)]
        texts += [((i, "款", j), item) for j, item in enumerate(clause.items or [])]
        for sub, value in texts:
            if not isinstance(value, Ref) and _only_marker(value):
                out.append(
                    (
                        path + sub,
                        f"“{value}”只有编号没有内容：编号由程序生成，请写出条文内容",
                        "error",
                    )
                )
    return out


def check_regulation(spec: RegulationSpec, _ctx: object = None) -> list[Finding]:
    """章 and top-level 条 are two ways of writing the clauses: one of them, not both."""
    out: list[Finding] = list(check_period(spec, required=False))
    if spec.chapters and spec.clauses:
        out.append(
            (
                ("条",),
                "“章”和“条”不能同时使用：分章时把条文写在各章的“条”下，不分章时删去“章”",
                "error",
            )
        )
    elif not spec.chapters and not spec.clauses:
        out.append(
            ((), "缺少条文：请写“条”（条文列表），或分章写在“章”下（每章有标题和条）", "error")
        )
    for i, chapter in enumerate(spec.chapters or []):
        out += _clause_findings(chapter.clauses, ("章", i, "条"))
    out += _clause_findings(spec.clauses or [], ("条",))
    out += _clause_findings(spec.supplementary or [], ("附则",))
    out += check_unique(
        "章",
        [(i, strip_typed_marker(c.title)) for i, c in enumerate(spec.chapters or [])],
        "标题",
        "章标题“{value}”",
        "请改用不同的标题",
        severity="warning",
    )
    return out
