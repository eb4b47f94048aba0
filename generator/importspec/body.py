"""Map the headings and items of a plan or summary to spec keys.

Recognised sections go to their keys; every other node is kept, in order, as a node of
主要工作 (主要工作及成效 in a summary). Text a key cannot hold is collected in
`draft.unplaced` and written as a marked node, so nothing of the source is lost."""

from __future__ import annotations

import re
from typing import Any

from ..importing import ImportedDocument, Node, display_title
from ..importing.classify import classify_preamble
from .draft import Draft, flat_lines, node_label, one_text, paragraphs, to_tree, trees
from .rules import is_month, role_of
from .tables import month_of

_INDICATOR = re.compile(r"^(?P<content>.+?)[（(]指标[:：](?P<indicator>.+)[)）]。?$")
# Sentences the summary template writes around the goal table; the build regenerates them.
_TALLY = re.compile(r"^(?:\d+项目标中.*项。?|部分完成和未完成目标的情况说明如下：)$")
_NESTED = ("行事历", "月份", "保障措施", "具体分工")
ROTATION_DEFAULT = "轮值安排"  # the heading templates give a 轮值表 without 标题
# An untitled opening that states principles reads as 指导思想.
_GUIDING_START = re.compile(r"^(?:坚持|以|全面贯彻|认真贯彻|深入贯彻|围绕|立足|紧紧围绕|本着)")


