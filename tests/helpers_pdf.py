"""Reading a rendered PDF back as text, and checking texts appear in it in order."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
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


@dataclass
class Line:
    """A text line of a PDF page as pdftotext -bbox-layout reports it (points)."""

    page: int
    x_min: float
    y_min: float
    x_max: float
    y_max: float
    text: str

    @property
    def height(self) -> float:
        return self.y_max - self.y_min


def pdf_lines(path: Path) -> tuple[list[Line], float, float]:
    """Text lines of a PDF with positions (page from 1); also page width and height."""
    tool = shutil.which("pdftotext")
    assert tool, "pdftotext 未安装：测试需要 poppler-utils（见 .ci/test.sh）"
    out = subprocess.run(
        [tool, "-bbox-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    size = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', out)
    lines = []
    for page_no, page in enumerate(out.split("<page ")[1:], start=1):
        for m in re.finditer(
            r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>',
            page,
            re.S,
        ):
            words = re.findall(r">([^<]*)</word>", m.group(5))
            x0, y0, x1, y1 = (float(m.group(i)) for i in range(1, 5))
            lines.append(Line(page_no, x0, y0, x1, y1, "".join(words)))
    return lines, float(size.group(1)), float(size.group(2))


def pdf_words(path: Path) -> list[Line]:
    """Every word of a PDF with its box (page from 1), as pdftotext -bbox reports it."""
    tool = shutil.which("pdftotext")
    assert tool, "pdftotext 未安装：测试需要 poppler-utils（见 .ci/test.sh）"
    out = subprocess.run(
        [tool, "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = []
    for page_no, page in enumerate(out.split("<page ")[1:], start=1):
        for m in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
            page,
        ):
            x0, y0, x1, y1 = (float(m.group(i)) for i in range(1, 5))
            words.append(Line(page_no, x0, y0, x1, y1, m.group(5)))
    return words
