"""Rows of a table that belong together: the rows a vertically merged cell spans.

A merged cell (the 月份 of a 行事历 over its activities) shows its text once, in its
first row. When a page break falls inside the merge, Word and LibreOffice draw the
rows on the new page with an empty cell: the reader no longer knows which month they
belong to. So every merged group is kept on one page (its rows keep with the next
one); a group too tall for a page is cut into chunks that each fit, and each chunk
after the first repeats the merged cells' text, marked （续）.

Page positions are unknown when the file is written, so heights are estimated in
table lines, on the safe side (see TABLE_LINE_TWIPS).
"""

from __future__ import annotations

from docx.shared import Mm

from .profiles import Profile

# Height of one line of table text (小四) in a cell: LibreOffice with common CJK fonts
# draws about 17.8 pt, Word with 宋体 less. The larger one keeps estimates safe.
TABLE_LINE_TWIPS = 360
# Share of a page a chunk may fill: room for misjudged wrapping and row borders.
PAGE_SHARE = 0.85
# Marks the cells that repeat a merged cell's text on a later page.
CONTINUED = "（续）"


def page_lines(profile: Profile, header_lines: int) -> int:
    """Table lines a kept-together chunk may hold: the text block less the header row,
    which is repeated at the top of every page."""
    text = Mm(profile.text_height_mm).twips
    lines = text / TABLE_LINE_TWIPS - header_lines
    return max(1, int(lines * PAGE_SHARE))


def merge_groups(merges: list[list[str]]) -> list[tuple[int, int]]:
    """[start, end) row ranges bound by vertical merges: a row whose cell continues a
    merge belongs to the group of the row above. Rows in no merge are groups of one."""
    groups: list[tuple[int, int]] = []
    for row, cells in enumerate(merges):
        if groups and "continue" in cells:
            groups[-1] = (groups[-1][0], row + 1)
        else:
            groups.append((row, row + 1))
    return groups


def chunks(start: int, end: int, heights: list[int], limit: int) -> list[tuple[int, int]]:
    """The rows [start, end) cut into as few runs as possible of at most `limit` lines
    (a single taller row stands alone), the runs about equally tall."""
    total = sum(heights[start:end])
    if total <= limit:
        return [(start, end)]
    count = -(-total // limit)
    even = _fill(start, end, heights, -(-total // count))
    # Rows of uneven height may not share out evenly: then fill each run to the limit.
    return even if len(even) <= count else _fill(start, end, heights, limit)


def page_runs(
    groups: list[tuple[int, int]], heights: list[int], first: int, limit: int
) -> list[tuple[int, int]]:
    """Runs of rows to keep on one page, for a table whose position on its first page is
    known (a form starts a page): `first` is the height left there, `limit` what each
    later page holds (any unit, the one of `heights`).

    A group stays where it is when it fits the rest of the page, else starts the next
    page when it fits a page; a taller group fills the rest of the page it starts on and
    then page after page, so that only what a page cannot hold is carried over."""
    return _placed(groups, heights, first, limit)[0]


def last_page_room(
    groups: list[tuple[int, int]], heights: list[int], first: int, limit: int
) -> int:
    """The height page_runs leaves free on the table's last page."""
    return _placed(groups, heights, first, limit)[1]


def _placed(
    groups: list[tuple[int, int]], heights: list[int], first: int, limit: int
) -> tuple[list[tuple[int, int]], int]:
    runs: list[tuple[int, int]] = []
    room = first
    for start, end in groups:
        total = sum(heights[start:end])
        if room < total <= limit or room < heights[start]:
            room = limit  # kept whole on the next page
        if total <= room:
            runs.append((start, end))
            room -= total
            continue
        run, used = start, 0
        for row in range(start, end):
            if row > run and used + heights[row] > room:
                runs.append((run, row))
                run, used, room = row, 0, limit
            used += heights[row]
        runs.append((run, end))
        room = max(room - used, 0)
    return runs, room


def _fill(start: int, end: int, heights: list[int], cap: int) -> list[tuple[int, int]]:
    """Greedy runs of rows of at most `cap` lines."""
    out: list[tuple[int, int]] = []
    first, used = start, 0
    for row in range(start, end):
        if row > first and used + heights[row] > cap:
            out.append((first, row))
            first, used = row, 0
        used += heights[row]
    out.append((first, end))
    return out


def split_merges(merges: list[list[str]], texts: list[list[str]], cuts: list[int]) -> None:
    """Restart every merge running across a row in `cuts`: the cell there repeats the
    merged text, marked （续）. `merges` and `texts` are changed in place."""
    # Last cut first: each then still finds the merge's own first cell above it.
    for row in sorted(cuts, reverse=True):
        for col, merge in enumerate(merges[row]):
            if merge != "continue":
                continue
            anchor = row - 1
            while merges[anchor][col] == "continue":
                anchor -= 1
            texts[row][col] = continued(texts[anchor][col])
            below = row + 1 < len(merges) and merges[row + 1][col] == "continue"
            merges[row][col] = "restart" if below else ""


def continued(text: str) -> str:
    """The text of a merged cell where it is repeated on a later page: 3月 → 3月（续）,
    the mark on a line of its own so that a narrow column need not widen."""
    return f"{text}\n{CONTINUED}" if text else ""
