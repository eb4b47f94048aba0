"""Writing the form blocks of generator/forms.py: forms, form titles, covers and the
headings of included documents.

A form is a full-width ruled table (the same table properties as every other table,
tables.table_start_xml) on a grid of columns. Column widths follow the issue-8 rules for
tables, with spans: a label or column heading is never narrower than its text, a short
value (a date, a name) keeps to one line where the page allows, and the remaining width
goes to the columns that `grow` (writing space). Rows are at least their writing lines
high (exactly, for ruled blank rows); rows that `stretch` are repeated until the form
fills the page below its title. Header rows repeat on every page the form runs on.

A form longer than its page goes on the way data tables do (rowgroups): rows that fit a
page are never split, the rows of a merged group (a label beside its writing lines, a
member's name beside their items) stay on one page, and a group too tall for a page goes
on to the next with its merged cells repeated, marked （续）. A writing area too tall for
a page is cut into a row per paragraph first, so that it breaks between paragraphs.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import replace

from docx.shared import Mm

from ..forms import BodyHeading, Cover, Form, FormCell, FormRow, FormTitle
from .colwidths import (
    CELL_MARGIN_TWIPS,
    SLACK_TWIPS,
    TEXT_MIN_EM,
    _need,
    atoms,
    has_lone_tail,
    is_token,
    line_pieces,
    text_em,
    wrap,
)
from .ooxml import (
    clean_text,
    exact_spacing,
    font_props_xml,
    indent_xml,
    paragraph_xml,
    run_xml,
)
from .profiles import SIZE_3, FontSpec, Profile
from .rowgroups import last_page_room, merge_groups, page_runs, split_merges
from .styles import BODY, TABLE_TEXT, heading_style_id
from .tables import TABLE_STYLE, merge_xml, table_start_xml
from .titles import set_title
from .writer import block_writer

# One writing line of a form: 1 cm, room for handwriting.
ROW_TWIPS = 567
# Form text is set with exact line spacing, so heights are the same in every renderer
# (single spacing depends on the font's own metrics, which differ between machines).
LINE_TWIPS = 360
_LINE_SPACING = exact_spacing(LINE_TWIPS)
# Space above and below the paragraphs of a writing area.
TEXT_PAD_TWIPS = 85
# Share of a later page a form counts on. Form lines have exact spacing and wrapping is
# estimated on the narrow side, so less is held back than for tables (rowgroups).
FORM_PAGE_SHARE = 0.95
# Form titles: 小二 in the title font.
FORM_TITLE_PT = 18.0
FORM_TITLE_AFTER_TWIPS = 240
# A signature line stands this far (em) in from the right edge of its cell.
SIGN_INDENT_EM = 1.0
# Cover: the title's size (小初) and how far down the page it starts.
COVER_TITLE_PT = 36.0
COVER_LONG_TITLE_PT = 26.0  # 一号, for a title longer than COVER_SHORT_TITLE_EM
COVER_SHORT_TITLE_EM = 8.0
COVER_TOP_TWIPS = 2600
COVER_ROW_TWIPS = 737  # 1.3 cm per field line
COVER_VALUE_MIN_EM = 13.0


# ---- widths ------------------------------------------------------------------------------


def cell_need_em(cell: FormCell) -> float:
    """The narrowest text width (em) at which `cell` shows as it should: a label, a
    column heading or a signature line on one line, a short value on one line, longer
    text without breaking inside a word."""
    lines = list(dict.fromkeys(line for line in clean_text(cell.text).split("\n") if line.strip()))
    if cell.merge_up or not lines:
        return 0.0
    if cell.role in ("label", "head"):
        return max(text_em(line) for line in lines)
    if cell.role == "sign":
        return max(text_em(line) for line in lines) + SIGN_INDENT_EM
    widths = []
    for line in lines:
        if cell.role == "value" and is_token(line):
            widths.append(text_em(line))
        else:
            widths.append(max(TEXT_MIN_EM, *(text_em(p.rstrip()) for p in line_pieces(line))))
    return max(widths)


def _cells_at(row: FormRow):
    """(first grid column, cell) of each cell of `row`."""
    col = 0
    for cell in row.cells:
        yield col, cell
        col += cell.span


def form_widths(form: Form, total: int, char_twips: int, margin: int) -> list[int]:
    """Grid column widths (twips, summing to `total`) of `form`."""
    columns = form.columns
    mins = [float(_need(c.min_em, char_twips, margin)) for c in columns]
    needs = []
    for row in form.rows:
        for col, cell in _cells_at(row):
            em = cell_need_em(cell)
            if em:
                needs.append((cell.span, col, _need(em, char_twips, margin)))
    # Single columns first, then wider and wider spans take what they still lack from
    # the columns they cover (those that grow first).
    for span, col, need in sorted(needs):
        cols = range(col, col + span)
        lack = need - sum(mins[c] for c in cols)
        if lack <= 0:
            continue
        weights = [columns[c].grow for c in cols]
        if not any(weights):
            weights = [mins[c] for c in cols]
        for c, w in zip(cols, weights):
            mins[c] += lack * w / sum(weights)
    spare = total - sum(mins)
    if spare < 0:
        # Cannot fit: every column gives up width in proportion (text will wrap).
        widths = [m * total / sum(mins) for m in mins]
    else:
        grow = [c.grow for c in columns]
        if not any(grow):
            grow = mins
        widths = [m + spare * g / sum(grow) for m, g in zip(mins, grow)]
    out = [math.floor(w) for w in widths]
    widest = max(range(len(out)), key=lambda i: widths[i])
    out[widest] += total - sum(out)
    return out


# ---- heights ------------------------------------------------------------------------------

_INDENT = "\u3000\u3000"  # a text paragraph's first-line indent, as two characters


def _cell_lines(cell: FormCell, room_em: float) -> int:
    """How many lines `cell` takes at a text width of `room_em`."""
    count = 0
    # Each distinct paragraph is wrapped once (a pasted text may repeat one many times).
    for line, times in Counter(clean_text(cell.text).split("\n")).items():
        wrapped = len(wrap(_pieces(cell, line), room_em)) if line.strip() else 1
        count += times * wrapped
    return count


def _span_width(widths: list[int], col: int, cell: FormCell) -> int:
    return sum(widths[col : col + cell.span])


def row_height(row: FormRow, widths: list[int], char_twips: int, margin: int) -> int:
    """Estimated height of `row` in twips: its writing lines, or its tallest text."""
    height = round(row.lines * ROW_TWIPS)
    if row.fixed:
        return height
    for col, cell in _cells_at(row):
        if cell.merge_up or not cell.text.strip():
            continue
        room = (_span_width(widths, col, cell) - 2 * margin - SLACK_TWIPS) / char_twips
        pad = 2 * TEXT_PAD_TWIPS if cell.role == "text" else 2 * TEXT_PAD_TWIPS // 3
        height = max(height, _cell_lines(cell, room) * LINE_TWIPS + pad)
    return height


def page_room_twips(profile: Profile) -> int:
    """Height a form has on a page below its title, less a line for the paragraph Word
    needs after a table at the end of a document."""
    title = profile.line_twips + FORM_TITLE_AFTER_TWIPS
    return round(Mm(profile.text_height_mm).twips) - title - profile.line_twips


def later_room_twips(rows: list[FormRow], heights: list[int], profile: Profile) -> int:
    """Height a form may count on, on each page after its first: the text block less its
    repeated header rows, with some room for misjudged wrapping."""
    headers = sum(h for row, h in zip(rows, heights) if row.header)
    return round(
        (round(Mm(profile.text_height_mm).twips) - profile.line_twips - headers) * FORM_PAGE_SHARE
    )


def paragraph_rows(
    rows: list[FormRow], heights: list[int], limit: int, height_of
) -> tuple[list[FormRow], list[int]]:
    """`rows` with every row taller than `limit` whose writing area holds several
    paragraphs cut into a row per paragraph, the cells beside it merged down over them:
    the form can then go on to the next page between two paragraphs, its label repeated
    there, instead of inside a row. `height_of` estimates a new row's height."""
    out_rows: list[FormRow] = []
    out_heights: list[int] = []
    for row, height in zip(rows, heights):
        texts = [k for k, c in enumerate(row.cells) if c.role == "text" and not c.merge_up]
        paras = [p for p in row.cells[texts[0]].text.split("\n") if p] if texts else []
        if height <= limit or row.fixed or len(texts) != 1 or len(paras) < 2:
            out_rows.append(row)
            out_heights.append(height)
            continue
        for i, para in enumerate(paras):
            cells = [
                replace(c, text=para)
                if k == texts[0]
                else (c if i == 0 else FormCell("", c.span, merge_up=True))
                for k, c in enumerate(row.cells)
            ]
            piece = replace(row, cells=cells, header=False, stretch=0.0)
            out_rows.append(piece)
            out_heights.append(height_of(piece))
    return out_rows, out_heights


