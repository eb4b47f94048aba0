"""Plans with a known term start (开学): 周次 and 日期 derive each other, holidays warn."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ...spec.checks import Finding
from ...spec.types import format_week, school_year_start

WEEK_STARTS = {"周一": "mon", "mon": "mon", "周日": "sun", "sun": "sun"}
# Without 开学 the length of a term is unknown; this bound only catches typos.
LOOSE_MAX_WEEKS = 25


# The calendar package (with chinese_calendar's tables) is imported only for plans that
# use it, so plain plans build without paying for it.


def holiday_override(spec: Any, ctx: Any) -> tuple[Any, list[Finding]]:
    """The spec's 假期 key, validated with the calendar's own rules."""
    from ...calendar import check_holiday_override

    if spec.holidays is None:
        return None, []
    lines = ctx.loaded.line_for if ctx is not None else (lambda loc: None)
    label = ctx.loaded.label if ctx is not None else None
    override, problems = check_holiday_override(
        spec.holidays,
        file_label=label,
        line_lookup=lambda p: lines(("假期", *p)),
        path_prefix="假期",
    )
    # The calendar's checker already knows each problem's line: pass them on as they are.
    return override, list(problems)


def term_calendar(spec: Any, ctx: Any) -> tuple[Any, list[Finding]]:
    """Build the TermCalendar of a plan with 开学; findings for anything wrong."""
    if spec.term_start is None:
        return None, []
    if spec.year is not None or not spec.school_year or not spec.term:
        return None, [(("开学",), "“开学”只用于学期计划（需要学年和学期）", "error")]
    from ...calendar import CalendarError, build_term_calendar

    override, findings = holiday_override(spec, ctx)
    if findings:
        return None, findings
    try:
        cal = build_term_calendar(
            school_year_start(spec.school_year),
            spec.term,
            spec.term_start,
            week_start=WEEK_STARTS.get(spec.week_start or "周一", "mon"),
            override=override,
        )
    except CalendarError as exc:
        return None, [(("开学",), exc.message, "error")]
    return cal, []


def span_text(a: dt.date, b: dt.date) -> str:
    """9月1日—7日, or 9月29日—10月5日."""
    from ...calendar.dates import cn_span

    return cn_span(a, b)


def outside_term_label(cal: Any, day: dt.date) -> str:
    """周次 cell of a day outside the teaching weeks: 开学前 or 期末."""
    return "开学前" if day < cal.weeks[0].start else "期末"


def week_limit(spec: Any, cal: Any) -> tuple[int, str]:
    """The last week number a plan may use, and how it was found, for messages:
    "第N周超出本学期（按开学日期共20周）", "第N周超出本年度（2026年共53周）"."""
    if cal is not None:
        return len(cal.weeks), f"按开学日期共{len(cal.weeks)}周"
    if spec.year is not None:
        weeks = year_weeks(spec.year)
        return weeks, f"{spec.year}年共{weeks}周"
    return LOOSE_MAX_WEEKS, f"按学期最长共{LOOSE_MAX_WEEKS}周"


def year_weeks(year: int) -> int:
    """Weeks (Monday to Sunday) with at least one day in `year`, counted from the week
    holding 1 January: 53, or 54 in a leap year that starts on a Sunday."""
    first = dt.date(year, 1, 1)
    monday = first - dt.timedelta(days=first.weekday())
    return (dt.date(year, 12, 31) - monday).days // 7 + 1


def check_activities(spec: Any, cal: Any) -> list[Finding]:
    """周次 within the term, 周次 and 日期 agreeing, 日期 not on a holiday."""
    out: list[Finding] = []
    total, why = week_limit(spec, cal)
    for i, mp in enumerate(spec.calendar or []):
        for j, act in enumerate(mp.activities):
            path = ("行事历", i, "活动", j)
            if act.week is not None and spec.year is not None:
                out.append(
                    (
                        path + ("周次",),
                        "年度计划的行事历不写周次（周次是学期的教学周），请写“日期”或删去“周次”",
                        "error",
                    )
                )
                continue
            if act.week is not None and act.week[1] > total:
                out.append((path + ("周次",), f"第{act.week[1]}周超出本学期（{why}）", "error"))
                continue
            if cal is None or act.date is None:
                continue
            wk = cal.week_of(act.date)
            # Before 开学 (teachers back early) or after the last teaching week is fine:
            # the table shows 开学前 / 期末. Dates outside the term's months are
            # reported with the other period checks.
            if wk is None and act.week is not None:
                out.append(
                    (
                        path + ("日期",),
                        f"{act.date.isoformat()} 在{outside_term_label(cal, act.date)}，"
                        f"不在{format_week(act.week)}，请改正周次或日期",
                        "error",
                    )
                )
                continue
            if wk is not None and act.week is not None and not act.week[0] <= wk <= act.week[1]:
                out.append(
                    (
                        path + ("日期",),
                        f"{act.date.isoformat()} 在第{wk}周，与{format_week(act.week)}不符",
                        "error",
                    )
                )
            holiday, name = cal.is_holiday(act.date)
            if holiday:
                out.append(
                    (
                        path + ("日期",),
                        f"{act.date.isoformat()} 是{name or '法定节假日'}，学校放假，请确认",
                        "warning",
                    )
                )
    return out
