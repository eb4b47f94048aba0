"""Reusing a corpus section in a spec: filling its {{ 变量 }} and counting the use."""

from __future__ import annotations

from pathlib import Path

from ..errors import CorpusError
from .entries import PLACEHOLDER, placeholders
from .models import ResolvedSection
from .store import Corpus


def resolve_reference(
    corpus: Corpus,
    section_id: str,
    variables: dict[str, str],
    spec_values: dict[str, str],
) -> ResolvedSection:
    """The section's title, text and items with every {{ 变量 }} filled.

    Explicit `variables` (given with the reference) win over `spec_values` (单位, 学年…
    taken from the spec). A variable neither provides is a CorpusError naming it.
    """
    section = corpus.get(section_id)
    names = placeholders(section.title, section.text, *section.items)
    unused = [name for name in variables if name not in names]
    if unused:
        uses = (
            f"它用到的变量：{'、'.join(names)}" if names else "它没有用到任何变量，可以不写“变量”"
        )
        raise CorpusError(
            f"片段 {section_id}（{section.title}）中没有变量 {'、'.join(unused)}（{uses}）。请检查变量名是否写错。"
        )
    values: dict[str, str] = {}
    missing = []
    for name in names:
        for source in (variables, spec_values):
            value = source.get(name)
            if value is not None and str(value).strip():
                values[name] = str(value)
                break
        else:
            missing.append(name)
    if missing:
        listed = "、".join(missing)
        raise CorpusError(
            f"片段 {section_id}（{section.title}）用到变量 {listed}，但输入文件中没有给出。"
            f"请在输入文件中填写 {listed}，或在引用处用 变量: {{{missing[0]}: ……}} 指定。"
        )

    def fill(text: str) -> str:
        return PLACEHOLDER.sub(lambda m: values[m.group(1)], text)

    return ResolvedSection(
        title=fill(section.title),
        text=fill(section.text),
        items=[fill(item) for item in section.items],
    )


def record_use(corpus: Corpus, section_id: str, spec_path: str | Path) -> None:
    """Count one use of the section by a spec (uses, last spec, date)."""
    corpus.record_use(section_id, str(spec_path))
