"""Who and when a document is about: title, 单位/部门/岗位, 学年/学期 or 年度, and the
signature and closing sentence that end it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..importing import ImportedDocument, Node
from ..importing.textutil import has_sentence_punct
from ..spec.types import cn_to_int

_SERIES = re.compile(
    r"\s*(?:篇\s*[一二三四五六七八九十百零〇\d]+|第[一二三四五六七八九十百\d]+篇|\d{1,3})$"
)
_KIND_WORD = {
    "工作计划": r"计划",
    "工作职责": r"职责",
    "工作总结": r"总结",
    "制度": r"制度|办法|规定|细则|守则|规程|章程|条例|规范|规则|准则",
    "通知": r"关于|通知",
}
_TITLE_END = re.compile(r"(?:计划|职责|总结|安排|要点|制度|办法|规定|细则|守则|章程|通知)$")
_SCHOOL_YEAR = re.compile(r"((?:19|20)\d{2})\s*年?\s*[-—–－~～至到]\s*((?:19|20)?\d{2})\s*学年度?")
_TERM_WORDS = {
    "第一学期": 1,
    "上学期": 1,
    "秋季学期": 1,
    "第二学期": 2,
    "下学期": 2,
    "春季学期": 2,
}
_SEASON = re.compile(r"((?:19|20)\d{2})\s*年\s*(秋季|春季|秋|春)")
_YEAR_PLAN = re.compile(r"((?:19|20)\d{2})\s*年度?(?=.{0,12}(?:计划|总结|要点))")
_UNIT = re.compile(
    r"^(.{2,24}?(?:中学|小学|学校|幼儿园|学院|大学|医院|附中|附小|中心校|完小|一中|二中|三中"
    r"|教育局|教育体育局|教研室|教师发展中心|进修学校))"
)
_DEPT_END = re.compile(r"(?:室|处|组|科|部|中心|办|团委|工会)$")
_DATE = re.compile(
    r"^((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*[年.\-/]\s*([\d一二三四五六七八九十]{1,3})\s*[月.\-/]"
    r"\s*([\d一二三四五六七八九十]{1,3})\s*日?$"
)
_CLOSING = re.compile(r"^(?:以上|本(?:职责|计划|制度|办法|方案)自|总之|让我们|相信)")


@dataclass
class Meta:
    """What the title and text say about the document's owner and period."""

    title: str
    unit: str | None = None
    department: str | None = None  # 部门 (plans, summaries, duties of a department)
    post: str | None = None  # 岗位 (duties of a post)
    school_year: str | None = None
    term: int | None = None
    year: int | None = None


def clean_title(doc: ImportedDocument) -> str:
    """The document title without the series number a web page gave it (…篇三, …职责2)."""
    title = doc.title.strip()
    if doc.source.rsplit("#", 1)[-1] != doc.source:
        title = _SERIES.sub("", title) or title
    return title


def title_from_preamble(doc: ImportedDocument) -> str | None:
    """A wenshu or Word document keeps its real title as the first line of the preamble
    when the splitter named the document after the file; take it back from there."""
    first = doc.preamble.split("\n", 1)[0].strip()
    if first and len(first) <= 60 and not has_sentence_punct(first) and _TITLE_END.search(first):
        return first
    return None


def read_meta(title: str, kind: str, text: str) -> Meta:
    """单位/部门/岗位 from the title; period from the title, else from the opening text."""
    meta = Meta(title=title)
    _read_period(title, meta) or _read_period(text[:300], meta)
    head = re.split(_KIND_WORD[kind], title, maxsplit=1)[0]
    head = _SCHOOL_YEAR.sub("", head)
    head = _SEASON.sub("", head)
    head = re.sub(
        r"(?:19|20)\d{2}\s*年度?|" + "|".join(_TERM_WORDS) + r"|学期|学年|工作$", "", head
    )
    head = head.strip(" 　的")
    m = _UNIT.match(head)
    if m:
        meta.unit = m.group(1)
        head = head[m.end() :].strip(" 　的")
    head = re.sub(r"工作$", "", head).strip()
    if head and len(head) <= 12 and re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9]+", head):
        if kind == "工作职责" and not _DEPT_END.search(head):
            meta.post = head
        elif _DEPT_END.search(head) or kind == "工作职责":
            meta.department = head
    return meta


