"""A term's teaching weeks with the holidays and make-up workdays in each."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..errors import WenshuError
from ..periods import TERM_NAMES, term_label
from .dates import DateFormatError, daterange, parse_weekday
from .official import HolidaySource
from .override import HolidayOverride

WEEK_STARTS = {"mon": "周一", "sun": "周日"}
MAX_WEEKS = 30

# Default term ends (documented in the CLI help): 第一学期 runs through the week
# containing 31 January, 第二学期 through the week containing 15 July.
DEFAULT_END = {1: (1, 31), 2: (7, 15)}
# Where a term may start: 第一学期 August–December of the first year,
# 第二学期 January–June of the second year.
START_WINDOW = {1: (0, 8, 12), 2: (1, 1, 6)}


class CalendarError(WenshuError):
    """The term cannot be laid out as asked (start outside the term, bad week number…)."""


@dataclass(frozen=True)
class HolidayDay:
    """One day off inside a week; `name` is None when the source did not name it."""

    date: dt.date
    name: str | None


@dataclass
class Week:
    """One teaching week: number, first and last day, holidays, make-up workdays."""

    number: int
    start: dt.date
    end: dt.date
    holidays: list[HolidayDay] = field(default_factory=list)
    makeup_days: list[dt.date] = field(default_factory=list)
    unknown_years: list[int] = field(default_factory=list)

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


@dataclass
class TermCalendar:
    """The weeks of one term. Week 1 contains the first school day."""

    school_year_start: int
    term: int
    start: dt.date
    week_start: str
    weeks: list[Week]
    source: HolidaySource
    unknown_years: list[int]

    @property
    def end(self) -> dt.date:
        """Last day of the last week."""
        return self.weeks[-1].end

    @property
    def label(self) -> str:
        """2025—2026学年第一学期."""
        return term_label(self.school_year_start, self.term)

    @property
    def warnings(self) -> list[str]:
        """Chinese warnings for the user, one per year without official data."""
        return [unknown_year_warning(y) for y in self.unknown_years]

    def week_of(self, day: dt.date) -> int | None:
        """The week number containing `day`, or None outside the term."""
        if not self.weeks[0].start <= day <= self.end:
            return None
        return (day - self.weeks[0].start).days // 7 + 1

    def week_range(self, n: int) -> tuple[dt.date, dt.date]:
        """First and last day of week `n`."""
        week = self._week(n)
        return week.start, week.end

    def date_of(self, week: int, weekday: int | str) -> dt.date:
        """The date of `weekday` (1 = 周一 … 7 = 周日, or "周三") in week `week`."""
        try:
            iso = parse_weekday(weekday)
        except DateFormatError as exc:
            raise CalendarError(str(exc)) from None
        first = self._week(week).start
        offset = (iso - first.isoweekday()) % 7
        return first + dt.timedelta(days=offset)

    def is_holiday(self, day: dt.date) -> tuple[bool, str | None]:
        """(True, name) when `day` is a statutory day off; name may be None."""
        info = self.source.day(day)
        return (True, info.name) if info.kind == "holiday" else (False, None)

    def is_makeup_workday(self, day: dt.date) -> bool:
        """True when `day` is a weekend day worked to make up for a holiday (调休上班)."""
        return self.source.day(day).kind == "makeup"

    def _week(self, n: int) -> Week:
        if not isinstance(n, int) or not 1 <= n <= len(self.weeks):
            raise CalendarError(f"第{n}周不在{self.label}内（本学期共{len(self.weeks)}周）。")
        return self.weeks[n - 1]


def unknown_year_warning(year: int) -> str:
    """The warning shown when the official holidays of `year` are not known."""
    return (
        f"{year}年的法定节假日和调休安排尚未收录（国务院办公厅通常在上一年11月前后公布），"
        f"校历中{year}年的日期没有标出任何节假日。公布后请写一个 YAML 文件并用 --holidays 指定，"
        f"格式如下（日期仅为格式示例，请以官方通知为准）：\n"
        f"  假日: [{year}-01-01, {{日期: {year}-10-01~{year}-10-07, 名称: 国庆节}}]\n"
        f"  调休上班: [{year}-09-26]"
    )


def first_week_start(start: dt.date, week_start: str) -> dt.date:
    """Monday (or Sunday) on or before `start`."""
    back = start.weekday() if week_start == "mon" else start.isoweekday() % 7
    return start - dt.timedelta(days=back)


def _check_start(school_year_start: int, term: int, start: dt.date) -> None:
    year_offset, first_month, last_month = START_WINDOW[term]
    year = school_year_start + year_offset
    if start.year != year or not first_month <= start.month <= last_month:
        raise CalendarError(
            f"开学日期 {start.isoformat()} 不在{term_label(school_year_start, term)}内："
            f"{TERM_NAMES[term]}应在{year}年{first_month}月至{last_month}月之间开学。"
            f"请检查 --start、学年和 --term。"
        )


def build_term_calendar(
    school_year_start: int,
    term: int,
    start: dt.date,
    week_start: str = "mon",
    override: HolidayOverride | None = None,
    weeks: int | None = None,
) -> TermCalendar:
    """Lay out a term: week 1 contains `start`; weeks run Monday–Sunday ("mon") or
    Sunday–Saturday ("sun"). Without `weeks` the term ends with the week holding
    31 January (第一学期) or 15 July (第二学期)."""
    if term not in TERM_NAMES:
        raise CalendarError(f"学期只能是 1 或 2，收到 {term}。")
    if week_start not in WEEK_STARTS:
        raise CalendarError(f"每周起始日只能是 mon（周一）或 sun（周日），收到 {week_start}。")
    _check_start(school_year_start, term, start)
    first = first_week_start(start, week_start)
    if weeks is None:
        month, day = DEFAULT_END[term]
        weeks = (dt.date(school_year_start + 1, month, day) - first).days // 7 + 1
    if not 1 <= weeks <= MAX_WEEKS:
        raise CalendarError(f"周数应在 1～{MAX_WEEKS} 之间，收到 {weeks}。")
    source = HolidaySource(override)
    week_list = [
        _make_week(n, first + dt.timedelta(days=7 * (n - 1)), source) for n in range(1, weeks + 1)
    ]
    unknown = sorted({y for w in week_list for y in w.unknown_years})
    return TermCalendar(school_year_start, term, start, week_start, week_list, source, unknown)


def _make_week(number: int, first: dt.date, source: HolidaySource) -> Week:
    week = Week(number, first, first + dt.timedelta(days=6))
    for day in daterange(week.start, week.end):
        info = source.day(day)
        if info.kind == "holiday":
            week.holidays.append(HolidayDay(day, info.name))
        elif info.kind == "makeup":
            week.makeup_days.append(day)
        if not source.year_known(day.year) and day.year not in week.unknown_years:
            week.unknown_years.append(day.year)
    return week
