"""import_file / import_text: read → clean → split → parse → classify. Pure: no database,
no writes; every unusable file becomes an ImportFailure with a Chinese reason."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from .classify import kind_of
from .cleaning import clean_report
from .decoding import UndecodableError, decode_bytes
from .docx_reader import DocxContent, DocxRejected, read_docx_content
from .model import ImportedDocument, ImportFailure, ImportResult
from .sections import extract_sections
from .splitting import split_report
from .tree import parse_nodes

MAX_TEXT_BYTES = 20 * 1024 * 1024
SUFFIXES = (".txt", ".md", ".docx")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_BULLET = re.compile(r"^\s{0,3}[-*+]\s+")
_MD_EMPHASIS = re.compile(r"\*\*|__")


def import_file(path: str | Path) -> ImportResult:
    """Import one .txt/.md/.docx file; raise ImportFailure when it cannot be used."""
    path = Path(path)
    name = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ImportFailure(name, "不支持的文件类型，只能导入 .txt、.md、.docx 文件")
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise ImportFailure(name, "文件不存在，请检查文件名和路径") from exc
    except IsADirectoryError as exc:
        raise ImportFailure(name, "这是一个文件夹，请给出文件") from exc
    except OSError as exc:
        raise ImportFailure(name, f"无法读取文件：{exc.strerror or exc}") from exc
    if size == 0:
        raise ImportFailure(name, "文件是空的")
    if suffix == ".docx":
        try:
            content = read_docx_content(path)
        except DocxRejected as exc:
            raise ImportFailure(name, exc.reason) from exc
        return _import_lines(content.lines, path.name, name, content)
    if size > MAX_TEXT_BYTES:
        raise ImportFailure(name, f"文件超过 {MAX_TEXT_BYTES // (1024 * 1024)} MB，拒绝导入")
    try:
        text = decode_bytes(path.read_bytes())
    except UndecodableError as exc:
        raise ImportFailure(name, exc.reason) from exc
    except OSError as exc:
        raise ImportFailure(name, f"无法读取文件：{exc.strerror or exc}") from exc
    if suffix == ".md":
        text = _strip_markdown(text)
    return _import_lines(text.splitlines(), path.name, name)


def import_text(text: str, source: str) -> ImportResult:
    """Run the import pipeline on a string; `source` names it in sections and errors."""
    return _import_lines(text.splitlines(), source, source)


def _strip_markdown(text: str) -> str:
    """Drop Markdown syntax ("## ", "- ", "**") so only the document's words remain."""
    out = []
    for line in text.splitlines():
        line = _MD_BULLET.sub("", _MD_HEADING.sub("", line))
        out.append(_MD_EMPHASIS.sub("", line))
    return "\n".join(out)


def _import_lines(
    raw_lines: list[str], source: str, path: str, docx: DocxContent | None = None
) -> ImportResult:
    if not any(line.strip() for line in raw_lines) and not (docx and docx.tables):
        raise ImportFailure(path, "文件是空的，没有可导入的文字")
    report = clean_report(raw_lines)
    split = split_report(report.lines, source)
    documents: list[ImportedDocument] = []
    for part in split.parts:
        preamble, nodes = parse_nodes(part.lines)
        documents.append(
            ImportedDocument(
                title=part.title,
                source=f"{source}#{part.suffix}" if part.suffix else source,
                preamble=preamble,
                nodes=nodes,
                kind=kind_of(part.title),
            )
        )
    if docx is not None and docx.tables:
        _attach_tables(documents, split.parts, docx)
    if not documents or not any(d.preamble or d.nodes or d.tables for d in documents):
        raise ImportFailure(path, "去除网页杂项后没有剩下正文内容")
    noise = Counter(report.removed) + Counter(report.fixed)
    if split.dropped_header:
        noise["页面标题"] += split.dropped_header
    if split.repeated_titles:
        noise["重复标题"] += split.repeated_titles
    sections = [s for doc in documents for s in extract_sections(doc)]
    return ImportResult(
        path=path,
        documents=documents,
        sections=sections,
        noise_lines_removed=report.removed_count + split.dropped_header,
        noise_report=dict(noise),
    )


def _attach_tables(documents: list[ImportedDocument], parts, docx: DocxContent) -> None:
    """Give each table to the document it appeared in (by raw line position)."""
    # Cleaning drops and joins lines, so positions are approximate: map each table to the
    # last document whose first raw line is not after the table.
    starts = _raw_starts(parts, docx.lines)
    for table, position in zip(docx.tables, docx.table_positions, strict=True):
        index = max((k for k, s in enumerate(starts) if s <= position), default=0)
        documents[index].tables.append(table)


def _raw_starts(parts, raw_lines: list[str]) -> list[int]:
    starts: list[int] = []
    cursor = 0
    for part in parts:
        anchor = part.title.strip()
        found = next(
            (i for i in range(cursor, len(raw_lines)) if anchor and anchor in raw_lines[i]),
            cursor,
        )
        starts.append(found)
        cursor = found
    return starts
