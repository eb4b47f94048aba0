"""Table-shaped spec keys as flat rows, the way a spreadsheet or a grid holds them.

A spec keeps 行事历 as months with their activities and 具体分工 as people with a list
of duties; a spreadsheet (and the editor's grid) keeps one row per line of the table.
A `TableShape` says how the two correspond:

* `columns`: the spec keys of a row, each with the header variants people write
  (工作内容 for 内容) and whether the cell holds a list (职责 lines, one per line);
* `group`/`items` (optional): rows that share the group column (月份) are the items of
  one group entry (行事历: {月份, 活动: [...]}). A blank group cell continues the group
  above (a merged month cell);
* `continue_on` (optional): a row whose first column is blank adds its list cells to
  the row above (a person's further duties under a merged 姓名 cell).

`flatten` and `nest` are inverse: nest(flatten(x)) gives x back, and an item the user
did not change comes back as the very object it was (short forms, key order and the
comments a YAML file holds on it survive).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# Where each flat row came from: (entry index,) or (group index, item index).
Source = tuple[int, ...]


@dataclass(frozen=True)
class Column:
    """One column: the spec key, the headers that mean it, and how a cell holds it."""

    key: str
    aliases: tuple[str, ...] = ()
    is_list: bool = False  # several values, one per line (职责) or joined by 、(成员)
    required: bool = False
    kind: str = "text"  # "month", "week" or "date": checked cell by cell when read

    def names(self) -> tuple[str, ...]:
        return (self.key, *self.aliases)


@dataclass(frozen=True)
class TableShape:
    """How a table key of a spec maps to flat rows (see the module docstring)."""

    key: str
    columns: tuple[Column, ...]
    group: str | None = None
    items: str | None = None
    shorthand: str | None = None  # an item written as plain text means {shorthand: text}
    continue_on: str | None = None

    @property
    def keys(self) -> list[str]:
        return [c.key for c in self.columns]

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


def _normalise_header(text: str) -> str:
    return re.sub(r"[\s:：（(）)*＊]", "", str(text))


def header_key(shape: TableShape, header: Any) -> str | None:
    """The spec key a header cell names (月份, 工作内容 → 内容 …), or None."""
    text = _normalise_header(header or "")
    if not text:
        return None
    for column in shape.columns:
        if text in (_normalise_header(n) for n in column.names()):
            return column.key
    return None


# ---------------------------------------------------------------------------- flatten


def cell_text(value: Any, is_list: bool = False) -> Any:
    """A spec value as a cell: text, a list as lines, a number kept; a mapping such as
    {引用: …} stays as it is (a grid shows it, it is not plain text)."""
    if value is None:
        return ""
    if isinstance(value, list) and is_list and all(not isinstance(v, (dict, list)) for v in value):
        return "\n".join(str(v) for v in value)
    if isinstance(value, (dict, list)):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)


def _item_row(shape: TableShape, item: Any, keys: list[str]) -> dict[str, Any]:
    if not isinstance(item, dict) and shape.shorthand:
        item = {shape.shorthand: item}
    if not isinstance(item, dict):
        item = {}
    return {k: cell_text(item.get(k), shape.column(k).is_list) for k in keys}


def flatten(shape: TableShape, value: Any) -> list[dict[str, Any]]:
    """The rows of a spec table value; each row has every column key and `_src`."""
    rows: list[dict[str, Any]] = []
    if not isinstance(value, list):
        return rows
    if shape.group and shape.items:
        inner = [k for k in shape.keys if k != shape.group]
        for i, entry in enumerate(value):
            entry = entry if isinstance(entry, dict) else {}
            group = cell_text(entry.get(shape.group))
            items = entry.get(shape.items)
            items = items if isinstance(items, list) and items else [None]
            for j, item in enumerate(items):
                row = {shape.group: group, **_item_row(shape, item, inner)}
                row["_src"] = [i, j] if item is not None else [i]
                rows.append(row)
        return rows
    for i, item in enumerate(value):
        row = _item_row(shape, item, shape.keys)
        row["_src"] = [i]
        rows.append(row)
    return rows


# ------------------------------------------------------------------------------- nest


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _list_value(value: Any) -> Any:
    """A list cell: lines become list entries; a single line stays text (成员 甲、乙)."""
    if isinstance(value, str):
        lines = [line.strip() for line in value.splitlines() if line.strip()]
        return lines if len(lines) > 1 else (lines[0] if lines else "")
    return value


def _as_item(shape: TableShape, row: dict[str, Any], keys: list[str]) -> dict[str, Any]:
    item: dict[str, Any] = {}
    for k in keys:
        v = row.get(k)
        if _blank(v):
            continue
        if isinstance(v, str):
            v = v.strip()
        item[k] = _list_value(v) if shape.column(k).is_list else v
    return item


def _text(value: Any) -> str:
    return (
        value.strip()
        if isinstance(value, str)
        else repr(value)
        if isinstance(value, (dict, list))
        else str(value)
    )


def _same(shape: TableShape, old: Any, row: dict[str, Any], keys: list[str]) -> bool:
    """Whether `row` still shows what `old` holds (9 and "9" are the same cell)."""
    was = _item_row(shape, old, keys)
    return all(_text(was[k]) == _text(cell_text(row.get(k), True)) for k in keys)


def _original(original: Any, src: Any) -> Any:
    node = original
    try:
        for index in src or []:
            node = node[index]
    except (IndexError, KeyError, TypeError):
        return None
    return node


def _short(shape: TableShape, item: dict[str, Any]) -> Any:
    """{内容: text} alone is written as the text itself, as people write it."""
    if (
        shape.shorthand
        and set(item) == {shape.shorthand}
        and isinstance(item[shape.shorthand], str)
    ):
        return item[shape.shorthand]
    return item


def nest(
    shape: TableShape,
    rows: list[dict[str, Any]],
    original: Any = None,
    paths: list[tuple | None] | None = None,
) -> list[Any]:
    """Spec entries from flat rows (blank rows skipped). Rows carrying `_src` that still
    hold what `original` had there give back the original object unchanged.

    `paths`, when given, receives for every row of `rows` the path of the entry it went
    into within the value ((2,) or (2, "活动", 0)), None for a blank row.
    """
    track = paths if paths is not None else []
    kept = []
    for r in rows:
        blank = all(_blank(r.get(k)) for k in shape.keys)
        track.append(None)
        if not blank:
            kept.append((len(track) - 1, r))
    if shape.group and shape.items:
        return _nest_groups(shape, kept, original, track)
    out: list[Any] = []
    for at, row in kept:
        if shape.continue_on and _blank(row.get(shape.continue_on)) and out:
            _continue(shape, out, row)
            track[at] = (len(out) - 1,)
            continue
        track[at] = (len(out),)
        old = _original(original, (row.get("_src") or [None])[:1])
        if old is not None and _same(shape, old, row, shape.keys):
            out.append(old)
        else:
            out.append(_short(shape, _as_item(shape, row, shape.keys)))
    return out


def _continue(shape: TableShape, out: list[Any], row: dict[str, Any]) -> None:
    """Add a continuation row's list cells to the entry above (a merged 姓名 cell)."""
    prev = out[-1]
    prev = dict(prev) if isinstance(prev, dict) else {}
    for column in shape.columns:
        value = row.get(column.key)
        if _blank(value) or not column.is_list:
            continue
        have = prev.get(column.key)
        have = have if isinstance(have, list) else ([have] if not _blank(have) else [])
        more = _list_value(value)
        prev[column.key] = have + (more if isinstance(more, list) else [more])
    out[-1] = prev