def stretched(
    rows: list[FormRow], heights: list[int], room: int
) -> tuple[list[FormRow], list[int]]:
    """`rows` with copies of the stretching rows added (each right after its original)
    while the form still fits in `room`; the new rows and their heights."""
    total = sum(heights)
    stretch = [i for i, r in enumerate(rows) if r.stretch > 0]
    if not stretch or total >= room:
        return rows, heights
    added = dict.fromkeys(stretch, 0)
    while True:
        # The row furthest behind its share gets the next copy.
        i = min(stretch, key=lambda k: ((added[k] + 1) / rows[k].stretch, k))
        if total + heights[i] > room:
            break
        added[i] += 1
        total += heights[i]
    out_rows: list[FormRow] = []
    out_heights: list[int] = []
    for i, (row, h) in enumerate(zip(rows, heights)):
        copies = 1 + added.get(i, 0)
        out_rows.extend([row] * copies)
        out_heights.extend([h] * copies)
    return out_rows, out_heights


# ---- XML ----------------------------------------------------------------------------------

_HINT = '<w:rFonts w:hint="eastAsia"/>'


def merge_anchors(rows: list[FormRow]) -> dict[tuple[int, int], tuple[int, int]]:
    """The (row, cell) each continuing cell continues, by its own (row, cell): a merge_up
    cell continues the cell that starts a merge at its grid column above it."""
    out: dict[tuple[int, int], tuple[int, int]] = {}
    anchor: dict[int, tuple[int, int]] = {}  # grid column → (row, cell) a merge continues
    for r, row in enumerate(rows):
        for k, (col, cell) in enumerate(_cells_at(row)):
            if cell.merge_up and col in anchor:
                out[r, k] = anchor[col]
            else:
                anchor[col] = (r, k)
    return out


