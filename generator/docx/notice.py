"""Writers of a 通知's blocks (GB/T 9704-2012, see shared/reference/format-profiles.md):

* 版头: the 发文机关标志 in red 小标宋 with its top edge 35 mm below the top of the text
  block, the 文号 centred one blank line below it, a red rule across the text block under
  the 文号, two blank lines before the title. The school profile shows only the 文号,
  flush right above the title, as a letter-style notice does.
* 附件说明: one blank line after the body, 2 characters in, 附件：1.名称 with every name
  starting under the first; a name that runs over a line continues under its first
  character.
* 附件 pages: a new page, 附件1 in 黑体 at the top left, the title centred on the third line.
* 版记: 抄送 and the 印发 line between rules the width of the text block, at the foot of
  the last page. Each row is a frame anchored at an exact height above the bottom of the
  text block, so the 版记 sits at the foot whatever the text above it; the school profile
  shows the 抄送 row only. When the 版记 found no room under the last text it goes on a
  page of its own, a section whose footer has no page number.
"""

from __future__ import annotations

import copy
import math

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm

from ..doctree import Title, format_cn_date
from ..notice_blocks import (
    PROBE_END,
    PROBE_IMPRINT,
    AttachmentHead,
    AttachmentNote,
    Imprint,
    Masthead,
)
from .ooxml import PPR_ORDER, clean_text, esc, run_content_xml, text_run_xml, text_width_chars
from .profiles import SIZE_4, FontSpec, Profile
from .styles import BODY
from .writer import _Builder, block_writer

# Profiles that draw the red 版头 and the whole 版记 (印发机关 and 印发日期 included).
OFFICIAL = {"gbt9704"}

RED = "FF0000"
# The 发文机关标志: 初号 at most, smaller when a long name would not fit on one line.
MASTHEAD_MAX_PT = 42.0
MASTHEAD_MIN_PT = 22.0  # a name too long for one line at this size wraps instead
MASTHEAD_TOP_MM = 35.0  # from the top of the text block to the top of the 标志
RULE_SZ = 12  # the red rule under the 文号: 1.5 pt (w:sz is in eighths of a point)
# 版记 rules: the first and last 0.35 mm, the one between 抄送 and 印发 0.25 mm.
OUTER_RULE_SZ = 8
INNER_RULE_SZ = 6
TINY_TWIPS = 20  # a 1-pt paragraph: separates frames, carries a section break


def is_official(profile: Profile) -> bool:
    return profile.name in OFFICIAL


# ---- small XML helpers ------------------------------------------------------------------------


def _ppr(children: dict[str, str]) -> str:
    """A w:pPr from {local name: element XML}, children in schema order."""
    return "<w:pPr>" + "".join(children[n] for n in PPR_ORDER if n in children) + "</w:pPr>"


def _para(builder: _Builder, runs: str, children: dict[str, str]) -> None:
    """A Normal paragraph with the pPr `children`, taking over a pending page break."""
    children = {"pStyle": f'<w:pStyle w:val="{BODY}"/>', **children}
    if builder.page_break_pending:
        children["pageBreakBefore"] = "<w:pageBreakBefore/>"
        builder.page_break_pending = False
    builder.parts.append(f"<w:p>{_ppr(children)}{runs}</w:p>")


def _rpr(font: FontSpec, *, bold: bool = False, color: str | None = None) -> str:
    """Run properties: `font` in all four slots, no extra character spacing."""
    latin, east = esc(font.latin), esc(font.east_asia)
    b = int(bold)
    return (
        f'<w:rPr><w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east}"'
        f' w:cs="{latin}" w:hint="eastAsia"/><w:b w:val="{b}"/><w:bCs w:val="{b}"/>'
        + (f'<w:color w:val="{color}"/>' if color else "")
        + f'<w:spacing w:val="0"/><w:sz w:val="{font.half_points}"/>'
        f'<w:szCs w:val="{font.half_points}"/></w:rPr>'
    )


def _run(rpr: str, text: str) -> str:
    return f"<w:r>{rpr}{run_content_xml(clean_text(text))}</w:r>"


def _ind(char_twips: int, **chars: float) -> str:
    """w:ind in characters of `char_twips` (left, right, hanging, firstLine), with the
    same distances in twips for readers that ignore the character form."""
    attrs = []
    for name, value in chars.items():
        attrs.append(f'w:{name}="{round(value * char_twips)}"')
        attrs.append(f'w:{name}Chars="{round(value * 100)}"')
    return f"<w:ind {' '.join(attrs)}/>"


def _spacing(line: int, before: int = 0) -> str:
    return f'<w:spacing w:before="{before}" w:after="0" w:line="{line}" w:lineRule="exact"/>'


def _blank(builder: _Builder) -> None:
    builder._paragraph(BODY)


# ---- 版头 -----------------------------------------------------------------------------------


