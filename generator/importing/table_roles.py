"""What a table is for, and the headings and items a table holds.

- data: a calendar (周次/月份/日期 first), names and duties, or any grid of short cells:
  kept as a table, nothing in it is a heading;
- structure: a breakdown of work whose leading short columns name tasks (often merged
  down several rows) and whose long cells hold the measures, maybe under time labels
  ("3月：", "8月-11月："): task cells and time labels are headings, the rest items;
- form: label/value cells (岗位名称 | 教务员 | 所属部门 | 教务处, 岗位职责 | 1、…): one form
  is one document; a label over long content is a heading, short pairs are fields;
- layout: one column, a frame around text (read as lines by the reader)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .markers import match_marker
from .model import Node
from .table_model import Cell, Table
from .textutil import has_sentence_punct, squeeze

LABEL_MAX = 10  # characters of a label cell
KEY_MAX = 30  # characters of a task cell
CONTENT_MIN = 30  # average characters of a column of measures
_TIME_HEADER = re.compile(r"周次|周别|月份|^月$|^周$|日期|^时间$|时段|星期|时间安排$")
_DATA_HEADER = re.compile(r"姓名|组长|成员|完成情况|负责人$")
_LABEL_WORDS = re.compile(
    r"名称|姓名|部门|岗位|职责|职务|编号|资格|条件|上级|下级|内容|要求|单位|科室|学历|性别|年龄"
    r"|电话|目的|范围|依据|标准|任务|权限|关系|说明|备注|职称|类别|等级|人数|地点|时间|日期"
    r"|定员|概述|考核|环境|技能|知识|经验|培训|素质|能力|业绩|目标|工作|职级|专业|隶属"
)
_NAME_LABEL = re.compile(r"^(?:岗位|职位|职务|工作岗位)名称$|^岗位$|^职位$|^名称$")
_TIME_LABEL = re.compile(
    r"^(?P<label>(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:份)?(?:[上中下]旬|初|底|末)?"
    r"(?:\s*[-—–~～至到]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:份)?(?:[上中下]旬|初|底|末)?)?"
    r"|第[\d一二三四五六七八九十]{1,3}(?:\s*[-—–~～至到]\s*[\d一二三四五六七八九十]{1,3})?周"
    r"|(?:学期|学年|期)[初中末]|寒假|暑假|全年|全学期|每月|每周|长期|常年|期中|期末)"
    r"\s*[:：])"
)
_NUMERIC = re.compile(r"^[\d一二三四五六七八九十（）().、]{1,4}$")


def _is_short_label(text: str) -> bool:
    core = squeeze(text).rstrip(":：")
    return 1 < len(core) <= LABEL_MAX and not has_sentence_punct(core) and "，" not in core


def is_label(text: str) -> bool:
    """A form's label cell: 岗位名称, 任职资格, 工作内容：…"""
    return _is_short_label(text) and bool(_LABEL_WORDS.search(squeeze(text)))


def classify(table: Table) -> str:
    """The table's kind: "data", "structure", "form" or "layout"."""
    rows = table.cells
    filled = [[c for c in row if c.text and not c.continued] for row in rows]
    if all(len(row) <= 1 for row in filled):
        return "layout"
    if len(rows) < 2:
        return "data"
    if _is_form(rows):
        return "form"
    header = filled[0]
    has_header = len(header) >= 2 and all(_is_short_label(c.text) for c in header)
    if has_header:
        first = squeeze(header[0].text)
        if _TIME_HEADER.search(first) or any(
            _DATA_HEADER.search(squeeze(c.text)) for c in header[:2]
        ):
            return "data"
    keys, contents, _ = columns(table, 1 if has_header else 0)
    return "structure" if keys and contents else "data"


def _is_form(rows: list[list[Cell]]) -> bool:
    labelled = 0
    pairs = 0
    long_value = False
    for row in rows:
        cells = [c for c in row if c.text and not c.continued]
        if cells and is_label(cells[0].text):
            labelled += 1
            if len(cells) >= 4 and is_label(cells[2].text):
                pairs += 1
            if len(cells) >= 2 and (len(cells[1].text) >= 40 or len(cells[1].paragraphs) >= 3):
                long_value = True
    if len(rows) < 3 or labelled * 10 < len(rows) * 6:
        return False
    # A grid's header row is all labels; its first column then holds values, not labels.
    return pairs >= 1 or long_value


def columns(table: Table, header_rows: int) -> tuple[list[int], list[int], list[int]]:
    """Grid columns of a work breakdown: (task columns, measure columns, other columns)."""
    by_col: dict[int, list[Cell]] = {}
    for row in table.cells[header_rows:]:
        for cell in row:
            if cell.text and not cell.continued:
                by_col.setdefault(cell.col, []).append(cell)
    if len(table.cells) - header_rows < 2:
        return [], [], []
    keys: list[int] = []
    contents: list[int] = []
    others: list[int] = []
    for col in sorted(by_col):
        cells = by_col[col]
        lengths = [len(squeeze(c.text)) for c in cells]
        average = sum(lengths) / len(lengths)
        if (
            average >= CONTENT_MIN
            or any(len([p for p in c.paragraphs if p.strip()]) >= 2 for c in cells)
            or any(time_label(p) and len(squeeze(p)) > 8 for c in cells for p in c.paragraphs)
        ):
            contents.append(col)
        elif (
            not contents
            and all(n <= KEY_MAX for n in lengths)
            and not all(_NUMERIC.match(squeeze(c.text)) for c in cells)
            and not all(_TIME_LABEL.match(squeeze(c.text) + "：") for c in cells)
        ):
            keys.append(col)
        else:
            others.append(col)
    return keys, contents, others


