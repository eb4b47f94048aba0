"""Normalising user text for Chinese documents, and spotting leftover placeholders."""

from __future__ import annotations

import re

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’《》"
_CJK_CHAR = re.compile(f"[{_CJK}]")

_SIMPLE = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
MAX_PAREN_DEPTH = 8

# XML 1.0 forbids these; they would corrupt word/document.xml.
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

_PERIOD_RANGE = re.compile(r"(?<!\d)(\d{4})\s*[-–—~～－至到]\s*(\d{2}|\d{4})\s*(?=学年)")
_YEAR_RANGE_PLAIN = re.compile(r"(?<!\d)(\d{4})\s*[-–~～－]\s*(\d{4})(?!\d)")


def _is_cjk(ch: str) -> bool:
    return bool(ch) and bool(_CJK_CHAR.match(ch))


def _neighbour(text: str, i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(text) and text[j] == " ":
        j += step
    return text[j] if 0 <= j < len(text) else ""


_HALF_PUNCT = re.compile(r"[,;:?!.]")
# Spaces before or after full-width punctuation; a run is matched from its first space
# only (the lookbehind), so long runs of spaces cost linear time.
_SPACES_AROUND = re.compile(r"(?<! ) +(?=[，；：？！。])|(?<=[，；：？！。]) +")


def _full_width_punct(text: str) -> str:
    # Only punctuation marks look at their neighbours, so each run of spaces is walked at
    # most twice: linear in the length of the text.
    if not _HALF_PUNCT.search(text):
        return text
    out = []
    n = len(text)
    last = 0
    for m in _HALF_PUNCT.finditer(text):
        i = m.start()
        ch = text[i]
        prev, nxt = _neighbour(text, i, -1), _neighbour(text, i, 1)
        new = ch
        if ch in _SIMPLE and (_is_cjk(prev) or _is_cjk(nxt)):
            # "3:00" or "1,000" stay as they are: digits on both sides.
            if not (prev.isdigit() and nxt.isdigit()):
                new = _SIMPLE[ch]
        elif (
            ch == "."
            and _is_cjk(prev)
            and (i == n - 1 or nxt == "" or _is_cjk(nxt) or nxt.isdigit())
        ):
            new = "。"
        if new != ch:
            out.append(text[last:i])
            out.append(new)
            last = i + 1
    out.append(text[last:])
    text = "".join(out)
    # Remove spaces left around converted full-width punctuation.
    return _SPACES_AROUND.sub("", text)


def _brackets_and_quotes(text: str) -> str:
    def paren(m: re.Match) -> str:
        inner = m.group(1)
        if _CJK_CHAR.search(inner):
            return f"（{inner}）"
        # Hide a non-Chinese pair such as "(A)" so the pair around it can still match;
        # \0 and \1 cannot occur here because control characters were removed first.
        return f"\0{inner}\1"

    # Innermost pairs first, repeated, so "(见附件(一))" converts at both levels (no text
    # nests deeper than a few levels; the cap keeps hostile input linear).
    for _ in range(MAX_PAREN_DEPTH):
        new = re.sub(r"\(([^()\n]*)\)", paren, text)
        if new == text:
            break
        text = new
    text = text.replace("\0", "(").replace("\1", ")")

    def dquote(m: re.Match) -> str:
        inner = m.group(1)
        return f"“{inner}”" if _CJK_CHAR.search(inner) else m.group(0)

    text = re.sub(r'"([^"\n]*)"', dquote, text)
    return text


def normalize_period(text: str) -> str:
    """2025-2026学年 / 2025-26学年 → 2025—2026学年."""

    def fix(m: re.Match) -> str:
        a, b = m.group(1), m.group(2)
        if len(b) == 2:
            full = int(a) // 100 * 100 + int(b)
            b = str(full + 100 if full < int(a) else full)
        return f"{a}—{b}"

    return _PERIOD_RANGE.sub(fix, text) if "学年" in text else text


def strip_xml_invalid(text: str) -> str:
    """Drop characters that XML 1.0 forbids (control characters)."""
    return _XML_BAD.sub("", text)


def normalize_text(text: str) -> str:
    """Normalise one piece of user text for a Chinese document.

    Half-width punctuation next to CJK becomes full-width (numbers, URLs and English are
    left alone), 学年 ranges use "—", control characters are dropped, and runs of spaces
    inside a line collapse.
    """
    text = strip_xml_invalid(text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\t", " ")
    lines = []
    for line in text.split("\n"):
        line = re.sub(r" {2,}", " ", line.strip())
        line = normalize_period(line)
        line = _brackets_and_quotes(line)
        line = _full_width_punct(line)
        lines.append(line)
    return "\n".join(lines).strip("\n")


PLACEHOLDER_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"20[xX×]{2}|[12]\d[xX]{2}(?=年)"), "年份占位符"),
    (re.compile(r"(?<![A-Za-z0-9])[Xx]{2,}(?![A-Za-z])"), "占位符 XX"),
    (re.compile(r"××|＊＊|\*\*"), "占位符 ××"),
    (re.compile(r"某某"), "占位符“某某”"),
    (re.compile(r"_{3,}|＿{2,}"), "下划线空位"),
    (re.compile(r"【待[^】]*】"), "待填写标记"),
]
# A character every pattern above needs (x/×, ＊/*, 某, _/＿, 【): nearly every text has
# none, and one scan for them tells so.
_PLACEHOLDER_CHARS = re.compile(r"[xX×＊*某_＿【]")


def find_placeholders(text: str) -> list[tuple[str, str]]:
    """Return (matched text, description) for each leftover placeholder in `text`."""
    found: list[tuple[str, str]] = []
    if not _PLACEHOLDER_CHARS.search(text):
        return found
    for pattern, what in PLACEHOLDER_PATTERNS:
        for m in pattern.finditer(text):
            found.append((m.group(0), what))
    return found
