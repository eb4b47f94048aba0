"""Page setup: paper, margins, line grid and the "— N —" page-number footers."""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm
from docx.text.paragraph import Paragraph

from .ooxml import PPR_ORDER, el, mark_east_asian, put
from .profiles import Profile
from .styles import FOOTER

EM_DASH = "\u2014"


def setup_section(section: Section, profile: Profile) -> None:
    """Apply paper size, margins, the line grid and both page-number footers."""
    section.page_width = Mm(profile.page_width_mm)
    section.page_height = Mm(profile.page_height_mm)
    section.top_margin = Mm(profile.margin_top_mm)
    section.bottom_margin = Mm(profile.margin_bottom_mm)
    section.left_margin = Mm(profile.margin_left_mm)
    section.right_margin = Mm(profile.margin_right_mm)
    section.header_distance = Mm(profile.header_mm)
    section.footer_distance = Mm(profile.footer_mm)
    section.gutter = Mm(0)
    _set_grid(section, profile)

    one_char = profile.body.char_twips  # GB/T 9704's 一字 is one body character
    _page_number(section.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT, right=one_char)
    _page_number(section.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT, left=one_char)


def _set_grid(section: Section, profile: Profile) -> None:
    sect_pr = section._sectPr
    old = sect_pr.find(qn("w:docGrid"))
    grid = el("docGrid", linePitch=profile.grid_pitch_twips or profile.line_twips)
    if profile.grid_pitch_twips:
        grid.set(qn("w:type"), "lines")
    if old is not None:
        old.addprevious(grid)
        sect_pr.remove(old)
    else:
        sect_pr.append(grid)


def _page_number(paragraph: Paragraph, align, *, left: int = 0, right: int = 0) -> None:
    """Fill `paragraph` with "— PAGE —" aligned to one side, inset by twips."""
    ppr = paragraph._p.get_or_add_pPr()
    put(ppr, el("pStyle", val=FOOTER), PPR_ORDER)
    paragraph.alignment = align
    put(ppr, el("ind", left=left, right=right), PPR_ORDER)
    paragraph.add_run(f"{EM_DASH} ")
    _add_field(paragraph, "PAGE", placeholder="1")
    paragraph.add_run(f" {EM_DASH}")
    for run in paragraph.runs:
        # The em dash is a shared character: take it from the Chinese font.
        mark_east_asian(run._r)


def _add_field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """Append a complex field (begin/instr/separate/result/end) to `paragraph`."""
    begin = paragraph.add_run()._r
    begin.append(el("fldChar", fldCharType="begin"))
    instr = paragraph.add_run()._r
    instr_text = el("instrText")
    instr_text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr_text.text = f" {instruction} "
    instr.append(instr_text)
    sep = paragraph.add_run()._r
    sep.append(el("fldChar", fldCharType="separate"))
    paragraph.add_run(placeholder)
    end = paragraph.add_run()._r
    end.append(el("fldChar", fldCharType="end"))
