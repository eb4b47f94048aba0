"""import_file / import_text: read → clean → split → unwrap notices → parse → classify.
Pure: no database, no writes; every unusable file becomes an ImportFailure with a Chinese
reason (see reader.py: one reader for every command)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..gcpause import collector_paused
from .classify import kind_of
from .cleaning import clean_report
from .model import ImportedDocument, ImportFailure, ImportResult
from .notices import unwrap
from .reader import RawText, read_source, text_source
from .sections import extract_sections
from .splitting import split_report
from .table_model import token_index
from .table_roles import classify
from .tree import parse_document

FORM_TITLE = "岗位说明书"


def import_file(path: str | Path, sections: bool = True) -> ImportResult:
    """Import one .txt/.md/.docx file; raise ImportFailure when it cannot be used.
    `sections=False` skips cutting corpus sections (import-spec and outline need none)."""
    path = Path(path)
    with collector_paused():
        return import_raw(read_source(path), path.name, str(path), sections)


def import_text(text: str, source: str) -> ImportResult:
    """Run the import pipeline on a string; `source` names it in sections and errors."""
    with collector_paused():
        return import_raw(text_source(text, name=source), source, source)


def import_raw(raw: RawText, source: str, path: str, sections: bool = True) -> ImportResult:
    """Import what the reader read; `source` names the documents, `path` the errors."""
    if not any(line.strip() for line in raw.lines if token_index(line) is None) and not any(
        t.rows for t in raw.tables
    ):
        raise ImportFailure(path, "文件是空的，没有可导入的文字")
    for table in raw.tables:
        table.kind = classify(table)
    report = clean_report(raw.lines)
    split = split_report(report.lines, source, raw.tables)
    documents: list[ImportedDocument] = []
    for part in split.parts:
        title, wrapper, lines = unwrap(part.title, part.lines)
        parsed = parse_document(lines, raw.tables, title)
        if parsed.form_name:
            title = _form_title(title, parsed.form_name)
        documents.append(
            ImportedDocument(
                title=title or Path(source).stem,
                source=f"{source}#{part.suffix}" if part.suffix else source,
                preamble=parsed.preamble,
                nodes=parsed.nodes,
                tables=[raw.tables[i] for i in parsed.tables],
                table_nodes=parsed.anchors,
                kind=kind_of(title) or ("工作职责" if parsed.form_name else None),
                fields=parsed.fields,
                wrapper=wrapper,
            )
        )
    if not documents or not any(d.preamble or d.nodes or d.tables for d in documents):
        raise ImportFailure(path, "去除网页杂项后没有剩下正文内容")
    _give_noise(documents, split.parts, report.dropped, split.dropped)
    noise = Counter(report.removed) + Counter(report.fixed)
    if split.dropped_header:
        noise["页面标题"] += split.dropped_header
    if split.repeated_titles:
        noise["重复标题"] += split.repeated_titles
    return ImportResult(
        path=path,
        documents=documents,
        sections=[s for doc in documents for s in extract_sections(doc)] if sections else [],
        noise_lines_removed=report.removed_count + split.dropped_header,
        noise_report=dict(noise),
        original_lines=dict(zip(raw.lines, raw.original)) if raw.original else {},
    )


def _form_title(title: str, name: str) -> str:
    """ "教务员岗位说明书": the form's job name before the title printed above the form."""
    base = title or FORM_TITLE
    return base if name in base else f"{name}{base}"


def _give_noise(documents, parts, cleaned, split_dropped) -> None:
    """Each dropped line goes to the document it was dropped from (page chrome above the
    first document to the first one)."""
    starts = [p.start for p in parts]
    # Cleaning positions count kept lines, splitting positions count non-blank kept lines:
    # both index the same cleaned lines here (blank lines are never kept).
    for position, line, kind in [*cleaned, *split_dropped]:
        index = max((k for k, s in enumerate(starts) if s <= position), default=0)
        documents[index].noise.append((line, kind))
