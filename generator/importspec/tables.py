"""Word tables → 行事历 / 具体分工 / 教研组 / 目标完成 (the tables wenshu itself writes,
and hand-made ones with the same column names)."""

from __future__ import annotations

import re
from typing import Any

from ..numbering import strip_typed_marker
from ..spec.types import cn_to_int
from .week_dates import DATE_KEY, week_numbers

Rows = list[list[str]]


def _col(header: list[str], *names: str) -> int | None:
    for i, cell in enumerate(header):
        if any(n in cell.replace(" ", "") for n in names):
            return i
    return None


def table_kind(table: Rows) -> str | None:
    """Which spec key a table holds, from its header row."""
    header = table[0]
    if _col(header, "月份", "月") is not None and _col(header, "内容", "活动", "工作") is not None:
        return "行事历"
    if _col(header, "姓名") is not None and _col(header, "职责", "分工", "工作") is not None:
        return "具体分工"
    if _col(header, "组长") is not None and _col(header, "成员") is not None:
        return "教研组"
    if _col(header, "完成情况") is not None and _col(header, "目标") is not None:
        return "目标完成"
    if header and header[0].replace(" ", "") in ("周次", "周") and len(header) >= 3:
        return "轮值表"
    return None


def month_of(text: str) -> int | None:
    """九月 / 9月份 / 10月 → month number."""
    m = re.match(r"^\s*([一二三四五六七八九十]{1,3}|\d{1,2})\s*月份?", text)
    n = cn_to_int(m.group(1)) if m else None
    return n if n and 1 <= n <= 12 else None


def _cell(row: list[str], i: int | None) -> str:
    return row[i].strip() if i is not None and i < len(row) else ""


def calendar_rows(table: Rows) -> list[tuple[int, dict[str, Any]]] | None:
    """(month, activity) per row; None when a row has no recognisable month."""
    header = table[0]
    c_month, c_week = _col(header, "月份", "月"), _col(header, "周次")
    c_text = _col(header, "内容", "活动", "工作")
    c_owner = _col(header, "负责", "责任")
    c_date = _col(header, "日期", "时间")
    out: list[tuple[int, dict[str, Any]]] = []
    month = None
    for row in table[1:]:
        month = month_of(_cell(row, c_month)) or month  # merged month cells may be blank
        content = _cell(row, c_text)
        if month is None or not content:
            return None
        act: dict[str, Any] = {"内容": content}
        owner, week, when = _cell(row, c_owner), _cell(row, c_week), _cell(row, c_date)
        if owner:
            act["负责人"] = owner
        weeks = week_numbers(week)
        if weeks is not None:
            act["周次"] = weeks[0] if weeks[0] == weeks[1] else f"{weeks[0]}-{weeks[1]}"
        elif week:
            act["内容"] = f"{content}（{week}）"
        if when:
            act[DATE_KEY] = when  # settled once the school year is known (week_dates)
        out.append((month, act))
    return out


def rotation_rows(table: Rows) -> dict[str, Any] | None:
    """轮值表 (周次 | one column per grade) as explicit 安排 rows; None when a row's first
    cell is not a week."""
    header = table[0]
    grades = [g.strip() for g in header[1:]]
    if not grades or not all(grades) or len(set(grades)) != len(grades):
        return None
    rows = []
    for row in table[1:]:
        weeks = week_numbers(_cell(row, 0))
        if weeks is None:
            return None
        cells = {g: _cell(row, k + 1) for k, g in enumerate(grades) if _cell(row, k + 1)}
        if not cells:
            return None
        week = weeks[0] if weeks[0] == weeks[1] else f"{weeks[0]}-{weeks[1]}"
        rows.append({"周次": week, "年级": cells})
    return {"年级": grades, "安排": rows} if rows else None


def assignment_rows(table: Rows) -> list[dict[str, Any]] | None:
    """具体分工 entries; None when a row has no name or no duty."""
    header = table[0]
    c_name, c_post = _col(header, "姓名"), _col(header, "职务", "岗位")
    c_duty = _col(header, "职责", "分工", "工作")
    out = []
    for row in table[1:]:
        name, duty = _cell(row, c_name), _cell(row, c_duty)
        if not name or not duty:
            return None
        entry: dict[str, Any] = {"姓名": name}
        if _cell(row, c_post):
            entry["职务"] = _cell(row, c_post)
        duties = [strip_typed_marker(x.strip()) for x in duty.split("\n") if x.strip()]
        entry["职责"] = duties
        out.append(entry)
    return out


def group_rows(table: Rows) -> list[dict[str, Any]] | None:
    """教研组 entries; None when a row lacks a name, leader or members."""
    header = table[0]
    c_name = _col(header, "教研组", "名称", "组别")
    c_leader, c_members = _col(header, "组长"), _col(header, "成员")
    c_time, c_theme = _col(header, "时间"), _col(header, "主题")
    out = []
    for row in table[1:]:
        entry = {
            "名称": _cell(row, c_name),
            "组长": _cell(row, c_leader),
            "成员": _cell(row, c_members),
        }
        if not all(entry.values()):
            return None
        if _cell(row, c_time):
            entry["活动时间"] = _cell(row, c_time)
        if _cell(row, c_theme):
            entry["研究主题"] = _cell(row, c_theme)
        out.append(entry)
    return out


def goal_result_rows(table: Rows) -> list[dict[str, Any]] | None:
    """目标完成 entries of a summary without a linked plan (编号 G1, G2 … by row)."""
    header = table[0]
    c_goal, c_ind = _col(header, "目标"), _col(header, "指标")
    c_act, c_status = _col(header, "实际"), _col(header, "完成情况")
    out = []
    for i, row in enumerate(table[1:], 1):
        goal, status = _cell(row, c_goal), _cell(row, c_status)
        if not goal or status not in ("已完成", "部分完成", "未完成"):
            return None
        entry: dict[str, Any] = {"编号": f"G{i}", "内容": goal}
        if _cell(row, c_ind):
            entry["指标"] = _cell(row, c_ind)
        entry["完成情况"] = status
        if _cell(row, c_act):
            entry["实际"] = _cell(row, c_act)
        out.append(entry)
    return out


def table_lines(table: Rows) -> list[str]:
    """A table nobody can map, as lines of “cell｜cell” so its text is kept."""
    return ["｜".join(cell.replace("\n", " ") for cell in row) for row in table]