def _vertical_merges(rows: list[FormRow]) -> list[list[str]]:
    """w:vMerge of each cell ("restart", "continue" or ""), by the grid column it starts at."""
    merges = [[""] * len(row.cells) for row in rows]
    for (r, k), (ar, ak) in merge_anchors(rows).items():
        merges[ar][ak] = "restart"
        merges[r][k] = "continue"
    return merges


def _grid_merges(
    rows: list[FormRow],
) -> tuple[list[list[str]], list[list[str]], dict[tuple[int, int], FormCell]]:
    """The w:vMerge and the text of each cell by the grid column it starts at (""
    elsewhere), and the cell each continuing cell continues, by row and grid column."""
    width = max((row.span for row in rows), default=0)
    grid = [[""] * width for _ in rows]
    texts = [[""] * width for _ in rows]
    anchors: dict[tuple[int, int], FormCell] = {}
    above: dict[int, FormCell] = {}
    for r, (row, row_merges) in enumerate(zip(rows, _vertical_merges(rows))):
        for (col, cell), merge in zip(_cells_at(row), row_merges):
            grid[r][col] = merge
            if merge == "continue":
                anchors[r, col] = above[col]
            else:
                above[col] = cell
                texts[r][col] = cell.text
    return grid, texts, anchors


def _stretch_room(rows: list[FormRow], heights: list[int], first: int, limit: int) -> int:
    """The height a form may grow to with copies of its stretching rows: its page, or
    for a form longer than a page (many members) the rest of its last page, when the
    stretching rows come last (blank rows below the members); else no more."""
    total = sum(heights)
    if total <= first:
        return first
    groups = merge_groups(_grid_merges(rows)[0])
    last = groups[-1][0] if groups else 0
    if any(r.stretch > 0 for r in rows[:last]):
        return total
    return total + last_page_room(groups, heights, first, limit)


def _paged_merges(
    rows: list[FormRow], heights: list[int], first: int, limit: int
) -> tuple[list[list[str]], dict[tuple[int, int], FormCell], list[tuple[int, int]]]:
    """The w:vMerge of each cell by the grid column it starts at, the cells that repeat a
    merged cell's text on a later page (by row and grid column), and the runs of rows to
    keep on one page.

    A form starts at the top of a page, `first` twips below its title; later pages hold
    `limit`. Merged groups are placed page by page (rowgroups.page_runs); where a group
    must go on to the next page, its merged cells repeat their text there, marked （续）."""
    grid, texts, anchors = _grid_merges(rows)
    runs = page_runs(merge_groups(grid), heights, first, limit)
    split_merges(grid, texts, [start for start, _ in runs if "continue" in grid[start]])
    labels = {
        key: replace(cell, text=texts[key[0]][key[1]], merge_up=False)
        for key, cell in anchors.items()
        if grid[key[0]][key[1]] != "continue"
    }
    return grid, labels, runs


