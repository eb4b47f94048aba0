"""The preview: an HTML rendering of the document tree the Word writer gets.

Nothing here decides what the document says: the blocks (title, numbered headings,
paragraphs, tables, 落款) come from the same template render as `wenshu build`, and
table columns get the writer's own widths and alignments (docx/tables.py). Sizes are
the profile's, relative to the body font, so the page scales with the panel.
All text is escaped: what the user wrote is shown, never interpreted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup, escape

from ..doctree import (
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Signature,
    Table,
    TableOfContents,
    Title,
    format_cn_date,
    toc_entries,
)
from ..docx.profiles import FontSpec, Profile, get_profile

_PT_MM = 25.4 / 72

# Fonts a reader's computer may have for each Chinese font the profiles name.
_FALLBACKS = {
    "仿宋": "仿宋, FangSong, STFangsong, 'Noto Serif CJK SC', serif",
    "黑体": "黑体, SimHei, 'Noto Sans CJK SC', sans-serif",
    "楷体": "楷体, KaiTi, STKaiti, 'Noto Serif CJK SC', serif",
    "宋体": "宋体, SimSun, 'Noto Serif CJK SC', serif",
}


def _family(font: FontSpec) -> str:
    for key, families in _FALLBACKS.items():
        if key in font.east_asia:
            return f"'{font.latin}', '{font.east_asia}', {families}"
    return f"'{font.latin}', '{font.east_asia}', 'Noto Serif CJK SC', serif"


def _font_css(font: FontSpec, body: FontSpec) -> str:
    weight = "bold" if font.bold else "normal"
    return f"font-family:{_family(font)};font-size:{font.size_pt / body.size_pt:.3f}em;font-weight:{weight}"


def page_style(profile: Profile) -> str:
    """CSS custom properties of a profile for the preview page."""
    chars = profile.text_width_mm / (profile.body.size_pt * _PT_MM)
    line = profile.line_twips / 20 / profile.body.size_pt
    return (
        f"--chars:{chars:.2f};--line:{line:.3f};"
        f"--body-font:{_family(profile.body)};"
        f"--margin-ratio:{profile.margin_left_mm / profile.text_width_mm:.4f}"
    )


def _text(text: str) -> Markup:
    return Markup("<br>").join(escape(line) for line in text.split("\n"))


def _rowspans(table: Table) -> list[list[int]]:
    """Rows each cell spans (0 for a cell merged into the one above), from the merges
    the Word writer makes (docx/tables.py)."""
    from ..docx.tables import merge_anchors

    spans = [[1] * len(table.header) for _ in table.rows]
    for (r, col), anchor in merge_anchors(table).items():
        spans[anchor][col] += 1
        spans[r][col] = 0
    return spans


def _table(table: Table, profile: Profile) -> str:
    from ..docx.tables import column_alignments, table_columns, table_layout

    out = []
    if table.caption:
        out.append(f'<p class="caption">{escape(table.caption)}</p>')
    if not table.header:
        return "".join(out)
    columns = table_columns(table)
    layout = table_layout(table, profile, columns)
    total = sum(layout.widths) or 1
    aligns = column_alignments(layout, columns)
    font = _font_css(profile.table, profile.body)
    out.append(f'<table class="doc-table" data-kind="{escape(table.kind)}" style="{font}">')
    out.append("<colgroup>")
    out.extend(f'<col style="width:{100 * w / total:.2f}%">' for w in layout.widths)
    out.append("</colgroup><thead><tr>")
    out.extend(f"<th>{_text(h)}</th>" for h in table.header)
    out.append("</tr></thead><tbody>")
    spans = _rowspans(table)
    for row, row_spans in zip(table.rows, spans):
        # An empty row is room to write in by hand, as tall as the writer makes it.
        out.append("<tr>" if any(c.text for c in row) else '<tr class="blank-row">')
        for col, (cell, span) in enumerate(zip(row, row_spans)):
            if span == 0:
                continue
            rs = f' rowspan="{span}"' if span > 1 else ""
            out.append(f'<td class="{aligns[col]}"{rs}>{_text(cell.text)}</td>')
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _paragraph(block: Paragraph, profile: Profile) -> str:
    runs = []
    for run in block.runs:
        text = _text(run.text)
        if run.level is not None:
            font = profile.heading(run.level)
            bold = "font-weight:bold;" if run.bold else ""
            runs.append(f'<span style="{_font_css(font, profile.body)};{bold}">{text}</span>')
        elif run.bold:
            runs.append(f"<b>{text}</b>")
        else:
            runs.append(str(text))
    classes = ["p", f"align-{block.align}"] + ([] if block.indent else ["no-indent"])
    return f'<p class="{" ".join(classes)}">{"".join(runs)}</p>'


def _title(text: str, profile: Profile, style: str = "") -> str:
    """A title broken into lines where the Word file breaks it (docx/titles.py)."""
    from ..docx.titles import set_title

    font = _font_css(profile.title, profile.body)
    return f'<h1 class="doc-title" style="{font}{style}">{_text(set_title(text, profile))}</h1>'


def _heading(block: Heading, profile: Profile) -> str:
    font = _font_css(profile.heading(block.level), profile.body)
    head = f'<span style="{font}">{escape(block.full_text)}</span>'
    if block.body:
        return f'<p class="p h{block.level} run-in">{head}{_text(block.body)}</p>'
    return f'<p class="h h{block.level}">{head}</p>'


# Renderers of block types defined outside doctree.py (a 通知's 版头, a 制度's 条 …), by
# exact type: `fn(block, profile) → HTML`. preview_blocks.py registers those of the
# built-in 文种; a block nobody registered is shown as paragraphs of its texts().
PREVIEW_RENDERERS: dict[type, Callable[[Any, Profile], str]] = {}


def preview_renderer(block_type: type) -> Callable:
    """Register the decorated function as the preview of `block_type`."""

    def register(fn: Callable[[Any, Profile], str]) -> Callable[[Any, Profile], str]:
        PREVIEW_RENDERERS[block_type] = fn
        return fn

    return register


def render_html(document: Document, profile_name: str = "school") -> str:
    """The document as an HTML fragment (a `<div class="doc">` page)."""
    profile = get_profile(profile_name)
    out = [f'<div class="doc" style="{page_style(profile)}"><div class="doc-text">']
    for block in document.blocks:
        render = PREVIEW_RENDERERS.get(type(block))
        if render is not None:
            out.append(render(block, profile))
        elif isinstance(block, Title):
            out.append(_title(block.text, profile))
            if block.subtitle:
                sub = _font_css(profile.subtitle, profile.body)
                out.append(f'<p class="doc-subtitle" style="{sub}">{escape(block.subtitle)}</p>')
        elif isinstance(block, Heading):
            out.append(_heading(block, profile))
        elif isinstance(block, Paragraph):
            out.append(_paragraph(block, profile))
        elif isinstance(block, Table):
            out.append(_table(block, profile))
        elif isinstance(block, Signature):
            date = format_cn_date(block.date) if block.date else ""
            out.append(
                f'<div class="signature"><p>{escape(block.unit)}</p>'
                + (f"<p>{escape(date)}</p>" if date else "")
                + "</div>"
            )
        elif isinstance(block, PageBreak):
            out.append('<hr class="page-break">')
        elif isinstance(block, TableOfContents):
            items = "".join(
                f'<li class="toc{h.level}">{escape(h.full_text)}</li>'
                for h in toc_entries(document.blocks, block.levels)
            )
            out.append(f'<div class="toc"><p class="toc-title">目　录</p><ol>{items}</ol></div>')
        elif hasattr(block, "texts"):
            out.extend(f'<p class="p">{_text(t)}</p>' for t in block.texts())
    out.append("</div></div>")
    return "".join(out)


from . import preview_blocks, preview_forms  # noqa: E402, F401  (register the built-in block renderers)
