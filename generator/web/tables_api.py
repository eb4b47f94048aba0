"""The editor's grids and spreadsheets: rows from an uploaded .xlsx, rows as an .xlsx
(the same reader and writer as specs that name a workbook and `wenshu table export`)."""

from __future__ import annotations

from typing import Any

from ..errors import SpecError, WenshuError
from ..sheets.export import spec_choices, workbook_bytes
from ..sheets.shapes import shapes_for
from ..sheets.xlsx import read_table


def _shape(kind: Any, key: str):
    shape = shapes_for(kind).get(key)
    if shape is None:
        raise WenshuError(f"“{key}”不是{kind or ''}的表格。")
    return shape


def rows_from_upload(kind: str, key: str, name: str, body: bytes) -> dict[str, Any]:
    """The grid rows of table `key` read from an uploaded workbook, with any warnings;
    problems (naming sheet, row and column) come back as an error listing them."""
    shape = _shape(kind, key)
    table = read_table(body, shape, name)
    rows = [{k: _cell(row.get(k)) for k in shape.keys} for row in table.rows]
    return {"rows": rows, "warnings": [p.render() for p in table.problems], "label": table.label}


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return value if isinstance(value, (int, float, str)) else str(value)


def workbook_for_rows(key: str, rows: Any, state: Any) -> bytes:
    """An .xlsx of one grid, with the drop-down lists the spec's data suggests."""
    data = state if isinstance(state, dict) else {}
    shape = _shape(data.get("文种"), key)
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise WenshuError("表格数据格式不对，请刷新页面。")
    months = None
    try:
        from ..spec.common import Period

        period = Period.model_validate(
            {k: data[k] for k in ("学年", "学期", "年度") if data.get(k)}
        )
        months = period.months() if period.has_period() else None
    except (ValueError, SpecError):
        months = None
    # The grid's rows hold 具体分工 and 教研组 flat; names are in their first columns.
    from .editing import spec_data

    nested = spec_data(data).data if data else {}
    return workbook_bytes([(shape, rows)], spec_choices(nested, months))
