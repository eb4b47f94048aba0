"""Document operations of the page, each one call of the library function behind the
matching command: new (starters), save (round-trip YAML), build, rollover, summary
init, import-spec."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path, PurePosixPath
from typing import Any

from ..errors import SpecError, WenshuError
from ..sheets.shapes import TableShape
from .editing import editor_state, spec_data, table_shapes
from .specedit import updated_text
from .workspace import SPEC_SUFFIXES, Workspace

# Keys whose values are picked from a short list.
_CHOICES = {
    "学期": ["第一学期", "第二学期"],
    "完成情况": ["已完成", "部分完成", "未完成"],
    "周起始": ["周一", "周日"],
}


def kinds() -> list[str]:
    """The 文种 a document can be (the registry's units)."""
    from .. import kinds as registry

    return registry.names()


def kind_payload(kind: str) -> dict[str, Any]:
    """What the page needs to build the form of a 文种: its JSON Schema (the one
    `wenshu schema` prints) and how keys are edited."""
    from ..spec.schema import key_help, schema_data
    from ..templating import TemplateLibrary

    schema = _for_the_page(schema_data(kind))
    helps = key_help(kind)
    tables = {
        key: {
            "columns": [
                {
                    "key": c.key,
                    "list": c.is_list,
                    "help": _page_text(helps.at(_column_path(shape, c.key))),
                }
                for c in shape.columns
            ],
            "group": shape.group,
        }
        for key, shape in table_shapes(kind).items()
    }
    templates = [t.name for t in TemplateLibrary([]).list(kind)]
    choices = dict(_CHOICES)
    if templates:
        choices["模板"] = templates
    return {
        "kind": kind,
        "schema": schema,
        "help": {
            part: {k: _page_text(v) for k, v in table.items()}
            for part, table in helps.as_json().items()
        },
        "tables": tables,
        "choices": choices,
    }


def _column_path(shape: TableShape, key: str) -> list[str]:
    """Where a grid column's key stands in the spec (行事历.活动.内容 for 内容)."""
    path = shape.key.split(".")
    if shape.items and key != shape.group:
        path.append(shape.items)
    return [*path, key]


def _page_text(text: str) -> str:
    """Help text without command-line hints (见 wenshu templates list): the page offers
    those values itself."""
    return re.sub(r"[，,；;]?\s*见 ?wenshu [^，。；]*", "", text)


def _for_the_page(node: Any) -> Any:
    """A schema with its descriptions as the page shows them (_page_text)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "description" and isinstance(value, str):
                node[key] = _page_text(value)
            else:
                _for_the_page(value)
    elif isinstance(node, list):
        for value in node:
            _for_the_page(value)
    return node


def original_data(ws: Workspace, rel: str) -> Any:
    """The spec's data as on disk (for keeping unchanged table rows as written)."""
    from ..yamlio import parse_yaml

    try:
        text, _ = ws.read_spec(rel)
        return parse_yaml(text, rel).data
    except (WenshuError, OSError):
        return None


def document_payload(ws: Workspace, rel: str) -> dict[str, Any]:
    """Everything the editor loads for a spec: its data as the form holds it, the
    version it saw, and its 文种's form description."""
    from ..yamlio import parse_yaml

    text, version = ws.read_spec(rel)
    out: dict[str, Any] = {"path": rel, "name": PurePosixPath(rel).stem, "version": version}
    try:
        data = parse_yaml(text, PurePosixPath(rel).name).data
    except SpecError as exc:
        out["unreadable"] = [p.render() for p in exc.problems]
        out["text"] = text
        return out
    kind = data.get("文种") if isinstance(data, dict) else None
    if kind not in kinds():
        out["unreadable"] = [f"文件中的“文种”是“{kind}”，网页只能编辑 {'、'.join(kinds())}。"]
        out["text"] = text
        return out
    out["state"] = editor_state(data)
    out.update(kind_payload(kind))
    return out


def save_document(
    ws: Workspace, rel: str, state: Any, version: str | None, as_copy: bool = False
) -> dict[str, Any]:
    """Write the page's data into the spec (comments and order kept). With `as_copy`
    the result goes to a new file beside it and the spec on disk is left alone."""
    from .editing import check_data

    text, now = ws.read_spec(rel)
    from ..yamlio import parse_yaml

    try:
        original = parse_yaml(text, rel).data
    except SpecError:
        original = None
    sd = spec_data(state, original)
    new_text = updated_text(text, sd.data, PurePosixPath(rel).name)
    if as_copy:
        p = PurePosixPath(rel)
        target = ws.free_name(
            f"{p.stem}（网页）", p.suffix, str(p.parent) if str(p.parent) != "." else ""
        )
        new_version = ws.create_spec(target, new_text)
    else:
        target = rel
        new_version = ws.save_spec(rel, new_text, version)
    problems = check_data(sd, ws.path(target)).problems
    return {"path": target, "version": new_version, "problems": problems}


def new_document(ws: Workspace, kind: str, template: str = "", name: str = "") -> str:
    """A new spec from the 文种's starter (with the chosen template); its path."""
    from .. import kinds as registry
    from ..rollover.yamldoc import load_roundtrip

    text = registry.get(kind).starter.read_text(encoding="utf-8")
    if template:
        doc = load_roundtrip(text, kind)
        if "模板" in doc.data:
            doc.data["模板"] = template
        else:
            doc.data.insert(list(doc.data).index("文种") + 1, "模板", template)
        text = doc.dump()
    rel = ws.free_name(name.strip() or f"{kind}{dt.date.today():%Y%m%d}")
    ws.create_spec(rel, text)
    return rel


def build_document(
    ws: Workspace, rel: str, fmt: str, profile: str, corpus_path: Path | None
) -> dict[str, Any]:
    """`wenshu build` on the spec, writing beside it; the file to download."""
    from ..build import build

    path = ws.path(rel, SPEC_SUFFIXES)
    result = build(path, profile=profile, force=True, pdf=fmt == "pdf", corpus_path=corpus_path)
    out = result.pdf if fmt == "pdf" and result.pdf else result.docx
    return {
        "file": ws.relative(out),
        "warnings": [p.render() for p in result.warnings],
        "notes": list(result.notes),
    }


def rollover_document(ws: Workspace, rel: str, to: str, term: str, start: str) -> dict[str, Any]:
    """`wenshu rollover --annotate` into the same folder; the new file and its review list."""
    from ..periods import parse_date, parse_term
    from ..rollover import rollover

    path = ws.path(rel, SPEC_SUFFIXES)
    try:
        term_n = parse_term(term) if term else None
        start_d = parse_date(start) if start else None
    except (WenshuError, ValueError) as exc:
        raise WenshuError(str(exc)) from None
    result = rollover(path, to, term=term_n, start=start_d, annotate=True)
    new_rel = ws.relative(result.output)
    return {
        "path": new_rel,
        "period": f"{result.old_period} → {result.new_period}",
        "method": result.method,
        "notes": list(result.notes),
        "changes": [
            {"line": c.line, "path": c.path, "before": c.before, "after": c.after}
            for c in result.changes
        ],
        "review": [
            {"line": r.line, "path": r.path, "text": r.text, "reason": r.reason}
            for r in result.review
        ],
    }


def summary_from_plan(ws: Workspace, rel: str) -> dict[str, Any]:
    """`wenshu summary init`: the summary scaffold beside the plan."""
    from ..kinds.summary.scaffold import default_scaffold_path, write_scaffold

    path = ws.path(rel, SPEC_SUFFIXES)
    target = ws.path(ws.free_name(default_scaffold_path(path).stem, ".yaml", _folder(rel)))
    out = write_scaffold(path, target)
    return {"path": ws.relative(out)}


def _folder(rel: str) -> str:
    parent = str(PurePosixPath(rel).parent)
    return "" if parent == "." else parent


def import_old_document(ws: Workspace, name: str, body: bytes) -> dict[str, Any]:
    """`wenshu import-spec` on an uploaded .docx/.txt/.md; the specs written and what
    could not be placed."""
    from ..importspec import import_spec
    from .app import temp_upload

    folder = temp_upload(name, body)
    try:
        target = ws.path(ws.free_name(PurePosixPath(name).stem))
        results = import_spec(Path(folder.name) / name, target)
    finally:
        folder.cleanup()
    return {
        "documents": [
            {
                "path": ws.relative(item.path),
                "title": item.title,
                "kind": item.kind,
                "mapped": list(item.draft.mapped),
                "review": list(item.draft.review),
                "unplaced": list(item.draft.unplaced),
                "warnings": list(item.warnings),
            }
            for item in results
        ]
    }
