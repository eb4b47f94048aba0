"""Helpers to assemble doctree tables: vertical merges and dropping empty optional columns."""

from __future__ import annotations

from .doctree import Cell, Table


def merged_column(values: list[str]) -> list[Cell]:
    """Cells for a column where runs of the same value merge vertically."""
    cells: list[Cell] = []
    prev = None
    for v in values:
        cells.append(Cell(v, merge_up=(v == prev and v != "")))
        prev = v
    return cells


def make_table(
    kind: str,
    columns: list[tuple[str, bool]],
    rows: list[list[str | Cell]],
    caption: str | None = None,
) -> Table:
    """Build a table; columns are (header, optional). An optional column that is empty
    in every row is left out. Column widths come from the content when it is written."""
    keep = []
    for i, (_, optional) in enumerate(columns):
        if optional and all(not (r[i].text if isinstance(r[i], Cell) else r[i]) for r in rows):
            continue
        keep.append(i)
    header = [columns[i][0] for i in keep]
    body = [[r[i] if isinstance(r[i], Cell) else Cell(r[i]) for i in keep] for r in rows]
    return Table(kind=kind, header=header, rows=body, caption=caption)


def numbered_lines(items: list[str]) -> str:
    """Several duties in one cell: "1.…\\n2.…"; a single one stays as it is."""
    if len(items) == 1:
        return items[0]
    return "\n".join(f"{i}.{t}" for i, t in enumerate(items, 1))
