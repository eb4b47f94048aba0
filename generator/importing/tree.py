"""Build the heading/item tree of one document.

Levels follow the order in which marker styles appear, as a person reads: the first style
seen is level 1, a new style below it is level 2, and a style seen before returns to its
level (so "1. 2. 3." restarting under a new "二、" stays at its level). Unnumbered headings
("指导思想", "九月份：") are placed by context, see `_unmarked_index`."""

from __future__ import annotations

from collections.abc import Iterator

from .glued import split_glued_lines
from .heading_rules import (
    is_marked_heading,
    is_subtitle,
    is_unmarked_heading,
    split_run_in,
)
from .markers import Marker, match_marker
from .model import Node
from .textutil import COLONS

MAX_LEVEL = 5
UNMARKED = ""  # style key of unnumbered headings
_DIGIT_FAMILY = ("1.", "1、")  # writers switch between these mid-list


def parse_nodes(lines: list[str]) -> tuple[str, list[Node]]:
    """(preamble, top-level nodes) of a document's cleaned lines; every character of the
    input except whitespace ends up in the preamble or in a node's marker/title/text."""
    parts = [(n, text) for n, text in split_glued_lines(lines) if text.strip()]
    builder = _TreeBuilder()
    for i, (line_no, text) in enumerate(parts):
        following = parts[i + 1][1] if i + 1 < len(parts) else None
        marker = match_marker(text)
        if marker is not None:
            builder.add_marked(marker, line_no)
        elif builder.at_start() and is_subtitle(text):
            builder.add_body(text)
        elif is_unmarked_heading(text, following):
            builder.add_unmarked(text, line_no, following)
        else:
            builder.add_body(text)
    return "\n".join(builder.preamble), builder.roots


def iter_nodes(nodes: list[Node]) -> Iterator[Node]:
    """All nodes in document order (pre-order)."""
    for node in nodes:
        yield node
        yield from iter_nodes(node.children)


def is_heading(node: Node) -> bool:
    """True for a heading node (a title of its own), False for a numbered item/paragraph."""
    return bool(node.title) and not node.run_in


def display_title(node: Node) -> str:
    """The node's title without a trailing colon or full stop, for display and matching."""
    return node.title.rstrip(COLONS + "。.").strip()


class _TreeBuilder:
    def __init__(self) -> None:
        self.preamble: list[str] = []
        self.roots: list[Node] = []
        self.styles: list[str] = []  # style key per open level
        self.path: list[Node] = []  # open node per level
        self.numbers: list[int | None] = []  # number of the open node per level

    def at_start(self) -> bool:
        return not self.roots and not self.preamble

    def add_body(self, text: str) -> None:
        if not self.path:
            self.preamble.append(text.strip())
            return
        node = self.path[-1]
        node.text = f"{node.text}\n{text.strip()}" if node.text else text.strip()

    def add_marked(self, marker: Marker, line_no: int) -> None:
        style = self._continued_style(marker)
        index = self.styles.index(style) if style in self.styles else len(self.styles)
        if is_marked_heading(marker.rest):
            node = Node(0, marker.text.strip(), marker.rest.strip(), line=line_no)
        else:
            title, text = split_run_in(marker.rest)
            node = Node(0, marker.text.strip(), title, text, line=line_no, run_in=bool(title))
        self._place(node, index, style, marker.number)

    def _continued_style(self, marker: Marker) -> str:
        """ "8、" right after "7." continues that list: same level despite the other mark."""
        if marker.style in self.styles or marker.style not in _DIGIT_FAMILY:
            return marker.style
        for j in range(len(self.styles) - 1, -1, -1):
            if self.styles[j] in _DIGIT_FAMILY and self.numbers[j] is not None:
                if marker.number is not None and self.numbers[j] + 1 == marker.number:
                    return self.styles[j]
                break
        return marker.style

    def add_unmarked(self, text: str, line_no: int, following: str | None) -> None:
        node = Node(0, "", text.strip(), line=line_no)
        self._place(node, self._unmarked_index(following), UNMARKED)

    def _unmarked_index(self, following: str | None) -> int:
        """0-based level of an unnumbered heading, decided by what surrounds it."""
        last = self.path[-1] if self.path else None
        # Right under a heading that has nothing yet: it is that heading's first child.
        if last is not None and is_heading(last) and not last.text and not last.children:
            return len(self.path)
        # Followed by numbered lines of a style already open: it heads that list.
        nxt = match_marker(following) if following else None
        if nxt is not None and nxt.style in self.styles:
            j = self.styles.index(nxt.style)
            return j - 1 if j > 0 and self.styles[j - 1] == UNMARKED else j
        # Otherwise a sibling of the nearest open unnumbered heading, or one level down.
        if UNMARKED in self.styles:
            return len(self.styles) - 1 - self.styles[::-1].index(UNMARKED)
        return len(self.styles)

    def _place(self, node: Node, index: int, style: str, number: int | None = None) -> None:
        index = min(index, MAX_LEVEL - 1)
        del self.styles[index:]
        del self.path[index:]
        del self.numbers[index:]
        node.level = index + 1
        if self.path:
            self.path[-1].children.append(node)
        else:
            self.roots.append(node)
        self.styles.append(style)
        self.path.append(node)
        self.numbers.append(number)
