"""Moving dates into the new period.

Rules (documented in the CLI help):
* Same kind of period (same term, or 年度 → 年度): every date moves by one shift of
  whole weeks, so weekdays and week numbers are kept. With the old 开学 and a new start
  (--start, or derived) the shift is the distance between the two first weeks: "same
  week, same weekday". Otherwise it is the number of whole weeks nearest the distance
  between the two periods (one year ≈ 52 weeks = 364 days, so dates usually come 1–2
  days earlier in the calendar).
* A date the shift would push out of its month is stepped back into the month by whole
  weeks (weekday kept) and reported.
* Term changed (第一学期 ↔ 第二学期): months map by position (the first month of the old
  term → the first month of the new one…); the day of the month is kept as far as possible
  with the same weekday. Every such date is reported.
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt
import re
from dataclasses import dataclass

from ..calendar import build_term_calendar
from ..calendar.term import first_week_start
from ..spec.common import Period
from .period import base_year, school_start

WEEKDAYS = "一二三四五六日"


@dataclass(frozen=True)
class Moved:
    """A moved date and, when the user should look at it, why."""

    date: dt.date
    note: str | None = None


def _cn(d: dt.date) -> str:
    return f"{d.isoformat()}（周{WEEKDAYS[d.weekday()]}）"


def _nominal_start(period: Period) -> dt.date:
    """First day of the period's first month (1 Sep, 1 Feb or 1 Jan)."""
    rng = period.date_range()
    assert rng is not None
    return rng[0]


def _same_weekday_near(target: dt.date, weekday: int) -> dt.date:
    """The date with `weekday` nearest `target` (within three days)."""
    diff = (weekday - target.weekday()) % 7
    return target + dt.timedelta(days=diff if diff <= 3 else diff - 7)


def _into_month(d: dt.date, year: int, month: int) -> dt.date:
    """Step `d` by whole weeks until it lies in year/month."""
    while (d.year, d.month) < (year, month):
        d += dt.timedelta(days=7)
    while (d.year, d.month) > (year, month):
        d -= dt.timedelta(days=7)
    return d


