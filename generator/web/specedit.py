"""Writing what the page holds back into the user's YAML text, losing nothing.

The page edits plain data (text, lists, mappings). Saving loads the file as it is on
disk with the round-trip loader (generator/rollover/yamldoc.py), changes only the
values that differ, and dumps it again: comments, key order, quotes, block styles and
the short forms people write (`- 检查开学准备` for `{内容: 检查开学准备}`, `月份: 九月`)
stay where nothing changed. New keys go after the key that precedes them on the page.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from ..rollover.yamldoc import load_roundtrip, same_style

_INT = re.compile(r"^(0|[1-9]\d{0,5})$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def plain(value: Any) -> Any:
    """YAML data as JSON for the page: dates as 2025-09-01, everything else as is."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, bool) or value is None or isinstance(value, (int, float)):
        return value
    return str(value)


def _scalar_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return str(value)


def _new_scalar(value: Any, old: Any = None) -> Any:
    """A value typed on the page as YAML would hold it: 9 as a number, 2025-09-01 as a
    date, text as text (several lines as a literal block)."""
    if isinstance(value, bool) or value is None or isinstance(value, (int, float)):
        return value
    text = str(value)
    if isinstance(old, bool) and text in ("true", "false"):
        return text == "true"
    if _INT.match(text) and (old is None or isinstance(old, int)):
        return int(text)
    if _ISO_DATE.match(text) and (old is None or isinstance(old, dt.date)):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text
    if old is not None and isinstance(old, str):
        if old.endswith("\n") and "\n" in old and not text.endswith("\n"):
            text += "\n"  # a text area drops a block's final line break; keep the "|"
        styled = same_style(old, text)
        if "\n" in text and not isinstance(styled, LiteralScalarString):
            return LiteralScalarString(text)
        return styled
    return LiteralScalarString(text) if "\n" in text else text


def to_yaml(value: Any) -> Any:
    """New page data as round-trip YAML nodes (block style)."""
    if isinstance(value, dict):
        out = CommentedMap()
        for k, v in value.items():
            out[k] = to_yaml(v)
        return out
    if isinstance(value, list):
        return CommentedSeq(to_yaml(v) for v in value)
    return _new_scalar(value)


def _short_form(old: Any, new: Any) -> bool:
    """`- 文字` on disk and {内容: 文字} from the page: the same item."""
    return (
        isinstance(old, str)
        and isinstance(new, dict)
        and list(new) == ["内容"]
        and isinstance(new["内容"], str)
    )


def merge(old: Any, new: Any) -> Any:
    """`old` (round-trip YAML) changed to hold `new` (page data), in place where possible;
    returns the node to store."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in [k for k in old if k not in new]:
            del old[key]
        previous = None
        for key, value in new.items():
            if key in old:
                merged = merge(old[key], value)
                if merged is not old[key]:
                    old[key] = merged
            else:
                at = list(old).index(previous) + 1 if previous in old else len(old)
                old.insert(at, key, to_yaml(value))
            previous = key
        return old
    if isinstance(old, list) and isinstance(new, list):
        for i, value in enumerate(new[: len(old)]):
            merged = merge(old[i], value)
            if merged is not old[i]:
                old[i] = merged
        while len(old) > len(new):
            del old[len(old) - 1]
        for value in new[len(old) :]:
            old.append(to_yaml(value))
        return old
    if _short_form(old, new):
        return merge(old, new["内容"])
    if isinstance(old, (dict, list)) or isinstance(new, (dict, list)):
        return to_yaml(new)
    if old is not None and _scalar_text(old).rstrip("\n") == _scalar_text(new).rstrip("\n"):
        return old
    return _new_scalar(new, old)


def updated_text(text: str, new: dict[str, Any], label: str = "") -> str:
    """`text` (a spec as on disk) with its data replaced by `new`, keeping everything
    the page does not touch."""
    if not text.strip():
        doc = load_roundtrip("{}\n", label)
        doc.data = to_yaml(new)
        return doc.dump()
    doc = load_roundtrip(text, label)
    if not isinstance(doc.data, dict):
        doc.data = to_yaml(new)
    else:
        merge(doc.data, new)
    return doc.dump()
