"""The spec being assembled for one document, plus what the report must tell the user."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..importing import Node

UNPLACED_TITLE = "【未归类】原文内容"


@dataclass
class Draft:
    """Spec data in key order, YAML comments above top-level keys, and report notes.

    `unplaced` holds source text that fits no spec key; it is written into the spec as a
    clearly marked node (never dropped) and listed by the command.
    """

    kind: str
    data: dict[str, Any] = field(default_factory=dict)
    comments: dict[str, list[str]] = field(default_factory=dict)
    mapped: list[str] = field(default_factory=list)  # "指导思想 ← “一、指导思想”"
    review: list[str] = field(default_factory=list)  # 待核对 / 待填写 lines for the report
    unplaced: list[str] = field(default_factory=list)
    # Source headings whose words the template's standard heading replaces (“工作要点及思路”
    # → 主要工作及措施) and month labels that become 行事历 cells (“九月份” → 9月).
    relabelled: list[str] = field(default_factory=list)

    def comment(self, key: str, text: str) -> None:
        """Add a `# text` line above top-level `key`."""
        self.comments.setdefault(key, []).append(text)

    def check(self, key: str, text: str) -> None:
        """A point the user must check: a YAML comment above `key` and a report line."""
        self.comment(key, text)
        self.review.append(text)

    def place(self, source: str, key: str) -> None:
        self.mapped.append(f"{key} ← {source}")


def paragraphs(text: str) -> list[str]:
    """Non-empty stripped lines of a text."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def node_label(node: Node) -> str:
    """How the report names a source node: “三、主要工作”."""
    label = f"{node.marker}{node.title}".strip() or node.text.split("\n", 1)[0][:20]
    return f"“{label[:30]}”"


def node_lines(node: Node, with_marker: bool = False) -> list[str]:
    """A node's own text as lines: run-in title joined to the first body line."""
    lines = paragraphs(node.text)
    head = node.title.strip()
    if with_marker and node.marker:
        head = f"{node.marker}{head}"
    if node.run_in and lines:
        return [head + lines[0], *lines[1:]]
    return [head, *lines] if head else lines


def flat_lines(node: Node, with_marker: bool = False) -> list[str]:
    """The node and all its descendants as lines; descendants keep their markers so the
    structure stays readable once flattened."""
    out = node_lines(node, with_marker)
    for child in node.children:
        out.extend(flat_lines(child, with_marker=True))
    return out


def one_text(node: Node) -> str:
    """A node and its descendants as one string (for one-line values such as goals)."""
    return "".join(flat_lines(node))


def to_tree(node: Node) -> dict[str, Any] | None:
    """A source node as a spec tree node {标题, 内容, 条目}; None when it holds nothing."""
    out: dict[str, Any] = {}
    body = paragraphs(node.text)
    title = node.title.strip()
    if title and node.run_in and body and title.endswith("。"):
        # "1.备课。提倡…": the build writes the full stop after a run-in title itself.
        title = title[:-1].rstrip() or title
    if title and (body or not node.run_in):
        out["标题"] = title
    elif title:
        # A run-in sentence alone ("1.组织开课日活动。") is content, not a heading.
        body = [title]
    if body:
        out["内容"] = "\n".join(body)
    children = [c for c in (to_tree(ch) for ch in node.children) if c]
    if children:
        out["条目"] = children
    return out or None


def trees(nodes: list[Node]) -> list[dict[str, Any]]:
    """Spec tree nodes of several source nodes, empty ones left out."""
    return [t for t in (to_tree(n) for n in nodes) if t]


def unplaced_node(texts: list[str]) -> dict[str, Any]:
    """The marked node that keeps text no spec key could take."""
    return {"标题": UNPLACED_TITLE, "内容": "\n".join(texts)}
