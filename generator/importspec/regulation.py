"""Map a rule set (制度) to 前言, 章/条 with their 款, and 附则: 第X章/第X条 documents, or
ones numbered 一、（一）1. (编号: 条目)."""

from __future__ import annotations

from typing import Any

from ..importing import ImportedDocument, Node
from ..importing.markers import match_marker
from ..importing.textutil import has_sentence_punct
from .draft import UNPLACED_TITLE, Draft, one_text, paragraphs

ARTICLE_STYLES = ("第一章", "第一条")
SUPPLEMENTARY = "附则"
CHAPTER_TITLE_MAX = 20


def map_regulation(doc: ImportedDocument, draft: Draft) -> None:
    """Fill 前言, 编号, 章 or 条, and 附则 of a 制度 draft; text that fits no 条 goes to
    draft.unplaced (and then to a marked 条 or 章 at the end)."""
    data = draft.data
    if doc.preamble.strip():
        data["前言"] = "\n".join(paragraphs(doc.preamble))
        draft.place("开头一段（无编号）", "前言")
    by_article = _has_articles(doc.nodes)
    if not by_article:
        data["编号"] = "条目"
    rules = _Collector(draft, by_article)
    for node in doc.nodes:
        rules.top(node)
    if rules.chapters and rules.clauses:
        # 条 before the first chapter: the model takes 章 or 条, not both.
        draft.unplaced[:0] = [_clause_text(c) for c in rules.clauses]
        rules.clauses = []
    if rules.chapters:
        data["章"] = rules.chapters
        draft.place(f"{len(rules.chapters)} 章", "章")
    if rules.clauses:
        data["条"] = rules.clauses
        draft.place(f"{len(rules.clauses)} 条", "条")
    if rules.supplementary:
        data["附则"] = rules.supplementary
        draft.place(f"{len(rules.supplementary)} 条", "附则")


def place_unplaced(draft: Draft) -> None:
    """Text no 条 could take: a marked chapter (chaptered rules) or marked 条 at the end."""
    data = draft.data
    texts = draft.unplaced
    if not texts and ("章" in data or "条" in data):
        return
    if not texts:
        data["条"] = ["【待填写】条文"]
        draft.check("条", "待填写：原文中没有找到条文")
        return
    if "章" in data:
        data["章"].append({"标题": UNPLACED_TITLE, "条": list(texts)})
        key = "章"
    else:
        data["条"] = [*data.get("条", []), *(f"【未归类】{t}" for t in texts)]
        key = "条"
    draft.comment(key, "【未归类】：原文中无法对应到某一条的内容放在末尾，请移到合适位置或删除")
    _order(data)


def _order(data: dict) -> None:
    # 附则 stays after the 章/条 even when they were filled in afterwards.
    if "附则" in data:
        data["附则"] = data.pop("附则")


def _style(node: Node) -> str | None:
    marker = match_marker(node.marker) if node.marker else None
    return marker.style if marker else None


def _has_articles(nodes: list[Node]) -> bool:
    return any(_style(n) in ARTICLE_STYLES for n in nodes)


def _is_supplementary(node: Node) -> bool:
    return node.title.strip().replace(" ", "").replace("\u3000", "") == SUPPLEMENTARY


class _Collector:
    """Walks the top-level nodes in order, keeping each 条 where its heading puts it."""

    def __init__(self, draft: Draft, by_article: bool):
        self.draft = draft
        self.by_article = by_article
        self.chapters: list[dict[str, Any]] = []
        self.clauses: list[Any] = []
        self.supplementary: list[Any] = []
        self.in_supplementary = False

    def top(self, node: Node) -> None:
        if self._is_chapter(node):
            if _is_supplementary(node):
                self.in_supplementary = True
                self._lost(paragraphs(node.text))
                self.supplementary.extend(self._clauses(node.children))
                return
            self._lost(paragraphs(node.text))
            clauses = self._clauses(node.children)
            if clauses:
                self.chapters.append({"标题": node.title.strip(), "条": clauses})
            else:
                self._lost([node.title.strip()])
            return
        if _is_supplementary(node) and not node.text.strip():
            # An unnumbered 附则 heading: the 条 under it (or after it) are the 附则.
            self.in_supplementary = True
            self.supplementary.extend(self._clauses(node.children))
            return
        if self.by_article and _style(node) != "第一条":
            self._lost(_all_lines(node))
            return
        clause = _clause(node)
        if clause is None:
            return
        if self.in_supplementary:
            self.supplementary.append(clause)
        elif self.chapters:
            self._lost(_all_lines(node))  # a 条 between chapters of a chaptered rule set
        else:
            self.clauses.append(clause)

    def _is_chapter(self, node: Node) -> bool:
        if self.by_article:
            return _style(node) == "第一章"
        title = node.title.strip()
        return (
            bool(node.children)
            and bool(title)
            and not node.run_in
            and len(title) <= CHAPTER_TITLE_MAX
            and not has_sentence_punct(title)
            and title[-1] not in "：:，,；;"
        )

    def _clauses(self, nodes: list[Node]) -> list[Any]:
        out = []
        for node in nodes:
            if self.by_article and _style(node) != "第一条":
                self._lost(_all_lines(node))
                continue
            clause = _clause(node)
            if clause is not None:
                out.append(clause)
        return out

    def _lost(self, lines: list[str]) -> None:
        self.draft.unplaced.extend(x for x in lines if x.strip())


def _all_lines(node: Node) -> list[str]:
    lines = _own_lines(node)
    if node.marker and lines:
        lines[0] = node.marker + lines[0]
    for child in node.children:
        lines.append(node_text_with_marker(child))
    return lines


def node_text_with_marker(node: Node) -> str:
    return f"{node.marker}{one_text(node)}"


def _own_lines(node: Node) -> list[str]:
    """A node's paragraphs: a run-in title is the start of its first paragraph when the
    source line says so, else a paragraph of its own."""
    body = paragraphs(node.text)
    title = node.title.strip()
    if not title:
        return body
    first = match_marker(node.source).rest.strip() if node.source and node.marker else ""
    if node.run_in and body and first and first == title + body[0]:
        return [title + body[0], *body[1:]]
    return [title, *body]


def _clause_text(clause: Any) -> str:
    if isinstance(clause, str):
        return clause
    return "".join([clause["内容"].replace("\n", ""), *clause.get("款", [])])


def _clause(node: Node) -> Any:
    """A 条: its paragraphs as 内容 and its sub-items (with their own sub-items run in)
    as 款; a bare sentence when it has neither further paragraphs nor 款."""
    lines = _own_lines(node)
    items = [t for t in (one_text(c).strip() for c in node.children) if t]
    if not lines:
        if not items:
            return None
        lines = [items.pop(0)]
    if not items and len(lines) == 1:
        return lines[0]
    out: dict[str, Any] = {"内容": "\n".join(lines)}
    if items:
        out["款"] = items
    return out