def _pieces(cell: FormCell, line: str) -> list[str]:
    """How a line of `cell` breaks; a text paragraph starts after its indent."""
    return [_INDENT, *atoms(line)] if cell.role == "text" else line_pieces(line)


def _lone_tail_inset(cell: FormCell, room_em: float, slack_em: float) -> float:
    """Extra right inset (em) that keeps the wrapped lines of `cell` from ending on a
    lone character at a text width of `room_em` (or up to `slack_em` more: renderers
    differ); 0 when none is needed or none helps."""
    lines = dict.fromkeys(line for line in cell.text.split("\n") if line.strip())
    pieces = [_pieces(cell, line) for line in lines]
    rooms = (room_em, room_em + slack_em)

    def lone(extra: float) -> bool:
        return any(has_lone_tail(p, r - extra) for p in pieces for r in rooms)

    if not lone(0):
        return 0.0
    return next((k / 2 for k in range(1, 7) if not lone(k / 2)), 0.0)


def _fits_one_line(cell: FormCell, room_em: float) -> bool:
    """True when every line of `cell` (a text paragraph with its indent) fits unbroken."""
    indent = text_em(_INDENT) if cell.role == "text" else 0.0
    return all(text_em(line) + indent <= room_em + 1e-6 for line in cell.text.split("\n"))


def _left_columns(rows: list[FormRow], widths: list[int], margin: int, char_twips: int) -> set:
    """Grid columns under a column heading whose values are left-aligned as a whole, as
    in a table: those where some value wraps or holds several lines."""
    out: set[int] = set()
    headed: set[int] = set()
    for row in rows:
        for col, cell in _cells_at(row):
            if cell.role == "head" and cell.span == 1:
                headed.add(col)
            if col not in headed or cell.span != 1 or cell.role != "value" or not cell.text:
                continue
            room = (widths[col] - 2 * margin - SLACK_TWIPS) / char_twips
            if "\n" in cell.text.strip() or not _fits_one_line(cell, room):
                out.add(col)
    return out


def _cell_xml(
    cell: FormCell,
    width: int,
    merge: str,
    margin: int,
    char_twips: int,
    keep_next: bool,
    left: bool,
) -> str:
    text = "" if cell.merge_up else clean_text(cell.text)
    room = (width - 2 * margin - SLACK_TWIPS) / char_twips
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if cell.span > 1:
        props += f'<w:gridSpan w:val="{cell.span}"/>'
    props += merge_xml(merge)
    pad = ""
    if cell.role == "text":
        pad = (
            f'<w:top w:w="{TEXT_PAD_TWIPS}" w:type="dxa"/>'
            f'<w:bottom w:w="{TEXT_PAD_TWIPS}" w:type="dxa"/>'
        )
    inset = 0
    if text and cell.role in ("value", "text") and not _fits_one_line(cell, room):
        inset = round(_lone_tail_inset(cell, room, SLACK_TWIPS / char_twips) * char_twips)
    if inset:
        pad += f'<w:right w:w="{margin + inset}" w:type="dxa"/>'
    if pad:
        props += f"<w:tcMar>{pad}</w:tcMar>"
    valign = "top" if cell.role == "text" else "center"
    props += f'<w:vAlign w:val="{valign}"/>'

    ind = ""
    bold = cell.role == "head"
    if cell.role == "text":
        jc, ind = "both", indent_xml(first_chars=2, char_twips=char_twips)
    elif cell.role == "sign":
        jc, ind = "right", indent_xml(right_chars=SIGN_INDENT_EM, char_twips=char_twips)
    elif cell.role == "value" and (left or not _fits_one_line(cell, room)):
        jc = "left"
    else:
        jc = "center"
    paras = "".join(
        paragraph_xml(
            TABLE_TEXT,
            run_xml(_HINT + ("<w:b/>" if bold else ""), line) if line else "",
            jc=jc,
            ind=ind,
            keep_next=True if keep_next else None,
            spacing=_LINE_SPACING,
        )
        for line in text.split("\n")
    )
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{paras}</w:tc>"


