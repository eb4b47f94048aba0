"""Form blocks of the document tree: printed forms to fill in (教研组台帐 and the like).

A form is a full-width table on a grid of columns; its cells may span several columns
(w:gridSpan) and continue the cell above (w:vMerge). Rows have a height in writing lines,
so that blank rows leave room for handwriting; rows marked `stretch` are repeated by the
writer until the form fills its page. A form page starts with a FormTitle, a level-1
heading that a table of contents lists. A Cover is a title page; a BodyHeading looks like
a heading but is body text (the headings of a document included in another one, which
its table of contents must not list).

Text here is already normalised, like everything in doctree. The Word writer for these
blocks is generator/docx/forms.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .doctree import Heading, Title

# label: a field name (活动时间), never wraps; head: a column heading, bold, never wraps;
# value: a short filled-in value (a date, a name, a topic), centred when it stands on one
# line; text: paragraphs of a writing area (first line indented); sign: a signature or
# seal line, right-aligned.
CellRole = Literal["label", "head", "value", "text", "sign"]


@dataclass
class FormCell:
    """One cell: `text` (lines separated by newlines), over `span` grid columns.
    `merge_up` continues the cell above (its text is not shown)."""

    text: str = ""
    span: int = 1
    role: CellRole = "value"
    merge_up: bool = False


@dataclass
class FormRow:
    """A row at least `lines` writing lines high. `fixed`: exactly that high (ruled
    writing space); `header`: repeated at the top of every page the form runs on (header
    rows come first); `stretch`: how many copies of this (blank) row the writer may add,
    relative to the other stretching rows, to fill the page."""

    cells: list[FormCell]
    lines: float = 1.0
    fixed: bool = False
    header: bool = False
    stretch: float = 0.0

    @property
    def span(self) -> int:
        return sum(c.span for c in self.cells)


@dataclass
class FormColumn:
    """A grid column: never narrower than `min_em` (room to write by hand), and its
    share of the width the cells leave over (`grow`)."""

    min_em: float = 0.0
    grow: float = 0.0


@dataclass
class Form:
    """A form: `kind` names it (签到表, 活动记录 …); rows on a grid of `columns`."""

    kind: str
    columns: list[FormColumn]
    rows: list[FormRow] = field(default_factory=list)

    def __post_init__(self) -> None:
        for row in self.rows:
            if row.span != len(self.columns):
                raise ValueError(
                    f"form {self.kind}: a row spans {row.span} columns, the grid has "
                    f"{len(self.columns)}"
                )

    def texts(self) -> list[str]:
        """Every shown text, row by row (for checks that nothing is lost)."""
        return [
            line
            for row in self.rows
            for cell in row.cells
            if not cell.merge_up
            for line in cell.text.split("\n")
            if line.strip()
        ]


@dataclass
class FormTitle(Heading):
    """The centred title at the top of a form page; a level-1 heading (目录 lists it).
    It always starts a new page."""

    def texts(self) -> list[str]:
        return [self.full_text]


@dataclass
class CoverField:
    """A line of a cover: 单位 ____城南中学____ (an empty value leaves a line to fill)."""

    label: str
    value: str = ""


@dataclass
class Cover(Title):
    """A title page: the big title (`text`), an optional line under it, then labelled
    fields on ruled lines. What follows starts on the next page."""

    fields: list[CoverField] = field(default_factory=list)

    def texts(self) -> list[str]:
        out = [self.text] + ([self.subtitle] if self.subtitle else [])
        for f in self.fields:
            out.append(f.label)
            if f.value:
                out.append(f.value)
        return out


@dataclass
class BodyHeading:
    """A heading of an included document: styled like `heading`, kept with the next
    paragraph, but body text to tables of contents and outlines."""

    heading: Heading

    def texts(self) -> list[str]:
        return [self.heading.full_text + (self.heading.body or "")]


def as_included(blocks: list) -> list:
    """Blocks of a document to include in another one: its title and table of contents
    left out (the including document has its own), its headings as BodyHeadings."""
    from .doctree import PageBreak, TableOfContents

    out: list = []
    for block in blocks:
        if isinstance(block, (Title, TableOfContents)):
            continue
        if isinstance(block, PageBreak) and not out:
            continue
        if isinstance(block, Heading):
            block = BodyHeading(block)
        out.append(block)
    return out
