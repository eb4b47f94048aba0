"""What the editor page asks of the library: the form's data, checking it, previewing it.

The page holds the spec's data as plain JSON with one difference: each table key
(行事历, 具体分工 …) holds the table's flat rows (sheets/shapes.py), as its grid shows
them. `spec_data` turns the page's data back into spec data; checking and previewing
then go through the spec loader and the template render `wenshu build` uses, and every
problem comes back with its path so the page can put it beside its field (or its grid
cell).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Problem, SpecError, WenshuError
from ..sheets.shapes import TableShape, closest_row, flatten, nest
from ..sheets.xlsx import SUFFIXES as SHEET_SUFFIXES
from ..spec.messages import parse_path
from ..yamlio import LoadedYaml
from .specedit import plain


def table_shapes(kind: str | None) -> dict[str, TableShape]:
    """The keys of a 文种 the page edits as grids, with their shapes: its unit's grids
    whose columns hold every key of a row. A grid leaving keys out (a 教研组台帐's 活动,
    whose 内容 and 反思 are not columns) is edited as a list instead, every key a field."""
    from .. import kinds
    from ..sheets.shapes import _item_model, shapes_for
    from ..spec.messages import _aliases

    unit = kinds.find(kind)
    out = {}
    for key, shape in shapes_for(kind).items():
        entry = _item_model(unit.model, key) if unit else None
        row = _item_model(entry, shape.items) if shape.items else entry
        held = set(shape.keys) | ({shape.items} if shape.items else set())
        if all(set(_aliases(m)) <= held for m in (entry, row) if m is not None):
            out[key] = shape
    return out


def is_sheet_reference(value: Any) -> bool:
    """`行事历: 行事历.xlsx`: a table kept in a spreadsheet."""
    return isinstance(value, str) and value.strip().lower().endswith(SHEET_SUFFIXES)


def editor_state(data: Any) -> dict[str, Any]:
    """The page's data for a spec's data (tables as flat rows)."""
    data = plain(data) if isinstance(data, dict) else {}
    shapes = table_shapes(data.get("文种") if isinstance(data.get("文种"), str) else None)
    for key, shape in shapes.items():
        if key in data and isinstance(data[key], list):
            data[key] = flatten(shape, data[key])
    return data


@dataclass
class SpecData:
    """Spec data made from the page's, with where each grid row went."""

    data: dict[str, Any]
    shapes: dict[str, TableShape] = field(default_factory=dict)
    row_paths: dict[str, list[tuple | None]] = field(default_factory=dict)


def spec_data(state: dict[str, Any], original: Any = None) -> SpecData:
    """Spec data from the page's data; unchanged table rows give back `original`'s
    entries as they were."""
    if not isinstance(state, dict):
        raise WenshuError("页面发来的数据格式不对，请刷新页面。")
    data = copy.deepcopy(state)
    original = original if isinstance(original, dict) else {}
    kind = data.get("文种") if isinstance(data.get("文种"), str) else None
    out = SpecData(data, table_shapes(kind))
    for key, shape in out.shapes.items():
        rows = data.get(key)
        if isinstance(rows, list) and all(isinstance(r, dict) for r in rows):
            paths: list[tuple | None] = []
            data[key] = nest(shape, rows, original.get(key), paths)
            out.row_paths[key] = paths
            if not data[key]:
                del data[key]
    return out


def _grid_target(path: list[Any], shape: TableShape, row_paths: list[tuple | None]) -> dict:
    """The grid row and column of a problem inside a table: the first row whose entry
    shares the most of the problem's path (a month's problem goes to its first row)."""
    rest = path[1:]
    best = closest_row(row_paths, rest)
    column = next((part for part in rest if isinstance(part, str) and part in shape.keys), None)
    return {"table": path[0], "row": best, "column": column}


def problem_json(problem: Problem, sd: SpecData | None = None) -> dict:
    """A problem as the page shows it: message, severity, field path, grid cell (when
    `sd`, the spec data checked, says where the problem's grid row is)."""
    path = parse_path(problem.path)
    out: dict[str, Any] = {
        "message": problem.message,
        "severity": problem.severity,
        "path": path,
        "text": problem.render(),
    }
    if sd is not None and path and path[0] in sd.shapes and path[0] in sd.row_paths:
        out["cell"] = _grid_target(path, sd.shapes[path[0]], sd.row_paths[path[0]])
    return out


@dataclass
class Checked:
    """The result of checking the page's data: problems, and the loaded spec when valid."""

    problems: list[dict]
    loaded: Any = None


def check_state(
    state: dict[str, Any], spec_path: Path, original: Any = None, strict: bool = False
) -> Checked:
    """Validate the page's data as the spec at `spec_path` (same loader as the CLI)."""
    return check_data(spec_data(state, original), spec_path, strict)


def check_data(sd: SpecData, spec_path: Path, strict: bool = False) -> Checked:
    """Validate spec data made from the page's (spec_data) as the spec at `spec_path`."""
    from ..spec.loader import validate_loaded

    loaded_yaml = LoadedYaml(data=sd.data, label=spec_path.name, lines={})
    try:
        loaded = validate_loaded(loaded_yaml, path=spec_path, strict=strict)
    except SpecError as exc:
        return Checked([problem_json(p, sd) for p in exc.problems])
    return Checked([problem_json(p, sd) for p in loaded.warnings], loaded)


def preview(
    state: dict[str, Any],
    spec_path: Path,
    original: Any = None,
    profile: str = "school",
    corpus_path: Path | None = None,
) -> dict[str, Any]:
    """Problems, and when the spec is valid the HTML preview of its document."""
    from ..build import CorpusResolver, render_loaded
    from ..context import section_variables
    from .preview import render_html

    checked = check_state(state, spec_path, original)
    out: dict[str, Any] = {"problems": checked.problems, "html": None}
    if checked.loaded is None:
        return out
    resolver = CorpusResolver(corpus_path, section_variables(checked.loaded.spec), spec_path)
    try:
        document = render_loaded(checked.loaded, None, resolver)
    except SpecError as exc:
        out["problems"] += [problem_json(p) for p in exc.problems]
        return out
    except WenshuError as exc:
        out["problems"].append(
            {"message": exc.message, "severity": "error", "path": [], "text": exc.message}
        )
        return out
    out["html"] = render_html(document, profile)
    return out