def unit_of(signature: str) -> str | None:
    """The school named at the start of a signature ("城南中学教务处" → 城南中学)."""
    m = _UNIT.match(signature.strip())
    return m.group(1) if m else None


def _read_period(text: str, meta: Meta) -> bool:
    m = _SCHOOL_YEAR.search(text)
    if m:
        start = int(m.group(1))
        meta.school_year = f"{start}—{start + 1}"
        tail = text[m.end() : m.end() + 8]
        meta.term = next((t for w, t in _TERM_WORDS.items() if w in tail), None)
        return True
    m = _SEASON.search(text)
    if m:
        year = int(m.group(1))
        autumn = m.group(2).startswith("秋")
        start = year if autumn else year - 1
        meta.school_year, meta.term = f"{start}—{start + 1}", 1 if autumn else 2
        return True
    m = _YEAR_PLAN.search(text)
    if m and "学期" not in text:
        meta.year = int(m.group(1))
        return True
    meta.term = next((t for w, t in _TERM_WORDS.items() if w in text), None)
    return False


def parse_date(line: str) -> dt.date | None:
    """2025年9月1日, 2025-09-01, 二〇二五年九月一日 → date; None for anything else."""
    m = _DATE.match(line.strip())
    if not m:
        return None
    y_text, mo_text, d_text = m.groups()
    if y_text.isdigit():
        year = int(y_text)
    else:
        digits = "〇一二三四五六七八九"
        year = int("".join(str(digits.index("〇" if c == "零" else c)) for c in y_text))
    month, day = cn_to_int(mo_text), cn_to_int(d_text)
    try:
        return dt.date(year, month or 0, day or 0)
    except ValueError:
        return None


def last_leaf(doc: ImportedDocument) -> Node | None:
    """The node whose text ends the document (signature and closing end up there)."""
    node = doc.nodes[-1] if doc.nodes else None
    while node is not None and node.children:
        node = node.children[-1]
    return node


def take_signature(doc: ImportedDocument) -> tuple[str | None, dt.date | None, list[str]]:
    """Cut a trailing “unit / date” signature off the document; (unit, date, lines taken)."""
    leaf = last_leaf(doc)
    lines = (leaf.text if leaf is not None else doc.preamble).split("\n")
    date = parse_date(lines[-1])
    if date is None:
        return None, None, []
    body = lines[:-1]
    unit = None
    if body and body[-1].strip() and len(body[-1]) <= 30 and not has_sentence_punct(body[-1]):
        unit = body.pop().strip()
    if leaf is not None and not leaf.title and not any(x.strip() for x in body):
        return None, None, []  # signature lines are the node's only text: leave them there
    _set_holder(doc, leaf, "\n".join(body))
    taken = [unit, lines[-1]] if unit else [lines[-1]]
    return unit, date, taken


def take_closing(doc: ImportedDocument) -> str | None:
    """Cut the closing paragraph off the last item with text: a paragraph of its own after
    the item's text (templates write 结束语 there, whatever its wording, before the tables
    that close a plan), or one that reads as a closing (“以上职责自公布之日起执行……”)."""
    leaf = _last_text_leaf(doc)
    if leaf is None:
        return None
    lines = [x for x in leaf.text.split("\n") if x.strip()]
    heading = bool(leaf.title) and not leaf.run_in
    if not (len(lines) >= 2 or (lines and heading and _CLOSING.match(lines[0].strip()))):
        return None  # the paragraph is the node's own text
    closing = lines.pop().strip()
    leaf.text = "\n".join(lines).strip()
    return closing


def _last_text_leaf(doc: ImportedDocument) -> Node | None:
    """The last leaf, looking past the headings at the end that only hold a table."""
    tables = {id(n) for n in doc.table_nodes if n is not None}
    nodes = doc.nodes
    k = len(nodes) - 1
    while k > 0 and id(nodes[k]) in tables and not nodes[k].children:
        if nodes[k].text.strip() not in ("", nodes[k].title.strip()):
            break
        k -= 1
    node = nodes[k] if nodes else None
    while node is not None and node.children:
        node = node.children[-1]
    return node


def _set_holder(doc: ImportedDocument, leaf: Node | None, text: str) -> None:
    if leaf is None:
        doc.preamble = text.strip()
    else:
        leaf.text = text.strip()
