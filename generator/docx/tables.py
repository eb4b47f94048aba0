"""Tables (行事历, 具体分工, …): full width, ruled, header repeated, vertical merges."""

from __future__ import annotations

from docx.shared import Mm

from ..doctree import Table
from .ooxml import clean_text, paragraph_xml, text_run_xml, text_width_chars
from .profiles import Profile
from .styles import TABLE_CAPTION, TABLE_TEXT

# Default left+right cell padding of python-docx's template (108 twips each side).
_CELL_PADDING_TWIPS = 216

_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)


def table_xml(table: Table, profile: Profile) -> str:
    """XML of `table` (with its caption line, if any) for the document body.

    A table without columns has nothing to show: only its caption is written.
    The table is "Table Grid", full text width with fixed layout, ruled, rows kept
    on one page, the header row repeated on every page, cells centred vertically;
    merge_up cells continue the cell above (w:vMerge).
    """
    out = []
    if table.caption:
        out.append(paragraph_xml(TABLE_CAPTION, text_run_xml(table.caption)))
    if not table.header:
        return "".join(out)

    widths = column_widths(table, round(Mm(profile.text_width_mm).twips))
    out.append(
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/>'
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        f'<w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>{_BORDERS}</w:tblBorders>'
        # Fixed layout: Word and LibreOffice keep our widths instead of fitting content.
        '<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>'
    )
    out.extend(f'<w:gridCol w:w="{w}"/>' for w in widths)
    out.append("</w:tblGrid>")
    tc_ws = [f'<w:tcW w:type="dxa" w:w="{w}"/>' for w in widths]

    # Keep a row on one page; repeat the header row on every page.
    out.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
    for tc_w, text in zip(tc_ws, table.header, strict=True):
        out.append(_cell_xml(tc_w, "", text, centred=True, bold=True))
    out.append("</w:tr>")

    centred = _centred_columns(table, widths, profile)
    merges = _vertical_merges(table)
    for row, row_merges in zip(table.rows, merges, strict=True):
        out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        for col, (tc_w, merge) in enumerate(zip(tc_ws, row_merges, strict=True)):
            src = row[col]
            # A merge_up cell (also one with nothing above to continue) stays empty.
            text = "" if src.merge_up else src.text
            out.append(_cell_xml(tc_w, merge, text, centred=centred[col], bold=False))
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def column_widths(table: Table, total_twips: int) -> list[int]:
    """Split `total_twips` by the table's relative widths (equal when not given)."""
    n = len(table.header)
    given = len(table.widths) == n and all(w > 0 for w in table.widths)
    rel = list(table.widths) if given else [1.0] * n
    scale = total_twips / sum(rel)
    widths = [round(w * scale) for w in rel]
    widths[-1] += total_twips - sum(widths)  # rounding leftovers go to the last column
    return widths


def _vertical_merges(table: Table) -> list[list[str]]:
    """The w:vMerge of every body cell: "restart", "continue" or "" (none)."""
    merges = [[""] * len(table.header) for _ in table.rows]
    for col in range(len(table.header)):
        anchor = None  # row of the cell a run of merge_up cells continues
        for row_idx, row in enumerate(table.rows):
            if row[col].merge_up and anchor is not None:
                merges[anchor][col] = "restart"
                merges[row_idx][col] = "continue"
                continue
            anchor = row_idx
    return merges


_V_MERGE = {"": "", "restart": '<w:vMerge w:val="restart"/>', "continue": "<w:vMerge/>"}


def _cell_xml(tc_w: str, merge: str, text: str, *, centred: bool, bold: bool) -> str:
    """A w:tc holding `text`, one TableText paragraph per line."""
    jc = "center" if centred else "left"
    paras = "".join(
        paragraph_xml(TABLE_TEXT, text_run_xml(line, bold=bold) if line else "", jc=jc)
        for line in clean_text(text).split("\n")
    )
    return f'<w:tc><w:tcPr>{tc_w}{_V_MERGE[merge]}<w:vAlign w:val="center"/></w:tcPr>{paras}</w:tc>'


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
