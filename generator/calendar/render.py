"""Turn a TermCalendar into JSON data, plain text, or a 校历 document tree."""

from __future__ import annotations

import datetime as dt

from ..doctree import Cell, Document, Paragraph, Table, Title, format_cn_date
from ..textnorm import normalize_text
from .dates import WEEKDAY_NAMES, cn_month_day, cn_span
from .term import WEEK_STARTS, TermCalendar, Week

TABLE_HEADER = ["周次", "日期", "节假日与调休", "备注"]


def calendar_to_json(cal: TermCalendar) -> dict:
    """JSON-ready data. Each week: 周次, 开始, 结束 (ISO dates), 假日 as a list of
    {"日期", "名称"} (名称 null when unknown), 调休上班 as a list of ISO dates.
    A top-level "警告" list is present only when there are warnings."""
    out: dict = {
        "学期": cal.label,
        "开学日期": cal.start.isoformat(),
        "每周起始": WEEK_STARTS[cal.week_start],
        "周数": len(cal.weeks),
        "weeks": [
            {
                "周次": w.number,
                "开始": w.start.isoformat(),
                "结束": w.end.isoformat(),
                "假日": [{"日期": h.date.isoformat(), "名称": h.name} for h in w.holidays],
                "调休上班": [d.isoformat() for d in w.makeup_days],
            }
            for w in cal.weeks
        ],
    }
    if cal.warnings:
        out["警告"] = cal.warnings
    return out


def _holiday_runs(week: Week) -> list[tuple[str | None, dt.date, dt.date]]:
    """Group consecutive days with the same name: (name, first, last)."""
    runs: list[tuple[str | None, dt.date, dt.date]] = []
    for h in week.holidays:
        if runs and runs[-1][0] == h.name and (h.date - runs[-1][2]).days == 1:
            runs[-1] = (h.name, runs[-1][1], h.date)
        else:
            runs.append((h.name, h.date, h.date))
    return runs


def week_events(week: Week) -> str:
    """节假日与调休 text: 中秋节：10月6日放假；国庆节：10月7日—8日放假；10月11日（周六）调休上班."""
    parts = [
        f"{name}：{cn_span(a, b)}放假" if name else f"{cn_span(a, b)}放假"
        for name, a, b in _holiday_runs(week)
    ]
    parts += [
        f"{cn_month_day(d)}（{WEEKDAY_NAMES[d.weekday()]}）调休上班" for d in week.makeup_days
    ]
    return "；".join(parts)


def week_remark(cal: TermCalendar, week: Week) -> str:
    """备注 text: the first school day, and years whose holidays are not known."""
    parts = []
    if cal.start in week:
        parts.append(f"{cn_month_day(cal.start)}开学")
    parts += [f"{y}年节假日未收录" for y in week.unknown_years]
    return "；".join(parts)


def calendar_to_text(cal: TermCalendar) -> str:
    """A plain-text listing for the terminal, one line per week."""
    lines = [f"{cal.label}校历（每周从{WEEK_STARTS[cal.week_start]}开始，共{len(cal.weeks)}周）"]
    for w in cal.weeks:
        extra = "；".join(p for p in (week_events(w), week_remark(cal, w)) if p)
        lines.append(
            f"第{w.number:>2}周  {cn_span(w.start, w.end)}" + (f"  {extra}" if extra else "")
        )
    return "\n".join(lines)


def calendar_to_document(cal: TermCalendar, unit: str | None = None) -> Document:
    """The 校历 as a document: title (with the school's name when `unit` is given), then
    a table 周次 | 日期 | 节假日与调休 | 备注."""
    rows = [
        [
            Cell(str(w.number)),
            Cell(cn_span(w.start, w.end)),
            Cell(week_events(w)),
            Cell(week_remark(cal, w)),
        ]
        for w in cal.weeks
    ]
    caption = f"开学日期：{format_cn_date(cal.start)}，每周从{WEEK_STARTS[cal.week_start]}开始，共{len(cal.weeks)}周。"
    table = Table(kind="校历", header=list(TABLE_HEADER), rows=rows, caption=caption)
    unit = normalize_text(unit.strip()) if unit else ""
    title = f"{unit}{cal.label}校历"
    blocks: list = [Title(title), table]
    if cal.unknown_years:
        years = "、".join(f"{y}年" for y in cal.unknown_years)
        blocks.append(
            Paragraph.plain(
                f"注：{years}的法定节假日和调休安排未收录，表中未标出，请以国务院办公厅通知为准。"
            )
        )
    return Document(blocks=blocks, title=title, kind="校历", author=unit)
