"""工作职责: the template context (flat or grouped duties)."""

from __future__ import annotations

from typing import Any

from ...context import ContextMaker, common_context
from ...numbering import strip_typed_marker
from ...spec.common import Ref
from ...textnorm import normalize_text
from .model import DutyGroup, DutySpec


def _duty_items(maker: ContextMaker, values: list, path: tuple) -> list[str]:
    """Each duty as one line; a corpus reference brings each of its items as a duty."""
    out: list[str] = []
    for i, value in enumerate(values):
        p = path + (i,)
        if isinstance(value, Ref):
            out.extend(strip_typed_marker(t) for t in maker.text(value, p))
        else:
            out.append(strip_typed_marker(maker.one_line(value, p)))
    return [t for t in out if t]


def duty_context(spec: DutySpec, maker: ContextMaker) -> dict[str, Any]:
    """Everything a 工作职责 template can use."""
    ctx = common_context(spec, maker)
    grouped = bool(spec.duties) and isinstance(spec.duties[0], DutyGroup)
    if grouped:
        groups = [
            {
                "类别": strip_typed_marker(normalize_text(g.category)),
                "条目": _duty_items(maker, g.items, ("职责", i, "条目")),
            }
            for i, g in enumerate(spec.duties)
        ]
        flat: list[str] = []
    else:
        groups = []
        flat = _duty_items(maker, spec.duties, ("职责",))
    ctx.update(
        {
            "岗位": normalize_text(spec.post) if spec.post else None,
            "职责": flat,
            "职责分组": groups,
            "分组": grouped,
        }
    )
    return ctx