@block_writer(Masthead)
def write_masthead(builder: _Builder, block: Masthead) -> None:
    profile = builder.profile
    if not is_official(profile):
        if block.number:
            builder._paragraph(BODY, text_run_xml(block.number), ind=builder._indent(0), jc="right")
            _blank(builder)
        return
    width_pt = profile.text_width_mm * 72 / 25.4
    issuer = clean_text(block.issuer)
    fit = math.floor(width_pt / max(text_width_chars(issuer), 1))
    size = max(MASTHEAD_MIN_PT, min(MASTHEAD_MAX_PT, fit))
    font = FontSpec(profile.title.east_asia, size)
    line = round(size * 20 * 1.2)
    # Exact line spacing puts the glyphs' em box about in the middle of the line: start
    # the line that much higher so the 标志's top edge is 35 mm down.
    before = round(Mm(MASTHEAD_TOP_MM).twips - (line - size * 20) / 2)
    _para(
        builder,
        _run(_rpr(font, color=RED), issuer),
        {
            "snapToGrid": '<w:snapToGrid w:val="0"/>',
            "spacing": _spacing(line, before),
            "ind": builder._indent(0),
            "jc": '<w:jc w:val="center"/>',
        },
    )
    if block.number:
        _blank(builder)  # the 文号 one blank line below the 标志; without one, the rule
    rule = (
        f'<w:pBdr><w:bottom w:val="single" w:sz="{RULE_SZ}" w:space="4" w:color="{RED}"/></w:pBdr>'
    )
    _para(
        builder,
        text_run_xml(block.number) if block.number else "",
        {"pBdr": rule, "ind": builder._indent(0), "jc": '<w:jc w:val="center"/>'},
    )
    _blank(builder)  # the title comes two blank lines below the rule
    _blank(builder)


# ---- 附件说明 and 附件 pages -----------------------------------------------------------------


def _marker_em(number: int) -> float:
    """Width of "1." in em: Arabic digits are half a character, the full stop a quarter."""
    return 0.5 * len(str(number)) + 0.25


@block_writer(AttachmentNote)
def write_attachment_note(builder: _Builder, block: AttachmentNote) -> None:
    """附件：1.名称 — 2 characters in; later numbers under the first, names under the first
    name, a long name continuing under its own first character."""
    if not block.names:
        return
    char = builder.profile.body.char_twips
    lead = 2 + text_width_chars("附件：")
    # The note never leaves the body behind on the page before: with the signature after
    # it (which keeps to the note) that would be a page of the note and the signature only.
    builder._keep_last_paragraph_with_next()
    builder._paragraph(BODY, keep_next=True)  # one blank line after the body
    several = len(block.names) > 1
    for i, line in enumerate(block.lines(), 1):
        marker = _marker_em(i) if several else 0.0
        left = lead + marker
        # The first line starts 2 characters in, the others where "1." starts.
        hanging = left - 2 if i == 1 else marker
        _para(
            builder,
            text_run_xml(line),
            {
                "keepNext": "<w:keepNext/>",  # the lines of the note stay together
                "ind": _ind(char, left=left, hanging=hanging),
                "jc": '<w:jc w:val="left"/>',
            },
        )


@block_writer(AttachmentHead)
def write_attachment_head(builder: _Builder, block: AttachmentHead) -> None:
    """A new page; 附件1 in 黑体 at the top left; the title centred on the third line."""
    builder.page_break_pending = True
    font = builder.profile.heading(1)
    builder._paragraph(
        BODY,
        _run(_rpr(font, bold=font.bold), block.label),
        ind=builder._indent(0),
        jc="left",
        keep_next=True,
    )
    builder._paragraph(BODY, keep_next=True)
    builder._title(Title(block.title))


# ---- 版记 -----------------------------------------------------------------------------------


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
        "spacing": _spacing(TINY_TWIPS),
        "ind": builder._indent(0),
    }
    if outline:
        children["outlineLvl"] = '<w:outlineLvl w:val="0"/>'
    if extra:
        children["sectPr"] = extra
    tiny = FontSpec(builder.profile.body.east_asia, 1.0)
    _para(builder, _run(_rpr(tiny), text) if text else "", children)


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
            "spacing": _spacing(line),
            "jc": '<w:jc w:val="left"/>',
        }
        rpr = _rpr(font)
        if kind == "copies":
            # 抄送 1 character in; the names continue under the first name.
            lead = text_width_chars("抄送：")
            children["ind"] = _ind(char, left=1 + lead, right=1, hanging=lead)
            runs = _run(rpr, block.copies_line())
        else:
            # 印发机关 1 character in on the left, 印发日期 1 character in on the right.
            children["ind"] = _ind(char, left=1, right=1, firstLine=0)
            children["tabs"] = f'<w:tabs><w:tab w:val="right" w:pos="{width - char}"/></w:tabs>'
            date = f"{format_cn_date(block.date)}印发" if block.date else ""
            runs = _run(rpr, block.issuer) + (f"<w:r>{rpr}<w:tab/></w:r>" + _run(rpr, date))
        if i:
            # LibreOffice joins framed paragraphs that follow each other into one frame and
            # then drops it: a 1-pt paragraph between them keeps the frames apart.
            _tiny(builder)
        _para(builder, runs, children)
        y += height


def _write_probe(builder: _Builder, block: Imprint) -> None:
    """For measuring only: a mark where the text ends, then a paragraph as tall as the
    版记 in the flow of the text. Both are outline entries, so LibreOffice's PDF names
    the page each is on; the 版记 needs a page of its own when the second is later."""
    _tiny(builder, text=PROBE_END, outline=True)
    height = imprint_height(block, builder.profile)
    tiny = FontSpec(builder.profile.body.east_asia, 1.0)
    _para(
        builder,
        _run(_rpr(tiny), PROBE_IMPRINT),
        {
            "keepLines": "<w:keepLines/>",
            "snapToGrid": '<w:snapToGrid w:val="0"/>',
            "spacing": _spacing(height),
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
