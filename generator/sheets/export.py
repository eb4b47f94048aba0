"""`wenshu table export`: a spec's tables as a formatted workbook to fill in and point
the spec at (`行事历: 行事历.xlsx`).

One sheet per table, named like the table key; a bold header row that stays in view;
column widths from the content; long text wrapped; the group column (行事历's 月份)
merged down over its rows, as in the Word table (the reader takes a merged cell as its
value repeated); drop-down lists for 月份 (the months of the term) and 负责人 (the people
the spec names), kept on a hidden sheet 选项.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import WenshuError
from .shapes import TableShape, _blank, flatten, shapes_for

OPTIONS_SHEET = "选项"
# Width limits of a column, in characters.
MIN_WIDTH, MAX_WIDTH = 6, 48


@dataclass
class Choices:
    """Values offered in drop-down lists: column key → allowed values."""

    lists: dict[str, list[str]] = field(default_factory=dict)


def _width(values: list[Any], header: str) -> float:
    from ..docx.colwidths import text_em

    widest = text_em(header)
    for value in values:
        for line in str(value).splitlines() or [""]:
            widest = max(widest, text_em(line))
    return min(MAX_WIDTH, max(MIN_WIDTH, widest * 2 + 2))  # Excel counts half-width chars


def _excel(value: Any) -> Any:
    if isinstance(value, (int, float, dt.date)) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value
    if value is None:
        return None
    return str(value)


def group_runs(values: list[Any]) -> list[tuple[int, int]]:
    """(first, last) row indexes of each run of a group column to merge: a value, then
    the rows repeating it or left blank (which continue the group above, as the reader
    takes them). Runs of one row are left out."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for i, value in enumerate(values):
        if _blank(value) or (start is not None and value == values[start]):
            continue
        if start is not None and i - 1 > start:
            runs.append((start, i - 1))
        start = i
    if start is not None and len(values) - 1 > start:
        runs.append((start, len(values) - 1))
    return runs


