"""One imported document → a Draft holding the complete spec data in key order."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..calendar.term import CalendarError, build_term_calendar
from ..importing import ImportedDocument
from ..spec.types import TERM_NAMES
from ..textnorm import normalize_text
from .body import BodyMapper
from .draft import Draft, unplaced_node
from .duty import duty_placeholder, map_duties
from .keys import norm_key, source_keys
from .meta import (
    Meta,
    clean_title,
    read_meta,
    take_closing,
    take_signature,
    title_from_preamble,
    unit_of,
)
from .regulation import map_regulation, place_unplaced
from .tables import (
    assignment_rows,
    calendar_rows,
    goal_result_rows,
    group_rows,
    rotation_rows,
    table_kind,
    table_lines,
)
from .week_dates import first_week, settle_dates

TODO = "【待填写】"
OWN_LAST_PARAGRAPH = ("制度", "通知")
TERMS = {name: number for number, name in TERM_NAMES.items()}


def assemble(doc: ImportedDocument, kind: str, today: dt.date) -> tuple[Draft, str, set[str]]:
    """(draft, document title, normalised source lines for template matching)."""
    keys = source_keys(doc)
    draft = Draft(kind)
    title = title_from_preamble(doc)
    if title:
        doc.preamble = doc.preamble.split("\n", 1)[1] if "\n" in doc.preamble else ""
    else:
        title = clean_title(doc)
    unit_sig, date_sig, taken = take_signature(doc)
    # A rule set's or a notice's last paragraph is its own text, not a plan's 结束语.
    closing = take_closing(doc) if kind not in OWN_LAST_PARAGRAPH else None
    opening = "\n".join([doc.preamble, *(n.title + n.text for n in doc.nodes[:3])])
    meta = read_meta(title, kind, opening)
    if not meta.unit and unit_sig:
        meta.unit = unit_of(unit_sig)
    tables, heads = _tables(doc, draft)
    _head(draft, meta, kind)
    if kind == "制度":
        draft.unplaced[:0] = [*doc.wrapper]
        map_regulation(doc, draft)
        draft.unplaced.extend(doc.closing)
        place_unplaced(draft)
    elif kind == "工作职责":
        map_duties(doc, draft)
        if "职责" not in draft.data:
            draft.data["职责"] = duty_placeholder()
            draft.check("职责", "待填写：原文中没有找到职责条目")
        if draft.unplaced:
            draft.data["职责"] = [*draft.data["职责"], *(f"【未归类】{t}" for t in draft.unplaced)]
    else:
        mapper = BodyMapper(doc, draft, set(tables), heads)
        mapper.run()
        _period(draft, meta, mapper, tables, today)
        _term_start(draft, tables)
        if kind == "工作计划":
            _plan_body(draft, mapper, tables)
        else:
            _summary_body(draft, mapper, tables)
    _tail(draft, meta, kind, title, closing, unit_sig, date_sig)
    keys.update(norm_key(line) for line in taken)
    return draft, title, keys


def _tables(doc: ImportedDocument, draft: Draft) -> tuple[dict[str, Any], dict[int, str]]:
    """Word tables by the spec key they fill (tables that fit no key are kept as text), and
    the headings standing right over a mapped table (id of the node → key)."""
    out: dict[str, Any] = {}
    heads: dict[int, str] = {}
    parsers = {
        "行事历": calendar_rows,
        "轮值表": rotation_rows,
        "具体分工": assignment_rows,
        "教研组": group_rows,
        "目标完成": goal_result_rows,
    }
    anchors = doc.table_nodes or [None] * len(doc.tables)
    for table, anchor in zip((t.rows for t in doc.tables), anchors):
        key = table_kind(table) if len(table) > 1 else None
        rows = parsers[key](table) if key and key not in out else None
        if key and rows and (draft.kind == "工作计划" or key == "目标完成"):
            out[key] = rows
            draft.place(f"Word 表格（{'、'.join(table[0])}）", key)
            if anchor is not None:
                heads[id(anchor)] = key
        else:
            draft.unplaced.extend(table_lines(table))
    return out, heads


def _head(draft: Draft, meta: Meta, kind: str) -> None:
    data = draft.data
    data["文种"] = kind
    data["单位"] = meta.unit or TODO
    if not meta.unit:
        draft.check("单位", "待填写：原文标题中没有单位名称")
    if kind == "工作职责" and meta.post:
        data["岗位"] = meta.post
    elif meta.department:
        data["部门"] = meta.department
    elif kind == "工作职责":
        data["岗位"] = TODO
        draft.check("岗位", "待填写：原文标题中没有岗位或部门")


def _period(draft: Draft, meta: Meta, mapper: BodyMapper, tables: dict, today: dt.date) -> None:
    """学年/学期 (or 年度): from the source when written, else a default to check."""
    months = [*mapper.calendar, *(m for m, _ in tables.get("行事历", []))]
    term = meta.term or _term_of_months(months)
    data = draft.data
    if meta.year:
        data["年度"] = meta.year
        return
    if meta.school_year and term:
        data["学年"], data["学期"] = meta.school_year, TERM_NAMES[term]
        return
    default_start, default_term = _default_period(today)
    start = int(meta.school_year[:4]) if meta.school_year else default_start
    term = term or default_term
    data["学年"], data["学期"] = f"{start}—{start + 1}", TERM_NAMES[term]
    if meta.school_year:
        why = "原文未写学期"
    elif meta.term or months:
        why = "原文未写学年"
    else:
        why = "原文未写学年学期"
    draft.check("学年", f"待核对：{why}，暂填 {data['学年']}学年{data['学期']}")


def _term_of_months(months: list[int]) -> int | None:
    if months and all(m in (9, 10, 11, 12, 1) for m in months):
        return 1
    if months and all(2 <= m <= 7 for m in months):
        return 2
    return None


def _default_period(today: dt.date) -> tuple[int, int]:
    """The school term `today` falls in (August counts as the coming autumn term)."""
    if today.month >= 8:
        return today.year, 1
    if today.month == 1:
        return today.year - 1, 1
    return today.year - 1, 2


def _term_start(draft: Draft, tables: dict) -> None:
    """开学 (and 周起始) from a calendar table that shows each week's dates; every
    activity keeps its week or its day (see week_dates)."""
    acts = [act for _, act in tables.get("行事历", [])]
    data = draft.data
    if not acts or "学年" not in data:
        return
    year_start = int(data["学年"][:4])
    start = first_week(acts, year_start)
    if start is not None:
        week_start = "sun" if start.isoweekday() == 7 else "mon"
        try:
            build_term_calendar(year_start, TERMS[data["学期"]], start, week_start)
        except CalendarError:
            start = None
    settle_dates(acts, year_start, start)
    if start is None:
        return
    data["开学"] = start.isoformat()
    _move_after(data, "开学", ("学期",))
    if start.isoweekday() == 7:
        data["周起始"] = "周日"
        _move_after(data, "周起始", ("开学",))
    draft.place("行事历表格中各周的日期", "开学")


def _term_months(data: dict) -> set[int]:
    if "年度" in data:
        return set(range(1, 13))
    return {9, 10, 11, 12, 1} if data.get("学期") == "第一学期" else {2, 3, 4, 5, 6, 7}


def _calendar(draft: Draft, mapper: BodyMapper, tables: dict) -> list[dict[str, Any]]:
    """行事历 entries; months outside the term stay in 主要工作 as a node."""
    months: dict[int, list[Any]] = {}
    for m, acts in mapper.calendar.items():
        months.setdefault(m, []).extend(a for a in acts if a)
    for m, act in tables.get("行事历", []):
        months.setdefault(m, []).append(act)
    allowed = _term_months(draft.data)
    outside = {m: a for m, a in months.items() if m not in allowed}
    if outside:
        lines = [f"{m}月：{'；'.join(_act_text(a) for a in acts)}" for m, acts in outside.items()]
        mapper.work.append(
            {"标题": "【未归类】行事历（不在本学期的月份）", "内容": "\n".join(lines)}
        )
        draft.review.append("行事历中有不属于本学期的月份，已放入主要工作末尾，请核对学期")
    return [{"月份": m, "活动": acts} for m, acts in months.items() if m in allowed and acts]


def _act_text(act: Any) -> str:
    return act["内容"] if isinstance(act, dict) else str(act)


def _plan_body(draft: Draft, mapper: BodyMapper, tables: dict) -> None:
    data = draft.data
    if mapper.guiding:
        data["指导思想"] = "\n".join(mapper.guiding)
    else:
        data["指导思想"] = f"{TODO}指导思想"
        draft.check("指导思想", "待填写：原文中没有找到指导思想")
    if mapper.goals:
        data["工作目标"] = mapper.goals
    else:
        data["工作目标"] = [f"{TODO}工作目标"]
        draft.check("工作目标", "待填写：原文中没有单列工作目标")
    calendar = _calendar(draft, mapper, tables)
    _work(draft, mapper, "主要工作")
    if mapper.safeguards:
        data["保障措施"] = mapper.safeguards
    if calendar:
        data["行事历"] = calendar
    if tables.get("轮值表"):
        rotation = tables["轮值表"]
        data["轮值表"] = (
            {"标题": mapper.rotation_caption, **rotation} if mapper.rotation_caption else rotation
        )
    assignments = mapper.assignments + tables.get("具体分工", [])
    if assignments:
        data["具体分工"] = assignments
    if tables.get("教研组"):
        data["教研组"] = tables["教研组"]


def _summary_body(draft: Draft, mapper: BodyMapper, tables: dict) -> None:
    data = draft.data
    results = tables.get("目标完成")
    if results:
        _goal_notes(results, mapper.goal_notes, draft)
        data["目标完成"] = results
    _work(draft, mapper, "主要工作及成效")
    for key in ("存在问题", "努力方向"):
        if mapper.lists[key]:
            data[key] = mapper.lists[key]


def _goal_notes(results: list[dict], notes: list[str], draft: Draft) -> None:
    """“目标（完成情况）：说明” (or “目标：说明”) lines written under the goal table go back
    to each goal's 说明."""
    for note in notes:
        for r in results:
            goal = r["内容"].rstrip("。；;")
            status = r.get("完成情况")
            heads = [f"{goal}（{status}）：", f"{goal}："] if status else [f"{goal}："]
            head = next((h for h in heads if note.startswith(h)), None)
            if head:
                r["说明"] = note[len(head) :]
                break
        else:
            draft.unplaced.append(note)


