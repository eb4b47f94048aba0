"""Writers of a 通知's blocks (GB/T 9704-2012, see shared/reference/format-profiles.md):

* 版头: the 发文机关标志 in red 小标宋 with its top edge 35 mm below the top of the text
  block, the 文号 centred one blank line below it, a red rule across the text block under
  the 文号, two blank lines before the title. The school profile shows only the 文号,
  flush right above the title, as a letter-style notice does.
* 附件说明: one blank line after the body, 2 characters in, 附件：1.名称 with every name
  starting under the first; a name that runs over a line continues under its first
  character.
* 附件 pages: a new page, 附件1 in 黑体 at the top left, the title centred on the third line.

The 版记 is in imprint.py. The paragraph helpers here write pPr and rPr children the
body writer has no parameters for (frames, borders, tabs, colours, hanging indents).
"""

from __future__ import annotations

import math

from docx.shared import Mm

from ..doctree import Title
from ..notice_blocks import (
    AttachmentHead,
    AttachmentNote,
    Masthead,
)
from .ooxml import (
    PPR_ORDER,
    clean_text,
    exact_spacing,
    font_props_xml,
    ind_xml,
    run_content_xml,
    text_run_xml,
    text_width_chars,
)
from .profiles import FontSpec, Profile
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


def is_official(profile: Profile) -> bool:
    return profile.name in OFFICIAL


# ---- small XML helpers ------------------------------------------------------------------------


def ppr_xml(children: dict[str, str]) -> str:
    """A w:pPr from {local name: element XML}, children in schema order."""
    return "<w:pPr>" + "".join(children[n] for n in PPR_ORDER if n in children) + "</w:pPr>"


def plain_paragraph(builder: _Builder, runs: str, children: dict[str, str]) -> None:
    """A Normal paragraph with the pPr `children`, taking over a pending page break."""
    children = {"pStyle": f'<w:pStyle w:val="{BODY}"/>', **children}
    if builder.page_break_pending:
        children["pageBreakBefore"] = "<w:pageBreakBefore/>"
        builder.page_break_pending = False
    builder.parts.append(f"<w:p>{ppr_xml(children)}{runs}</w:p>")


def rpr_xml(font: FontSpec, *, bold: bool = False, color: str | None = None) -> str:
    """Run properties: `font` in all four slots, no extra character spacing."""
    return f"<w:rPr>{font_props_xml(font, bold, color=color, spacing=0)}</w:rPr>"


def font_run(rpr: str, text: str) -> str:
    return f"<w:r>{rpr}{run_content_xml(clean_text(text))}</w:r>"


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
    plain_paragraph(
        builder,
        font_run(rpr_xml(font, color=RED), issuer),
        {
            "snapToGrid": '<w:snapToGrid w:val="0"/>',
            "spacing": exact_spacing(line, before),
            "ind": builder._indent(0),
            "jc": '<w:jc w:val="center"/>',
        },
    )
    if block.number:
        _blank(builder)  # the 文号 one blank line below the 标志; without one, the rule
    rule = (
        f'<w:pBdr><w:bottom w:val="single" w:sz="{RULE_SZ}" w:space="4" w:color="{RED}"/></w:pBdr>'
    )
    plain_paragraph(
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
        plain_paragraph(
            builder,
            text_run_xml(line),
            {
                "keepNext": "<w:keepNext/>",  # the lines of the note stay together
                "ind": ind_xml(char, left=left, hanging=hanging),
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
        font_run(rpr_xml(font, bold=font.bold), block.label),
        ind=builder._indent(0),
        jc="left",
        keep_next=True,
    )
    builder._paragraph(BODY, keep_next=True)
    builder._title(Title(block.title))