def _nest_groups(
    shape: TableShape, rows: list[tuple[int, dict[str, Any]]], original: Any, track: list
) -> list[Any]:
    assert shape.group and shape.items
    inner = [k for k in shape.keys if k != shape.group]
    groups: list[tuple[Any, list[tuple[int, dict[str, Any]]]]] = []
    for at, row in rows:
        g = row.get(shape.group)
        if groups and (_blank(g) or _key(g) == _key(groups[-1][0])):
            groups[-1][1].append((at, row))
            continue
        groups.append((g.strip() if isinstance(g, str) else g, [(at, row)]))
    out: list[Any] = []
    for g, members in groups:
        items = []
        for at, row in members:
            if all(_blank(row.get(k)) for k in inner):
                track[at] = (len(out),)
                continue
            track[at] = (len(out), shape.items, len(items))
            src = row.get("_src") or []
            old = _original(original, [src[0], shape.items, src[1]]) if len(src) == 2 else None
            if old is not None and _same(shape, old, row, inner):
                items.append(old)
            else:
                items.append(_short(shape, _as_item(shape, row, inner)))
        first_src = (members[0][1].get("_src") or [None])[:1]
        old_group = _original(original, first_src)
        entry: dict[str, Any] = {}
        if isinstance(old_group, dict) and _key(old_group.get(shape.group)) == _key(g):
            # Keep the group's own way of writing its key (九月, 9) and its other keys.
            entry = {k: v for k, v in old_group.items() if k != shape.items}
            if old_group.get(shape.items) == items:
                items = old_group[shape.items]
        else:
            entry[shape.group] = g if not _blank(g) else ""
        entry[shape.items] = items
        out.append(old_group if entry == old_group else entry)
    return out


