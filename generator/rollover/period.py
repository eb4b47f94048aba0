"""The old and the new period of a rollover: reading `--to`/`--term` against the spec."""

from __future__ import annotations

import re

from ..calendar import SchoolYearError, parse_school_year
from ..errors import WenshuError
from ..spec.common import Period
from ..spec.types import TERM_NAMES

_YEAR_RE = re.compile(r"\s*(\d{4})\s*(?:年度|年)?\s*")


class RolloverError(WenshuError):
    """The rollover cannot be done as asked (bad --to, same period, no period...)."""


def make_period(school_start: int | None = None, term: int | None = None, year: int | None = None):
    """A spec Period from plain numbers (reuses its months/date_range logic)."""
    if year is not None:
        return Period.model_validate({"年度": year})
    return Period.model_validate({"学年": f"{school_start}—{school_start + 1}", "学期": term})


def school_start(period: Period) -> int:
    """2025—2026 → 2025."""
    return int(str(period.school_year)[:4])


def target_period(old: Period, to: str, term: int | None) -> Period:
    """The new period from `--to` (a 学年 for term plans, a year for 年度 plans) and `--term`."""
    text = str(to).strip()
    if old.year is not None:
        if term is not None:
            raise RolloverError("年度计划没有学期，请去掉 --term，只写 --to 年份（如 --to 2026）。")
        m = _YEAR_RE.fullmatch(text)
        if not m:
            raise RolloverError(
                f"--to “{to}”不是年份。原文件是{old.year}年度计划，请写成 --to {old.year + 1}。"
            )
        year = int(m.group(1))
        if not 2000 <= year <= 2100:
            raise RolloverError(f"--to {year} 超出支持的范围（2000～2100），请检查年份。")
        if year == old.year:
            raise RolloverError(f"--to {year} 与原文件的年度相同，无需滚动。请写新的年份。")
        return make_period(year=year)
    start = school_start(old)
    if _YEAR_RE.fullmatch(text) and not re.search(r"[-–—~～－至到/]", text):
        raise RolloverError(
            f"--to “{to}”只有一个年份。原文件是学期计划（{old.period_text()}），"
            f"请写新学年，如 --to {start + 1}-{start + 2}。"
        )
    try:
        new_start = parse_school_year(text)
    except SchoolYearError as exc:
        raise RolloverError(f"--to {exc.message}") from None
    if not 2000 <= new_start <= 2099:
        raise RolloverError(f"--to {to} 超出支持的范围，请检查学年。")
    new_term = term if term is not None else old.term
    if new_term not in TERM_NAMES:
        raise RolloverError(f"--term 只能是 1 或 2（第一学期或第二学期），收到 {term}。")
    if new_start == start and new_term == old.term:
        raise RolloverError(
            f"新时段与原文件相同（{old.period_text()}），无需滚动。"
            f"请用 --to 写新学年，或用 --term 换学期。"
        )
    return make_period(school_start=new_start, term=new_term)


def base_year(period: Period) -> int:
    """The calendar year a period is keyed by: the 年度, or the first year of the 学年."""
    return period.year if period.year is not None else school_start(period)


def own_years(period: Period) -> set[int]:
    """Calendar years the period's days fall in (a 第一学期 spans two)."""
    rng = period.date_range()
    assert rng is not None
    return set(range(rng[0].year, rng[1].year + 1))
