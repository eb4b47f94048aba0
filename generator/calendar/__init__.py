"""School calendar: teaching weeks of a term with statutory holidays and make-up workdays."""

from ..periods import PeriodError as SchoolYearError  # noqa: N814  (the calendar's name for it)
from ..periods import parse_school_year, parse_term, term_label
from .dates import DateFormatError, parse_date, parse_date_range, parse_weekday
from .official import HolidaySource, official_year_known
from .override import (
    HolidayOverride,
    check_holiday_override,
    load_holiday_override,
    parse_holiday_override,
)
from .render import calendar_to_document, calendar_to_json, calendar_to_text
from .term import CalendarError, HolidayDay, TermCalendar, Week, build_term_calendar

__all__ = [
    "CalendarError",
    "DateFormatError",
    "HolidayDay",
    "HolidayOverride",
    "HolidaySource",
    "SchoolYearError",
    "TermCalendar",
    "Week",
    "build_term_calendar",
    "calendar_to_document",
    "calendar_to_json",
    "calendar_to_text",
    "check_holiday_override",
    "load_holiday_override",
    "official_year_known",
    "parse_date",
    "parse_date_range",
    "parse_holiday_override",
    "parse_school_year",
    "parse_term",
    "parse_weekday",
    "term_label",
]
