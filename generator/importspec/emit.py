"""Spec data → readable, commented YAML (block style, Chinese keys, `|` for paragraphs)."""

from __future__ import annotations

import io
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from ..yamlio import parse_yaml


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.allow_unicode = True
    y.width = 4096  # never fold long Chinese lines
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def _wrap(value: Any) -> Any:
    if isinstance(value, dict):
        m = CommentedMap()
        for k, v in value.items():
            m[k] = _wrap(v)
        return m
    if isinstance(value, list):
        return CommentedSeq([_wrap(v) for v in value])
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value)
    return value


def dump_spec(data: dict[str, Any], comments: dict[str, list[str]], header: list[str]) -> str:
    """YAML text of `data`; `comments` go above their top-level keys, `header` on top.
    The text is parsed back and must give the same data (a safety net for quoting)."""
    root = _wrap(data)
    for key, lines in comments.items():
        if key in root:
            root.yaml_set_comment_before_after_key(key, before="\n".join(lines), indent=0)
    buf = io.StringIO()
    _yaml().dump(root, buf)
    body = _space_sections(buf.getvalue())
    text = "".join(f"# {line}\n" for line in header) + body
    if parse_yaml(text, "<import-spec>").data != data:
        raise AssertionError("import-spec: YAML round trip changed the data")
    return text


_TOP = re.compile(r"^[^\s#-]")


def _space_sections(text: str) -> str:
    """A blank line before each top-level block that follows a nested one (and before its
    comment lines), so sections stand apart as in a hand-written spec."""
    out: list[str] = []
    lines = text.splitlines()
    for i, line in enumerate(lines):
        starts_block = _TOP.match(line) or (
            line.startswith("#") and i + 1 < len(lines) and _next_top(lines, i)
        )
        if starts_block and out and out[-1][:1] in (" ", "-") and out[-1].strip():
            out.append("")
        out.append(line)
    return "\n".join(out) + "\n"


def _next_top(lines: list[str], i: int) -> bool:
    for line in lines[i + 1 :]:
        if not line.startswith("#"):
            return bool(_TOP.match(line))
    return False
