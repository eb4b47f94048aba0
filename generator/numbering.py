"""Heading markers by level (一、 （一） 1. （1） ①) and stripping markers users typed."""

from __future__ import annotations

import re

_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 25 → 二十五, 100 → 一百, 1010 → 一千零一十; from
    10000 on, Arabic digits (no list runs that long in a real document)."""
    if n <= 0:
        raise ValueError("chinese numbers start at 1")
    if n >= 10000:
        return str(n)
    if n >= 1000:
        thousands, rest = divmod(n, 1000)
        head = _DIGITS[thousands] + "千"
        if rest == 0:
            return head
        tail = chinese_number(rest)
        if 10 <= rest < 20:
            tail = "一" + tail
        return head + ("零" if rest < 100 else "") + tail
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n - 10] if n > 10 else "")
    if n < 100:
        tens, ones = divmod(n, 10)
        return _DIGITS[tens] + "十" + (_DIGITS[ones] if ones else "")
    hundreds, rest = divmod(n, 100)
    if rest == 0:
        return _DIGITS[hundreds] + "百"
    if rest < 10:
        return _DIGITS[hundreds] + "百零" + _DIGITS[rest]
    tail = chinese_number(rest)
    if rest < 20:
        tail = "一" + tail
    return _DIGITS[hundreds] + "百" + tail


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


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

MAX_LEVEL = 6


def _letters(n: int) -> str:
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(ord("a") + r) + out
    return out


def marker(level: int, n: int) -> str:
    """The marker of the n-th (1-based) item at heading level 1..5."""
    if level == 1:
        return f"{chinese_number(n)}、"
    if level == 2:
        return f"（{chinese_number(n)}）"
    if level == 3:
        return f"{n}."
    if level == 4:
        return f"（{n}）"
    if level == 5:
        return _CIRCLED[n - 1] if n <= len(_CIRCLED) else f"（{n}）"
    if level == 6:
        return f"{_letters(n)}）"
    raise ValueError(f"level {level} out of range 1..{MAX_LEVEL}")


class Counter:
    """Counts items per level; a new item at level k restarts every deeper level."""

    def __init__(self) -> None:
        self._counts = [0] * (MAX_LEVEL + 1)

    def next(self, level: int) -> str:
        self._counts[level] += 1
        for deeper in range(level + 1, MAX_LEVEL + 1):
            self._counts[deeper] = 0
        return marker(level, self._counts[level])

    def reset(self, level: int = 1) -> None:
        for lv in range(level, MAX_LEVEL + 1):
            self._counts[lv] = 0


_CN = "一二三四五六七八九十百零〇"
_TYPED_MARKER = re.compile(
    rf"""^\s*(?:
        第[{_CN}\d]+(?:部分|章|节|条|点)[、，,.．：:\s]*
      | [{_CN}]+\s*[、.．，](?![{_CN}])   # not 一、二年级 (grades one and two)
      | [（(]\s*[{_CN}]+\s*[）)][、.．]?
      | \d{{1,2}}\s*[.．、。](?![\d.．])
      | [（(]\s*\d{{1,2}}\s*[）)][、.．]?
      | \d{{1,2}}\s*[）)]
      | [①-⑳⑴-⒇⒈-⒛]
    )\s*""",
    re.VERBOSE,
)


def strip_typed_marker(text: str) -> str:
    """Remove one numbering marker a user typed at the start ("三、", "（2）", "1.")."""
    stripped = _TYPED_MARKER.sub("", text, count=1)
    return stripped if stripped.strip() else text
