"""Recognise the numbering marker at the start of a line (一、 （一） 1. 1、 (1) ① …).

Markers that a reader sees as the same kind share a style key, whatever their width:
"1." "1．" "1。" "⒈" are one style, "(1)" "（1）" "⑴" another, "1、" a third."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .textutil import CJK, cn_to_int

_CN = "一二三四五六七八九十百"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("第一部分", re.compile(rf"^第([{_CN}\d]{{1,4}})部分[、.．:：\s]*")),
    ("第一章", re.compile(rf"^第([{_CN}\d]{{1,4}})章[、.．:：\s]*")),
    ("第一节", re.compile(rf"^第([{_CN}\d]{{1,4}})节[、.．:：\s]*")),
    ("第一条", re.compile(rf"^第([{_CN}\d]{{1,4}})条[、.．:：\s]*")),
    ("第一、", re.compile(rf"^第([{_CN}]{{1,3}})[、.．，,]\s*")),
    ("一、", re.compile(rf"^([{_CN}]{{1,3}})\s*[、.．]\s*(?![{_CN}][、])")),
    ("（一）", re.compile(rf"^[（(]\s*([{_CN}]{{1,3}})\s*[）)]\s*[、.．]?\s*")),
    ("1.1", re.compile(r"^(\d{1,2}(?:[.．]\d{1,2})+)(?=[\s" + CJK + r"])\s*")),
    ("1.", re.compile(r"^(\d{1,2})\s*[.．。](?!\d)\s*")),
    ("1.", re.compile("^([\u2488-\u249b])\\s*")),
    ("1、", re.compile(r"^(\d{1,2})\s*、\s*")),
    ("(1)", re.compile(r"^[（(]\s*(\d{1,2})\s*[）)]\s*[、.．]?\s*")),
    ("(1)", re.compile(r"^(\d{1,2})[）)]\s*")),
    ("(1)", re.compile("^([\u2474-\u2487])\\s*[、.．]?\\s*")),
    ("①", re.compile("^([\u2460-\u2473])\\s*[、.．]?\\s*")),
    ("A.", re.compile(rf"^([A-Z])\s*[.．、]\s*(?=[{CJK}])")),
    ("•", re.compile(r"^([•●○■□◆◇★☆▲△►▶])\s*")),
]


# Every pattern above starts with one of these characters: other lines are skipped at once.
_FIRST = frozenset(
    "第一二三四五六七八九十百（(0123456789•●○■□◆◇★☆▲△►▶ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    + "".join(chr(c) for c in range(0x2460, 0x249C))
)


@dataclass(frozen=True)
class Marker:
    """A numbering marker found at the start of a line."""

    style: str  # style key, e.g. "一、" or "(1)"
    text: str  # the marker exactly as written, e.g. "（三）" or "2、 "
    rest: str  # the line after the marker
    number: int | None  # 3 for "（三）", None for bullets


@lru_cache(maxsize=8192)
def match_marker(line: str) -> Marker | None:
    """The marker at the start of `line` (leading spaces ignored), or None. Cached: every
    stage of the importer asks about the same lines."""
    stripped = line.lstrip()
    if not stripped or stripped[0] not in _FIRST:
        return None
    for style, pattern in _PATTERNS:
        m = pattern.match(stripped)
        if m:
            return Marker(style, m.group(0), stripped[m.end() :], _number(m.group(1)))
    return None


def _number(token: str) -> int | None:
    if len(token) == 1 and "\u2460" <= token <= "\u2473":
        return ord(token) - 0x245F
    if len(token) == 1 and "\u2474" <= token <= "\u2487":
        return ord(token) - 0x2473
    if len(token) == 1 and "\u2488" <= token <= "\u249b":
        return ord(token) - 0x2487
    if len(token) == 1 and token.isascii() and token.isalpha():
        return ord(token) - ord("A") + 1
    if "." in token or "．" in token:
        return None
    return cn_to_int(token)