def _cell_at(row: list[Cell], col: int) -> Cell | None:
    for cell in row:
        if cell.col <= col < cell.col + cell.span:
            return cell
    return None


def time_label(text: str) -> str | None:
    """ "3月：" of "3月：完成开题论证", "8月-11月：" …; None when the text has none."""
    m = _TIME_LABEL.match(text.strip())
    return m.group("label") if m else None


def _item(text: str, level: int) -> Node:
    marker = match_marker(text)
    if marker is None:
        return Node(level, "", "", text.strip(), source=text.strip())
    return Node(level, marker.text.strip(), "", marker.rest.strip(), source=text.strip())


def _heading(text: str, level: int) -> Node:
    flat = " ".join(p.strip() for p in text.split("\n") if p.strip())
    marker = match_marker(flat)
    if marker is None:
        return Node(level, "", flat, source=flat)
    return Node(level, marker.text.strip(), marker.rest.strip(), source=flat)


def structure_nodes(table: Table) -> list[Node]:
    """The headings (task cells, time labels) and items of a work breakdown table; levels
    count from 1. Cells merged down several rows are read once."""
    header = table.cells[0]
    has_header = all(_is_short_label(c.text) for c in header if c.text)
    start = 1 if has_header else 0
    keys, contents, others = columns(table, start)
    names = {c.col: c.text for c in header} if has_header else {}
    roots: list[Node] = []
    open_keys: list[Node | None] = [None] * len(keys)
    for row in table.cells[start:]:
        for depth, col in enumerate(keys):
            cell = _cell_at(row, col)
            if cell is None or cell.continued or not cell.text or cell.col != col:
                continue
            node = _heading(cell.text, depth + 1)
            parent = next((n for n in reversed(open_keys[:depth]) if n is not None), None)
            (parent.children if parent else roots).append(node)
            open_keys[depth:] = [node] + [None] * (len(keys) - depth - 1)
            table.headings.append(node.source)
        owner = next((n for n in reversed(open_keys) if n is not None), None)
        level = len(keys) + 1 if owner else 1
        for col in contents:
            cell = _cell_at(row, col)
            if cell is None or cell.continued or cell.col != col:
                continue
            _content(cell, owner, roots, level, table)
        details = []
        for col in others:
            cell = _cell_at(row, col)
            if cell is not None and not cell.continued and cell.text and cell.col == col:
                name = names.get(col, "")
                details.append(f"{name}：{cell.text}" if name else cell.text)
        if details and owner is not None:
            extra = "；".join(d.replace("\n", " ") for d in details)
            owner.text = f"{owner.text}\n{extra}" if owner.text else extra
    return roots


def _content(cell: Cell, owner: Node | None, roots: list[Node], level: int, table: Table):
    siblings = owner.children if owner else roots
    label_node: Node | None = None
    for para in cell.paragraphs:
        text = para.strip()
        if not text:
            continue
        label = time_label(text)
        if label is not None:
            label_node = Node(level, "", label.strip(), text[len(label) :].strip(), source=text)
            siblings.append(label_node)
            table.headings.append(text)
        elif label_node is not None:
            label_node.children.append(_item(text, level + 1))
        else:
            siblings.append(_item(text, level))


@dataclass
class Form:
    """One form read as a document: its name, label/value fields and headed parts."""

    name: str = ""
    fields: list[tuple[str, str]] = field(default_factory=list)
    nodes: list[Node] = field(default_factory=list)


def read_form(table: Table, parse) -> Form:
    """Read a form table; `parse` turns a value's paragraphs into nodes (tree.parse_nodes)."""
    form = Form()
    current: Node | None = None
    for row in table.cells:
        cells = [c for c in row if c.text and not c.continued]
        # "岗位名称 | 教务员 | 所属部门 | 教科室": labels and values alternate, whatever
        # the values say.
        paired = len(cells) % 2 == 0 and all(is_label(c.text) for c in cells[::2])
        i = 0
        while i < len(cells):
            cell = cells[i]
            value = cells[i + 1] if i + 1 < len(cells) else None
            if (
                is_label(cell.text)
                and value is not None
                and (paired or not is_label(value.text))
            ):
                label = squeeze(cell.text).rstrip(":：")
                if _is_content(value):
                    current = _form_heading(label, cell.text, value.paragraphs, parse)
                    form.nodes.append(current)
                    table.headings.append(squeeze(cell.text))
                else:
                    form.fields.append((label, value.text.replace("\n", " ")))
                    if not form.name and _NAME_LABEL.match(label):
                        form.name = value.text.strip()
                i += 2
                continue
            if is_label(cell.text) and len(cells) == 1:
                current = Node(1, "", squeeze(cell.text), source=squeeze(cell.text))
                form.nodes.append(current)
                table.headings.append(squeeze(cell.text))
            elif current is not None:
                current.children.extend(_relevel(parse(cell.paragraphs), 2))
            else:
                form.nodes.extend(_relevel(parse(cell.paragraphs), 1))
            i += 1
    return form


def _is_content(value: Cell) -> bool:
    """A value that is text to read (duties, requirements), not a short field value."""
    text = value.text
    return (
        len(value.paragraphs) >= 2
        or len(text) >= 40
        or (len(text) >= 12 and has_sentence_punct(text))
    )


def _form_heading(label: str, raw: str, paragraphs: list[str], parse) -> Node:
    node = Node(1, "", label, source=squeeze(raw))
    node.children = _relevel(parse(paragraphs), 2)
    return node


def _relevel(nodes: list[Node], level: int) -> list[Node]:
    for node in nodes:
        node.level = level
        _relevel(node.children, level + 1)
    return nodes