class BodyMapper:
    """Walks the top-level nodes once, filling the draft's keys."""

    def __init__(
        self,
        doc: ImportedDocument,
        draft: Draft,
        tables: set[str],
        heads: dict[int, str] | None = None,
    ):
        self.doc = doc
        self.draft = draft
        self.heads = heads or {}  # id of a heading over a mapped table → its key
        self.rotation_caption: str | None = None
        self.plan = draft.kind == "工作计划"
        self.work_key = "主要工作" if self.plan else "主要工作及成效"
        self.tables = tables  # keys already filled from Word tables
        self.work: list[dict[str, Any]] = []
        self.goals: list[dict[str, Any]] = []
        self.guiding: list[str] = []
        self.safeguards: list[dict[str, Any]] = []
        self.calendar: dict[int, list[Any]] = {}
        self.assignments: list[dict[str, Any]] = []
        self.lists: dict[str, list[str]] = {"存在问题": [], "努力方向": []}
        self.goal_notes: list[str] = []
        self._work_spliced = False

    def run(self) -> None:
        """Map the preamble and every top-level node."""
        for node in self.doc.nodes:
            self._node(node)
        self._preamble()

    # ---- sections -------------------------------------------------------------------
    def _node(self, node: Node) -> None:
        if self._table_heading(node):
            return
        role = role_of(node)
        label = node_label(node)
        handler = {
            "指导思想": self._guiding,
            "工作目标": self._goals,
            "主要工作": self._main,
            "保障措施": self._safeguards,
            "行事历": self._calendar_section,
            "月份": self._month,
            "具体分工": self._assignments,
            "教研组": self._groups,
            "存在问题": self._list,
            "努力方向": self._list,
            "目标完成": self._goal_results,
        }.get(role or "")
        if handler is None or not handler(node, role):
            self._keep(node)
            return
        self.draft.relabelled.append(display_title(node))
        if role != "月份" and (node.text.strip() or node.children):
            # An empty heading over a Word table is reported with the table.
            self.draft.place(label, self._key_of(role))

    def _table_heading(self, node: Node) -> bool:
        """A heading standing over a table that went to its key (any wording): the key's
        own heading replaces it; a caption repeated under it names a 轮值表."""
        key = self.heads.get(id(node))
        text = node.text.strip()
        title = display_title(node)
        if key is None or node.children or (text and text != title):
            return False
        self.draft.relabelled.append(title)
        if key == "轮值表" and title != ROTATION_DEFAULT:
            self.rotation_caption = title
        return True

    def _key_of(self, role: str | None) -> str:
        if role == "主要工作":
            return self.work_key
        return role or self.work_key

    def _keep(self, node: Node) -> None:
        tree = to_tree(node)
        if tree:
            self.work.append(tree)

    def _guiding(self, node: Node, _role: str | None) -> bool:
        if not self.plan or not node.text.strip():
            return False
        self.guiding.extend(paragraphs(node.text))
        # Items under 指导思想 are plans of work, not guiding text.
        self.work.extend(trees(node.children))
        return True

    def _goals(self, node: Node, _role: str | None) -> bool:
        if not self.plan or (not node.text.strip() and not node.children):
            return False
        for line in paragraphs(node.text):
            self.goals.append(goal_entry(line))
        for child in node.children:
            text = one_text(child)
            if text:
                self.goals.append(goal_entry(text))
        return bool(self.goals)

    def _main(self, node: Node, _role: str | None) -> bool:
        if self._work_spliced or not (node.text.strip() or node.children):
            return False
        # The first 主要工作-like section becomes the key itself: its items are the nodes.
        self._work_spliced = True
        if node.text.strip():
            self.work.append({"内容": "\n".join(paragraphs(node.text))})
        for child in node.children:
            # A calendar or division of work often sits inside “主要工作” as its last part.
            if role_of(child) in _NESTED:
                self._node(child)
            else:
                self._keep(child)
        return True

    def _safeguards(self, node: Node, _role: str | None) -> bool:
        if not self.plan or not (node.text.strip() or node.children):
            return False
        if node.text.strip():
            self.safeguards.append({"内容": "\n".join(paragraphs(node.text))})
        self.safeguards.extend(trees(node.children))
        return True

    def _calendar_section(self, node: Node, _role: str | None) -> bool:
        months = [c for c in node.children if is_month(c)]
        if not months:
            # A heading such as “月行事历” over a Word table: the table is the content.
            return "行事历" in self.tables and not node.text.strip() and not node.children
        if node.text.strip():
            self.draft.unplaced.extend(paragraphs(node.text))
        for child in node.children:
            if is_month(child):
                self._month(child, "行事历")
            else:
                self.draft.unplaced.extend(flat_lines(child, with_marker=True))
        return True

    def _month(self, node: Node, _role: str | None) -> bool:
        month = month_of(display_title(node))
        if month is None:
            return False
        self.draft.relabelled.append(display_title(node))
        acts = self.calendar.setdefault(month, [])
        acts.extend(paragraphs(node.text))
        acts.extend(t for t in (one_text(c) for c in node.children) if t)
        if _role == "月份" and not any(m.startswith("行事历") for m in self.draft.mapped):
            self.draft.place(node_label(node) + " 等月份", "行事历")
        return True

    def _assignments(self, node: Node, _role: str | None) -> bool:
        if not node.text.strip() and not node.children:
            return "具体分工" in self.tables
        people = [person_entry(c) for c in node.children]
        if not self.plan or node.text.strip() or not people or None in people:
            return False
        self.assignments.extend(p for p in people if p)
        return True

    def _groups(self, node: Node, _role: str | None) -> bool:
        return "教研组" in self.tables and not node.text.strip() and not node.children

    def _list(self, node: Node, role: str | None) -> bool:
        if self.plan or role is None:
            return False
        items = self.lists[role]
        items.extend(paragraphs(node.text))
        items.extend(t for t in (one_text(c) for c in node.children) if t)
        return bool(items)

    def _goal_results(self, node: Node, _role: str | None) -> bool:
        if self.plan or "目标完成" not in self.tables:
            return False
        for line in paragraphs(node.text):
            if not _TALLY.match(line):  # the tally sentence is regenerated by the build
                self.goal_notes.append(line)
        self.goal_notes.extend(t for t in (one_text(c) for c in node.children) if t)
        return True

    # ---- preamble -------------------------------------------------------------------
    def _preamble(self) -> None:
        text = self.doc.preamble.strip()
        if not text:
            return
        guiding = classify_preamble(text, "工作计划") == "指导思想" or _GUIDING_START.match(text)
        if self.plan and not self.guiding and guiding:
            self.guiding = paragraphs(text)
            self.draft.place("开头一段（无标题）", "指导思想")
        else:
            self.draft.data["前言"] = "\n".join(paragraphs(text))
            self.draft.place("开头一段（无标题）", "前言")


def goal_entry(text: str) -> dict[str, Any] | str:
    """A goal; “……（指标：……）。” as written by wenshu splits into 内容 and 指标."""
    m = _INDICATOR.match(text)
    if m:
        return {"内容": m.group("content"), "指标": m.group("indicator")}
    return text


_PERSON = re.compile(r"^([\u4e00-\u9fff]{2,4})(?:[（(]([^）)]{1,12})[）)])?$")


def person_entry(node: Node) -> dict[str, Any] | None:
    """“何志奇：” with duties below → {姓名, 职责}; None when the node is not a person."""
    m = _PERSON.match(display_title(node)) if node.title and not node.run_in else None
    if not m:
        return None
    duties = paragraphs(node.text) + [t for t in (one_text(c) for c in node.children) if t]
    if not duties:
        return None
    entry: dict[str, Any] = {"姓名": m.group(1)}
    if m.group(2):
        entry["职务"] = m.group(2)
    entry["职责"] = duties
    return entry