class DateMover:
    """Maps dates of the old period to the new one (see the module docstring)."""

    def __init__(
        self,
        old: Period,
        new: Period,
        old_start: dt.date | None,
        new_start: dt.date | None,
        week_start: str = "mon",
    ):
        self.old, self.new = old, new
        self.week_start = week_start
        self.term_changed = old.term != new.term
        self.year_delta = base_year(new) - base_year(old)
        # What 开学 becomes, and a note when it was guessed rather than given.
        self.new_start: dt.date | None = None
        self.start_note: str | None = None
        self.notes: list[str] = []
        if new_start is not None and new.year is None:
            # Fails with a Chinese message when --start is outside the new term.
            build_term_calendar(school_start(new), new.term, new_start, week_start)
        nominal_weeks = round((_nominal_start(new) - _nominal_start(old)).days / 7)
        self.shift = dt.timedelta(weeks=nominal_weeks)
        if self.term_changed:
            self.method = "学期改变：月份按顺序对应，尽量保持日和星期几"
            if old_start is not None:
                self.new_start = new_start or self.move(old_start).date
                if new_start is None:
                    self.start_note = (
                        f"开学日期按月份顺序推算为 {_cn(self.new_start)}，"
                        "请按新学期校历修改，或用 --start 指定"
                    )
            elif new_start is not None:
                self.notes.append("原文件没有“开学”，--start 未写入新文件。")
            return
        if old_start is not None and new_start is not None:
            self.shift = first_week_start(new_start, week_start) - first_week_start(
                old_start, week_start
            )
            self.new_start = new_start
            self.method = (
                f"按周次对应（开学 {old_start.isoformat()} → {new_start.isoformat()}，"
                f"同一周次、同一星期几）"
            )
        elif old_start is not None:
            self.new_start = old_start + self.shift
            self.method = (
                f"按周次对应（新开学日期由原开学日期推算为 {self.new_start.isoformat()}，"
                f"同一周次、同一星期几）"
            )
            self.start_note = (
                f"开学日期按原开学日期推算为 {_cn(self.new_start)}（同一星期几），"
                "请按新学期校历核对，或用 --start 指定"
            )
        else:
            self.method = f"按整周平移 {nominal_weeks} 周（{nominal_weeks * 7} 天，星期几不变）"
            if new_start is not None:
                self.notes.append(
                    "原文件没有“开学”，无法按周次对应；日期按整周平移，--start 未写入新文件。"
                )

    def move(self, d: dt.date) -> Moved:
        """The new date for `d`, with a note when the user should check it."""
        if self.term_changed:
            return self._move_by_month(d)
        moved = d + self.shift
        year = d.year + self.year_delta
        if (moved.year, moved.month) == (year, d.month):
            return Moved(moved)
        kept = _into_month(moved, year, d.month)
        return Moved(
            kept,
            f"{d.isoformat()} 平移后为 {_cn(moved)}，已不在{d.month}月；"
            f"已保留在{d.month}月：{_cn(kept)}，请核对",
        )

    def _move_by_month(self, d: dt.date) -> Moved:
        old_months, new_months = self.old.months(), self.new.months()
        if d.month not in old_months:
            moved = d + self.shift
            return Moved(moved, f"{d.isoformat()} 不在原学期内，按整周平移为 {_cn(moved)}，请核对")
        month = new_months[min(old_months.index(d.month), len(new_months) - 1)]
        year = self.new.year_of_month(month)
        assert year is not None
        target = dt.date(year, month, min(d.day, _cal.monthrange(year, month)[1]))
        moved = _into_month(_same_weekday_near(target, d.weekday()), year, month)
        return Moved(
            moved,
            f"学期改变：{d.month}月对应{month}月，{d.isoformat()} 改为 {_cn(moved)}，请核对",
        )


_ISO_LIKE = re.compile(r"(\s*)(\d{4})([-/.])(\d{1,2})\3(\d{1,2})(\s*)")
_CN_LIKE = re.compile(r"(\s*)(\d{4})年(\d{1,2})月(\d{1,2})([日号])(\s*)")


def _padded(month: str, day: str, sep: str) -> bool:
    """Whether the original wrote 09 rather than 9 (ISO dates default to padded)."""
    if month.startswith("0") or day.startswith("0"):
        return True
    if len(month) == 1 or len(day) == 1:
        return False
    return sep == "-"


def _md(month: str, day: str, sep: str, d: dt.date) -> tuple[str, str]:
    if _padded(month, day, sep):
        return f"{d.month:02d}", f"{d.day:02d}"
    return str(d.month), str(d.day)


def format_like(original: str, d: dt.date) -> str | None:
    """Write `d` the way `original` was written (separators, zero padding); None if the
    original is not a date form we know."""
    m = _ISO_LIKE.fullmatch(original)
    if m:
        lead, _, sep, mo, da, trail = m.groups()
        mm, dd = _md(mo, da, sep, d)
        return f"{lead}{d.year}{sep}{mm}{sep}{dd}{trail}"
    m = _CN_LIKE.fullmatch(original)
    if m:
        lead, _, mo, da, suffix, trail = m.groups()
        mm, dd = _md(mo, da, "年", d)
        return f"{lead}{d.year}年{mm}月{dd}{suffix}{trail}"
    return None


def parse_like(text: str) -> dt.date | None:
    """A date written in one of the forms format_like knows, else None."""
    m = _ISO_LIKE.fullmatch(text)
    if m:
        y, mo, da = int(m.group(2)), int(m.group(4)), int(m.group(5))
    else:
        m = _CN_LIKE.fullmatch(text)
        if not m:
            return None
        y, mo, da = int(m.group(2)), int(m.group(3)), int(m.group(4))
    try:
        return dt.date(y, mo, da)
    except ValueError:
        return None
