"""The default name of the new spec: the old file name with its years moved."""

from __future__ import annotations

import re
from pathlib import Path

from ..spec.common import Period
from .mentions import MentionRewriter
from .period import base_year, own_years


def _suffix(old: Period, new: Period) -> str:
    if new.year is not None:
        return str(new.year)
    start = base_year(new)
    # Same school year, other term: the term name tells the two files apart.
    return f"{start}-{start + 1}" if base_year(old) != start else new.term_name()


def default_output(path: Path, old: Period, new: Period, rewriter: MentionRewriter) -> Path:
    """`2024秋计划.yaml` → `2025秋计划.yaml`; `计划.yaml` → `计划-2025-2026.yaml`."""
    stem = path.stem
    new_stem = rewriter.rewrite(stem).text
    if new_stem == stem:
        # A bare year in a file name ("计划2024") names the period: move it by the same delta.
        delta = base_year(new) - base_year(old)
        years = own_years(old)
        new_stem = re.sub(
            r"(?<!\d)(\d{4})(?!\d)",
            lambda m: str(int(m[1]) + delta) if int(m[1]) in years else m[1],
            stem,
        )
    if new_stem == stem:
        new_stem = f"{stem}-{_suffix(old, new)}"
    return path.with_name(new_stem + (path.suffix or ".yaml"))
