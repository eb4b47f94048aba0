"""Table keys kept in a spreadsheet: `行事历: 行事历.xlsx` in any 文种's spec.

Any key a unit declares as a grid (KindUnit.grids) may name an .xlsx file instead of
listing its rows. The loader reads the workbook (sheets/xlsx.py: the sheet named like
the key, first row the column names, merged cells repeated) before validating, and
every problem about those rows, from the model or the checks, names the workbook, the
sheet, the row and the column instead of the spec's line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ..errors import Problem, SpecError, WenshuError
from ..yamlio import LoadedYaml
from .messages import parse_path


def is_sheet_name(value: Any) -> bool:
    """A value naming a workbook rather than holding rows."""
    from ..sheets.xlsx import SUFFIXES

    return isinstance(value, str) and value.strip().lower().endswith(SUFFIXES)


@dataclass
class SheetSources:
    """The spec data with its workbook tables read in, and where their rows came from."""

    loaded: LoadedYaml
    tables: dict[str, Any] = field(default_factory=dict)  # key → SheetTable
    warnings: list[Problem] = field(default_factory=list)

    def relabel(self, problems: list[Problem]) -> list[Problem]:
        """Problems inside a workbook's table as `行事历.xlsx 工作表“行事历” 第7行 月份（A列）`."""
        out = []
        for p in problems:
            parts = parse_path(p.path)
            table = self.tables.get(parts[0]) if parts and p.file == self.loaded.label else None
            if table is None:
                out.append(p)
                continue
            rest = parts[1:]
            column = next(
                (x for x in reversed(rest) if isinstance(x, str) and x in table.letters), None
            )
            where = table.where(column) if column else None
            out.append(
                Problem(p.message, table.label, table.line_of(tuple(rest)), where, p.severity)
            )
        return out


def read_sheet_tables(loaded: LoadedYaml, unit: Any, path: Path | None) -> SheetSources | None:
    """Read every grid key of `unit` that names a workbook (relative to the spec's
    folder, never outside it); None when there is none. Raises SpecError for a
    workbook that cannot be used, naming sheet, row and column."""
    from ..sheets.shapes import shape_from_grid
    from ..sheets.xlsx import read_table_file

    data = loaded.data
    wanted = []
    for grid in unit.grids:
        if grid.key in data and is_sheet_name(data[grid.key]):
            shape = shape_from_grid(grid, unit.model)
            if shape is not None:
                wanted.append(shape)
    if not wanted:
        return None
    base = path.parent if path is not None else Path.cwd()
    new_data = dict(data)
    sources = SheetSources(LoadedYaml(new_data, loaded.label, loaded.lines))
    problems: list[Problem] = []
    for shape in wanted:
        name = data[shape.key].strip()
        line = loaded.line_for((shape.key,))
        rel = PurePosixPath(name.replace("\\", "/"))
        if rel.is_absolute() or ".." in rel.parts or (rel.parts and ":" in rel.parts[0]):
            problems.append(
                Problem(
                    f"表格文件“{name}”应放在输入文件所在的文件夹（或其中的子文件夹）里，"
                    "写相对于输入文件的名称，如 行事历.xlsx",
                    loaded.label, line, shape.key,
                )
            )  # fmt: skip
            continue
        try:
            table = read_table_file(base.joinpath(*rel.parts), shape, name)
        except SpecError as exc:
            problems.extend(exc.problems)
            continue
        except WenshuError as exc:
            problems.append(Problem(exc.message, loaded.label, line, shape.key))
            continue
        new_data[shape.key] = table.value
        sources.tables[shape.key] = table
        sources.warnings.extend(table.problems)
    if problems:
        raise SpecError(problems)
    return sources
