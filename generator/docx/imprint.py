"""The 版记 of a 通知 (GB/T 9704-2012): 抄送, then 印发机关 and 印发日期, between rules the
width of the text block (0.35 mm first and last, 0.25 mm between), 四号, at the foot of the
last page. Each row is a frame anchored at an exact height above the bottom of the text
block, so the 版记 sits at the foot whatever the text above it; the school profile shows
the 抄送 row only. When the 版记 found no room under the last text (kinds/notice/layout.py
lays the document out to see), it goes on a page of its own: a section whose footers have
no page number.
"""

from __future__ import annotations

import copy
import math

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm

from ..doctree import format_cn_date
from ..notice_blocks import PROBE_END, PROBE_IMPRINT, Imprint
from .notice import (
    font_run,
    is_official,
    plain_paragraph,
    rpr_xml,
)
from .ooxml import exact_spacing, ind_xml, text_width_chars
from .profiles import SIZE_4, FontSpec, Profile
from .writer import _Builder, block_writer

# 版记 rules: the first and last 0.35 mm, the one between 抄送 and 印发 0.25 mm.
OUTER_RULE_SZ = 8
INNER_RULE_SZ = 6
TINY_TWIPS = 20  # a 1-pt paragraph: separates frames, carries a section break


def _imprint_font(profile: Profile) -> FontSpec:
    """四号 in the body's typeface."""
    return FontSpec(profile.body.east_asia, SIZE_4, latin=profile.body.latin)


def imprint_rows(block: Imprint, profile: Profile) -> list[tuple[str, int]]:
    """The 版记's rows as (kind, lines): "copies" and, in the official profile, "issued"."""
    rows = []
    if block.copies:
        rows.append(("copies", _copies_lines(block, profile)))
    if is_official(profile) and (block.issuer or block.date):
        rows.append(("issued", 1))
    return rows


def _copies_lines(block: Imprint, profile: Profile) -> int:
    """Lines the 抄送 row takes: the names run on after 抄送： and continue under them."""
    char = _imprint_font(profile).char_twips
    room = Mm(profile.text_width_mm).twips / char - 2 - text_width_chars("抄送：")
    # Half a character of slack: a line is never fuller than the estimate.
    names = text_width_chars(block.copies_line()) - text_width_chars("抄送：")
    return max(1, math.ceil(names / (room - 0.5)))


def _rules(index: int, count: int) -> tuple[int, int]:
    """w:sz of the rule above and below row `index` of `count` (0: none below)."""
    top = OUTER_RULE_SZ if index == 0 else INNER_RULE_SZ
    return top, OUTER_RULE_SZ if index == count - 1 else 0


def _row_heights(block: Imprint, profile: Profile) -> list[int]:
    """Height of each row's frame in twips: its lines at the body's line pitch, plus its
    rules (a rule adds its width to the paragraph it borders)."""
    rows = imprint_rows(block, profile)
    heights = []
    for i, (_, lines) in enumerate(rows):
        top, bottom = _rules(i, len(rows))
        heights.append(lines * profile.line_twips + round((top + bottom) * 20 / 8))
    return heights


def imprint_height(block: Imprint, profile: Profile) -> int:
    """Height of the whole 版记 in twips."""
    return sum(_row_heights(block, profile))


def _tiny(builder: _Builder, extra: str = "", text: str = "", outline: bool = False) -> None:
    """A 1-pt paragraph, holding `extra` pPr XML (a section break) or a probe mark."""
    children = {
        "snapToGrid": '<w:snapToGrid w:val="0"/>',
        "spacing": exact_spacing(TINY_TWIPS),
        "ind": builder._indent(0),
    }
    if outline:
        children["outlineLvl"] = '<w:outlineLvl w:val="0"/>'
    if extra:
        children["sectPr"] = extra
    tiny = FontSpec(builder.profile.body.east_asia, 1.0)
    plain_paragraph(builder, font_run(rpr_xml(tiny), text) if text else "", children)


