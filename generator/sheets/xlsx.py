"""Reading a table of a spec from an .xlsx workbook, and writing a spec's tables as one.

Reading is as careful as the importer: the file must be a regular file under a size
limit, and the zip passes the importer's checks (size, ratio, DTDs, encryption) before
openpyxl (which parses with defusedxml) sees it. Every problem names the file, the
sheet, the row and the column: `行事历.xlsx 工作表“行事历” 第7行 月份（A列）: …`.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Problem, SpecError, WenshuError
from ..fsutil import read_user_file
from .shapes import Column, TableShape, closest_row, header_key, nest

MAX_XLSX_BYTES = 20 * 1024 * 1024
# A 行事历 or a staff list has tens of rows; this bounds a hostile sheet's work.
MAX_ROWS = 5000
MAX_COLUMNS = 60
SUFFIXES = (".xlsx", ".xlsm")


@dataclass
class SheetTable:
    """A table read from a sheet: flat rows, the spec value they nest to, and where
    each row stands in the sheet."""

    label: str  # 行事历.xlsx 工作表“行事历”
    rows: list[dict[str, Any]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # sheet row number of each row
    letters: dict[str, str] = field(default_factory=dict)  # spec key → column letter
    headers: dict[str, str] = field(default_factory=dict)  # spec key → header as written
    value: list[Any] = field(default_factory=list)
    paths: list[tuple | None] = field(default_factory=list)  # each row's entry in value
    problems: list[Problem] = field(default_factory=list)

    def where(self, key: str) -> str:
        """How a column is named in messages: 月份（A列）."""
        name = self.headers.get(key, key)
        letter = self.letters.get(key)
        return f"{name}（{letter}列）" if letter else name

    def line_of(self, path: tuple) -> int | None:
        """The sheet row of the entry at `path` (within the table value): the first row
        sharing the most of it (a month's problem is on the month's first row)."""
        row = closest_row(self.paths, tuple(path))
        return self.lines[row] if row is not None else None


def _rejected(label: str, reason: str) -> SpecError:
    return SpecError([Problem(f"无法读取：{reason}。", file=label)])


def load_workbook_bytes(data: bytes, label: str):
    """An openpyxl workbook from checked bytes (values, not formulas)."""
    from ..importing.docx_reader import DocxRejected, check_ooxml_bytes

    try:
        check_ooxml_bytes(data, "xlsx")
    except DocxRejected as exc:
        raise _rejected(label, exc.reason) from None
    import openpyxl

    try:
        return openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception:  # noqa: BLE001  openpyxl raises many kinds on a broken workbook
        raise _rejected(
            label, "文件不是有效的 .xlsx 表格（可能已损坏），请在 Excel 或 WPS 中另存为 .xlsx"
        ) from None


def _cell_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):  # Excel keeps dates as date-times
        return value.date()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return value.strip()
    return value


def _pick_sheet(wb, shape: TableShape, sheet: str | None, name: str):
    if sheet:
        if sheet not in wb.sheetnames:
            raise SpecError(
                [Problem(f"没有名为“{sheet}”的工作表；有：{'、'.join(wb.sheetnames)}", file=name)]
            )
        return wb[sheet]
    if shape.key in wb.sheetnames:
        return wb[shape.key]
    return wb.worksheets[0] if len(wb.worksheets) == 1 else wb.active


def _check_cell(column: Column, value: Any) -> str | None:
    """Why a typed cell (月份, 周次, 日期) is not valid, or None."""
    if value is None or value == "":
        return None
    from ..periods import parse_date
    from ..spec.types import _month, _week

    try:
        if column.kind == "month":
            _month(value)
        elif column.kind == "week":
            _week(value)
        elif column.kind == "date":
            parse_date(value)
    except (ValueError, WenshuError) as exc:
        return str(exc)
    return None


def read_table(data: bytes, shape: TableShape, name: str, sheet: str | None = None) -> SheetTable:
    """The table `shape` from the workbook `data` (`name` is how messages call the file).

    The sheet is `sheet`, else the one named like the table (行事历), else the only or the
    active one. The first non-empty row holds the column names; merged cells count as
    the value repeated in every cell they cover. Raises SpecError listing every problem.
    """
    wb = load_workbook_bytes(data, name)
    ws = _pick_sheet(wb, shape, sheet, name)
    label = f"{name} 工作表“{ws.title}”"
    table = SheetTable(label=label)
    if ws.max_row > MAX_ROWS or ws.max_column > MAX_COLUMNS:
        raise SpecError(
            [
                Problem(
                    f"表格太大（超过 {MAX_ROWS} 行或 {MAX_COLUMNS} 列），请检查是否选错了文件",
                    file=label,
                )
            ]
        )
    merged: dict[tuple[int, int], Any] = {}
    for rng in ws.merged_cells.ranges:
        top = ws.cell(rng.min_row, rng.min_col).value
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                merged[(r, c)] = top

    def value(r: int, c: int) -> Any:
        return _cell_value(merged.get((r, c), ws.cell(r, c).value))

    from openpyxl.utils import get_column_letter

    header_row = next(
        (
            r
            for r in range(1, ws.max_row + 1)
            if any(value(r, c) not in (None, "") for c in range(1, ws.max_column + 1))
        ),
        None,
    )
    if header_row is None:
        raise SpecError(
            [
                Problem(
                    "工作表是空的：第一行应写列名（如 " + "、".join(shape.keys) + "）", file=label
                )
            ]
        )
    columns: dict[int, str] = {}
    for c in range(1, ws.max_column + 1):
        head = value(header_row, c)
        if head in (None, ""):
            continue
        key = header_key(shape, head)
        letter = get_column_letter(c)
        if key is None:
            table.problems.append(
                Problem(
                    f"列名“{head}”不是{shape.key}的列，这一列没有读取（可用的列名：{'、'.join(shape.keys)}）",
                    file=label, line=header_row, path=f"{letter}列", severity="warning",
                )
            )  # fmt: skip
            continue
        if key in table.letters:
            table.problems.append(
                Problem(
                    f"“{head}”与{table.letters[key]}列都是“{key}”，只读取了{table.letters[key]}列",
                    file=label, line=header_row, path=f"{letter}列", severity="warning",
                )
            )  # fmt: skip
            continue
        columns[c] = key
        table.letters[key] = letter
        table.headers[key] = str(head)
    missing = [col.key for col in shape.columns if col.required and col.key not in table.letters]
    if missing:
        raise SpecError(
            [
                Problem(
                    f"缺少列“{'、'.join(missing)}”：第{header_row}行应是列名，"
                    f"如 {'、'.join(shape.keys)}",
                    file=label,
                    line=header_row,
                )
            ]
            + table.problems
        )
    errors: list[Problem] = []
    for r in range(header_row + 1, ws.max_row + 1):
        row = {key: value(r, c) for c, key in columns.items()}
        for key in shape.keys:
            row.setdefault(key, None)
        if all(v in (None, "") for v in row.values()):
            continue
        for key in columns.values():
            why = _check_cell(shape.column(key), row[key])
            if why:
                errors.append(Problem(why, file=label, line=r, path=table.where(key)))
        table.rows.append(row)
        table.lines.append(r)
    if errors:
        raise SpecError(errors + table.problems)
    table.value = nest(shape, table.rows, paths=table.paths)
    return table


def read_table_file(path: Path, shape: TableShape, name: str | None = None) -> SheetTable:
    """read_table on a file a spec names (a regular file of at most MAX_XLSX_BYTES)."""
    path = Path(path)
    label = name or path.name
    if path.suffix.lower() not in SUFFIXES:
        raise SpecError(
            [
                Problem(
                    f"只能读取 .xlsx 表格（WPS 或 Excel 中“另存为 .xlsx”），而不是 {path.suffix or '无扩展名的文件'}",
                    file=label,
                )
            ]
        )
    data = read_user_file(path, "表格文件", MAX_XLSX_BYTES)
    return read_table(data, shape, label)
