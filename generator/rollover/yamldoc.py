"""Round-trip YAML: load and dump keeping comments, key order, quotes and layout, and
find where every scalar stands so review notes can name lines."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString, ScalarString
from ruamel.yaml.util import load_yaml_guess_indent

# (mapping, sequence, offset) layouts tried when the guessed one does not reproduce the file.
_LAYOUTS = [(2, 4, 2), (2, 2, 0), (4, 4, 0), (4, 6, 4), (4, 4, 2), (2, 3, 1), (3, 3, 0)]


def _yaml(mapping: int, sequence: int, offset: int) -> YAML:
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 1_000_000  # never re-wrap long Chinese lines
    y.indent(mapping=mapping, sequence=sequence, offset=offset)
    return y


@dataclass
class RoundTrip:
    """A loaded document and the YAML instance whose layout reproduces it."""

    data: Any
    yaml: YAML
    exact: bool  # dumping the unchanged data gives back the input text

    def dump(self) -> str:
        """The document as text."""
        buf = io.StringIO()
        self.yaml.dump(self.data, buf)
        return buf.getvalue()


def load_roundtrip(text: str) -> RoundTrip:
    """Load `text` choosing the indentation that dumps it back unchanged, if any."""
    try:
        _, seq_indent, offset = load_yaml_guess_indent(text)
    except YAMLError:
        seq_indent, offset = 4, 2
    offset = offset or 0
    layouts = [(2, seq_indent or 2, offset), *_LAYOUTS]
    first: RoundTrip | None = None
    for mapping, sequence, off in dict.fromkeys(layouts):
        if off >= sequence:  # ruamel needs the dash inside the sequence indent
            continue
        y = _yaml(mapping, sequence, off)
        doc = RoundTrip(y.load(text), y, exact=False)
        if doc.dump() == text:
            doc.exact = True
            return doc
        first = first or doc
    assert first is not None
    return first


@dataclass
class Slot:
    """Where one scalar value sits.

    `line` is the 0-based line of the value (for a literal block: of its `|`); `anchor`
    is the 0-based line where a comment may be put before it (its key or list item, or
    the start of the enclosing flow collection).
    """

    path: tuple
    parent: Any
    key: Any
    value: Any
    line: int
    anchor: int

    def line_at(self, offset: int) -> int:
        """0-based line of character `offset` of the value."""
        if isinstance(self.value, LiteralScalarString):
            return self.line + 1 + str(self.value)[:offset].count("\n")
        if isinstance(self.value, FoldedScalarString):
            return self.line + 1
        return self.line


def walk(node: Any, path: tuple = (), anchor: int = 0, in_flow: bool = False) -> Iterator[Slot]:
    """Every scalar under `node` with its position (containers are not yielded)."""
    if isinstance(node, CommentedMap):
        flow = in_flow or node.fa.flow_style()
        for key in list(node.keys()):
            try:
                key_line = node.lc.key(key)[0]
                value_line = node.lc.value(key)[0]
            except (KeyError, TypeError):
                key_line = value_line = anchor
            here = anchor if flow else key_line
            yield from _child(node, key, path + (key,), value_line, here, flow)
    elif isinstance(node, CommentedSeq):
        flow = in_flow or node.fa.flow_style()
        for i in range(len(node)):
            try:
                item_line = node.lc.item(i)[0]
            except (KeyError, TypeError):
                item_line = anchor
            here = anchor if flow else item_line
            yield from _child(node, i, path + (i,), item_line, here, flow)


def _child(parent: Any, key: Any, path: tuple, line: int, anchor: int, flow: bool):
    value = parent[key]
    if isinstance(value, (CommentedMap, CommentedSeq)):
        # A nested flow collection starts on `line`; comments go before that line.
        yield from walk(value, path, anchor if flow else line, flow)
    else:
        yield Slot(path, parent, key, value, line, anchor)


def same_style(old: Any, text: str) -> Any:
    """`text` as a scalar of the same style as `old` (quotes, literal block, fold points)."""
    if isinstance(old, ScalarString):
        new = type(old)(text)
        if isinstance(old, FoldedScalarString) and len(text) == len(old):
            new.fold_pos = list(getattr(old, "fold_pos", []))
        anchor = getattr(old, "anchor", None)
        if anchor is not None and getattr(anchor, "value", None):
            new.yaml_set_anchor(anchor.value, always_dump=anchor.always_dump)
        return new
    return text
