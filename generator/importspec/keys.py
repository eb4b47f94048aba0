"""Normalised text keys: how the source and a rendered document are compared."""

from __future__ import annotations

import re

from ..doctree import Document
from ..importing import ImportedDocument, iter_nodes
from ..numbering import strip_typed_marker
from ..textnorm import normalize_period

_NON_WORD = re.compile(r"[\W_]+")


def norm_key(text: str) -> str:
    """Text without a leading number marker, punctuation and spaces; 学年 ranges written
    as the generator writes them (the rest of normalize_text only changes punctuation)."""
    return _NON_WORD.sub("", normalize_period(strip_typed_marker(text.strip()))).lower()


def source_keys(doc: ImportedDocument) -> set[str]:
    """Keys of every line of a document: titles, body lines, run-in title + first line,
    and table cells."""
    keys = {norm_key(doc.title)}
    lines = doc.preamble.split("\n")
    for node in iter_nodes(doc.nodes):
        body = [x for x in node.text.split("\n") if x.strip()]
        lines += [node.title, *body]
        if body:
            lines.append(node.title + body[0])
    for table in doc.tables:
        for row in table.rows:
            for cell in row:
                lines += [cell, *cell.split("\n")]
    keys.update(norm_key(line) for line in set(lines))
    keys.discard("")
    return keys


def extra_texts(document: Document, keys: set[str]) -> list[str]:
    """Rendered texts that the source does not have (what a template adds)."""
    return [t for t in document.texts() if norm_key(t) and norm_key(t) not in keys]