def laid_out(form: Form, profile: Profile) -> tuple[list[int], list[FormRow], list[int]]:
    """Column widths of `form`, its rows once stretched to fill the page, and their
    estimated heights (twips): what form_xml writes."""
    char_twips = profile.table.char_twips
    total = round(Mm(profile.text_width_mm).twips)
    widths = form_widths(form, total, char_twips, CELL_MARGIN_TWIPS)

    def height_of(row: FormRow) -> int:
        return row_height(row, widths, char_twips, CELL_MARGIN_TWIPS)

    heights = [height_of(r) for r in form.rows]
    limit = later_room_twips(form.rows, heights, profile)
    rows, heights = paragraph_rows(form.rows, heights, limit, height_of)
    room = _stretch_room(rows, heights, page_room_twips(profile), limit)
    rows, heights = stretched(rows, heights, room)
    return widths, rows, heights


def form_xml(form: Form, profile: Profile) -> str:
    """The w:tbl of `form`, stretched to fill its page."""
    char_twips = profile.table.char_twips
    margin = CELL_MARGIN_TWIPS
    widths, rows, heights = laid_out(form, profile)
    limit = later_room_twips(rows, heights, profile)
    merges, labels, runs = _paged_merges(rows, heights, page_room_twips(profile), limit)
    run_ends = {end - 1 for _, end in runs}
    left = _left_columns(rows, widths, margin, char_twips)
    out = [table_start_xml(widths, margin)]
    for r, (row, height) in enumerate(zip(rows, heights)):
        rule = "exact" if row.fixed else "atLeast"
        min_height = round(row.lines * ROW_TWIPS)
        # A row that fits a page is never split; the rows of a merged group (a label
        # beside its writing lines, a member beside their items) keep together.
        props = "<w:cantSplit/>" if height <= limit else ""
        props += f'<w:trHeight w:val="{min_height}" w:hRule="{rule}"/>'
        if row.header:
            props += "<w:tblHeader/>"
        keep = row.header or (r + 1 < len(rows) and r not in run_ends)
        out.append(f"<w:tr><w:trPr>{props}</w:trPr>")
        for col, cell in _cells_at(row):
            cell = labels.get((r, col), cell)
            width = _span_width(widths, col, cell)
            in_left = cell.span == 1 and col in left
            merge = merges[r][col]
            out.append(_cell_xml(cell, width, merge, margin, char_twips, keep, in_left))
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


@block_writer(Form)
def write_form(builder, block: Form) -> None:
    if builder.page_break_pending:
        builder._paragraph(BODY)  # a page break needs a paragraph to sit on
    builder.parts.append(form_xml(block, builder.profile))
    builder.last_was_table = True


@block_writer(FormTitle)
def write_form_title(builder, block: FormTitle) -> None:
    """A level-1 heading, centred in the title font, at the top of a new page."""
    builder.page_break_pending = False  # the heading breaks the page itself
    prof = builder.profile
    font = FontSpec(prof.title.east_asia, FORM_TITLE_PT, prof.title.bold, prof.title.latin)
    spacing = exact_spacing(prof.line_twips, after=FORM_TITLE_AFTER_TWIPS)
    builder.parts.append(
        paragraph_xml(
            heading_style_id(1),
            run_xml(font_props_xml(font, font.bold), clean_text(block.full_text)),
            page_break=bool(builder.parts),
            ind=indent_xml(first_chars=0, char_twips=prof.body.char_twips),
            jc="center",
            spacing=spacing,
        )
    )


@block_writer(BodyHeading)
def write_body_heading(builder, block: BodyHeading) -> None:
    """Heading fonts in a body paragraph that keeps with the next one (no outline level)."""
    prof, heading = builder.profile, block.heading
    font = prof.heading(heading.level)
    runs = run_xml(font_props_xml(font, font.bold), clean_text(heading.full_text))
    if heading.body:
        runs += run_xml(font_props_xml(prof.body, False), clean_text(heading.body))
    builder._paragraph(BODY, runs, keep_next=not heading.body)


# ---- cover --------------------------------------------------------------------------------

_NO_BORDERS = "".join(
    f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)


def _cover_paragraph(
    font: FontSpec, text: str, *, before: int, line: int, jc: str, spacing_chars: int = 0
) -> str:
    # Letter spacing in twentieths of a point.
    props = font_props_xml(font, font.bold, spacing=spacing_chars or None)
    spacing = '<w:snapToGrid w:val="0"/>' + exact_spacing(line, before)
    return paragraph_xml(
        BODY,
        run_xml(props, clean_text(text)) if text else "",
        ind='<w:ind w:firstLine="0" w:firstLineChars="0"/>',
        jc=jc,
        spacing=spacing,
    )


