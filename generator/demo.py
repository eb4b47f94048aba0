"""`wenshu demo`: build the built-in example documents into a folder, inputs included."""

from __future__ import annotations

from pathlib import Path

from . import kinds
from .build import build
from .errors import OutputExistsError, WenshuError
from .fsutil import write_text_atomic


def demo_specs() -> list[Path]:
    """Every unit's example specs in 文种 order (plans first, so summaries can link them)."""
    return [path for unit in kinds.units() for path in unit.demos]


def demo_spec(name: str) -> Path:
    """One shipped example spec by file name (教科室工作计划.yaml)."""
    for path in demo_specs():
        if path.name == name:
            return path
    raise WenshuError(f"没有名为 {name} 的内置示例")


def build_demo(
    output: Path,
    profile: str = "school",
    pdf: bool = False,
    force: bool = False,
    corpus_path: Path | None = None,
) -> list[Path]:
    """Copy each example spec into `output` and build it there; returns what was written."""
    output = Path(output)
    specs = demo_specs()
    # Refuse before writing anything, so a half-written demo never replaces a full one.
    if not force:
        for spec in specs:
            for target in (output / spec.name, output / spec.with_suffix(".docx").name):
                if target.exists():
                    raise OutputExistsError(target)
    written: list[Path] = []
    for spec in specs:
        target = write_text_atomic(
            output / spec.name, spec.read_text(encoding="utf-8"), force=force
        )
        written.append(target)
        result = build(target, profile=profile, pdf=pdf, force=force, corpus_path=corpus_path)
        written.append(result.docx)
        if result.pdf:
            written.append(result.pdf)
    return written
