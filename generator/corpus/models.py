"""Plain records returned by the corpus: sections, search hits, import summaries."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

ORIGIN_BUILTIN = "builtin"  # shipped in corpus/*.yaml, refreshed on upgrade
ORIGIN_USER = "user"  # added with `wenshu corpus add`
ORIGIN_IMPORTED = "imported"  # cut from a document by `wenshu corpus import`

ORIGIN_LABELS = {ORIGIN_BUILTIN: "内置", ORIGIN_USER: "自建", ORIGIN_IMPORTED: "导入"}


@dataclass
class Section:
    """One stored section with its provenance and usage."""

    id: str
    origin: str
    category: str
    title: str
    text: str
    items: list[str]
    topics: list[str]
    kinds: list[str]
    flags: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    uses: int = 0
    last_spec: str | None = None
    last_used: str | None = None

    def to_json(self) -> dict:
        """JSON-friendly dict (keys in English, as in every --json output)."""
        return asdict(self)

    def to_entry(self) -> dict:
        """The section as a YAML entry that `wenshu corpus add` accepts back."""
        entry: dict = {"编号": self.id, "类别": self.category, "标题": self.title}
        if self.topics:
            entry["主题"] = list(self.topics)
        if self.kinds:
            entry["文种"] = list(self.kinds)
        if self.text:
            entry["内容"] = self.text
        if self.items:
            entry["条目"] = list(self.items)
        if self.sources:
            entry["来源"] = list(self.sources)
        return entry


@dataclass
class SearchHit:
    """A search result; `score` is 0..100, higher is better. `matched` lists the query
    words the section matched: {"word": as typed, "term": the word or synonym found
    (None for a partial or fuzzy match), "fields": where, best first}."""

    id: str
    title: str
    text: str
    category: str
    topics: list[str]
    sources: list[str]
    score: float
    uses: int
    matched: list[dict] = field(default_factory=list)

    def to_json(self) -> dict:
        """JSON-friendly dict."""
        return asdict(self)


@dataclass
class ResolvedSection:
    """A section with its {{ 变量 }} placeholders filled, ready for a document."""

    title: str
    text: str
    items: list[str]


@dataclass
class FailedFile:
    """A file that could not be imported, with the reason in Chinese."""

    path: str
    reason: str


@dataclass
class ImportSummary:
    """What `wenshu corpus import` did over all files."""

    documents: int = 0
    sections_added: int = 0
    duplicates: int = 0
    noise_lines_removed: int = 0
    failed: list[FailedFile] = field(default_factory=list)

    def to_json(self) -> dict:
        """JSON-friendly dict in the documented shape."""
        return asdict(self)