def cover_title(cover: Cover, profile: Profile) -> tuple[FontSpec, str, bool]:
    """The cover title's font, its text as set (a long one broken where the words allow)
    and whether it is short (set in larger, spaced-out type); the preview shows the same."""
    short = text_em(cover.text) <= COVER_SHORT_TITLE_EM
    size = COVER_TITLE_PT if short else COVER_LONG_TITLE_PT
    title_font = FontSpec(profile.title.east_asia, size, profile.title.bold, profile.title.latin)
    return title_font, cover.text if short else set_title(cover.text, profile, title_font), short


def cover_xml(cover: Cover, profile: Profile) -> str:
    """The title far down the page in large type (a short one spaced out, a long one in
    smaller type), then the fields on ruled lines."""
    title_font, text, short = cover_title(cover, profile)
    size = title_font.size_pt
    out = [
        _cover_paragraph(
            title_font, text, before=COVER_TOP_TWIPS, line=round(size * 20 * 1.5),
            jc="center", spacing_chars=round(size * 20 * 0.3) if short else 0,
        )
    ]  # fmt: skip
    if cover.subtitle:
        sub = FontSpec(profile.subtitle.east_asia, SIZE_3 * 1.25, False, profile.subtitle.latin)
        out.append(_cover_paragraph(sub, cover.subtitle, before=240, line=720, jc="center"))
    out.append(
        _cover_paragraph(profile.body, "", before=1800, line=profile.line_twips, jc="center")
    )
    if cover.fields:
        out.append(_cover_fields(cover, profile))
    return "".join(out)


def _cover_fields(cover: Cover, profile: Profile) -> str:
    label_font = FontSpec(profile.heading(1).east_asia, SIZE_3, False, profile.body.latin)
    value_font = profile.body
    char = label_font.char_twips
    margin = CELL_MARGIN_TWIPS
    label_em = max(4.0, *(text_em(f.label) for f in cover.fields))
    value_em = max(COVER_VALUE_MIN_EM, *(text_em(f.value) + 1 for f in cover.fields))
    total = round(Mm(profile.text_width_mm).twips)
    label_w = _need(label_em + 1, char, margin)
    value_w = min(_need(value_em, char, margin), total - label_w)
    rows = []
    line = '<w:bottom w:val="single" w:sz="6" w:space="0" w:color="000000"/>'
    for f in cover.fields:
        cells = []
        for text, width, font, jc, border in (
            (f.label, label_w, label_font, "distribute", ""),
            (f.value, value_w, value_font, "center", line),
        ):
            borders = f"<w:tcBorders>{border}</w:tcBorders>" if border else ""
            para = paragraph_xml(
                TABLE_TEXT,
                run_xml(font_props_xml(font, font.bold), clean_text(text)) if text else "",
                ind=indent_xml(first_chars=0, char_twips=char),
                jc=jc,
            )
            cells.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{borders}'
                f'<w:vAlign w:val="bottom"/></w:tcPr>{para}</w:tc>'
            )
        rows.append(
            f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{COVER_ROW_TWIPS}" '
            f'w:hRule="atLeast"/></w:trPr>{"".join(cells)}</w:tr>'
        )
    return (
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{TABLE_STYLE}"/>'
        f'<w:tblW w:w="{label_w + value_w}" w:type="dxa"/>'
        f'<w:jc w:val="center"/><w:tblBorders>{_NO_BORDERS}</w:tblBorders>'
        '<w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:left w:w="{margin}" w:type="dxa"/>'
        f'<w:right w:w="{margin}" w:type="dxa"/></w:tblCellMar>'
        f'<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
        f'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
        f'<w:tblGrid><w:gridCol w:w="{label_w}"/><w:gridCol w:w="{value_w}"/></w:tblGrid>'
        f"{''.join(rows)}</w:tbl>"
    )


@block_writer(Cover)
def write_cover(builder, block: Cover) -> None:
    """The cover; what follows starts on a new page."""
    first_page = not builder.parts
    builder.page_break_pending = False  # a pending page break is dropped
    builder.parts.append(cover_xml(block, builder.profile))
    if first_page:
        builder.finishers.append(_plain_first_page)
    builder.last_was_table = bool(block.fields)
    builder.page_break_pending = True


def _plain_first_page(document) -> None:
    """No page number on the cover: page 1 gets a footer of its own, left empty."""
    document.sections[0].different_first_page_header_footer = True
