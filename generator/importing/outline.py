"""How wenshu reads a file, for the user to check before importing (`wenshu outline`):
documents, titles, the heading tree with levels and markers, the items under each heading,
tables, and every line dropped as noise with its reason. `corpus import` and
`import-spec` read files the same way (import_file), so this is what they store."""

from __future__ import annotations

from typing import Any

from .model import ImportedDocument, ImportResult, Node
from .textutil import squeeze
from .tree import is_heading

FIRST_WORDS = 16
HEADING_SHOWN = 40
KIND_NAMES = {
    "data": "数据表格，不作为标题",
    "structure": "工作分解表",
    "form": "表单",
}


def heading_text(node: Node, result: ImportResult) -> str:
    """The heading's line as the source has it (marker included, trimmed)."""
    text = node.source or f"{node.marker}{node.title}"
    return _as_written(text.strip(), result.original_lines)


def _as_written(text: str, original: dict[str, str]) -> str:
    """Undo the traditional → simplified conversion for display: same characters, same
    positions (the conversion keeps lengths) in the line that holds the text."""
    if not original:
        return text
    if text in original:
        return original[text]
    for converted, written in original.items():
        k = converted.find(text)
        if k >= 0 and len(converted) == len(written):
            return written[k : k + len(text)]
    return text


def outline_data(result: ImportResult, file: str) -> dict[str, Any]:
    """The `--json` shape: documents with title, headings, table count and noise."""
    return {
        "documents": [
            {
                "title": doc.title or None,
                "headings": [
                    {"level": depth, "text": heading_text(n, result)}
                    for n, depth in heading_depths(doc.nodes)
                ],
                "tables": len(doc.tables),
                "noise": [{"text": text, "reason": reason} for text, reason in doc.noise],
            }
            for doc in result.documents
        ],
        "file": file,
    }


def headings(nodes: list[Node]) -> list[Node]:
    """Heading nodes in reading order (numbered items and paragraphs left out)."""
    return [node for node, _ in heading_depths(nodes)]


def heading_depths(nodes: list[Node], depth: int = 1) -> list[tuple[Node, int]]:
    """(heading, level) in reading order. The level a reader sees is the heading's depth
    among headings: a heading left under a numbered paragraph (a list whose own heading
    was lost in a copy) is not one level deeper for it."""
    out: list[tuple[Node, int]] = []
    for node in nodes:
        if is_heading(node):
            out.append((node, depth))
            out.extend(heading_depths(node.children, depth + 1))
        else:
            out.extend(heading_depths(node.children, depth))
    return out


def outline_text(result: ImportResult, file: str) -> str:
    """A readable outline of one file."""
    docs = result.documents
    lines = [f"{file}：{len(docs)} 篇文档"]
    for k, doc in enumerate(docs, 1):
        lines.append("")
        kind = f"（{doc.kind}）" if doc.kind else ""
        head = f"第{k}篇：" if len(docs) > 1 else "标题："
        lines.append(f"{head}{doc.title or '（无标题）'}{kind}")
        lines.extend(_document_lines(doc, result))
    return "\n".join(lines) + "\n"


def _document_lines(doc: ImportedDocument, result: ImportResult) -> list[str]:
    out: list[str] = []
    if doc.wrapper:
        out.append(
            f"  外层通知（{len(doc.wrapper)} 行，不作为标题和正文）：{_first(doc.wrapper[0])}"
        )
    for label, value in doc.fields:
        out.append(f"  表单项：{label}：{_first(value)}")
    if doc.preamble.strip():
        paragraphs = [p for p in doc.preamble.split("\n") if p.strip()]
        out.append(f"  开头文字 {len(paragraphs)} 段：{_first(paragraphs[0])}")
    _tree_lines(doc.nodes, result, out, 1)
    for k, table in enumerate(doc.tables, 1):
        rows, cols = table.shape
        what = KIND_NAMES.get(table.kind, "表格")
        line = f"  表格{k}：{rows}行×{cols}列，{what}"
        if table.headings:
            shown = "、".join(_first(h, 10) for h in table.headings[:6])
            more = "等" if len(table.headings) > 6 else ""
            line += f"；作为标题的单元格 {len(table.headings)} 个：{shown}{more}"
        out.append(line)
    if doc.noise:
        out.append(f"  去掉的无关行 {len(doc.noise)} 行：")
        out.extend(f"    [{reason}] {_first(text, 40)}" for text, reason in doc.noise)
    return out


def _tree_lines(nodes: list[Node], result: ImportResult, out: list[str], depth: int) -> None:
    loose: list[Node] = []
    for node in nodes:
        if not is_heading(node):
            loose.append(node)
            if heading_depths(node.children):
                out.append(_items_line(loose, "", depth))
                loose = []
                _tree_lines(node.children, result, out, depth)
            continue
        if loose:
            out.append(_items_line(loose, "", depth))
            loose = []
        out.append(f"{'  ' * depth}{_shown_heading(node, result)}  〔{depth}级〕")
        items = [c for c in node.children if not is_heading(c)]
        text = [p for p in node.text.split("\n") if p.strip()]
        if items or text:
            out.append(_items_line(items, text[0] if text else "", depth + 1, len(text)))
        _tree_lines(
            [c for c in node.children if is_heading(c) or heading_depths(c.children)],
            result,
            out,
            depth + 1,
        )
    if loose:
        out.append(_items_line(loose, "", depth))


def _shown_heading(node: Node, result: ImportResult) -> str:
    """A heading as the text outline shows it: a run-in heading ("1.乐于全域服务。抱着…")
    by its title, its text being listed under it as 正文."""
    head = f"{node.marker.strip()}{node.title.strip()}"
    source = node.source.strip()
    squeezed = squeeze(source)
    if head and squeezed.startswith(squeeze(head)) and len(squeezed) > len(squeeze(head)):
        return _as_written(head, result.original_lines)
    return _first(heading_text(node, result), HEADING_SHOWN)


def _items_line(items: list[Node], first_text: str, level: int, paragraphs: int = 0) -> str:
    first = first_text or next(
        (f"{n.marker}{n.title}{n.text}" for n in items if n.title or n.text), ""
    )
    parts = []
    if paragraphs:
        parts.append(f"正文 {paragraphs} 段")
    if items:
        parts.append(f"条目 {len(items)} 条")
    return f"{'  ' * level}· {'，'.join(parts)}：{_first(first)}"


def _first(text: str, size: int = FIRST_WORDS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= size else flat[:size] + "……"
