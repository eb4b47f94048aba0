"""Preview of the blocks of 制度 and 通知 (their Word writers are docx/regulation.py and
docx/notice.py): the same parts in the same places, drawn with HTML and the profile's
fonts. Each profile shows what its writer writes (the red 版头 and the 印发 line only in
the official profile)."""

from __future__ import annotations

from markupsafe import escape

from ..doctree import format_cn_date
from ..docx.imprint import imprint_rows, is_official
from ..docx.profiles import FontSpec, Profile
from ..docx.regulation import label_font
from ..notice_blocks import AttachmentHead, AttachmentNote, Imprint, Masthead
from ..regulation_blocks import Article, Chapter
from .preview import _font_css, _text, _title, preview_renderer

_RED = "#e00000"


@preview_renderer(Chapter)
def _chapter(block: Chapter, profile: Profile) -> str:
    font = _font_css(profile.heading(block.level), profile.body)
    return (
        f'<p class="h h{block.level}" style="text-align:center;text-indent:0">'
        f'<span style="{font}">{escape(block.full_text)}</span></p>'
    )


@preview_renderer(Article)
def _article(block: Article, profile: Profile) -> str:
    font, bold = label_font(profile)
    style = _font_css(FontSpec(font.east_asia, font.size_pt, bold), profile.body)
    return (
        f'<p class="p"><span style="{style}">{escape(block.label)}\u3000</span>'
        f"{_text(block.text)}</p>"
    )


@preview_renderer(Masthead)
def _masthead(block: Masthead, profile: Profile) -> str:
    number = escape(block.number or "")
    if not is_official(profile):
        return f'<p class="p align-right">{number}</p><p class="p">&#8203;</p>' if number else ""
    font = _font_css(FontSpec(profile.title.east_asia, 36), profile.body)
    return (
        f'<p style="margin:2em 0 1em;text-align:center;color:{_RED};{font};line-height:1.2">'
        f"{escape(block.issuer)}</p>"
        f'<p style="text-align:center;text-indent:0;margin:0 0 2.5em;padding-bottom:.3em;'
        f'border-bottom:2px solid {_RED}">{number or "&#8203;"}</p>'
    )


@preview_renderer(AttachmentNote)
def _attachment_note(block: AttachmentNote, profile: Profile) -> str:
    lines = block.lines()
    out = ['<div style="margin-top:1.5em">']
    for i, line in enumerate(lines):
        # Later lines start under the first name's number.
        pad = 2 + (3 if i else 0)
        out.append(f'<p class="p" style="text-indent:0;padding-left:{pad}em">{escape(line)}</p>')
    out.append("</div>")
    return "".join(out)


@preview_renderer(AttachmentHead)
def _attachment_head(block: AttachmentHead, profile: Profile) -> str:
    label = _font_css(profile.heading(1), profile.body)
    return (
        '<hr class="page-break">'
        f'<p class="p no-indent"><span style="{label}">{escape(block.label)}</span></p>'
        + _title(block.title, profile, ";margin-top:1em")
    )


@preview_renderer(Imprint)
def _imprint(block: Imprint, profile: Profile) -> str:
    rows = imprint_rows(block, profile)
    if not rows:
        return ""
    out = ['<div style="margin-top:2em;border-top:2px solid #000;border-bottom:2px solid #000">']
    for i, (kind, _) in enumerate(rows):
        rule = "border-top:1px solid #000;" if i else ""
        if kind == "copies":
            text = escape(block.copies_line())
            out.append(
                f'<p class="p" style="{rule}text-indent:-3em;padding-left:4em;'
                f'font-size:.875em">{text}</p>'
            )
        else:
            date = f"{format_cn_date(block.date)}印发" if block.date else ""
            out.append(
                f'<p class="p" style="{rule}text-indent:0;padding:0 1em;font-size:.875em;'
                f'display:flex;justify-content:space-between"><span>{escape(block.issuer)}</span>'
                f"<span>{escape(date)}</span></p>"
            )
    out.append("</div>")
    return "".join(out)