def _work(draft: Draft, mapper: BodyMapper, key: str) -> None:
    work = list(mapper.work)
    if draft.unplaced:
        work.append(unplaced_node(draft.unplaced))
        draft.comment(
            key, "【未归类】：原文中无法对应到某一项的内容放在本项末尾，请移到合适位置或删除"
        )
    if not work:
        work = [{"标题": f"{TODO}{key}"}]
        draft.check(key, f"待填写：原文中没有找到{key}")
    elif any(m.startswith(key) for m in draft.mapped):
        pass
    else:
        draft.place(f"其余 {len(mapper.work)} 项", key)
    draft.data[key] = work


def _tail(draft, meta: Meta, kind: str, title: str, closing, unit_sig, date_sig) -> None:
    data = draft.data
    default = _default_title(data, kind)
    if title and (kind in OWN_LAST_PARAGRAPH or normalize_text(title) != default):
        data["标题"] = title
        # 标题 belongs right after the head keys; move it before the body.
        _move_after(
            data, "标题", ("模板", "周起始", "开学", "学期", "年度", "岗位", "部门", "单位")
        )
    if closing:
        data["结束语"] = closing
        draft.place("末尾一段", "结束语")
    if unit_sig or date_sig:
        sig: dict[str, Any] = {}
        if unit_sig:
            sig["单位"] = unit_sig
        if date_sig:
            sig["日期"] = date_sig.isoformat()
        data["落款"] = sig
        draft.place("末尾署名和日期", "落款")
    if "前言" in data:
        _move_after(
            data, "前言", ("标题", "模板", "周起始", "开学", "学期", "年度", "岗位", "部门", "单位")
        )


def _default_title(data: dict, kind: str) -> str:
    unit = data.get("单位", "")
    if kind in OWN_LAST_PARAGRAPH:
        return ""  # 制度 and 通知 always write their title
    if kind == "工作职责":
        return f"{unit}{data.get('岗位') or data.get('部门') or ''}工作职责"
    period = f"{data['年度']}年度" if "年度" in data else f"{data['学年']}学年{data['学期']}"
    return f"{unit}{data.get('部门') or ''}{period}{kind}"


def _move_after(data: dict, key: str, anchors: tuple[str, ...]) -> None:
    value = data.pop(key)
    anchor = next((a for a in anchors if a in data), None)
    items = list(data.items())
    data.clear()
    if anchor is None:
        data[key] = value
    for k, v in items:
        data[k] = v
        if k == anchor:
            data[key] = value
