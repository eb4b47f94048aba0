"""Shapes produced by the importer (cleaning, splitting, heading parsing, classifying).

The corpus database and `wenshu import-spec` consume these; they never see raw files.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .table_model import Table


@dataclass
class Node:
    """A parsed heading/item node. `level` 1..5 follows order of appearance of marker
    styles within the document; `marker` is the marker as written ("一、", "(1)", "" for
    unmarked heading lines); `title` is the heading text without its marker (may be "" for a
    pure numbered paragraph); `text` is body text directly under it (paragraphs joined by
    "\\n"); `children` are deeper nodes."""

    level: int
    marker: str
    title: str
    text: str = ""
    children: list[Node] = field(default_factory=list)
    line: int | None = None  # 1-based line in the cleaned source, when known
    # True when `title` is the run-in first sentence of a numbered paragraph
    # ("领导教研组工作。" of "3.领导教研组工作。协助校长…"); it keeps its punctuation.
    run_in: bool = False
    # The node's first line as the source has it (marker included, trimmed): what
    # `wenshu outline` shows for a heading.
    source: str = ""


@dataclass
class ImportedDocument:
    """One document found in a file (a file may hold 篇一…篇十五)."""

    title: str
    source: str  # file name, plus "#篇三" style suffix when the file held several
    preamble: str  # text before the first heading/numbered node
    nodes: list[Node]
    tables: list[Table] = field(default_factory=list)  # Word tables and tab-separated rows
    # For each table, the node it stands under (a heading over a table), or None.
    table_nodes: list[Node | None] = field(default_factory=list)
    kind: str | None = None  # 工作计划 / 工作职责 / 工作总结 when recognisable
    fields: list[tuple[str, str]] = field(default_factory=list)  # a form's label/value pairs
    # A notice that wrapped the document (its title, salutation, cover text, signature) and
    # the attachment list that closed it: kept, but neither headings nor sections.
    wrapper: list[str] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    noise: list[tuple[str, str]] = field(default_factory=list)  # (line, reason) dropped


@dataclass
class CandidateSection:
    """A reusable piece cut out of an imported document, ready for the corpus."""

    title: str
    text: str
    items: list[str]
    category: str  # one of CATEGORIES
    topics: list[str]  # subset of TOPICS
    kind: str | None  # 文种
    source: str
    flags: list[str] = field(default_factory=list)  # e.g. "含占位符20xx", "含年份2023"
    # Nesting depth of each entry of `items` (1 = direct sub-item), same length as items.
    item_levels: list[int] = field(default_factory=list)


@dataclass
class ImportResult:
    """Everything one file yielded."""

    path: str
    documents: list[ImportedDocument]
    sections: list[CandidateSection]
    noise_lines_removed: int
    # Noise per kind ("面包屑导航": 1, "词中杂字": 12 …): removed lines and in-line fixes.
    noise_report: dict[str, int] = field(default_factory=dict)
    # Converted line → line as written, for a file read from traditional characters.
    original_lines: dict[str, str] = field(default_factory=dict)


class ImportFailure(Exception):
    """A file that cannot be imported; `reason` is a Chinese sentence for the user."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
