"""Cut an imported document into reusable corpus sections.

- the preamble is one section (前言 or 指导思想);
- a top-level heading with its text and sub-items is one section; when it is bigger than
  MAX_SECTION_CHARS (or groups duties by category, as in 职责细化) each structured child
  becomes a section instead, inheriting a specific parent category;
- consecutive top-level numbered items form one list section (a duty list → 职责);
- consecutive month headings ("九月份：" …) form one 行事历 section."""

from __future__ import annotations

import re

from ..textnorm import normalize_text
from .classify import classify_preamble, classify_section, section_flags
from .model import CandidateSection, ImportedDocument, Node
from .tree import display_title, is_heading

MAX_SECTION_CHARS = 800
MAX_LIST_CHARS = 1500
MIN_SECTION_CHARS = 8
_INHERITED = ("行事历", "分工", "职责", "保障措施", "存在问题", "努力方向", "成效")
_MONTH_TITLE = re.compile(r"^(?:[一二三四五六七八九十]{1,3}|\d{1,2})月份?")
_SERIES_NUMBER = re.compile(r"\s*(?:篇\s*[一二三四五六七八九十百\d]+|\d{1,3})$")


def extract_sections(doc: ImportedDocument) -> list[CandidateSection]:
    """Candidate sections of a document, in document order."""
    out: list[CandidateSection] = []
    if doc.preamble.strip():
        category = classify_preamble(doc.preamble, doc.kind)
        out.append(_make(doc, "", doc.preamble, [], [], category))
    for group in _groups(doc.nodes, doc.kind == "工作职责"):
        if _is_month(group[0]):
            items, levels = _flatten(group)
            out.append(_make(doc, "行事历", "", items, levels, "行事历"))
        elif _group_key(group[0], doc.kind == "工作职责") == "heading":
            out.extend(_from_heading(doc, group[0], None))
        else:
            out.extend(_from_list(doc, group))
    return [s for s in out if (s.text or s.items) and _size(s) >= MIN_SECTION_CHARS]


def _groups(nodes: list[Node], duties: bool) -> list[list[Node]]:
    """Top-level nodes grouped: runs of month headings, runs of plain items, single headings."""
    groups: list[list[Node]] = []
    for node in nodes:
        key = _group_key(node, duties)
        if groups and key != "heading" and _group_key(groups[-1][0], duties) == key:
            groups[-1].append(node)
        else:
            groups.append([node])
    return groups


def _group_key(node: Node, duties: bool) -> str:
    if _is_month(node):
        return "month"
    if duties:
        # In a duty list a heading like "三、负责以下具体工作：" with plain sub-items is one
        # more duty; headings grouping duties by category ("职责细化") and the unnumbered
        # parts of a form ("岗位职责", "任职条件") stand alone.
        grouping = bool(node.children) and all(is_heading(c) for c in node.children)
        part = is_heading(node) and not node.marker and bool(node.children)
        return "heading" if grouping or part or (is_heading(node) and node.text) else "item"
    if is_heading(node) or (node.children and _has_structure(node.children)):
        return "heading"
    return "item"


def _is_month(node: Node) -> bool:
    return is_heading(node) and node.marker == "" and bool(_MONTH_TITLE.match(node.title))


def _has_structure(children: list[Node]) -> bool:
    return any(is_heading(c) or c.children for c in children)


def _from_heading(
    doc: ImportedDocument, node: Node, parent_category: str | None
) -> list[CandidateSection]:
    title = display_title(node)
    items, levels = _flatten(node.children)
    category, _ = classify_section(title, node.text + "\n".join(items), doc.kind)
    if parent_category in _INHERITED and category == "工作措施":
        category = parent_category
    size = len(node.text) + sum(len(i) for i in items)
    # A heading over titled parts is cut into its parts, whatever its size: the same text
    # is then cut the same way whether a copy kept the heading above the parts or not.
    titled = any(is_heading(c) for c in node.children)
    structured = _has_structure(node.children) and size > MAX_SECTION_CHARS
    if category == "行事历" or not (titled or structured):
        if size <= MAX_LIST_CHARS or category == "行事历":
            return [_make(doc, title, node.text, items, levels, category)]
        return [
            _make(doc, title, node.text if k == 0 else "", *_flatten(chunk), category)
            for k, chunk in enumerate(_chunks(node.children))
        ]
    out: list[CandidateSection] = []
    loose: list[Node] = []  # plain items between structured children stay with the parent
    for child in node.children:
        if is_heading(child) or child.children:
            out.extend(_from_heading(doc, child, category))
        else:
            loose.append(child)
    intro = [
        _make(doc, title, node.text if k == 0 else "", *_flatten(chunk), category)
        for k, chunk in enumerate(_chunks(loose) or [[]])
    ]
    return intro + out


def _from_list(doc: ImportedDocument, nodes: list[Node]) -> list[CandidateSection]:
    title = _SERIES_NUMBER.sub("", doc.title) if doc.kind == "工作职责" else ""
    return [_list_section(doc, title, chunk) for chunk in _chunks(nodes)]


def _chunks(nodes: list[Node]) -> list[list[Node]]:
    """Consecutive runs of nodes of at most MAX_LIST_CHARS (sub-items included)."""
    chunks: list[list[Node]] = []
    size = 0
    for node in nodes:
        node_size = sum(len(i) for i in _flatten([node])[0])
        if chunks and size + node_size <= MAX_LIST_CHARS:
            chunks[-1].append(node)
            size += node_size
        else:
            chunks.append([node])
            size = node_size
    return chunks


def _list_section(doc: ImportedDocument, title: str, nodes: list[Node]) -> CandidateSection:
    items, levels = _flatten(nodes)
    category, _ = classify_section(title, "\n".join(items), doc.kind)
    return _make(doc, title, "", items, levels, category)


def _flatten(nodes: list[Node], depth: int = 1) -> tuple[list[str], list[int]]:
    items: list[str] = []
    levels: list[int] = []
    for node in nodes:
        text = _item_text(node)
        if text:
            items.append(text)
            levels.append(depth)
        sub_items, sub_levels = _flatten(node.children, depth + 1)
        items.extend(sub_items)
        levels.extend(sub_levels)
    return items, levels


def _item_text(node: Node) -> str:
    """An item's content without its marker: run-in title + text, or heading + text."""
    if node.run_in or not node.title:
        return f"{node.title}{node.text}".strip()
    return f"{node.title}\n{node.text}".strip() if node.text else node.title


def _make(
    doc: ImportedDocument,
    title: str,
    text: str,
    items: list[str],
    levels: list[int],
    category: str,
) -> CandidateSection:
    # Stored text reads like the user's own writing: punctuation next to Chinese is
    # full-width, as the generator writes it.
    title, text = normalize_text(title), normalize_text(text)
    items = [normalize_text(i) for i in items]
    _, topics = classify_section(title, text + "\n" + "\n".join(items), doc.kind)
    flags = section_flags("\n".join([title, text, *items]))
    return CandidateSection(
        title=title,
        text=text.strip(),
        items=items,
        category=category,
        topics=topics,
        kind=doc.kind,
        source=doc.source,
        flags=flags,
        item_levels=levels,
    )


def _size(section: CandidateSection) -> int:
    return len(section.title) + len(section.text) + sum(len(i) for i in section.items)
