"""Column widths of a table, computed from what its cells hold.

Every table wenshu writes (行事历, 具体分工, 教研组, 轮值表, 目标完成情况, 校历) goes
through the same rules, measured at the table's font size (a CJK character is 1 em,
a half-width character ½ em, plus the cell's left and right margins):

* A column is a *token* column when every line in it is short and has no clause
  punctuation: dates and date spans, 第N周, names, 职务, 教研组 names, 部分完成,
  每周二下午第三节. A token column gets the width of its longest line and never wraps.
* A *list* column holds lists of short items (王芳、陈立新、刘静, however short the
  list): it may wrap between items, never inside one. It gets at least the width of a
  few items side by side (LIST_ITEMS_PER_LINE), so that a long list is not squeezed
  into a column of one name per line by token columns around it.
* Any other column holds *long text* (工作内容, 职责, 研究主题). It gets at least the
  width of its header and of its widest unbreakable piece (a number, a Latin word).
* Long-text columns then share the remaining width in proportion to the amount of
  their text, each up to the width of its longest line; list columns get what they
  leave, the same way.
* Rows are as tall as their tallest cell, so where that split leaves one cell much
  taller than the rest (eight names four lines deep beside a one-line topic), the
  wrapping columns are instead first given the least width at which no cell is taller
  than it need be (the lowest such height any split reaches, minimums kept), and only
  the rest is shared as above. The tallest row never grows this way.
* Headers never wrap. Width left over once every column fits its longest line is
  shared by all columns in proportion to their natural width.
* When even that cannot fit (many columns, a token longer than the page), lists give
  up items per line, down to one, then the cell margins are narrowed; then the widest columns give up width down to one common
  width, so that as few columns as possible wrap (the writer breaks their tokens into
  even parts), and only when not even the headers fit is the width shared by need.
* Widths of wrapping columns are nudged so that no wrapped line holds a lone character;
  a cell where that is not enough is narrowed on the right (lone_tail_inset).

Line breaking is simulated the way Word and LibreOffice break Chinese text: between any
two CJK characters, never inside a Latin word or a number, never before closing
punctuation nor after opening punctuation.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from dataclasses import dataclass, field

# Longest line (in em) that still counts as a token: 每周二下午第三节 (8 em),
# 12月29日—1月4日 (8 em) and 整本书阅读的任务设计 (10 em) fit.
TOKEN_MAX_EM = 10.0
# A list item (a name between 、) is kept whole when it is at most this wide; between
# 、 only (the enumeration comma, never a clause break) longer items, such as school
# names (城南区实验小学), are too.
LIST_ITEM_MAX_EM = 6.0
ENUMERATION_ITEM_MAX_EM = 8.0
# Items a list column shows side by side at least, by the number of items in its
# longest list: a short list stays on one line, a long one gets lines of three names.
LIST_ITEMS_PER_LINE = {1: 1, 2: 2, 3: 3, 4: 2}
LIST_ITEMS_PER_LINE_MAX = 3
# ... but not more than this wide (about three names), so long items leave room to text.
LIST_LINE_MIN_MAX_EM = 10.0
# Narrowest a long-text column may become while there is room (characters per line).
TEXT_MIN_EM = 2.0
# Room (twips) added to every column for borders and rounding in the renderer.
SLACK_TWIPS = 20
# Left+right cell margin (each side) normally and in crowded tables, in twips.
CELL_MARGIN_TWIPS = 108
COMPACT_MARGINS_TWIPS = (57, 28)

# Clause punctuation: a line holding one of these is a sentence, not a token.
_CLAUSE = re.compile("[，。；！？：,;!?]")
# Separators of a list of short items: 陈静、王磊、赵丽.
_LIST_SEP = re.compile("[、，,；;/／]+")
# Never at the start of a line / never at its end (simplified GB/T 15834 rules).
_NO_START = set("，。、；：？！）》」』】〕〉”’…—～%‰,.;:?!)]}·°")
_NO_END = set("（《「『【〔〈“‘([{")
# Half-width characters that form one unbreakable word with their neighbours.
_WORD = re.compile(r"[A-Za-z0-9@#&%+\-._/:'·]+")


# Word and LibreOffice put a little space between Chinese and Latin letters or digits
# (LibreOffice 0.2 em, Word up to ¼ em): "12月29日" is wider than its characters.
_AUTOSPACE_EM = 0.25
_WIDE_LATIN = set("ABCDEFGHIJKLMNOPQRSTUVWXYZmw")


def char_em(ch: str) -> float:
    """Width of one character in em: wide, full-width and ambiguous 1, capitals and m/w
    ¾ (Times New Roman), other half-width characters ½."""
    if unicodedata.east_asian_width(ch) in "WFA":
        return 1.0
    return 0.75 if ch in _WIDE_LATIN else 0.5


@functools.lru_cache(maxsize=4096)
def _kind(ch: str) -> str:
    """ "c" for a CJK ideograph or kana, "l" for a Latin letter or digit, "" otherwise."""
    if ch.isascii():
        return "l" if ch.isalnum() else ""
    return "c" if unicodedata.east_asian_width(ch) == "W" and ch.isalpha() else ""


# Widths are measured over and over while wrapping (single characters above all).
@functools.lru_cache(maxsize=65536)
def text_em(text: str) -> float:
    """Width of `text` in em at its own font size, with the automatic space between
    Chinese and Latin characters."""
    width = sum(char_em(ch) for ch in text)
    kinds = [k for k in map(_kind, text)]
    switches = sum(1 for a, b in zip(kinds, kinds[1:]) if a and b and a != b)
    return width + switches * _AUTOSPACE_EM


def atoms(line: str) -> list[str]:
    """The unbreakable pieces of a line of prose, in order.

    A CJK character is a piece of its own, a Latin word or a number is one piece;
    closing punctuation sticks to the piece before it, opening punctuation to the one
    after it.
    """
    pieces: list[str] = []
    i = 0
    while i < len(line):
        m = _WORD.match(line, i)
        if m and m.end() > i:
            pieces.append(m.group())
            i = m.end()
        else:
            pieces.append(line[i])
            i += 1
    out: list[str] = []
    carry = ""
    for piece in pieces:
        if out and piece[0] in _NO_START and not carry:
            out[-1] += piece
        elif piece[-1] in _NO_END or piece.isspace():
            carry += piece
        else:
            out.append(carry + piece)
            carry = ""
    if carry:
        if out:
            out[-1] += carry
        else:
            out.append(carry)
    return out


def list_items(line: str) -> list[str] | None:
    """The items of a list line (陈静、王磊、赵丽), each with its separator; None when the
    line is not a list of short items."""
    parts = [p for p in _LIST_SEP.split(line) if p]
    enumeration = set("".join(_LIST_SEP.findall(line))) == {"、"}
    longest = ENUMERATION_ITEM_MAX_EM if enumeration else LIST_ITEM_MAX_EM
    if len(parts) < 2 or any(text_em(p) > longest for p in parts):
        return None
    if any(_CLAUSE.search(p) for p in parts):
        return None
    items = []
    pos = 0
    for part in parts:
        start = line.index(part, pos)
        end = start + len(part)
        m = _LIST_SEP.match(line, end)
        if m:
            end = m.end()
        items.append(line[start:end])
        pos = end
    return items


def is_token(line: str) -> bool:
    """A short line without clause punctuation: kept on one line whatever happens."""
    return text_em(line) <= TOKEN_MAX_EM and not _CLAUSE.search(line.rstrip("。"))


def line_pieces(line: str) -> list[str]:
    """How a line of a long-text column may break: list items whole, prose by atoms."""
    return list_items(line) or atoms(line)


def wrap(pieces: list[str], width_em: float) -> list[str]:
    """Greedy line filling of `pieces` into lines of `width_em` (a piece never splits)."""
    lines: list[str] = []
    current, current_em = "", 0.0  # the line so far and its width, trailing spaces too
    for piece in pieces:
        if current:
            # The width of current + piece without its trailing spaces, computed from
            # the parts (measuring the whole line for every piece is quadratic).
            stripped = piece.rstrip()
            if stripped:
                joint = _AUTOSPACE_EM if _switches(current[-1], stripped[0]) else 0.0
                width = current_em + text_em(stripped) + joint
            else:
                width = text_em((current + piece).rstrip())
            if width > width_em + 1e-6:
                lines.append(current)
                current, current_em = "", 0.0
        joint = _AUTOSPACE_EM if current and piece and _switches(current[-1], piece[0]) else 0.0
        current_em += text_em(piece) + joint
        current += piece
    if current or not lines:
        lines.append(current)
    return lines


def _switches(a: str, b: str) -> bool:
    """True when text_em puts the automatic space between characters `a` and `b`."""
    ka, kb = _kind(a), _kind(b)
    return bool(ka and kb and ka != kb)


def has_lone_tail(pieces: list[str], width_em: float) -> bool:
    """True when wrapping leaves a line holding a single character (with its punctuation)."""
    lines = wrap(pieces, width_em)
    if len(lines) < 2:
        return False
    return any(_letters(line) <= 1 for line in lines[1:])


def fits(pieces: list[str], width_em: float) -> bool:
    """True when the pieces stand on one line of `width_em`."""
    return text_em("".join(pieces).rstrip()) <= width_em + 1e-6


def _letters(line: str) -> int:
    return sum(1 for ch in line if ch not in _NO_START and ch not in _NO_END and not ch.isspace())


@dataclass
class Column:
    """What a column needs: its header, its kind and its body lines."""

    header: str
    lines: list[str] = field(default_factory=list)
    multi_line: bool = False  # some cell holds several lines (a list of duties)
    # The body lines cell by cell (left empty, widths follow the amount of text only).
    cells: list[list[str]] = field(default_factory=list)

    @property
    def header_em(self) -> float:
        return text_em(self.header)

    @property
    def is_token(self) -> bool:
        return all(is_token(line) for line in self.lines) and not self.is_list

    @property
    def is_list(self) -> bool:
        """Lists of short items (a few token lines among them allowed), at least one."""
        kinds = [list_items(line) is not None or is_token(line) for line in self.lines]
        return all(kinds) and any(list_items(line) is not None for line in self.lines)

    @property
    def longest_em(self) -> float:
        """The widest line, header included."""
        return max([self.header_em, *(text_em(line) for line in self.lines)])

    @property
    def widest_piece_em(self) -> float:
        """The widest piece a long-text line can not break (header included)."""
        widths = [self.header_em]
        for pieces in self.pieces():
            widths.extend(text_em(p.rstrip()) for p in pieces)
        return max(widths)

    def list_em(self, per_line: int) -> float:
        """Width that shows about `per_line` items of an average width of every list
        side by side (the whole list when shorter), its widest item, the header and the
        other lines whole."""
        widths = [self.widest_piece_em]
        for pieces in self.pieces():
            if len(pieces) > 1:
                # An item with its separator, on average: a broken line ends with one.
                whole = text_em("".join(pieces).rstrip())
                sep = text_em(pieces[0]) - text_em(_LIST_SEP.sub("", pieces[0]))
                share = min(per_line * (whole + sep) / len(pieces), LIST_LINE_MIN_MAX_EM)
                widths.append(min(whole, share))
        return max(widths)

    def list_items_per_line(self) -> int:
        """Items a line of this list column should hold at least (see LIST_ITEMS_PER_LINE)."""
        most = max((len(p) for p in self.pieces()), default=1)
        return LIST_ITEMS_PER_LINE.get(most, LIST_ITEMS_PER_LINE_MAX)

    @property
    def amount_em(self) -> float:
        """The amount of text in the column."""
        return sum(text_em(line) for line in self.lines)

    def pieces(self) -> list[list[str]]:
        """Each body line as its unbreakable pieces (a token line is one piece, also in
        a list column)."""
        if self.is_token:
            return [[line] for line in self.lines]
        if self.is_list:
            return [list_items(line) or [line] for line in self.lines]
        return [line_pieces(line) for line in self.lines]


@dataclass
class Layout:
    """Column widths (twips, summing to the table width) and the cell margin they assume."""

    widths: list[int]
    margin_twips: int
    char_twips: int

    def content_em(self, col: int, slack: bool = False) -> float:
        """Width available to text in column `col`, in em; with `slack`, less the room
        kept for borders and rounding (what sizing assumes)."""
        room = self.widths[col] - 2 * self.margin_twips - (SLACK_TWIPS if slack else 0)
        return room / self.char_twips


def layout_columns(columns: list[Column], total_twips: int, char_twips: int) -> Layout:
    """Widths for `columns` filling `total_twips` at a font whose em is `char_twips`."""
    if not columns:
        return Layout([], CELL_MARGIN_TWIPS, char_twips)
    most = max([c.list_items_per_line() for c in columns if c.is_list], default=1)
    for per_line in range(most, 0, -1):
        for margin in (CELL_MARGIN_TWIPS, *COMPACT_MARGINS_TWIPS):
            layout = _try_layout(columns, total_twips, char_twips, margin, per_line)
            if layout is not None:
                return layout
    return _squeezed(columns, total_twips, char_twips, COMPACT_MARGINS_TWIPS[0])


def _need(em: float, char_twips: int, margin: int) -> int:
    """Twips a column needs to show `em` of text on one line."""
    return math.ceil(em * char_twips) + 2 * margin + SLACK_TWIPS


def _minimum(column: Column, char_twips: int, margin: int, per_line: int = 1) -> int:
    """Twips `column` needs at least: a token column its longest line, a list column
    up to `per_line` items side by side (fewer when it wants fewer), long text its
    widest unbreakable piece."""
    if column.is_token:
        return _need(column.longest_em, char_twips, margin)
    if column.is_list:
        em = column.list_em(min(per_line, column.list_items_per_line()))
    else:
        em = column.widest_piece_em
    return _need(max(em, TEXT_MIN_EM), char_twips, margin)


def _try_layout(
    columns: list[Column], total: int, char_twips: int, margin: int, per_line: int = 1
) -> Layout | None:
    """The content layout, or None when the columns cannot all fit at their minimum."""
    natural = [_need(c.longest_em, char_twips, margin) for c in columns]
    minimum = [_minimum(c, char_twips, margin, per_line) for c in columns]
    if sum(minimum) > total:
        return None
    widths = _shared([float(m) for m in minimum], columns, total, natural)
    lower = _lowest_widths(columns, minimum, natural, total, char_twips, margin, widths)
    if lower is not None:
        widths = _shared(lower, columns, total, natural)
    spare = total - sum(widths)
    if spare > 0.5:
        # Every column fits its longest line: share what is left by natural width.
        nat_total = sum(natural)
        for i in range(len(widths)):
            widths[i] += spare * natural[i] / nat_total
    layout = Layout(_rounded(widths, total), margin, char_twips)
    _avoid_lone_tails(layout, columns, minimum)
    return layout


def _shared(
    widths: list[float], columns: list[Column], total: int, natural: list[int]
) -> list[float]:
    """`widths` with the rest of `total` shared among wrapping columns by the amount of
    their text, none beyond its natural width. Long text first: a list already shows a
    few items a line at its minimum, and grows (towards one line) only with what text
    leaves."""
    widths = list(widths)
    weights = {i: max(c.amount_em, 1e-3) for i, c in enumerate(columns) if not c.is_token}
    for wrapping in (lambda c: not c.is_token and not c.is_list, lambda c: c.is_list):
        cols = [i for i, c in enumerate(columns) if wrapping(c)]
        _water_fill(widths, total - sum(widths), cols, weights, natural)
    return widths


def cell_height(column: Column, lines: list[str], room_em: float) -> int:
    """Lines a cell of `column` holding `lines` takes at a text width of `room_em`: a
    token line stands on one line, a list breaks between items, prose between atoms."""
    token = column.is_token
    return sum(len(wrap([line] if token else line_pieces(line), room_em)) for line in lines if line)


def _lowest_widths(
    columns: list[Column],
    minimum: list[int],
    natural: list[int],
    total: int,
    char_twips: int,
    margin: int,
    shared: list[float],
) -> list[float] | None:
    """Widths at which the tallest cell is as short as any split of `total` allows: each
    wrapping column as narrow as that height lets it be (never below its minimum), the
    other columns at their minimum. None when the proportional split `shared` (_shared
    from the minimums) already reaches that height."""
    wrapping = [i for i, c in enumerate(columns) if not c.is_token]
    # Without the cells (which lines share a row) heights cannot be told.
    if len(wrapping) < 2 or not all(columns[i].cells for i in wrapping):
        return None
    # Each different cell once: a table may repeat one many times.
    cells = {i: list(dict.fromkeys(tuple(c) for c in columns[i].cells if c)) for i in wrapping}
    seen: dict[tuple[int, float], int] = {}

    def tallest(col: int, width: float) -> int:
        if (col, width) not in seen:
            room = (width - 2 * margin - SLACK_TWIPS) / char_twips
            heights = (cell_height(columns[col], list(cell), room) for cell in cells[col])
            seen[col, width] = max(heights, default=1)
        return seen[col, width]

    def narrowest(col: int, height: int) -> int | None:
        """The least width from the minimum at which no cell of `col` is taller."""
        lo, hi = minimum[col], max(natural[col], minimum[col])
        if tallest(col, lo) <= height:
            return lo
        if tallest(col, hi) > height:
            return None
        while hi - lo > 1:
            mid = (lo + hi) // 2
            lo, hi = (lo, mid) if tallest(col, mid) <= height else (mid, hi)
        return hi

    now = max(tallest(i, shared[i]) for i in wrapping)
    fixed = sum(m for i, m in enumerate(minimum) if i not in cells)

    def split(height: int) -> list[float] | None:
        """The widths at which no cell is taller than `height`, if they fit."""
        needs = [narrowest(i, height) for i in wrapping]
        if None in needs or fixed + sum(needs) > total:  # type: ignore[operator]
            return None
        out = [float(m) for m in minimum]
        for i, w in zip(wrapping, needs):
            out[i] = float(w)  # type: ignore[arg-type]
        return out

    # Fitting is monotonic in the height: find the lowest that fits by bisection.
    best, lo, hi = None, 0, now
    while hi - lo > 1:
        mid = (lo + hi) // 2
        found = split(mid)
        lo, hi, best = (lo, mid, found) if found is not None else (mid, hi, best)
    return best


def _water_fill(
    widths: list[float],
    room: float,
    cols: list[int],
    weights: dict[int, float],
    caps: list[int],
) -> None:
    """Give `room` to `cols` in proportion to `weights`, none beyond its cap."""
    active = [i for i in cols if widths[i] < caps[i]]
    while room > 0.5 and active:
        total_weight = sum(weights[i] for i in active)
        capped = []
        for i in active:
            share = room * weights[i] / total_weight
            if widths[i] + share >= caps[i]:
                capped.append(i)
        if not capped:
            for i in active:
                widths[i] += room * weights[i] / total_weight
            return
        for i in capped:
            room -= caps[i] - widths[i]
            widths[i] = float(caps[i])
        active = [i for i in active if i not in capped]


def _squeezed(columns: list[Column], total: int, char_twips: int, margin: int) -> Layout:
    """Layout for tables whose tokens cannot all fit. The widest columns give up width
    first, down to one common width (so as few columns as possible wrap and short
    tokens such as 第3周 stay whole), never below their header; only when even the
    headers cannot fit is the width shared in proportion to need."""
    natural = [_need(c.longest_em, char_twips, margin) for c in columns]
    minimum = [_minimum(c, char_twips, margin) for c in columns]
    # A list keeps its widest item whole (a name is never broken); other columns
    # may come down to their header.
    floor = [
        m if c.is_list else min(m, _need(max(c.header_em, TEXT_MIN_EM), char_twips, margin))
        for c, m in zip(columns, minimum)
    ]
    if sum(floor) > total:
        widths = [total * n / sum(natural) for n in natural]
        return Layout(_rounded(widths, total), margin, char_twips)
    # The common width `level`: every column min(minimum, level), floors kept.
    lo, hi = 0.0, float(max(minimum))
    for _ in range(40):
        level = (lo + hi) / 2
        used = sum(max(f, min(m, level)) for m, f in zip(minimum, floor))
        lo, hi = (level, hi) if used <= total else (lo, level)
    widths = [max(f, min(m, lo)) for m, f in zip(minimum, floor)]
    spare = total - sum(widths)
    capped = [i for i, (w, m) in enumerate(zip(widths, minimum)) if w < m]
    for i in capped or range(len(widths)):
        widths[i] += spare / len(capped or widths)
    return Layout(_rounded(widths, total), margin, char_twips)


def _rounded(widths: list[float], total: int) -> list[int]:
    """Whole twips summing exactly to `total` (largest remainders get the leftovers)."""
    floors = [math.floor(w) for w in widths]
    short = total - sum(floors)
    order = sorted(range(len(widths)), key=lambda i: widths[i] - floors[i], reverse=True)
    for i in order[: max(short, 0)]:
        floors[i] += 1
    return floors


# Times New Roman draws these narrower than the ½ em the sizing counts ("1." is about
# ¾ em), so a renderer may fit that much more on a line than the sizing expects.
_NARROW = frozenset(".,:;'!()[]|/ ")
_NARROW_SAVING_EM = 0.25


def _rooms(layout: Layout, col: int, pieces: list[str]) -> tuple[float, ...]:
    """Widths (em) at which a renderer may break a line of column `col`: the full width,
    less the slack, and (for a line with narrow Latin punctuation) a little more."""
    rooms = (layout.content_em(col), layout.content_em(col, slack=True))
    saving = _NARROW_SAVING_EM * sum(ch in _NARROW for ch in "".join(pieces))
    return (*rooms, rooms[0] + saving) if saving else rooms


def _lone(layout: Layout, column: Column, col: int, width: int | None = None) -> bool:
    """Would some line of `column` leave a lone character at `width` (default: its own)?
    Checked at each width a renderer may break at (see _rooms)."""
    saved = layout.widths[col]
    if width is not None:
        layout.widths[col] = width
    try:
        return any(
            has_lone_tail(p, room) for p in column.pieces() for room in _rooms(layout, col, p)
        )
    finally:
        layout.widths[col] = saved


def _avoid_lone_tails(layout: Layout, columns: list[Column], minimum: list[int]) -> None:
    """Move half-characters of width between columns until no wrapped line is a lone
    character: a long-text column widens (taking spare width from the others) or
    narrows (sharing the width among the others) by at most 2 em. A change that would
    give another column a lone character is not taken."""
    step = layout.char_twips // 2
    for col, column in enumerate(columns):
        if column.is_token or not _lone(layout, column, col):
            continue
        for k in range(1, 5):
            if any(_shift(layout, columns, minimum, col, d) for d in (k * step, -k * step)):
                break


def _shift(layout: Layout, columns: list[Column], minimum: list[int], col: int, delta: int) -> bool:
    """Change column `col` by `delta` twips, the others making up the difference in
    proportion to their spare width (or their width when they receive). Applied and
    True only when no column then has a lone character or falls below its minimum."""
    new = layout.widths[col] + delta
    if new < minimum[col] or _lone(layout, columns[col], col, new):
        return False
    others = [i for i in range(len(columns)) if i != col]
    if delta > 0:
        weights = {i: max(layout.widths[i] - minimum[i], 0) for i in others}
    else:
        weights = {i: layout.widths[i] for i in others}
    total = sum(weights.values())
    if total <= 0 or (delta > 0 and total < delta):
        return False
    trial = list(layout.widths)
    trial[col] = new
    for i in others:
        trial[i] -= delta * weights[i] / total
    widths = _rounded(trial, sum(layout.widths))
    if any(widths[i] < minimum[i] for i in others):
        return False
    saved = layout.widths
    layout.widths = widths
    if any(not columns[i].is_token and _lone(layout, columns[i], i) for i in others):
        layout.widths = saved
        return False
    return True


def lone_tail_inset(layout: Layout, col: int, lines: list[str]) -> float:
    """Extra right inset (em) that keeps the cell `lines` of long-text column `col` from
    ending a wrapped line on a lone character; 0 when none is needed or none helps.

    The column width is shared by every row; one cell can still be made a little
    narrower on the right (its left edge, where the eye reads, stays aligned)."""
    pieces = [line_pieces(line) for line in lines]
    if not any(has_lone_tail(p, r) for p in pieces for r in _rooms(layout, col, p)):
        return 0.0
    for k in range(1, 7):
        extra = k * 0.5
        if extra > layout.content_em(col, slack=True) / 3:
            break
        if not any(has_lone_tail(p, r - extra) for p in pieces for r in _rooms(layout, col, p)):
            return extra
    return 0.0


def balanced(pieces: list[str], width_em: float) -> list[str]:
    """`pieces` wrapped into as few lines of `width_em` as greedy filling needs, the
    lines made about equally long (no short last line: 道德与 / 法治, not 道德与法 / 治)."""
    lines = wrap(pieces, width_em)
    if len(lines) < 2:
        return lines
    width = text_em("".join(pieces)) / len(lines)
    while width < width_em:
        even = wrap(pieces, width)
        if len(even) == len(lines):
            return even
        width += 0.5
    return lines


def break_token(line: str, width_em: float) -> list[str]:
    """A token wider than its column (a crowded table) broken into lines of about equal
    length, so that no line is left with a lone character: 道德与法治 → 道德与 / 法治."""
    lines = balanced(atoms(line), width_em)
    return lines if len(lines) > 1 else [line]


def break_list_line(line: str, width_em: float) -> list[str]:
    """A list line (陈静、王磊、赵丽) broken between items into lines of about equal
    length that fit `width_em`, so that a renderer, which may break between any two
    Chinese characters, never splits a name. Other lines come back whole."""
    items = list_items(line)
    if items is None or fits(items, width_em):
        return [line]
    return [part.rstrip() for part in balanced(items, width_em)]


def wraps(layout: Layout, column: Column, col: int) -> bool:
    """True when some line of `column` does not stand on one line at its width."""
    room = layout.content_em(col)
    return not all(fits(pieces, room) for pieces in column.pieces())
