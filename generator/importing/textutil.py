"""Character classes and small text predicates shared by the importer modules."""

from __future__ import annotations

import re

# Chinese numerals are parsed in one place for the whole project (re-exported here).
from ..numbering import CN_DIGITS, cn_to_int  # noqa: F401

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RE = re.compile(f"[{CJK}]")
CJK_CLASS = f"[{CJK}]"

# Punctuation that ends a sentence: a line ending with one is body text, not a heading.
SENTENCE_END = "。！？!?；;…"
# Punctuation after which a line obviously continues on the next line.
CONTINUES = "，,、"
COLONS = ":："


def squeeze(text: str) -> str:
    """Text without any whitespace, for comparing content regardless of layout."""
    return "".join(text.split())


# An ASCII full stop after a Chinese character ends a sentence as "。" does ("一." at the
# start of a line is a number, not a sentence).
_CJK_STOP = re.compile(
    f"(?<![一二三四五六七八九十百]){CJK_CLASS}\\.(?!\\d)|[{CJK}][”’）)\"']\\.(?!\\d)"
)


_SENTENCE_END_RE = re.compile(f"[{re.escape(SENTENCE_END)}]")


def has_sentence_punct(text: str) -> bool:
    """True when `text` contains sentence-ending punctuation anywhere."""
    return bool(_SENTENCE_END_RE.search(text)) or ("." in text and _cjk_stop(text))


def _cjk_stop(text: str) -> bool:
    return any(
        not all(ch in "一二三四五六七八九十百" for ch in text[: m.start() + 1].strip())
        for m in _CJK_STOP.finditer(text)
    )


def ends_sentence(text: str) -> bool:
    """True when `text` ends with sentence-ending punctuation (closing quotes skipped)."""
    stripped = text.rstrip().rstrip("”’」』\"')）")
    if stripped.endswith(".") and len(stripped) > 1:
        return _cjk_stop(stripped)
    return bool(stripped) and stripped[-1] in SENTENCE_END


def is_body_like(text: str, long_len: int = 25) -> bool:
    """A line that reads as running text: long, or ending like a sentence."""
    text = text.strip()
    return len(text) > long_len or ends_sentence(text) or text[-1:] in CONTINUES
