"""School years, terms and dates as people write them: 2025—2026 / 2025-2026 / 2025-26,
第一学期 / 1 / 上学期, 2025-09-01 / 2025/9/1 / 2025年9月1日. One parser for specs, the
calendar, rollover and import-spec."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from .errors import WenshuError

TERM_NAMES = {1: "第一学期", 2: "第二学期"}

_YEAR_RE = re.compile(
    r"^(\d{4})\s*年?\s*(?:-|—|–|－|~|～|至|到|/)\s*(\d{2}|\d{4})\s*(?:年|学年(?:度)?)?$"
)

_TERM_WORDS = {
    1: {"1", "一", "第一学期", "第1学期", "上", "上学期", "秋", "秋季", "秋季学期", "第一"},
    2: {"2", "二", "第二学期", "第2学期", "下", "下学期", "春", "春季", "春季学期", "第二"},
}

# 2025-09-01, 2025/9/1, 2025.9.1, 2025年9月1日
_DATE_RE = re.compile(r"^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$")


class PeriodError(WenshuError, ValueError):
    """A school year, term or date that cannot be read; the message says how to write it.

    A ValueError too, so pydantic validators can let it through as a field error."""


def parse_school_year(text: object) -> int:
    """The first calendar year of a school year: "2025-2026" → 2025."""
    if isinstance(text, int) and not isinstance(text, bool):
        raise PeriodError(f"学年应写成“{text}—{text + 1}”这样的起止年份")
    norm = unicodedata.normalize("NFKC", str(text)).strip()
    m = _YEAR_RE.match(norm)
    if not m:
        raise PeriodError(f"学年“{text}”无法识别，请写成 2025—2026（也可写 2025-2026 或 2025-26）")
    first, second_text = int(m.group(1)), m.group(2)
    if len(second_text) == 2:
        second = first // 100 * 100 + int(second_text)
        if second < first:  # 2099-00
            second += 100
    else:
        second = int(second_text)
    if second != first + 1:
        raise PeriodError(f"学年“{text}”的两个年份应当相邻，例如 {first}—{first + 1}")
    return first


def parse_term(text: object) -> int:
    """1 or 2 for 第一学期 / 第二学期 (also 1, 2, 上学期, 下学期, 秋季学期, 春季学期)."""
    if not isinstance(text, bool):
        norm = unicodedata.normalize("NFKC", str(text)).strip().replace(" ", "")
        for term, words in _TERM_WORDS.items():
            if norm in words:
                return term
    raise PeriodError(f"学期“{text}”无法识别，请写 第一学期 或 第二学期（也可写 1 或 2）")


def school_year_label(first_year: int) -> str:
    """2025 → 2025—2026学年 (U+2014 between the years)."""
    return f"{first_year}—{first_year + 1}学年"


def term_label(first_year: int, term: int) -> str:
    """2025, 1 → 2025—2026学年第一学期."""
    return f"{school_year_label(first_year)}{TERM_NAMES[term]}"


def days_in_month(year: int, month: int) -> int:
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).day


def parse_date(value: object) -> dt.date:
    """One date from text (or a date passed through); impossible days are refused."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = unicodedata.normalize("NFKC", str(value)).strip()
    m = _DATE_RE.match(text)
    if not m:
        raise PeriodError(f"“{value}”不是有效日期，请写成 2025-09-01 这样的格式")
    year, month, day = (int(g) for g in m.groups())
    if not 1900 <= year <= 2199:
        raise PeriodError(f"“{value}”的年份{year}不合理，请检查")
    if not 1 <= month <= 12:
        raise PeriodError(f"“{value}”不是真实存在的日期：没有{month}月")
    last = days_in_month(year, month)
    if not 1 <= day <= last:
        raise PeriodError(f"“{value}”不是真实存在的日期：{year}年{month}月只有{last}天")
    return dt.date(year, month, day)
