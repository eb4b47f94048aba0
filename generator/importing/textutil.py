"""Character classes and small text predicates shared by the importer modules."""

from __future__ import annotations

import re

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RE = re.compile(f"[{CJK}]")

# Punctuation that ends a sentence: a line ending with one is body text, not a heading.
SENTENCE_END = "。！？!?；;…"
# Punctuation after which a line obviously continues on the next line.
CONTINUES = "，,、"
COLONS = ":："

CN_DIGITS = "零〇一二三四五六七八九十百两"
_CN_VALUES = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def cn_to_int(text: str) -> int | None:
    """Value of a Chinese or Arabic numeral up to 999 ("十五" → 15, "12" → 12), else None."""
    if text.isdigit():
        return int(text)
    if not text or any(ch not in CN_DIGITS for ch in text):
        return None
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = current * 10 + _CN_VALUES[ch] if current else _CN_VALUES[ch]
    return total + current


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
