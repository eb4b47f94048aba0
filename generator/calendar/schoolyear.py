"""School year and term names (the parsers live in generator/periods.py)."""

from ..periods import (  # noqa: F401  (re-exported for the calendar package)
    TERM_NAMES,
    PeriodError,
    parse_school_year,
    parse_term,
    school_year_label,
    term_label,
)

SchoolYearError = PeriodError
