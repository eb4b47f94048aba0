"""Round-trip YAML: load and dump keeping comments, key order, quotes and layout, and
find where every scalar stands so review notes can name lines."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import ConstructorError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString, ScalarString
from ruamel.yaml.util import load_yaml_guess_indent

from ..errors import Problem, SpecError
from ..yamlio import MAX_DEPTH, parser_problem

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class NotADate(str):
    """Plain text that looks like a date but names none (2025-13-45), kept as written.

    The validating loader reads it as text (a date field then reports it with its
    path); the round-trip loader must accept the same files.
    """


class _Constructor(RoundTripConstructor):
    def construct_yaml_timestamp(self, node, values=None):
        try:
            return super().construct_yaml_timestamp(node, values)
        except (ValueError, OverflowError, ConstructorError):
            return NotADate(node.value)


_Constructor.add_constructor(_TIMESTAMP, _Constructor.construct_yaml_timestamp)


class _Representer(RoundTripRepresenter):
    pass


# Dumped under the timestamp tag, so it stays plain (unquoted), exactly as it was read.
_Representer.add_representer(
    NotADate, lambda rep, data: rep.represent_scalar(_TIMESTAMP, str(data))
)

# (mapping, sequence, offset) layouts tried when the guessed one does not reproduce the file.
_LAYOUTS = [(2, 4, 2), (2, 2, 0), (4, 4, 0), (4, 6, 4), (4, 4, 2), (2, 3, 1), (3, 3, 0)]


def _yaml(mapping: int, sequence: int, offset: int) -> YAML:
    y = YAML(typ="rt")
    y.Constructor = _Constructor
    y.Representer = _Representer
    y.max_depth = MAX_DEPTH + 10  # the validating loader has refused deeper files
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


def load_roundtrip(text: str, label: str = "") -> RoundTrip:
    """Load `text` choosing the indentation that dumps it back unchanged, if any.

    Callers validate `text` first; should ruamel still refuse it, the refusal is a
    SpecError naming `label` and the line, never an internal error.
    """
    try:
        _, seq_indent, offset = load_yaml_guess_indent(text)
    except Exception:  # noqa: BLE001
        # Only a guess, by a helper with bugs of its own (an IndexError on a line that is
        # just "-"); _load below reports whatever is really wrong with the text.
        seq_indent, offset = 4, 2
    offset = offset or 0
    layouts = [(2, seq_indent or 2, offset), *_LAYOUTS]
    first: RoundTrip | None = None
    for mapping, sequence, off in dict.fromkeys(layouts):
        if off >= sequence:  # ruamel needs the dash inside the sequence indent
            continue
        y = _yaml(mapping, sequence, off)
        doc = RoundTrip(_load(y, text, label), y, exact=False)
        if doc.dump() == text:
            doc.exact = True
            return doc
        first = first or doc
    assert first is not None
    return first


def _load(y: YAML, text: str, label: str) -> Any:
    try:
        return y.load(text)
    except MarkedYAMLError as exc:
        raise SpecError([parser_problem(exc, text, label)]) from None
    except (YAMLError, ValueError, OverflowError, TypeError, RecursionError):
        raise SpecError(
            [
                Problem(
                    "YAML 格式错误：这个文件无法在保留原格式的情况下读取。"
                    "请删去其中的 YAML 标签（!!…）和别名（&…、*…）后重试。",
                    file=label or None,
                )
            ]
        ) from None


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
