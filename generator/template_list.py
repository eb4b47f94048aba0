"""`wenshu templates list`: the template library grouped by 文种 and by the 部门 (and kind
of unit) each template is written for, as an aligned table for a terminal, or as
tab-separated rows for scripts."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from . import kinds
from .templating import TemplateInfo

INDENT = "  "
GAP = "  "
# The 说明 column never gets narrower than this (terminal columns) however wide the rest.
MIN_TEXT_COLUMNS = 20
_NO_START = frozenset("，。、；：？！）》”’…")


def display_width(text: str) -> int:
    """Terminal columns of `text`: wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def wrap(text: str, width: int) -> list[str]:
    """`text` cut into lines of at most `width` columns (Chinese breaks anywhere; a line
    never starts with closing punctuation)."""
    lines: list[str] = []
    line = ""
    for ch in text:
        if line and display_width(line + ch) > width:
            # Closing punctuation never starts a line: the character before it goes down.
            keep, line = (line[:-1], line[-1]) if ch in _NO_START and len(line) > 1 else (line, "")
            lines.append(keep.rstrip())
        if line or not ch.isspace():
            line += ch
    if line or not lines:
        lines.append(line)
    return lines


def audience(t: TemplateInfo) -> str:
    """Whom a template is for, as one cell: 学校·德育处, 医院·科室, 区县教研室, 通用."""
    dept, unit = t.department, t.unit_type
    if not dept and not unit:
        return "（未注明）"
    if not unit or unit == "通用" or not dept:
        return dept or unit
    if unit.endswith(dept):
        return unit
    return f"{unit}·{dept}"


def source(t: TemplateInfo) -> str:
    return "内置" if t.builtin else str(t.path.parent.parent)


def by_kind(templates: Iterable[TemplateInfo]) -> list[tuple[str, list[TemplateInfo]]]:
    """Templates grouped by 文种 (registry order), each group sorted by unit and 部门."""
    groups: dict[str, list[TemplateInfo]] = {}
    for t in templates:
        groups.setdefault(t.kind, []).append(t)
    order = {name: i for i, name in enumerate(kinds.names())}
    return [
        (kind, sorted(items, key=TemplateInfo.sort_key))
        for kind, items in sorted(groups.items(), key=lambda kv: order.get(kv[0], 99))
    ]


def tsv(templates: Iterable[TemplateInfo]) -> str:
    """One line per template: 文种, 名称, 来源, 说明, 部门, 单位 (tab-separated)."""
    rows = []
    for _, items in by_kind(templates):
        for t in items:
            fields = [t.kind, t.name, source(t), t.description, t.department, t.unit_type]
            rows.append("\t".join(f.replace("\t", " ").replace("\n", " ") for f in fields))
    return "\n".join(rows) + ("\n" if rows else "")


def table(templates: Iterable[TemplateInfo], width: int = 100) -> str:
    """The library for a terminal `width` columns wide: a block per 文种, one row per
    template (模板, 适用部门, 来源 when any template is the user's, 说明 wrapped)."""
    groups = by_kind(templates)
    if not groups:
        return "没有找到模板。\n"
    every = [t for _, items in groups for t in items]
    show_source = any(not t.builtin for t in every)
    heads = ["模板", "适用部门"] + (["来源"] if show_source else [])
    cells = {id(t): [t.name, audience(t)] + ([source(t)] if show_source else []) for t in every}
    widths = [
        max(display_width(h), *(display_width(cells[id(t)][i]) for t in every))
        for i, h in enumerate(heads)
    ]
    lead = display_width(INDENT) + sum(w + display_width(GAP) for w in widths)
    text_width = max(MIN_TEXT_COLUMNS, width - lead - 1)
    out: list[str] = []
    for kind, items in groups:
        if out:
            out.append("")
        out.append(f"{kind}（{len(items)}个模板）")
        out.append(INDENT + GAP.join(pad(h, w) for h, w in zip(heads, widths)) + GAP + "说明")
        for t in items:
            first, *rest = wrap(t.description or "—", text_width)
            row = GAP.join(pad(c, w) for c, w in zip(cells[id(t)], widths))
            out.append((INDENT + row + GAP + first).rstrip())
            out.extend((" " * lead + line).rstrip() for line in rest)
    return "\n".join(out) + "\n"
