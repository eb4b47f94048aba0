"""The home page: the workspace's documents by 文种 and 学年学期, and the ways to start."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import SpecError, WenshuError
from .workspace import Workspace


@dataclass
class DocRow:
    """One document as the home page lists it."""

    path: str
    name: str
    title: str
    kind: str
    period: str
    modified: str
    state: str  # "ok", "warning", "error"
    state_text: str


@dataclass
class TemplateChoice:
    """One template as the new-document form offers it."""

    name: str
    audience: str  # 学校·德育处, 医院·科室, 通用
    description: str


def _row(ws: Workspace, info: Any) -> DocRow:
    from ..build import render_loaded
    from ..spec.loader import load_spec

    modified = info.modified.strftime("%Y-%m-%d %H:%M")
    try:
        loaded = load_spec(ws.path(info.path))
    except SpecError as exc:
        errors = [p for p in exc.problems if p.severity != "warning"]
        kind, period = _peek(ws, info.path)
        return DocRow(
            info.path, info.name, info.name, kind, period, modified, "error",
            f"有 {len(errors)} 处错误",
        )  # fmt: skip
    except WenshuError as exc:
        return DocRow(info.path, info.name, info.name, "其他", "", modified, "error", exc.message)
    spec = loaded.spec
    title = info.name
    try:
        document = render_loaded(loaded)
        title = document.title or next((t for t in document.texts() if t), info.name)
    except WenshuError:
        pass
    period = spec.period_text() if hasattr(spec, "period_text") else ""
    n = len(loaded.warnings)
    state, text = ("warning", f"{n} 处提醒") if n else ("ok", "可以生成")
    return DocRow(info.path, info.name, title, loaded.kind, period, modified, state, text)


def _peek(ws: Workspace, rel: str) -> tuple[str, str]:
    """文种 and period of a spec that does not validate, as far as they can be read."""
    from ..yamlio import parse_yaml

    try:
        data = parse_yaml(ws.read_spec(rel)[0], rel).data
    except (WenshuError, OSError):
        return "其他", ""
    if not isinstance(data, dict):
        return "其他", ""
    kind = data.get("文种") if isinstance(data.get("文种"), str) else "其他"
    period = f"{data.get('学年', '')}{data.get('学期', '')}" if data.get("学年") else ""
    if data.get("年度"):
        period = f"{data['年度']}年度"
    return kind, str(period)


def home_context(ws: Workspace, corpus_path: Path | None) -> dict[str, Any]:
    """Documents grouped by 文种 then 学年学期, and what the start forms offer."""
    from ..template_list import audience, by_kind
    from ..templating import TemplateLibrary
    from .documents import kinds

    rows = [_row(ws, info) for info in ws.documents()]
    groups: dict[str, dict[str, list[DocRow]]] = {}
    order = kinds()
    for row in sorted(rows, key=lambda r: order.index(r.kind) if r.kind in order else 99):
        groups.setdefault(row.kind, {}).setdefault(row.period or "（没有写学年学期）", []).append(
            row
        )
    library = TemplateLibrary([])
    # As `wenshu templates list` shows them: by 文种, each with whom it is for and what
    # it holds, so that 德育处 and 教务处 are told apart before choosing.
    templates = [
        (kind, [TemplateChoice(t.name, audience(t), t.description) for t in items])
        for kind, items in by_kind(t for k in order for t in library.list(k))
    ]
    plans = [r for r in rows if r.kind == "工作计划" and r.state != "error"]
    return {
        "groups": groups,
        "kinds": order,
        "templates": templates,
        "plans": plans,
        "workspace": str(ws.root),
        "count": len(rows),
    }
