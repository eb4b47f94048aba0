"""Builds a doctree.Document from calls a template makes (title, h1, text, tree, table…).

Numbering happens here: a Counter gives 一、（一）1.（1）① by level, restarting under each
parent, and markers typed by users are stripped first so they are never doubled.
"""

from __future__ import annotations

import dataclasses
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
# A sentence of body text ends with one of these; anything else gets "。".
_SENTENCE_END = "。；！？：…!?;:."


# A list item longer than this (characters), or with a comma inside, is a sentence.
_PHRASE_MAX = 8


def sentence(text: str) -> str:
    """`text` as a finished sentence: "。" added when it ends without punctuation."""
    text = text.rstrip()
    if text and text[-1] not in _SENTENCE_END:
        return text + "。"
    return text


def _sentence_list(texts: list[str]) -> bool:
    """True when a list holds sentences (then every item ends like one), False for a
    list of short phrases (教案、作业), which stay as they are."""
    return any(len(t) > _PHRASE_MAX or any(c in t for c in "，；：,;") for t in texts)


def _node_text(node: Any) -> str:
    """First line of an untitled tree node's text ("" for titled nodes)."""
    if isinstance(node, str):
        return node
    if isinstance(node, Mapping) and not node.get("标题"):
        paras = _as_paragraphs(node.get("内容"))
        return paras[0] if paras else ""
    return ""


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

    def p(
        self, text: str, indent: bool = True, align: str = "justify", lead: str | None = None
    ) -> str:
        """Body paragraphs; `lead` is a bold run-in before the first one ("某目标：…")."""
        if align not in ("justify", "left", "center", "right"):
            raise TemplateUsageError(f"对齐方式应为 justify/left/center/right，而不是 {align}")
        for i, para in enumerate(_as_paragraphs(text)):
            runs = [Run(str(lead), bold=True), Run(para)] if lead and i == 0 else [Run(para)]
            self.blocks.append(Paragraph(runs, indent=indent, align=align))
        return ""

    def text(self, value: Any) -> str:
        """Paragraphs from a string (one per line) or a list of strings."""
        return self.p(value)

    def items(self, values: Any, level: int | None = None) -> str:
        """A numbered list: each value becomes one numbered body paragraph (a sentence,
        not a heading: marker and text in the body font)."""
        lv = self._level(level)
        lists = [p for p in (_as_paragraphs(v) for v in values or []) if p]
        finish = sentence if _sentence_list([p[0] for p in lists]) else str.rstrip
        for paras in lists:
            marker = self.counter.next(lv)
            self.blocks.append(Paragraph.plain(marker + finish(strip_typed_marker(paras[0]))))
            for extra in paras[1:]:
                self.blocks.append(Paragraph.plain(sentence(extra)))
        return ""

    def tree(self, nodes: Any, level: int | None = None) -> str:
        """Nested nodes ({标题, 内容, 条目}); deeper nodes get the next level's markers."""
        lv = self._level(level)
        parent_level = self.level
        self._nodes(nodes or [], lv)
        self.level = parent_level
        return ""

    def table(self, table: Table | None, headers: Mapping[str, str] | None = None) -> str:
        """A table; right under a heading its caption is left out (the heading names it).
        `headers` renames columns for the template's unit ({"分管联系": "联系学校"});
        a column the table does not have (left out because empty) is passed over."""
        if table is None:
            return ""
        if not isinstance(table, Table):
            raise TemplateUsageError("table() 需要“表格”中的一项，例如 table(表格.行事历)")
        if headers:
            if not isinstance(headers, Mapping):
                raise TemplateUsageError(
                    'table() 的 headers 应写成 {"原表头": "新表头"}，例如 {"分管联系": "联系学校"}'
                )
            renamed = [str(headers.get(h, h)) for h in table.header]
            table = dataclasses.replace(table, header=renamed)
        if table.caption and self.blocks and isinstance(self.blocks[-1], Heading):
            table = dataclasses.replace(table, caption=None)
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

    def _nodes(self, nodes: list[Any], level: int) -> None:
        """Sibling nodes: untitled items end like sentences when any of them is one."""
        texts = [t for t in map(_node_text, nodes) if t]
        finish = sentence if _sentence_list(texts) else str.rstrip
        for node in nodes:
            self._node(node, level, finish)

    def _node(self, node: Any, level: int, finish=sentence) -> None:
        if isinstance(node, str):
            node = {"内容": node}
        title = node.get("标题")
        paras = _as_paragraphs(node.get("内容"))
        children = node.get("条目") or []
        if level > MAX_LEVEL:
            raise TemplateUsageError(f"层级超出范围：最多 {MAX_LEVEL} 级")
        if not title and not paras:
            # A node that only groups children adds no number of its own.
            self._nodes(children, level)
            return
        marker = self.counter.next(level)
        style = self._style(level)
        if title:
            # Every titled node is a heading of its level, so Word's navigation pane and a
            # table of contents list it whether or not it has text or children.
            title = strip_typed_marker(title)
            if level <= 2 or not paras:
                # A heading on a line of its own carries no closing punctuation.
                self.blocks.append(Heading(style, title.rstrip("。；;，,：:"), marker))
                for para in paras:
                    self.blocks.append(Paragraph.plain(sentence(para)))
            else:
                # Run-in heading: "1.加强理论学习。本学期……"
                head = title if title[-1] in _END_PUNCT else title + "。"
                self.blocks.append(Heading(style, head, marker, body=sentence(paras[0])))
                for para in paras[1:]:
                    self.blocks.append(Paragraph.plain(sentence(para)))
        elif paras:
            # A sentence without a title is body text, whatever its level.
            self.blocks.append(Paragraph.plain(marker + finish(strip_typed_marker(paras[0]))))
            for para in paras[1:]:
                self.blocks.append(Paragraph.plain(sentence(para)))
        self.level = level
        if children:
            self._nodes(children, level + 1)
            self.level = level

    def document(self, author: str = "") -> Document:
        return Document(blocks=self.blocks, title=self.title_text, kind=self.kind, author=author)
