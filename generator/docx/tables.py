"""Tables (行事历, 具体分工, …): full width, ruled, header repeated, vertical merges."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Twips
from docx.table import Table as DocxTable
from docx.table import _Cell

from ..doctree import Table
from .ooxml import (
    TBLPR_ORDER,
    TRPR_ORDER,
    add_text,
    clean_text,
    el,
    put,
    set_paragraph_style,
    text_width_chars,
)
from .profiles import Profile
from .styles import TABLE_CAPTION, TABLE_TEXT

# Default left+right cell padding of python-docx's template (108 twips each side).
_CELL_PADDING_TWIPS = 216


def add_table(document: DocxDocument, table: Table, profile: Profile) -> DocxTable | None:
    """Append `table` (with its caption line, if any) to `document`.

    A table without columns has nothing to show: only its caption is written.
    """
    if table.caption:
        para = document.add_paragraph()
        set_paragraph_style(para._p, TABLE_CAPTION)
        add_text(para, table.caption)
    if not table.header:
        return None

    widths = column_widths(table, round(Mm(profile.text_width_mm).twips))
    out = document.add_table(rows=1 + len(table.rows), cols=len(table.header))
    out.style = document.styles["Table Grid"]
    _table_props(out, sum(widths))
    for col, width in zip(out.columns, widths, strict=True):
        col.width = Twips(width)

    # One pass over the XML instead of python-docx's per-call grid lookups.
    grid = [[_Cell(tc, out) for tc in tr.tc_lst] for tr in out._tbl.tr_lst]
    for row_idx, (tr, cells) in enumerate(zip(out._tbl.tr_lst, grid, strict=True)):
        tr_pr = tr.get_or_add_trPr()
        # Keep a row on one page; repeat the header row on every page.
        put(tr_pr, el("cantSplit"), TRPR_ORDER)
        if row_idx == 0:
            put(tr_pr, el("tblHeader"), TRPR_ORDER)
        for cell, width in zip(cells, widths, strict=True):
            cell.width = Twips(width)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    for cell, text in zip(grid[0], table.header, strict=True):
        _fill(cell, text, centred=True, bold=True)
    _fill_body(grid[1:], table, _centred_columns(table, widths, profile))
    return out


def column_widths(table: Table, total_twips: int) -> list[int]:
    """Split `total_twips` by the table's relative widths (equal when not given)."""
    n = len(table.header)
    given = len(table.widths) == n and all(w > 0 for w in table.widths)
    rel = list(table.widths) if given else [1.0] * n
    scale = total_twips / sum(rel)
    widths = [round(w * scale) for w in rel]
    widths[-1] += total_twips - sum(widths)  # rounding leftovers go to the last column
    return widths


def _fill_body(grid: list[list[_Cell]], table: Table, centred: list[bool]) -> None:
    """Write the body cells; merge_up cells continue the cell above (w:vMerge)."""
    for col in range(len(table.header)):
        anchor = None  # the cell a run of merge_up cells continues
        for cells, row in zip(grid, table.rows, strict=True):
            cell, src = cells[col], row[col]
            if src.merge_up and anchor is not None:
                anchor._tc.vMerge = "restart"
                cell._tc.vMerge = "continue"
                _fill(cell, "", centred=centred[col], bold=False)
                continue
            anchor = cell
            # merge_up in the first body row has nothing to continue: leave it empty.
            _fill(cell, "" if src.merge_up else src.text, centred=centred[col], bold=False)


def _fill(cell: _Cell, text: str, *, centred: bool, bold: bool) -> None:
    """Write `text` into the (fresh, one empty paragraph) cell, one paragraph per line."""
    align = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT
    for i, line in enumerate(clean_text(text).split("\n")):
        para = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        set_paragraph_style(para._p, TABLE_TEXT)
        para.alignment = align
        if line:
            run = add_text(para, line)
            if bold:
                run.bold = True


def _centred_columns(table: Table, widths: list[int], profile: Profile) -> list[bool]:
    """A column is centred when every body text fits on one line (周次, 日期, 负责人…)."""
    char_twips = profile.table.char_twips
    result = []
    for col, width in enumerate(widths):
        room = (width - _CELL_PADDING_TWIPS) / char_twips
        texts = [row[col].text for row in table.rows if not row[col].merge_up]
        result.append(
            all(
                text_width_chars(line) <= room
                for text in texts
                for line in clean_text(text).split("\n")
            )
        )
    return result


def _table_props(out: DocxTable, total_twips: int) -> None:
    tbl_pr = out._tbl.tblPr
    put(tbl_pr, el("tblW", w=total_twips, type="dxa"), TBLPR_ORDER)
    put(tbl_pr, el("jc", val="center"), TBLPR_ORDER)
    put(tbl_pr, el("tblInd", w=0, type="dxa"), TBLPR_ORDER)
    borders = el("tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(el(side, val="single", sz=4, space=0, color="000000"))
    put(tbl_pr, borders, TBLPR_ORDER)
    # Fixed layout: Word and LibreOffice keep our widths instead of fitting content.
    put(tbl_pr, el("tblLayout", type="fixed"), TBLPR_ORDER)
    look = tbl_pr.find(qn("w:tblLook"))
    if look is not None:
        tbl_pr.remove(look)
