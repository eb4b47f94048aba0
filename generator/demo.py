"""`wenshu demo`: build the built-in example documents into a folder, inputs included."""

from __future__ import annotations

from pathlib import Path

from .build import build
from .errors import OutputExistsError
from .fsutil import write_text_atomic

DEMO_DIR = Path(__file__).resolve().parent.parent / "templates" / "demo"


def demo_specs() -> list[Path]:
    """The shipped example specs, plans first so summaries can link to them."""
    order = {"工作计划": 0, "工作职责": 1, "工作总结": 2}
    return sorted(DEMO_DIR.glob("*.yaml"), key=lambda p: (order.get(p.stem[-4:], 9), p.name))


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
