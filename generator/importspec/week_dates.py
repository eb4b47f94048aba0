"""Dates in a calendar table: back to 开学 (week 1), 周次 and 日期.

A plan built with 开学 shows both 周次 and 日期 for every activity: a week's dates
("9月1日—7日") for activities given by week, the day ("9月10日") for activities given by
date. Reading such a table back, the weeks' dates give the start of week 1 (开学 and
周起始); each activity then keeps only what was written: its week, or its day. Dates that
fit no week are kept in the activity's text, so nothing is lost."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

DATE_KEY = "_日期"  # the table's date text, settled by settle_dates
_SPAN = re.compile(
    r"^(\d{1,2})\s*[月.．/]\s*(\d{1,2})\s*日?"
    r"(?:\s*[—–\-~～至到]+\s*(?:(\d{1,2})\s*[月.．/]\s*)?(\d{1,2})\s*日?)?$"
)
_WEEK = re.compile(r"^第?(\d{1,2})(?:\s*[—–\-~～至到]\s*(\d{1,2}))?周?$")


def parse_span(text: str, year_start: int) -> tuple[dt.date, dt.date] | None:
    """ "9月1日—7日", "9月29日—10月5日", "9月10日", "9.1-9.5" → dates in the school year
    that starts in `year_start` (August to December in that year, the rest in the next)."""
    m = _SPAN.match(text.strip())
    if not m:
        return None
    month, day, month2, day2 = m.groups()
    try:
        start = _date(int(month), int(day), year_start)
        end = _date(int(month2 or month), int(day2), year_start) if day2 else start
    except ValueError:
        return None
    return (start, end) if end >= start else None


def _date(month: int, day: int, year_start: int) -> dt.date:
    return dt.date(year_start if month >= 8 else year_start + 1, month, day)


def week_numbers(value: Any) -> tuple[int, int] | None:
    """(first, last) week of a 周次 value: 3, "第3周", "3-4"."""
    m = _WEEK.match(str(value).strip()) if value not in (None, "") else None
    if not m:
        return None
    a = int(m.group(1))
    return a, int(m.group(2) or a)


def first_week(acts: list[dict[str, Any]], year_start: int) -> dt.date | None:
    """The first day of week 1, when the activities given by week agree on it."""
    found: set[dt.date] = set()
    for act in acts:
        weeks = week_numbers(act.get("周次"))
        span = parse_span(act.get(DATE_KEY, ""), year_start)
        if weeks is None or span is None:
            continue
        days = (span[1] - span[0]).days + 1
        if days != 7 * (weeks[1] - weeks[0] + 1):
            continue  # not a whole week: a day given by date
        found.add(span[0] - dt.timedelta(days=7 * (weeks[0] - 1)))
    if len(found) != 1:
        return None
    (start,) = found
    return start if start.isoweekday() in (1, 7) else None


def settle_dates(acts: list[dict[str, Any]], year_start: int, start: dt.date | None) -> None:
    """Turn each activity's table date into 周次 / 日期 (see the module docstring)."""
    for act in acts:
        text = act.pop(DATE_KEY, "")
        if not text:
            continue
        span = parse_span(text, year_start)
        weeks = week_numbers(act.get("周次"))
        if span and start and weeks and span == _week_span(start, weeks):
            continue  # the week's own dates: the build writes them again
        if span and start and span[0] == span[1]:
            act["日期"] = span[0].isoformat()
            if start and weeks and weeks[0] == weeks[1] == _week_of(start, span[0]):
                act.pop("周次", None)  # the build finds the week from the date
            continue
        act["内容"] = f"{act['内容']}（{text}）"


def _week_span(start: dt.date, weeks: tuple[int, int]) -> tuple[dt.date, dt.date]:
    return (
        start + dt.timedelta(days=7 * (weeks[0] - 1)),
        start + dt.timedelta(days=7 * weeks[1] - 1),
    )


def _week_of(start: dt.date, day: dt.date) -> int:
    return (day - start).days // 7 + 1
