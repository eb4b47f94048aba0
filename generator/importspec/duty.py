"""Map a duty list (工作职责) to 职责: flat, or grouped by category when every top-level
node is a heading over its own items."""

from __future__ import annotations

from typing import Any

from ..importing import ImportedDocument, Node, display_title, is_heading
from .draft import Draft, node_lines, paragraphs


def map_duties(doc: ImportedDocument, draft: Draft) -> None:
    """Fill 前言 and 职责 of a duty draft."""
    if doc.preamble.strip():
        draft.data["前言"] = "\n".join(paragraphs(doc.preamble))
        draft.place("开头一段（无标题）", "前言")
    nodes = doc.nodes
    if nodes and all(_is_group(n) for n in nodes):
        groups = []
        for node in nodes:
            items = paragraphs(node.text)
            for child in node.children:
                items.extend(_flat_items(child, draft))
            groups.append({"类别": display_title(node), "条目": items})
        draft.data["职责"] = groups
        draft.place(f"{len(groups)} 个分组标题", "职责（分组）")
        return
    items: list[str] = []
    for node in nodes:
        items.extend(_flat_items(node, draft))
    if items:
        draft.data["职责"] = items
        draft.place(f"{len(items)} 条", "职责")


def _is_group(node: Node) -> bool:
    return is_heading(node) and bool(node.children) and not any(c.children for c in node.children)


def _flat_items(node: Node, draft: Draft) -> list[str]:
    """A duty and, after it, its sub-items as duties of their own (a duty list has one
    level; the sub-items stay in order right after the item that introduced them)."""
    lines = node_lines(node)
    out: list[str] = []
    if lines:
        out.append("".join(lines))
    if node.children:
        draft.review.append(
            f"“{(lines[0] if lines else node.marker)[:20]}”下的 {len(node.children)} 条子项"
            "已作为并列的职责接在其后，请核对"
        )
    for child in node.children:
        out.extend(_flat_items(child, draft))
    return out


def duty_placeholder() -> list[Any]:
    """职责 when the source has no list at all."""
    return ["【待填写】职责"]
