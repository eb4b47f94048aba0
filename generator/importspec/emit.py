"""Spec data → readable, commented YAML (block style, Chinese keys, `|-` for paragraphs).

The data is plain (dicts, lists, strings, numbers), so it is written directly, in linear
time, in the layout of a hand-written spec: two spaces per mapping level, list items
indented under their key. A string is written plain when YAML reads it back as the same
string, as a literal block when it has several lines, and double-quoted otherwise."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

# Plain scalars YAML would read as something else (numbers, booleans, null, dates) or
# that start or contain YAML syntax.
_NOT_PLAIN = re.compile(
    r"^(?:[-+.]?\d[\d_.eE+\-:xXoObBa-fA-F]*"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|true|false|yes|no|on|off|y|n|null|~|=|<<.*"
    r"|\d{4}-\d\d?-\d\d?(?:[Tt ].*)?)$",
    re.IGNORECASE,
)
_SPECIAL_FIRST = set("-?:,[]{}#&*!|>'\"%@` \t")
# Characters YAML can carry unescaped in a plain or literal scalar.
_UNPRINTABLE = re.compile(
    "[^\\n\\x20-\\x7e\\xa0-\\u2027\\u202a-\\ud7ff\\ue000-\\ufefe\\uff00-\\ufffd\\U00010000-\\U0010ffff]"
)


def _plain_ok(text: str) -> bool:
    return (
        bool(text)
        and text[0] not in _SPECIAL_FIRST
        and text == text.strip()
        and "\n" not in text
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and not _UNPRINTABLE.search(text)
        and not _NOT_PLAIN.match(text)
    )


def _literal_ok(text: str) -> bool:
    lines = text.split("\n")
    return (
        "\n" in text
        and not text.endswith("\n")
        and not _UNPRINTABLE.search(text)
        and not any(line[:1] in (" ", "\t") for line in lines)
        and any(line.strip() for line in lines)
        and not lines[0] == ""
    )


def _quoted(text: str) -> str:
    out = json.dumps(text, ensure_ascii=False)
    # json leaves these as they are; YAML must see them escaped.
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", out)


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    text = str(value)
    return text if _plain_ok(text) else _quoted(text)


@lru_cache(maxsize=512, typed=True)
def _key(key: Any) -> str:
    # The same few keys (标题, 内容, 条目) head thousands of tree nodes.
    return _scalar(key)


def _value(head: str, value: Any, indent: int, out: list[str]) -> None:
    """`head` (a "key:" or "-" already indented) followed by `value`."""
    if isinstance(value, (dict, list)):
        if not value:
            out.append(f"{head} {{}}" if isinstance(value, dict) else f"{head} []")
            return
        out.append(head)
        (_mapping if isinstance(value, dict) else _sequence)(value, indent + 2, out)
    elif isinstance(value, str) and _literal_ok(value):
        out.append(f"{head} |-")
        pad = " " * (indent + 2)
        out.extend(f"{pad}{line}" if line else "" for line in value.split("\n"))
    else:
        out.append(f"{head} {_scalar(value)}")


def _mapping(data: dict, indent: int, out: list[str], first: str | None = None) -> None:
    pad = " " * indent
    for k, (key, value) in enumerate(data.items()):
        lead = first if k == 0 and first is not None else pad
        _value(f"{lead}{_key(key)}:", value, indent, out)


def _sequence(items: list, indent: int, out: list[str]) -> None:
    pad = " " * indent
    for item in items:
        if isinstance(item, dict) and item:
            _mapping(item, indent + 2, out, first=f"{pad}- ")
        else:
            _value(f"{pad}-", item, indent, out)


def to_yaml(data: dict[str, Any], comments: dict[str, list[str]] | None = None) -> str:
    """YAML text of a spec's data; `comments` go above their top-level keys."""
    out: list[str] = []
    for key, value in data.items():
        for line in (comments or {}).get(key, []):
            out.append(f"# {line}")
        _value(f"{_scalar(key)}:", value, 0, out)
    return _space_sections(out)


def dump_spec(data: dict[str, Any], comments: dict[str, list[str]], header: list[str]) -> str:
    """YAML text of `data`; `comments` go above their top-level keys, `header` on top.
    (tests/test_import_spec_yaml.py reads arbitrary data back through the spec loader.)"""
    return "".join(f"# {line}\n" for line in header) + to_yaml(data, comments)


_TOP = re.compile(r"^[^\s#-]")


def _space_sections(lines: list[str]) -> str:
    """A blank line before each top-level block that follows a nested one (and before its
    comment lines), so sections stand apart as in a hand-written spec."""
    out: list[str] = []
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
