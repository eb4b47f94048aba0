"""Tables (行事历, 具体分工, …): full width, ruled, header repeated, widths from content.

Every table is written the same way (one table style, one set of borders and cell
margins); only the column widths and the alignment of each column follow its content.
"""

from __future__ import annotations

from docx.shared import Mm

from ..doctree import Table
from .colwidths import (
    Column,
    Layout,
    break_list_line,
    break_token,
    cell_height,
    layout_columns,
    lone_tail_inset,
    wraps,
)
from .ooxml import clean_text, paragraph_xml, text_run_xml
from .profiles import Profile
from .rowgroups import CONTINUED, chunks, merge_groups, page_lines, split_merges
from .styles import TABLE_CAPTION, TABLE_TEXT

TABLE_STYLE = "TableGrid"
# Tables up to this many lines (about a third of a page of table text) are not split.
KEEP_TOGETHER_LINES = 16
# Height of an empty body row: room for a line of handwriting (12 mm).
BLANK_ROW_TWIPS = 680

_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)


def table_xml(table: Table, profile: Profile) -> str:
    """XML of `table` (with its caption line, if any) for the document body.

    A table without columns has nothing to show: only its caption is written.
    The table is full text width with fixed layout, ruled, rows kept on one page,
    the header row repeated on every page, cells centred vertically; merge_up cells
    continue the cell above (w:vMerge). Columns whose text wraps, or whose cells hold
    several lines, are left-aligned; the others and the header are centred.
    """
    out = []
    if table.caption:
        out.append(paragraph_xml(TABLE_CAPTION, text_run_xml(table.caption)))
    if not table.header:
        return "".join(out)

    columns = table_columns(table)
    merges = _vertical_merges(table)
    layout, texts, runs = _paginated(table, profile, columns, merges)
    widths, margin = layout.widths, layout.margin_twips
    out.append(table_start_xml(widths, margin))
    tc_ws = [f'<w:tcW w:type="dxa" w:w="{w}"/>' for w in widths]
    aligns = column_alignments(layout, columns)
    # A short table is not split across pages: every row but the last keeps with the
    # next one. In a longer one, so do the rows of each run (a merged group).
    keep = 1 + sum(_row_lines(layout, columns, row) for row in texts) <= KEEP_TOGETHER_LINES
    run_ends = {end - 1 for _, end in runs}

    # Keep a row on one page; repeat the header row on every page.
    out.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
    for tc_w, text in zip(tc_ws, table.header, strict=True):
        # The header row always keeps with the first row: never alone at a page foot.
        out.append(_cell_xml(tc_w, text, jc="center", bold=True, keep_next=True))
    out.append("</w:tr>")

    for r, (row, row_merges) in enumerate(zip(texts, merges, strict=True)):
        last = r == len(texts) - 1
        keep_row = not last and (keep or r not in run_ends)
        # A row with nothing in it is space to write in by hand (a 回执, a sign-in sheet).
        height = "" if any(row) else f'<w:trHeight w:val="{BLANK_ROW_TWIPS}" w:hRule="atLeast"/>'
        out.append(f"<w:tr><w:trPr><w:cantSplit/>{height}</w:trPr>")
        for col, (tc_w, merge, text) in enumerate(zip(tc_ws, row_merges, row, strict=True)):
            inset = 0
            if text and not columns[col].is_token:
                lines = [line for line in text.split("\n") if line]
                inset = round(lone_tail_inset(layout, col, lines) * layout.char_twips)
            mar = (
                f'<w:tcMar><w:right w:w="{margin + inset}" w:type="dxa"/></w:tcMar>'
                if inset
                else ""
            )
            props = tc_w + merge_xml(merge) + mar
            out.append(_cell_xml(props, text, jc=aligns[col], keep_next=keep_row))
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _paginated(
    table: Table, profile: Profile, columns: list[Column], merges: list[list[str]]
) -> tuple[Layout, list[list[str]], list[tuple[int, int]]]:
    """The layout, the cell texts and the runs of rows kept on one page.

    Rows bound by a vertical merge form a run; a run taller than a page is cut into
    chunks, and where a cut falls inside a merge the cell restarts with its text marked
    （续） (see rowgroups). `merges` are changed accordingly. The columns then also hold
    the mark, so that it fits its column."""
    layout = table_layout(table, profile, columns)
    texts = _cell_texts(table, layout, columns)
    runs = _runs(layout, columns, texts, merges, profile)
    cuts = [start for start, _ in runs if "continue" in merges[start]]
    if not cuts:
        return layout, texts, runs
    for col in {c for row in cuts for c, m in enumerate(merges[row]) if m == "continue"}:
        columns[col].lines.append(CONTINUED)
    layout = table_layout(table, profile, columns)
    texts = _cell_texts(table, layout, columns)
    runs = _runs(layout, columns, texts, merges, profile)
    split_merges(merges, texts, [start for start, _ in runs if "continue" in merges[start]])
    return layout, texts, runs


