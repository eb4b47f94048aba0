"""Split lines where a copy-paste glued a heading to its first item
("一、总体要求1.指导思想坚持…") or one item to the next ("…2 名以上4、注重抓好…").
Splitting never drops or reorders characters."""

from __future__ import annotations

import re

from .markers import match_marker
from .textutil import CJK, has_sentence_punct

# A sub-item marker glued to a short heading: "1." "1、" "(1)" followed by text.
_GLUED_SUB = re.compile(
    rf"(?<=[{CJK}》”）)])(?<!第)(?:\d{{1,2}}[.．、](?!\d)|[（(]\d{{1,2}}[）)])\s*(?=[{CJK}“《])"
)
GLUED_HEADING_MAX = 24
_DIGIT_STYLES = {"1.": "[.．。]", "1、": "、", "(1)": None}


def split_glued_lines(lines: list[str]) -> list[tuple[int, str]]:
    """(1-based source line, text) for each line after splitting glued markers."""
    out: list[tuple[int, str]] = []
    for index, line in enumerate(lines, start=1):
        out.extend((index, part) for part in _split(line.strip()))
    return out


def _split(line: str) -> list[str]:
    marker = match_marker(line)
    if marker is None:
        return [line]
    head_len = len(line) - len(marker.rest)
    cut = _glued_sub_heading(marker.rest) or _next_number(marker.style, marker.number, marker.rest)
    if cut is None:
        return [line]
    return [line[: head_len + cut].rstrip(), *_split(line[head_len + cut :])]


def _glued_sub_heading(rest: str) -> int | None:
    m = _GLUED_SUB.search(rest, 0, GLUED_HEADING_MAX + 6)
    if m is None or not 2 <= m.start() <= GLUED_HEADING_MAX:
        return None
    head = rest[: m.start()]
    if has_sentence_punct(head) or any(ch in head for ch in "，,:："):
        return None
    return m.start()


def _next_number(style: str, number: int | None, rest: str) -> int | None:
    if number is None or style not in _DIGIT_STYLES:
        return None
    n = number + 1
    delim = _DIGIT_STYLES[style]
    token = rf"[（(]{n}[）)]" if delim is None else rf"{n}\s*{delim}(?!\d)"
    m = re.search(rf"(?<![\d第.．]){token}\s*(?=[{CJK}“《])", rest)
    if m is None or m.start() < 2:
        return None
    return m.start()
