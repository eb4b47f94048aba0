"""The preview of form blocks (generator/forms.py): covers, form titles, forms and the
headings of included documents, as HTML like the rest of the preview.

A form shows the rows the Word writer writes (stretched to fill the page) with its
column widths, spans, merged labels and row heights, so the page looks like the print.
"""

from __future__ import annotations

from markupsafe import escape

from ..docx.forms import cover_title, laid_out, merge_anchors
from ..docx.profiles import Profile
from ..forms import BodyHeading, Cover, Form, FormTitle
from .preview import _font_css, _heading, _text, preview_renderer

# One writing line (1 cm) in em of the table font (小四, 12 pt).
_LINE_EM = 28.35 / 12
_ALIGN = {"label": "center", "head": "center", "value": "center", "text": "left", "sign": "right"}


def _rowspans(form: Form) -> list[list[int]]:
    """Rows each cell spans (0 for a cell that continues the one above), from the
    merges the Word writer makes (docx/forms.py)."""
    spans = [[1] * len(row.cells) for row in form.rows]
    for (r, k), (ar, ak) in merge_anchors(form.rows).items():
        spans[ar][ak] += 1
        spans[r][k] = 0
    return spans


@preview_renderer(Form)
def _form(block: Form, profile: Profile) -> str:
    widths, rows, _ = laid_out(block, profile)
    form = Form(block.kind, block.columns, rows)
    total = sum(widths) or 1
    font = _font_css(profile.table, profile.body)
    out = [f'<table class="doc-table form" data-kind="{escape(form.kind)}" style="{font}">']
    out.append("<colgroup>")
    out.extend(f'<col style="width:{100 * w / total:.2f}%">' for w in widths)
    out.append("</colgroup><tbody>")
    for row, spans in zip(form.rows, _rowspans(form)):
        out.append(f'<tr style="height:{row.lines * _LINE_EM:.2f}em">')
        for cell, span in zip(row.cells, spans):
            if span == 0:
                continue
            attrs = f' colspan="{cell.span}"' if cell.span > 1 else ""
            attrs += f' rowspan="{span}"' if span > 1 else ""
            tag = "th" if cell.role == "head" else "td"
            style = f"text-align:{_ALIGN[cell.role]}"
            if cell.role == "text":
                style += ";vertical-align:top;text-indent:2em"
            out.append(f'<{tag}{attrs} style="{style}">{_text(cell.text)}</{tag}>')
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


@preview_renderer(FormTitle)
def _form_title(block: FormTitle, profile: Profile) -> str:
    font = _font_css(profile.title, profile.body)
    return (
        '<hr class="page-break">'
        f'<p class="doc-title" style="{font};font-size:1.1em">{escape(block.full_text)}</p>'
    )


@preview_renderer(Cover)
def _cover(block: Cover, profile: Profile) -> str:
    title_font, text, _ = cover_title(block, profile)
    font = _font_css(title_font, profile.body)
    out = [f'<h1 class="doc-title" style="{font};margin:3em 0 2em">{_text(text)}</h1>']
    if block.subtitle:
        out.append(f'<p class="doc-subtitle">{escape(block.subtitle)}</p>')
    out.append('<table style="margin:0 auto;border-collapse:collapse">')
    for f in block.fields:
        out.append(
            f'<tr><td style="padding:.3em 1em;text-align-last:justify;white-space:nowrap">{escape(f.label)}'
            '</td><td style="border-bottom:1px solid #000;min-width:12em;text-align:center">'
            f"{escape(f.value)}</td></tr>"
        )
    out.append("</table>")
    return "".join(out)


@preview_renderer(BodyHeading)
def _body_heading(block: BodyHeading, profile: Profile) -> str:
    return _heading(block.heading, profile)
