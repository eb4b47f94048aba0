"""Where a long document title breaks onto its second line.

GB/T 9704 asks that a title running over one line break where the words allow, the
lines balanced (梯形 or 菱形). Left to itself the renderer breaks at the last character
that fits: "……2025—2026学年第二 / 学期工作计划". This picks the break instead.
"""

from __future__ import annotations

import re

from docx.shared import Mm

from .colwidths import text_em
from .profiles import FontSpec, Profile

# Where a title may break: before the period (a year), after 学年/学期/年度, before the
# 文种 at the end, and after a unit or department name.
_AFTER = ("学期", "年度", "学校", "中学", "小学", "学院", "幼儿园", "教科室", "教务处", "德育处",
          "办公室", "教研组")  # fmt: skip
# In a notice's "关于……的通知": after the verb that opens what it is about.
_VERBS = ("开展", "组织", "举办", "举行", "做好", "加强", "参加", "印发", "召开", "推进", "落实",
          "实施", "公布", "表彰", "调整")  # fmt: skip
_BREAKS = re.compile(
    r"(?<![—\-－\d])(?=\d{4}(?:—|-|－|年))"
    r"|(?<=学年)(?=第)"
    r"|(?=(?:工作)?(?:计划|总结|职责|要点|方案|校历|制度)$)"
    + "".join(f"|(?<={word})" for word in _AFTER)
)


def set_title(text: str, profile: Profile, font: FontSpec | None = None) -> str:
    """`text` as a title in `font` (the profile's title font) across the text width is
    set: with the line break break_title picks. The Word writer and the preview both
    call this, so the two break a title at the same place."""
    font = font or profile.title
    return break_title(text, Mm(profile.text_width_mm).twips / font.char_twips)


def break_title(text: str, line_em: float) -> str:
    """`text` with a line break at the best place when it is wider than `line_em`;
    unchanged when it fits or no place gives two lines that fit."""
    if "\n" in text or text_em(text) <= line_em:
        return text
    best: tuple[float, int] | None = None
    for i in _break_positions(text):
        if not 0 < i < len(text):
            continue
        first, second = text_em(text[:i]), text_em(text[i:])
        if first > line_em or second > line_em:
            continue
        # Balanced lines first; on a tie the shorter line goes on top (梯形).
        score = (abs(first - second), 0 if first <= second else 1)
        if best is None or score < best[0]:
            best = (score, i)
    if best is None:
        return text
    i = best[1]
    return f"{text[:i]}\n{text[i:]}"


def _break_positions(text: str) -> list[int]:
    """Where `text` may break: the places _BREAKS finds, and in a "关于……" title after
    each verb that opens what it is about."""
    found = {m.start() for m in _BREAKS.finditer(text)}
    if text.startswith("关于"):
        for verb in _VERBS:
            at = text.find(verb, 2)
            if at >= 0:
                found.add(at + len(verb))
    return sorted(found)
