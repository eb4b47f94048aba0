"""Shared steps of the import-spec tests per 文种: round trip through wenshu's own .docx,
and every sentence of a .txt source found again in the rebuilt document."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from wenshu.generator import kinds
from wenshu.generator.build import build, render_loaded
from wenshu.generator.importspec import import_spec
from wenshu.generator.importspec.keys import norm_key
from wenshu.generator.spec.loader import load_spec

KIND_DIR = Path(kinds.__file__).parent


def assert_round_trip(tmp_path: Path, spec: Path):
    """Build `spec`, import the .docx, build again: the same texts in the same order."""
    shutil.copy(spec, tmp_path / "原.yaml")
    original = build(tmp_path / "原.yaml", tmp_path / "原.docx")
    (item,) = import_spec(original.docx, tmp_path / "导入.yaml")
    again = build(tmp_path / "导入.yaml", tmp_path / "再.docx")
    assert again.document.texts() == original.document.texts()
    return item


def import_txt(tmp_path: Path, name: str, text: str):
    """Write `text` as a .txt file and import it (one document)."""
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    (item,) = import_spec(source, tmp_path / "导入.yaml")
    return item


def assert_sentences_kept(item, text: str, headings: tuple[str, ...] = ()) -> None:
    """Every sentence of `text` is in the document built from the imported spec
    (compared without markers and punctuation), except `headings` the key stands for."""
    built = "|".join(norm_key(t) for t in render_loaded(load_spec(item.path)).texts())
    sentences = [s for s in re.split(r"[。！？；;\n]", text) if norm_key(s)]
    skip = {norm_key(h) for h in headings}
    missing = [s for s in sentences if norm_key(s) not in built and norm_key(s) not in skip]
    assert missing == []
