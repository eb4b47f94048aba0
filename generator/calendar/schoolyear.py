"""School year and term names: 2025-2026 / 2025—2026 / 2025-26, 第一学期 / 1 / 上学期."""

from __future__ import annotations

import re
import unicodedata

from ..errors import WenshuError

TERM_NAMES = {1: "第一学期", 2: "第二学期"}

_YEAR_RE = re.compile(r"^(\d{4})\s*(?:-|—|–|－|~|～|至|到|/)\s*(\d{2}|\d{4})\s*(?:学年(?:度)?)?$")

_TERM_WORDS = {
    1: {"1", "一", "第一学期", "第1学期", "上", "上学期", "秋", "秋季", "秋季学期", "第一"},
    2: {"2", "二", "第二学期", "第2学期", "下", "下学期", "春", "春季", "春季学期", "第二"},
}


class SchoolYearError(WenshuError):
    """A school year or term value cannot be understood."""


def parse_school_year(text: str) -> int:
    """Return the first calendar year of a school year: "2025-2026" → 2025."""
    norm = unicodedata.normalize("NFKC", str(text)).strip()
    m = _YEAR_RE.match(norm)
    if m:
        first = int(m.group(1))
        second_text = m.group(2)
        second = (
            int(second_text) if len(second_text) == 4 else first // 100 * 100 + int(second_text)
        )
        if len(second_text) == 2 and second < first:
            second += 100  # 2099-00
        if second == first + 1:
            return first
        raise SchoolYearError(
            f"学年“{text}”的两个年份应当相邻，例如 {first}-{first + 1}（{first}—{first + 1}学年）。"
        )
    raise SchoolYearError(f"学年“{text}”无法识别，请写成 2025-2026、2025—2026 或 2025-26。")


def parse_term(text: object) -> int:
    """Return 1 or 2 for 第一学期 / 第二学期 (also 1, 2, 上学期, 下学期, 秋季学期, 春季学期)."""
    norm = unicodedata.normalize("NFKC", str(text)).strip().replace(" ", "")
    for term, words in _TERM_WORDS.items():
        if norm in words:
            return term
    raise SchoolYearError(f"学期“{text}”无法识别，请写 1 或 2（也可写 第一学期、第二学期）。")


def school_year_label(first_year: int) -> str:
    """2025 → 2025—2026学年 (U+2014 between the years)."""
    return f"{first_year}—{first_year + 1}学年"


def term_label(first_year: int, term: int) -> str:
    """2025, 1 → 2025—2026学年第一学期."""
    return f"{school_year_label(first_year)}{TERM_NAMES[term]}"
