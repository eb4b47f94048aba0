"""The corpus panel: the same search, show and import as `wenshu corpus …`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import CorpusError
from ..vocab import CATEGORIES, CORPUS_KINDS, TOPICS

MAX_HITS = 30


def _open(corpus_path: Path | None):
    from ..corpus import open_corpus

    return open_corpus(corpus_path)


def _choice(value: str | None, allowed: tuple[str, ...], name: str) -> str | None:
    if not value:
        return None
    if value not in allowed:
        raise CorpusError(f"未知的{name}“{value}”。")
    return value


def filters() -> dict[str, list[str]]:
    """The values the panel's filters offer."""
    return {"categories": list(CATEGORIES), "topics": list(TOPICS), "kinds": list(CORPUS_KINDS)}


def search(
    corpus_path: Path | None, query: str, category: str | None, topic: str | None, kind: str | None
) -> dict[str, Any]:
    """Corpus.search, as `wenshu corpus search --json` gives it."""
    category = _choice(category, CATEGORIES, "类别")
    topic = _choice(topic, TOPICS, "主题")
    kind = _choice(kind, CORPUS_KINDS, "文种")
    query = query.strip()[:200]
    if not query and not (category or topic or kind):
        return {"hits": [], "filters": filters()}
    corpus = _open(corpus_path)
    try:
        hits = corpus.search(query, category=category, topic=topic, kind=kind, limit=MAX_HITS)
    finally:
        corpus.close()
    return {"hits": [h.to_json() for h in hits], "filters": filters()}


def show(corpus_path: Path | None, section_id: str) -> dict[str, Any]:
    """Corpus.get: the full text of one section."""
    corpus = _open(corpus_path)
    try:
        return corpus.get(section_id.strip()).to_json()
    finally:
        corpus.close()


def import_upload(corpus_path: Path | None, name: str, body: bytes) -> dict[str, Any]:
    """import_paths on an uploaded file: the same report as `wenshu corpus import --json`."""
    from ..corpus import import_paths
    from .app import temp_upload

    folder = temp_upload(name, body)
    corpus = _open(corpus_path)
    try:
        summary = import_paths(corpus, [Path(folder.name) / name])
    finally:
        corpus.close()
        folder.cleanup()
    out = summary.to_json()
    for failed in out.get("failed", []):
        failed["path"] = name  # not the temporary folder
    return out


def resolved_text(
    corpus_path: Path | None, section_id: str, state: Any, variables: Any = None
) -> dict[str, Any]:
    """A section with {{ 单位 }} and the like filled from the page's data and a reference's
    own 变量 (the same resolve_reference as a spec's 引用), for inserting it as plain text."""
    from types import SimpleNamespace

    from ..context import section_variables
    from ..corpus import resolve_reference
    from ..spec.common import Period

    data = state if isinstance(state, dict) else {}

    def text(key: str) -> str:
        value = data.get(key)
        return str(value).strip() if isinstance(value, (str, int)) else ""

    try:
        period = Period.model_validate({k: data[k] for k in ("学年", "学期", "年度") if text(k)})
    except ValueError:
        period = Period()
    spec = SimpleNamespace(
        unit=text("单位"),
        department=text("部门"),
        school_year=period.school_year,
        term_name=period.term_name,
        year=period.year,
        post=text("岗位"),
    )
    corpus = _open(corpus_path)
    try:
        given = variables if isinstance(variables, dict) else {}
        own = {str(k): str(v) for k, v in given.items() if isinstance(v, (str, int, float))}
        section = resolve_reference(corpus, section_id.strip(), own, section_variables(spec))
    finally:
        corpus.close()
    return {"id": section_id, "title": section.title, "text": section.text, "items": list(section.items)}
