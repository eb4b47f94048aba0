"""Reading and writing dates the way Chinese school documents do."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

WEEKDAY_NAMES = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]

# 2025-09-01, 2025/9/1, 2025.9.1, 2025年9月1日
_DATE_RE = re.compile(r"^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$")
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


class DateFormatError(ValueError):
    """A date text could not be read; the message is Chinese and user-facing."""


def parse_date(value: object) -> dt.date:
    """Read one date from text (or pass a date through); raise DateFormatError."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = unicodedata.normalize("NFKC", str(value)).strip()
    m = _DATE_RE.match(text)
    if not m:
        raise DateFormatError(f"“{value}”不是日期，请写成 2025-09-01 这样的格式")
    year, month, day = (int(g) for g in m.groups())
    if not 1900 <= year <= 2199:
        raise DateFormatError(f"“{value}”的年份{year}不合理，请检查")
    if not 1 <= month <= 12:
        raise DateFormatError(f"“{value}”不是有效日期：没有{month}月")
    last = _days_in_month(year, month)
    if not 1 <= day <= last:
        raise DateFormatError(f"“{value}”不是有效日期：{year}年{month}月只有{last}天")
    return dt.date(year, month, day)


def _days_in_month(year: int, month: int) -> int:
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).day


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
