"""制度: the template context (章, 条 with their 款, 附则; numbers stripped)."""

from __future__ import annotations

from typing import Any

from ...context import ContextMaker, common_context
from ...numbering import strip_typed_marker
from ...spec.common import Ref
from ...textnorm import normalize_text
from .model import Clause, RegulationSpec


def _lines(text: str) -> list[str]:
    return [normalize_text(line) for line in text.split("\n") if line.strip()]


def clause_dicts(maker: ContextMaker, clauses: list[Clause] | None, path: tuple) -> list[dict]:
    """Each 条 as {内容, 段, 款}: its first paragraph, further paragraphs, and its 款.

    A corpus section as a 条 gives its text as the 条 and its items as 款; a section as
    a 款 gives one 款 per paragraph. Numbers typed at the start are stripped.
    """
    out = []
    for i, clause in enumerate(clauses or []):
        p = path + (i,)
        items: list[str] = []
        if isinstance(clause.content, Ref):
            section = maker.resolve(clause.content, p + ("内容",))
            paras = _lines(section.text) if section else []
            items = [normalize_text(t) for t in section.items] if section else []
        else:
            paras = maker.text(clause.content, p + ("内容",))
        for j, item in enumerate(clause.items or []):
            items.extend(maker.text(item, p + ("款", j)))
        paras = [strip_typed_marker(t) for t in paras]
        if not paras:  # a reference that could not be resolved (reported by the maker)
            continue
        out.append(
            {
                "内容": paras[0],
                "段": paras[1:],
                "款": [strip_typed_marker(t) for t in items if t.strip()],
            }
        )
    return out


def regulation_context(spec: RegulationSpec, maker: ContextMaker) -> dict[str, Any]:
    """Everything a 制度 template can use."""
    ctx = common_context(spec, maker)
    ctx.update(
        {
            "编号": spec.numbering,
            "章": [
                {
                    "标题": strip_typed_marker(normalize_text(chapter.title)),
                    "条": clause_dicts(maker, chapter.clauses, ("章", i, "条")),
                }
                for i, chapter in enumerate(spec.chapters or [])
            ],
            "条": clause_dicts(maker, spec.clauses, ("条",)),
            "附则": clause_dicts(maker, spec.supplementary, ("附则",)),
        }
    )
    return ctx