def workbook_bytes(
    tables: list[tuple[TableShape, list[dict[str, Any]]]], choices: Choices | None = None
) -> bytes:
    """An .xlsx holding each (shape, rows) on its own sheet."""
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    choices = choices or Choices()
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    options = None
    option_columns: dict[str, str] = {}
    for key, values in choices.lists.items():
        if not values:
            continue
        if options is None:
            options = wb.create_sheet(OPTIONS_SHEET)
            options.sheet_state = "hidden"
        col = len(option_columns) + 1
        letter = get_column_letter(col)
        options.cell(1, col, key)
        for i, v in enumerate(values, start=2):
            options.cell(i, col, v)
        option_columns[key] = f"{OPTIONS_SHEET}!${letter}$2:${letter}${len(values) + 1}"
    for shape, rows in tables:
        ws = wb.create_sheet(shape.key, index=len(wb.worksheets) - (1 if options else 0))
        for c, column in enumerate(shape.columns, start=1):
            cell = ws.cell(1, c, column.key)
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDEBF7")
            cell.alignment = Alignment(horizontal="center", vertical="center")
            cell.border = border
        for r, row in enumerate(rows, start=2):
            for c, column in enumerate(shape.columns, start=1):
                cell = ws.cell(r, c, _excel(row.get(column.key)))
                cell.border = border
                cell.alignment = Alignment(vertical="center", wrap_text=True)
                if isinstance(cell.value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
        if shape.group:
            c = shape.keys.index(shape.group) + 1
            for first, last in group_runs([row.get(shape.group) for row in rows]):
                ws.merge_cells(start_row=first + 2, start_column=c, end_row=last + 2, end_column=c)
        for c, column in enumerate(shape.columns, start=1):
            values = [row.get(column.key) or "" for row in rows]
            ws.column_dimensions[get_column_letter(c)].width = _width(values, column.key)
        ws.freeze_panes = "A2"
        last = max(len(rows) + 1, 200)  # room to add rows below
        for c, column in enumerate(shape.columns, start=1):
            ref = option_columns.get(column.key)
            if ref is None:
                continue
            letter = get_column_letter(c)
            dv = DataValidation(type="list", formula1=f"={ref}", allow_blank=True)
            dv.errorStyle = "warning"  # other values stay possible (教务处, 全体教师)
            dv.error = f"不在{column.key}的常用值中，仍要使用吗？"
            dv.errorTitle = column.key
            dv.add(f"{letter}2:{letter}{last}")
            ws.add_data_validation(dv)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def spec_choices(data: dict[str, Any], months: list[int] | None) -> Choices:
    """Drop-down values from a spec: the term's months, the people it names."""
    people: list[str] = []
    for entry in data.get("具体分工") or []:
        if isinstance(entry, dict) and isinstance(entry.get("姓名"), str):
            people.append(entry["姓名"])
    for entry in data.get("教研组") or []:
        if isinstance(entry, dict):
            if isinstance(entry.get("组长"), str):
                people.append(entry["组长"])
            members = entry.get("成员")
            if isinstance(members, str):
                import re

                people.extend(p for p in re.split(r"[、，,；;\s]+", members) if p)
            elif isinstance(members, list):
                people.extend(str(m) for m in members)
    lists = {"负责人": list(dict.fromkeys(p.strip() for p in people if p.strip()))}
    if months:
        lists["月份"] = [str(m) for m in months]
    return Choices(lists)


def table_keys(data: dict[str, Any]) -> list[str]:
    """The table keys a spec holds, in its order."""
    shapes = shapes_for(data.get("文种"))
    return [k for k in data if k in shapes]


def export_tables(
    spec_path: Path, tables: list[str] | None, output: Path | str | None, force: bool = False
) -> tuple[Path, list[str]]:
    """Write the spec's tables (all, or those named) to `output` (a file, a folder, or
    None for beside the spec); returns the file and the names of the sheets written."""
    from ..errors import SpecError
    from ..fsutil import write_bytes_atomic
    from ..spec.loader import validate_loaded
    from ..spec.messages import suggest
    from ..yamlio import load_yaml
    from .xlsx import SUFFIXES, read_table_file

    spec_path = Path(spec_path)
    loaded = load_yaml(spec_path)
    data = loaded.data if isinstance(loaded.data, dict) else {}
    if "文种" not in data:
        raise WenshuError(
            f"{spec_path} 不是 wenshu 的输入文件（没有“文种”）。"
            "请给出用 wenshu new 生成或在网页中保存的 .yaml 文件。"
        )
    shapes = shapes_for(data.get("文种"))
    have = table_keys(data)
    wanted = tables or have
    possible = "、".join(shapes) or "无"
    if not wanted:
        raise WenshuError(f"{spec_path} 中没有可导出的表格（这一文种的表格：{possible}）。")
    for name in wanted:
        if name not in shapes:
            hint = suggest(name, list(shapes))
            near = f"是不是“{hint}”？" if hint else ""
            raise WenshuError(f"“{name}”不是可导出的表格，{near}可选：{possible}。")
        if name not in data:
            raise WenshuError(f"{spec_path} 中没有“{name}”。")
    from ..build import resolve_output

    output = resolve_output(spec_path, output, ".xlsx")
    months = None
    try:
        months = validate_loaded(loaded, path=spec_path).spec.months()
    except (SpecError, AttributeError):
        months = None  # an unfinished spec still exports its tables
    out = []
    for name in wanted:
        shape = shapes[name]
        value = data[name]
        if isinstance(value, str) and value.lower().endswith(SUFFIXES):
            rows = read_table_file(spec_path.parent / value, shape).rows
        else:
            rows = flatten(shape, value)
        out.append((shape, rows))
    write_bytes_atomic(Path(output), workbook_bytes(out, spec_choices(data, months)), force=force)
    return Path(output), list(wanted)
