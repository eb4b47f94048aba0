"""Commented starter specs shipped with the package (templates/starters/<文种>.yaml)."""

from __future__ import annotations

from pathlib import Path

from .errors import WenshuError
from .spec.messages import suggest

STARTER_DIR = Path(__file__).resolve().parent.parent / "templates" / "starters"


def starter_kinds() -> list[str]:
    return sorted(p.stem for p in STARTER_DIR.glob("*.yaml"))


def starter_text(kind: str) -> str:
    """The starter spec text for a 文种 (valid as it stands)."""
    path = STARTER_DIR / f"{kind}.yaml"
    if not path.is_file():
        kinds = starter_kinds()
        hint = suggest(kind, kinds)
        extra = f"，是不是“{hint}”？" if hint else "。"
        raise WenshuError(f"没有“{kind}”的示例{extra}可用：{'、'.join(kinds)}")
    return path.read_text(encoding="utf-8")
