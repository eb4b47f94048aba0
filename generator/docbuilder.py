"""Builds a doctree.Document from calls a template makes (title, h1, text, tree, table…).

Numbering happens here: a Counter gives 一、（一）1.（1）① by level, restarting under each
parent, and markers typed by users are stripped first so they are never doubled.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from .doctree import Block, Document, Heading, PageBreak, Paragraph, Run, Signature, Table, Title
from .numbering import Counter, strip_typed_marker

# Deeper levels reuse the level-5 look (①) for styling.
STYLE_LEVELS = 5
MAX_LEVEL = 6


class TemplateUsageError(Exception):
    """A template called a builder function wrongly (message is Chinese)."""


_END_PUNCT = "。；！？：，、.;!?:"


def _as_paragraphs(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [p for p in (s.strip() for s in value.split("\n")) if p]
    if isinstance(value, Iterable) and not isinstance(value, Mapping):
        out: list[str] = []
        for v in value:
            out.extend(_as_paragraphs(v))
        return out
    if isinstance(value, Mapping):
        return _as_paragraphs(value.get("文本") or value.get("内容"))
    return [str(value)]


class DocBuilder:
    """Collects blocks; its methods are the functions templates call."""

    def __init__(self, kind: str = "") -> None:
        self.blocks: list[Block] = []
        self.kind = kind
        self.counter = Counter()
        self.level = 0  # level of the last heading, so lists and trees go one deeper
        self.title_text = ""

    # ---- functions exposed to templates -------------------------------------------------
    def title(self, text: str, subtitle: str | None = None) -> str:
        if not text:
            raise TemplateUsageError("title() 需要标题文字")
        self.title_text = str(text)
        self.blocks.append(Title(str(text), subtitle or None))
        return ""

    def heading(self, level: int, text: str) -> str:
        level = int(level)
        if not 1 <= level <= MAX_LEVEL:
            raise TemplateUsageError(f"标题级别应为 1～{MAX_LEVEL}，而不是 {level}")
        marker = self.counter.next(level)
        self.level = level
        self.blocks.append(Heading(min(level, STYLE_LEVELS), strip_typed_marker(str(text)), marker))
        return ""

    def h1(self, text: str) -> str:
        return self.heading(1, text)

    def h2(self, text: str) -> str:
        return self.heading(2, text)

    def h3(self, text: str) -> str:
        return self.heading(3, text)

    def p(self, text: str, indent: bool = True, align: str = "justify") -> str:
        if align not in ("justify", "left", "center", "right"):
            raise TemplateUsageError(f"对齐方式应为 justify/left/center/right，而不是 {align}")
        for para in _as_paragraphs(text):
            self.blocks.append(Paragraph.plain(para, indent=indent, align=align))
        return ""

    def text(self, value: Any) -> str:
        """Paragraphs from a string (one per line) or a list of strings."""
        return self.p(value)

    def items(self, values: Any, level: int | None = None) -> str:
        """A numbered list: each value becomes one numbered paragraph."""
        lv = self._level(level)
        for value in values or []:
            paras = _as_paragraphs(value)
            if not paras:
                continue
            marker = self.counter.next(lv)
            first = strip_typed_marker(paras[0])
            self.blocks.append(Paragraph([Run(marker, level=self._style(lv)), Run(first)]))
            for extra in paras[1:]:
                self.blocks.append(Paragraph.plain(extra))
        return ""

    def tree(self, nodes: Any, level: int | None = None) -> str:
        """Nested nodes ({标题, 内容, 条目}); deeper nodes get the next level's markers."""
        lv = self._level(level)
        parent_level = self.level
        for node in nodes or []:
            self._node(node, lv)
        self.level = parent_level
        return ""

    def table(self, table: Table | None) -> str:
        if table is None:
            return ""
        if not isinstance(table, Table):
            raise TemplateUsageError("table() 需要“表格”中的一项，例如 table(表格.行事历)")
        self.blocks.append(table)
        return ""

    def signature(self, unit: str | None = None, date: dt.date | None = None) -> str:
        if unit or date:
            self.blocks.append(Signature(unit or "", date))
        return ""

    def pagebreak(self) -> str:
        self.blocks.append(PageBreak())
        return ""

    def functions(self) -> dict[str, Any]:
        """The callables templates see."""
        names = (
            "title",
            "heading",
            "h1",
            "h2",
            "h3",
            "p",
            "text",
            "items",
            "tree",
            "table",
            "signature",
            "pagebreak",
        )
        return {n: getattr(self, n) for n in names}

    # ---- internals ----------------------------------------------------------------------
    def _level(self, level: int | None) -> int:
        lv = int(level) if level is not None else self.level + 1
        if not 1 <= lv <= MAX_LEVEL:
            raise TemplateUsageError(f"层级超出范围：最多 {MAX_LEVEL} 级")
        return lv

    @staticmethod
    def _style(level: int) -> int:
        return min(level, STYLE_LEVELS)

    def _node(self, node: Any, level: int) -> None:
        if isinstance(node, str):
            node = {"内容": node}
        title = node.get("标题")
        paras = _as_paragraphs(node.get("内容"))
        children = node.get("条目") or []
        if level > MAX_LEVEL:
            raise TemplateUsageError(f"层级超出范围：最多 {MAX_LEVEL} 级")
        if not title and not paras:
            # A node that only groups children adds no number of its own.
            for child in children:
                self._node(child, level)
            return
        marker = self.counter.next(level)
        style = self._style(level)
        if title:
            title = strip_typed_marker(title)
            if level <= 2 or not paras:
                # A heading on a line of its own carries no closing punctuation.
                self.blocks.append(Heading(style, title.rstrip("。；;，,：:"), marker))
                for para in paras:
                    self.blocks.append(Paragraph.plain(para))
            else:
                # Run-in heading: "1.加强理论学习。本学期……"
                head = title if title[-1] in _END_PUNCT else title + "。"
                self.blocks.append(Paragraph([Run(marker + head, level=style), Run(paras[0])]))
                for para in paras[1:]:
                    self.blocks.append(Paragraph.plain(para))
        elif paras:
            self.blocks.append(
                Paragraph([Run(marker, level=style), Run(strip_typed_marker(paras[0]))])
            )
            for para in paras[1:]:
                self.blocks.append(Paragraph.plain(para))
        self.level = level
        if children:
            for child in children:
                self._node(child, level + 1)
            self.level = level

    def document(self, author: str = "") -> Document:
        return Document(blocks=self.blocks, title=self.title_text, kind=self.kind, author=author)
