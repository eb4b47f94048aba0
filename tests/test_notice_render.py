"""The 通知's 版记 as LibreOffice lays it out (gbt9704): at the foot of the last page under
the text when there is room, its last rule on the bottom of the text block; on a page of
its own, without a page number, when the text leaves no room for it.

These tests need soffice and pdftotext; they fail (never skip) when either is missing.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from helpers_pdf import pdf_lines

from wenshu.generator.doctree import Document, Paragraph, Signature, Title
from wenshu.generator.docx import write_docx
from wenshu.generator.kinds.notice.layout import settle_imprint
from wenshu.generator.notice_blocks import Imprint
from wenshu.generator.pdf import convert_to_pdf

PT_PER_MM = 72 / 25.4
TEXT_BOTTOM_PT = (297 - 35) * PT_PER_MM
PAGE_NUMBER = re.compile(r"^—\s*\d+\s*—$")


@pytest.fixture(scope="module", autouse=True)
def tools() -> None:
    assert shutil.which("pdftotext"), "pdftotext 未安装（apt-get install poppler-utils）"
    from wenshu.generator.pdf import find_soffice

    find_soffice()


def notice(lines: int) -> Document:
    """A title, `lines` one-line paragraphs of body text, a signature and a 版记."""
    text = "各教研组按时报送材料并做好活动记录。"
    return Document(
        blocks=[
            Title("关于报送材料的通知"),
            *(Paragraph.plain(text) for _ in range(lines)),
            Signature("城南中学", dt.date(2025, 9, 1)),
            Imprint(["区教研室"], "城南中学", dt.date(2025, 9, 1)),
        ]
    )


def lay_out(doc: Document, tmp_path: Path) -> tuple[dict[int, list[str]], list]:
    """Texts of each page from top to bottom (page numbers included)."""
    assert settle_imprint(doc, "gbt9704") == []
    docx = write_docx(doc, tmp_path / "通知.docx", "gbt9704", force=True)
    lines, _, _ = pdf_lines(convert_to_pdf(docx, force=True))
    rows: dict[tuple[int, int], list] = {}
    for ln in lines:  # the 印发 line's two ends are two pieces at the same height
        rows.setdefault((ln.page, round(ln.y_min)), []).append(ln)
    pages: dict[int, list[str]] = {}
    for (page, _), pieces in sorted(rows.items()):
        text = "".join(ln.text for ln in sorted(pieces, key=lambda ln: ln.x_min))
        pages.setdefault(page, []).append(re.sub(r"\s+", "", text))
    return pages, lines


def test_imprint_sits_at_the_foot_of_the_page_under_the_text(tmp_path):
    doc = notice(6)
    pages, lines = lay_out(doc, tmp_path)
    imprint = doc.blocks[-1]
    assert not imprint.own_page
    assert list(pages) == [1]
    assert pages[1][-3:-1] == ["抄送：区教研室。", "城南中学2025年9月1日印发"]
    assert PAGE_NUMBER.match(pages[1][-1])
    issued = next(ln for ln in lines if "印发" in ln.text)
    # The 版记 ends on the bottom edge of the text block, not under the signature.
    assert TEXT_BOTTOM_PT - 12 < issued.y_max < TEXT_BOTTOM_PT + 2, issued


def test_imprint_without_room_gets_a_page_of_its_own_without_a_number(tmp_path):
    # Title, blank line, 16 lines, blank line, signature: 21 of the page's 22 lines, one
    # line left where the 版记 needs two.
    doc = notice(16)
    pages, _ = lay_out(doc, tmp_path)
    assert doc.blocks[-1].own_page
    assert list(pages) == [1, 2]
    assert "2025年9月1日" in pages[1] and PAGE_NUMBER.match(pages[1][-1])
    assert pages[2] == ["抄送：区教研室。", "城南中学2025年9月1日印发"]  # no — 2 —
