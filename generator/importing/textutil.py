"""Character classes and small text predicates shared by the importer modules."""

from __future__ import annotations

import re

# Chinese numerals are parsed in one place for the whole project (re-exported here).
from ..numbering import CN_DIGITS, cn_to_int  # noqa: F401

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RE = re.compile(f"[{CJK}]")

# Punctuation that ends a sentence: a line ending with one is body text, not a heading.
SENTENCE_END = "。！？!?；;…"
# Punctuation after which a line obviously continues on the next line.
CONTINUES = "，,、"
COLONS = ":："


def squeeze(text: str) -> str:
    """Text without any whitespace, for comparing content regardless of layout."""
    return "".join(text.split())


def has_sentence_punct(text: str) -> bool:
    """True when `text` contains sentence-ending punctuation anywhere."""
    return any(ch in SENTENCE_END for ch in text)


def ends_sentence(text: str) -> bool:
    """True when `text` ends with sentence-ending punctuation (closing quotes skipped)."""
    stripped = text.rstrip().rstrip("”’」』\"')）")
    return bool(stripped) and stripped[-1] in SENTENCE_END


def is_body_like(text: str, long_len: int = 25) -> bool:
    """A line that reads as running text: long, or ending like a sentence."""
    text = text.strip()
    return len(text) > long_len or ends_sentence(text) or text[-1:] in CONTINUES