def _key(value: Any) -> str:
    return str(value).strip() if value is not None else ""


def closest_row(paths: list[tuple | None], path: tuple | list) -> int | None:
    """Which row a problem at `path` (within a table value) belongs to: the first row
    whose entry (see nest's `paths`) shares the most of it, so that a month's problem
    goes to the month's first row."""
    best_len, best = 0, None
    for r, p in enumerate(paths):
        if p is None:
            continue
        n = 0
        while n < min(len(p), len(path)) and p[n] == path[n]:
            n += 1
        if n > best_len:
            best_len, best = n, r
    return best


# ------------------------------------------------------------------------ the tables

# Header variants people write in spreadsheets, by the spec key they mean. Any table of
# any 文种 uses them: a header matches a column of its own table only.
ALIASES: dict[str, tuple[str, ...]] = {
    "月份": ("月", "时间（月）"),
    "内容": ("工作内容", "活动内容", "主要工作", "活动", "工作安排", "项目", "目标"),
    "负责人": ("负责", "责任人", "负责部门", "负责人员", "责任部门", "承办"),
    "周次": ("周", "周别", "教学周"),
    "日期": ("时间", "具体日期"),
    "姓名": ("人员", "教师", "名字"),
    "职务": ("岗位", "职位"),
    "职责": ("工作职责", "分工", "具体分工", "分工内容", "职责内容", "工作内容"),
    "名称": ("教研组", "组名", "学科组", "教研组名称"),
    "组长": ("教研组长",),
    "成员": ("组员", "成员名单"),
    "活动时间": ("教研时间", "活动安排", "时间"),
    "研究主题": ("主题", "研究课题", "课题", "研究内容"),
    "完成情况": ("完成", "状态"),
    "实际": ("实际完成", "完成结果", "实际达到"),
    "说明": ("备注", "情况说明"),
    "指标": ("目标指标", "量化指标"),
}
# Columns whose cells are checked one by one when read (the spec types' own rules).
CELL_KINDS = {"月份": "month", "周次": "week", "日期": "date"}


def _item_model(model: Any, key: str) -> Any:
    """The model of the items of list field `key` of `model` (None if not a model list)."""
    from ..spec.messages import _aliases, _models_in

    field = _aliases(model).get(key) if model is not None else None
    found = _models_in(field.annotation) if field is not None else []
    return found[0] if found else None


def _required(model: Any) -> set[str]:
    if model is None:
        return set()
    return {f.alias or name for name, f in model.model_fields.items() if f.is_required()}


def shape_from_grid(grid: Any, model: Any) -> TableShape | None:
    """The TableShape of a unit's Grid (None for grids a flat sheet cannot hold: nested
    keys such as 轮值表.安排, or columns holding mappings)."""
    if "." in grid.key or grid.maps:
        return None
    entry = _item_model(model, grid.key)
    row_model = _item_model(entry, grid.rows) if grid.rows else entry
    required = _required(row_model) | ({grid.group} & _required(entry) if grid.group else set())
    columns = tuple(
        Column(
            key,
            ALIASES.get(key, ()),
            is_list=key in grid.lists,
            required=key in required,
            kind=CELL_KINDS.get(key, "text"),
        )
        for key in grid.columns
    )
    row_required = _required(row_model)
    return TableShape(
        key=grid.key,
        columns=columns,
        group=grid.group,
        items=grid.rows,
        # An item that is only 内容 may be written as its text (- 检查开学准备).
        shorthand="内容" if row_required == {"内容"} else None,
        # Without groups, a row whose first cell is blank continues the row above (a
        # merged 姓名 cell over a person's further duties).
        continue_on=grid.columns[0] if grid.lists and not grid.group else None,
    )


def shapes_for(kind: Any) -> dict[str, TableShape]:
    """The table keys of a 文种 (its unit's grids) with their shapes."""
    from .. import kinds

    unit = kinds.find(kind)
    if unit is None:
        return {}
    out = {}
    for grid in unit.grids:
        shape = shape_from_grid(grid, unit.model)
        if shape is not None:
            out[shape.key] = shape
    return out