@block_writer(Imprint)
def write_imprint(builder: _Builder, block: Imprint) -> None:
    profile = builder.profile
    rows = imprint_rows(block, profile)
    if not rows:
        return
    if block.probe:
        _write_probe(builder, block)
        return
    if block.own_page:
        _tiny(builder, extra="<w:sectPr/>")  # filled in by _split_section
        builder.finishers.append(_split_section)
    font = _imprint_font(profile)
    char = font.char_twips
    width = round(Mm(profile.text_width_mm).twips)
    block_height = round(Mm(profile.page_height_mm - profile.margin_top_mm).twips) - round(
        Mm(profile.margin_bottom_mm).twips
    )
    line = profile.line_twips
    heights = _row_heights(block, profile)
    # A 版记 taller than half the page (hundreds of 抄送 names) cannot sit at the foot:
    # it follows the text instead, with the same rules.
    framed = sum(heights) <= block_height // 2
    y = block_height - sum(heights)
    for i, ((kind, _), height) in enumerate(zip(rows, heights)):
        top, bottom = _rules(i, len(rows))
        borders = f'<w:top w:val="single" w:sz="{top}" w:space="0" w:color="000000"/>' + (
            f'<w:bottom w:val="single" w:sz="{bottom}" w:space="0" w:color="000000"/>'
            if bottom
            else ""
        )
        frame = (
            f'<w:framePr w:w="{width}" w:h="{height}" w:hRule="exact" w:wrap="notBeside"'
            f' w:vAnchor="margin" w:hAnchor="margin" w:x="0" w:y="{y}"/>'
        )
        children = {
            **({"framePr": frame} if framed else {}),
            "widowControl": '<w:widowControl w:val="0"/>',
            "pBdr": f"<w:pBdr>{borders}</w:pBdr>",
            "snapToGrid": '<w:snapToGrid w:val="0"/>',
            "spacing": exact_spacing(line),
            "jc": '<w:jc w:val="left"/>',
        }
        rpr = rpr_xml(font)
        if kind == "copies":
            # 抄送 1 character in; the names continue under the first name.
            lead = text_width_chars("抄送：")
            children["ind"] = ind_xml(char, left=1 + lead, right=1, hanging=lead)
            runs = font_run(rpr, block.copies_line())
        else:
            # 印发机关 1 character in on the left, 印发日期 1 character in on the right.
            children["ind"] = ind_xml(char, left=1, right=1, firstLine=0)
            children["tabs"] = f'<w:tabs><w:tab w:val="right" w:pos="{width - char}"/></w:tabs>'
            date = f"{format_cn_date(block.date)}印发" if block.date else ""
            runs = font_run(rpr, block.issuer) + (f"<w:r>{rpr}<w:tab/></w:r>" + font_run(rpr, date))
        if i:
            # LibreOffice joins framed paragraphs that follow each other into one frame and
            # then drops it: a 1-pt paragraph between them keeps the frames apart.
            _tiny(builder)
        plain_paragraph(builder, runs, children)
        y += height


def _write_probe(builder: _Builder, block: Imprint) -> None:
    """For measuring only: a mark where the text ends, then a paragraph as tall as the
    版记 in the flow of the text. Both are outline entries, so LibreOffice's PDF names
    the page each is on; the 版记 needs a page of its own when the second is later."""
    _tiny(builder, text=PROBE_END, outline=True)
    height = imprint_height(block, builder.profile)
    tiny = FontSpec(builder.profile.body.east_asia, 1.0)
    plain_paragraph(
        builder,
        font_run(rpr_xml(tiny), PROBE_IMPRINT),
        {
            "keepLines": "<w:keepLines/>",
            "snapToGrid": '<w:snapToGrid w:val="0"/>',
            "spacing": exact_spacing(height),
            "ind": builder._indent(0),
            "outlineLvl": '<w:outlineLvl w:val="0"/>',
        },
    )


def _split_section(document: DocxDocument) -> None:
    """Make the 版记's page a section of its own whose footers show no page number.

    The 1-pt paragraph before the 版记 carries an empty w:sectPr: it becomes a copy of the
    document's section (so the pages before keep their numbers), and the last section,
    the 版记's, gets new empty footers.
    """
    body = document.element.body
    last = body.sectPr
    marks = body.xpath("./w:p/w:pPr/w:sectPr")
    if last is None or not marks:
        return
    mark = marks[-1]
    for child in last:
        mark.append(copy.deepcopy(child))
    # Not footer.is_linked_to_previous = True: python-docx would then drop the numbered
    # footers' relationships, which the section before still uses.
    for ref in last.findall(qn("w:footerReference")):
        last.remove(ref)
    section = Section(last, document.part)
    section.footer.is_linked_to_previous = False  # a new, empty footer
    section.even_page_footer.is_linked_to_previous = False
