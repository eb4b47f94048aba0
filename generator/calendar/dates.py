"""Reading and writing dates the way Chinese school documents do."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from ..periods import PeriodError, days_in_month, parse_date  # noqa: F401

WEEKDAY_NAMES = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]

# Separators between the two ends of a range. ASCII "-" is not one: dates contain it.
_RANGE_RE = re.compile(r"^(.+?)\s*(?:~|～|至|到|—|–|--)\s*(.+)$")

_WEEKDAY_WORDS = {
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "日": 7,
    "天": 7,
    "七": 7,
}


DateFormatError = PeriodError


def parse_date_range(value: object) -> tuple[dt.date, dt.date]:
    """Read a date or a range "start~end" (also ～ 至 到 —); raise DateFormatError."""
    if isinstance(value, dt.date):
        d = parse_date(value)
        return d, d
    text = unicodedata.normalize("NFKC", str(value)).strip()
    m = _RANGE_RE.match(text)
    if not m:
        d = parse_date(text)
        return d, d
    start, end = parse_date(m.group(1)), parse_date(m.group(2))
    if end < start:
        raise DateFormatError(f"“{value}”的结束日期早于开始日期，请写成 开始~结束")
    return start, end


def parse_weekday(value: object) -> int:
    """Return the ISO weekday (1 = Monday … 7 = Sunday) for 3, "3", "周三", "星期日"…"""
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 7:
        return value
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if text.isdigit() and 1 <= int(text) <= 7:
        return int(text)
    for prefix in ("星期", "礼拜", "周"):
        if text.startswith(prefix) and text[len(prefix) :] in _WEEKDAY_WORDS:
            return _WEEKDAY_WORDS[text[len(prefix) :]]
    raise DateFormatError(f"“{value}”不是星期几，请写 1～7 或 周一…周日")


def cn_month_day(d: dt.date) -> str:
    """2025-10-01 → 10月1日."""
    return f"{d.month}月{d.day}日"


def cn_span(start: dt.date, end: dt.date) -> str:
    """A day span in document style: 10月1日, 10月1日—5日, 9月29日—10月5日."""
    if start == end:
        return cn_month_day(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{cn_month_day(start)}—{end.day}日"
    return f"{cn_month_day(start)}—{cn_month_day(end)}"


def daterange(start: dt.date, end: dt.date):
    """Every date from start to end inclusive."""
    d = start
    while d <= end:
        yield d
        d += dt.timedelta(days=1)
