"""Official holidays and make-up workdays from chinesecalendar, with a user override on top."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

import chinese_calendar

from .override import HolidayOverride

# chinesecalendar names holidays in English; documents need the Chinese names.
HOLIDAY_NAMES = {
    "new_years_day": "元旦",
    "spring_festival": "春节",
    "tomb_sweeping_day": "清明节",
    "labour_day": "劳动节",
    "dragon_boat_festival": "端午节",
    "national_day": "国庆节",
    "mid_autumn_festival": "中秋节",
    "anti_fascist_70th_day": "抗战胜利70周年纪念日",
}
_BY_VALUE = {h.value: HOLIDAY_NAMES.get(h.name, h.value) for h in chinese_calendar.Holiday}


@dataclass(frozen=True)
class DayInfo:
    """What a date is: kind "holiday", "makeup" (调休上班) or None; name where known."""

    kind: str | None
    name: str | None = None


@functools.cache
def official_year_known(year: int) -> bool:
    """True when chinesecalendar has the State Council's schedule for `year`."""
    try:
        chinese_calendar.get_holiday_detail(dt.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def official_day(day: dt.date) -> DayInfo:
    """The official status of `day`; DayInfo(None) also for years without data."""
    if not official_year_known(day.year):
        return DayInfo(None)
    on_holiday, name = chinese_calendar.get_holiday_detail(day)
    if name is None:
        return DayInfo(None)  # an ordinary workday or weekend
    cn = _BY_VALUE.get(name, name)
    return DayInfo("holiday", cn) if on_holiday else DayInfo("makeup", cn)


class HolidaySource:
    """Answers day questions from the override first, then from the official data."""

    def __init__(self, override: HolidayOverride | None = None):
        self.override = override or HolidayOverride()

    def day(self, day: dt.date) -> DayInfo:
        """Status of one date (override wins over official data)."""
        if day in self.override.holidays:
            name = self.override.holidays[day]
            # An unnamed override day keeps the official name when there is one.
            return DayInfo("holiday", name or official_day(day).name)
        if day in self.override.makeup_days:
            return DayInfo("makeup", self.override.makeup_days[day] or official_day(day).name)
        return official_day(day)

    def year_known(self, year: int) -> bool:
        """True when official data or the override covers `year`."""
        return official_year_known(year) or year in self.override.years
