"""The calendar page: the term's weeks as `wenshu calendar` lays them out, with the
plan's 行事历 activities placed in their weeks."""

from __future__ import annotations

from typing import Any

from ..errors import SpecError, WenshuError
from .workspace import SPEC_SUFFIXES, Workspace


def _activities(spec: Any, cal: Any) -> tuple[dict[int, list[dict]], list[dict]]:
    """Activities by week number, and those whose week is not known."""
    from ..spec.common import Ref

    by_week: dict[int, list[dict]] = {}
    loose: list[dict] = []
    for month in getattr(spec, "calendar", None) or []:
        for act in month.activities:
            text = f"（引用 {act.content.ref}）" if isinstance(act.content, Ref) else act.content
            item = {"内容": text, "负责人": act.owner or "", "月份": month.month}
            weeks: list[int] = []
            if act.week is not None:
                weeks = list(range(act.week[0], act.week[1] + 1))
            elif act.date is not None and cal is not None:
                n = cal.week_of(act.date)
                weeks = [n] if n else []
            if act.date is not None:
                item["日期"] = act.date.isoformat()
            if not weeks:
                loose.append(item)
            for n in weeks:
                by_week.setdefault(n, []).append(item)
    return by_week, loose


def calendar_payload(ws: Workspace, rel: str, year: str, term: str, start: str) -> dict[str, Any]:
    """Weeks with holidays, make-up days and activities. From the plan at `rel` (its
    学年, 学期, 开学, 假期), or from `year`/`term`/`start` given on the page."""
    from ..calendar import build_term_calendar, calendar_to_json
    from ..calendar.render import week_events
    from ..periods import parse_date, parse_school_year, parse_term

    spec = None
    cal = None
    title = ""
    if rel:
        from ..spec.loader import load_spec

        try:
            loaded = load_spec(ws.path(rel, SPEC_SUFFIXES))
        except SpecError as exc:
            raise WenshuError(
                "这份文档还有错误，先在编辑页改正：" + exc.problems[0].render()
            ) from None
        spec = loaded.spec
        cal = getattr(spec, "term_calendar", None)
        title = spec.period_text() if hasattr(spec, "period_text") else ""
    if cal is None and (year or start):
        try:
            first = parse_school_year(year or (getattr(spec, "school_year", "") or ""))
            term_n = parse_term(term or str(getattr(spec, "term", "") or ""))
            start_d = parse_date(start)
        except (WenshuError, ValueError) as exc:
            raise WenshuError(str(exc)) from None
        cal = build_term_calendar(first, term_n, start_d)
    if cal is None:
        return {
            "weeks": [],
            "need_start": True,
            "title": title,
            "学年": getattr(spec, "school_year", "") or "",
            "学期": getattr(spec, "term", "") or "",
            "年度": getattr(spec, "year", None),
        }
    data = calendar_to_json(cal)
    by_week, loose = _activities(spec, cal) if spec is not None else ({}, [])
    for week, raw in zip(data["weeks"], cal.weeks):
        week["事项"] = week_events(raw)
        week["活动"] = by_week.get(raw.number, [])
    data["未定周次"] = loose
    data["title"] = cal.label
    data["学年"] = f"{cal.school_year_start}—{cal.school_year_start + 1}"
    data["term"] = cal.term
    return data