def _cell_texts(table: Table, layout: Layout, columns: list[Column]) -> list[list[str]]:
    """The text of every body cell as written; a merge_up cell (also one with nothing
    above to continue) stays empty."""
    return [
        [
            "" if cell.merge_up else _broken_lists(cell.text, layout, columns[col], col)
            for col, cell in enumerate(row)
        ]
        for row in table.rows
    ]


def _runs(
    layout: Layout,
    columns: list[Column],
    texts: list[list[str]],
    merges: list[list[str]],
    profile: Profile,
) -> list[tuple[int, int]]:
    """[start, end) runs of rows to keep on one page: merged groups, cut to fit a page."""
    heights = [_row_lines(layout, columns, row) for row in texts]
    limit = page_lines(profile, header_lines=1)
    return [run for group in merge_groups(merges) for run in chunks(*group, heights, limit)]


def table_start_xml(widths: list[int], margin: int) -> str:
    """The opening of a ruled, full-width table with fixed column `widths` (twips) and
    left/right cell margins: w:tbl, its properties and grid. Every table and form the
    project writes starts this way, so all share one look."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{TABLE_STYLE}"/>'
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        f'<w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>{_BORDERS}</w:tblBorders>'
        # Fixed layout: Word and LibreOffice keep our widths instead of fitting content.
        '<w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{margin}" w:type="dxa"/>'
        f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{margin}" w:type="dxa"/></w:tblCellMar>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
    )


def _row_lines(layout: Layout, columns: list[Column], row: list[str]) -> int:
    """Estimated height of a row in lines: its tallest cell."""
    return max(
        1,
        *(
            cell_height(columns[col], text.split("\n"), layout.content_em(col, slack=True))
            for col, text in enumerate(row)
        ),
    )


def _broken_lists(text: str, layout: Layout, column: Column, col: int) -> str:
    """`text` with the breaks a renderer would get wrong made by hand: list lines
    (member names) between items, tokens too wide for a crowded table into even parts."""
    room = layout.content_em(col, slack=True)
    lines = clean_text(text).split("\n")
    split = break_token if column.is_token else break_list_line
    return "\n".join(part for line in lines for part in split(line, room))


def table_columns(table: Table) -> list[Column]:
    """The header and the non-empty body lines of each column."""
    columns = [Column(clean_text(h)) for h in table.header]
    for row in table.rows:
        for column, cell in zip(columns, row):
            if cell.merge_up:
                continue
            lines = [line for line in clean_text(cell.text).split("\n") if line]
            column.lines.extend(lines)
            column.cells.append(lines)
            column.multi_line = column.multi_line or len(lines) > 1
    return columns


def table_layout(table: Table, profile: Profile, columns: list[Column] | None = None) -> Layout:
    """Column widths of `table` across the text width of `profile`."""
    total = round(Mm(profile.text_width_mm).twips)
    return layout_columns(
        columns if columns is not None else table_columns(table),
        total,
        profile.table.char_twips,
    )


def column_alignments(layout: Layout, columns: list[Column]) -> list[str]:
    """w:jc of each column's body cells: "left" when some cell wraps or holds several
    lines (a list of duties), "center" for columns of short single-line cells."""
    out = []
    for col, column in enumerate(columns):
        # Left, not justified: a narrow cell would stretch a line ending before an
        # unbreakable "100%，" into widely spaced characters.
        out.append("left" if column.multi_line or wraps(layout, column, col) else "center")
    return out


def merge_anchors(table: Table) -> dict[tuple[int, int], int]:
    """The row of the cell each continuing body cell continues, by (row, column): a run
    of merge_up cells continues the cell above its first."""
    out: dict[tuple[int, int], int] = {}
    for col in range(len(table.header)):
        anchor = None  # row of the cell a run of merge_up cells continues
        for row_idx, row in enumerate(table.rows):
            if row[col].merge_up and anchor is not None:
                out[row_idx, col] = anchor
                continue
            anchor = row_idx
    return out


def _vertical_merges(table: Table) -> list[list[str]]:
    """The w:vMerge of every body cell: "restart", "continue" or "" (none)."""
    merges = [[""] * len(table.header) for _ in table.rows]
    for (row_idx, col), anchor in merge_anchors(table).items():
        merges[anchor][col] = "restart"
        merges[row_idx][col] = "continue"
    return merges


_V_MERGE = {"": "", "restart": '<w:vMerge w:val="restart"/>', "continue": "<w:vMerge/>"}


def merge_xml(merge: str) -> str:
    """The w:vMerge of a cell: "restart", "continue" or "" (none)."""
    return _V_MERGE[merge]


def _cell_xml(
    props: str, text: str, *, jc: str, bold: bool = False, keep_next: bool = False
) -> str:
    """A w:tc holding `text`, one TableText paragraph per line; `props` are the tcPr
    children before w:vAlign (tcW, vMerge, tcMar)."""
    paras = "".join(
        paragraph_xml(
            TABLE_TEXT,
            text_run_xml(line, bold=bold) if line else "",
            jc=jc,
            keep_next=True if keep_next else None,
        )
        for line in clean_text(text).split("\n")
    )
    return f'<w:tc><w:tcPr>{props}<w:vAlign w:val="center"/></w:tcPr>{paras}</w:tc>'
