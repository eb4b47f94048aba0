"""The document tree: what a template renders to and what the Word writer reads.

Numbers (一、（一）1.…) are already part of the text here; the writer only styles.
Text here is already normalised (full-width punctuation etc.).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal, Union


@dataclass
class Run:
    """A piece of a paragraph. `level` set means: styled like a heading of that level
    (a run-in heading such as "1.加强理论学习。" followed by body text)."""

    text: str
    level: int | None = None
    bold: bool = False


@dataclass
class Title:
    """The document title (二号 小标宋, centred); optional subtitle line below it."""

    text: str
    subtitle: str | None = None


@dataclass
class Heading:
    """A heading in its level's heading style. level 1..5; `marker` like "一、" or "（一）".

    With `body` it is a run-in heading: "1.加强理论学习。" followed by `body` in the same
    paragraph, in the body font.
    """

    level: int
    text: str
    marker: str = ""
    body: str | None = None

    @property
    def full_text(self) -> str:
        return f"{self.marker}{self.text}"


@dataclass
class Paragraph:
    """A body paragraph, first line indented 2 characters unless `indent` is False.

    `align` is "justify" (default), "left", "center" or "right".
    """

    runs: list[Run]
    indent: bool = True
    align: Literal["justify", "left", "center", "right"] = "justify"

    @classmethod
    def plain(cls, text: str, **kw) -> Paragraph:
        return cls(runs=[Run(text)], **kw)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class Cell:
    """A table cell. `merge_up` True: this cell continues the cell above (vertical merge)."""

    text: str
    merge_up: bool = False


@dataclass
class Table:
    """A table with one header row; the writer sizes its columns from their content.

    `kind` names what the table holds (行事历, 具体分工, 教研组, 目标完成情况, 轮值表, 校历);
    `caption` is an optional line above the table.
    """

    kind: str
    header: list[str]
    rows: list[list[Cell]]
    caption: str | None = None

    def __post_init__(self) -> None:
        for row in self.rows:
            if len(row) != len(self.header):
                raise ValueError(
                    f"table {self.kind}: row has {len(row)} cells, header {len(self.header)}"
                )


@dataclass
class Signature:
    """The closing block: unit name, then the date, right-aligned."""

    unit: str
    date: dt.date | None = None


@dataclass
class PageBreak:
    pass


@dataclass
class TableOfContents:
    """目录: the headings down to `levels` that follow it, with their page numbers.

    `pages` holds one page number per entry (see `toc_entries`) once the document has
    been laid out; None means not known, and entries are written without numbers.
    """

    levels: int = 2
    pages: list[int] | None = None


Block = Union[Title, Heading, Paragraph, Table, Signature, PageBreak, TableOfContents]


def toc_entries(blocks: list[Block], levels: int) -> list[Heading]:
    """The headings a table of contents lists: those of `levels` or above, in order."""
    return [b for b in blocks if isinstance(b, Heading) and b.level <= levels]


@dataclass
class Document:
    """A whole document: metadata plus blocks in reading order."""

    blocks: list[Block]
    title: str = ""
    kind: str = ""  # 工作计划 / 工作职责 / 工作总结 / 校历
    author: str = ""

    def texts(self) -> list[str]:
        """Every piece of visible text in reading order (for tests and checks)."""
        out: list[str] = []
        for b in self.blocks:
            own = getattr(b, "texts", None)
            if own is not None:  # block types of their own (notice_blocks.py, forms.py …)
                out.extend(own())
            elif isinstance(b, Title):
                out.append(b.text)
                if b.subtitle:
                    out.append(b.subtitle)
            elif isinstance(b, Heading):
                out.append(b.full_text + (b.body or ""))
            elif isinstance(b, Paragraph):
                out.append(b.text)
            elif isinstance(b, Table):
                if b.caption:
                    out.append(b.caption)
                out.extend(b.header)
                for row in b.rows:
                    out.extend(c.text for c in row if not c.merge_up)
            elif isinstance(b, Signature):
                out.append(b.unit)
                if b.date:
                    out.append(format_cn_date(b.date))
        return out


def format_cn_date(d: dt.date) -> str:
    """2025-09-01 → 2025年9月1日 (no zero padding)."""
    return f"{d.year}年{d.month}月{d.day}日"
