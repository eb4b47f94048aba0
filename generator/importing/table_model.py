"""Tables read from a file (Word tables, or tab-separated rows copied from a web page) and
the place-holder line that keeps each table at its position in the text.

A table sits in the line stream as a token line, so cleaning, splitting and heading
parsing see where it was; the Table object travels beside the lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_OPEN, _CLOSE = "\ue000", "\ue001"
_TOKEN = re.compile(f"^{_OPEN}(\\d+){_CLOSE}$")
_TOKEN_CHARS = re.compile(f"[{_OPEN}{_CLOSE}]")


@dataclass
class Cell:
    """One cell: its paragraphs, grid column and span; `continued` for the lower parts of a
    vertically merged cell (their text is the text of the cell above)."""

    paragraphs: list[str]
    col: int = 0
    span: int = 1
    continued: bool = False

    @property
    def text(self) -> str:
        return "\n".join(p for p in self.paragraphs if p.strip()).strip()


@dataclass
class Table:
    """Rows of distinct cells (a horizontally merged cell appears once).

    `kind` is decided by table_roles.classify: "data" (a calendar, a list of names: kept
    as a table, no headings), "structure" (task cells and time labels are headings),
    "form" (label/value cells: one form is one document), or "layout" (a frame around
    text: read as lines)."""

    cells: list[list[Cell]]
    kind: str = "data"
    headings: list[str] = field(default_factory=list)  # cell texts read as headings

    @property
    def rows(self) -> list[list[str]]:
        """Cell texts per row; the lower parts of a vertical merge are ""."""
        return [["" if c.continued else c.text for c in row] for row in self.cells]

    @property
    def shape(self) -> tuple[int, int]:
        """(rows, columns) as a reader counts them."""
        cols = max((sum(c.span for c in row) for row in self.cells), default=0)
        return len(self.cells), cols


def token(index: int) -> str:
    """The line that stands for table `index` in the text."""
    return f"{_OPEN}{index}{_CLOSE}"


def token_index(line: str) -> int | None:
    """The table index when `line` is a table token, else None."""
    if not line.startswith(_OPEN):
        return None
    m = _TOKEN.match(line)
    return int(m.group(1)) if m else None


def strip_token_chars(text: str) -> str:
    """Remove the two private characters tokens are made of from real text."""
    return _TOKEN_CHARS.sub("", text) if _OPEN in text or _CLOSE in text else text
