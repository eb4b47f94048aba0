"""Reading a rendered PDF back as text, and checking texts appear in it in order."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_text(path: Path) -> str:
    """The PDF's text in drawing order (-raw), so table cells read row by row."""
    tool = shutil.which("pdftotext")
    assert tool, "pdftotext 未安装：测试需要 poppler-utils（见 .ci/test.sh）"
    return subprocess.run(
        [tool, "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def first_missing(rendered: str, texts: list[str], prefix: int | None = None) -> str | None:
    """The first of `texts` not found after the previous one (whitespace ignored); with
    `prefix`, only each text's first characters are looked for. None when all are there."""
    flat = squeeze(rendered)
    pos = 0
    for text in texts:
        needle = squeeze(text)[:prefix] if prefix else squeeze(text)
        if not needle:
            continue
        found = flat.find(needle, pos)
        if found < 0:
            return text
        pos = found + len(needle)
    return None
