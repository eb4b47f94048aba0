"""Rewriting mentions of the old period inside free text.

Only mentions that clearly name the spec's own period are changed (the old 学年 range,
the old term's season, a year–month or a date inside the old term, the 年度 of a 年度
plan…). Other years, planning periods (十四五), placeholders (20xx) and dates outside the
period are left alone and flagged for review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..spec.common import Period
from .dates import DateMover, format_like, parse_like
from .period import own_years, school_start

_DASH = r"[-–—~～－至到]"
_TERM_WORD = r"第[一二12]学期|[上下]学期"

# Order matters: at one position the first alternative that matches wins, so full dates
# come before year–month, which comes before a bare "2024年".
_ALTERNATIVES = [
    (
        "date",
        r"(?<!\d)\d{4}(?:(?P<d_sep>[-/.])\d{1,2}(?P=d_sep)\d{1,2}|年\d{1,2}月\d{1,2}[日号])(?!\d)",
    ),
    (
        "range",
        rf"(?<!\d)(?P<r_a>\d{{4}})(?P<r_mid>\s*年?\s*{_DASH}\s*)(?P<r_b>\d{{4}}|\d{{2}})(?!\d)"
        rf"(?P<r_tail>\s*年(?!度))?(?P<r_sy>学年度|学年|年度)?(?P<r_term>{_TERM_WORD})?",
    ),
    ("ym", r"(?<!\d)(?P<m_y>\d{4})年(?P<m_m>\d{1,2})月"),
    (
        "season",
        r"(?<!\d)(?P<s_y>\d{4})(?P<s_nian>年?)"
        r"(?P<s_w>秋季|春季|秋(?![节游收运])|春(?![节游晚运联耕]))",
    ),
    ("brk", r"(?<!\d)(?P<b_y>\d{4})年(?P<b_w>寒假|暑假)"),
    ("yeardu", r"(?<!\d)(?P<yd_y>\d{4})年度"),
    ("yearwork", r"(?<!\d)(?P<yw_y>\d{4})(?=年(?:工作|全年|上半年|下半年|第[一二三四]季度))"),
    ("sy", rf"(?<!\d)(?P<sy_y>\d{{4}})学年(?P<sy_du>度)?(?P<sy_term>{_TERM_WORD})?"),
    ("year", r"(?<!\d)(?P<y_y>(?:19|20)\d{2})(?=年|级|届|版)"),
    ("ph", r"20[xX×＊*]{2}|[12]\d[xX]{2}(?=年)"),
    ("fyp", r"十[一二三四五六七八九]五"),
    ("termword", rf"{_TERM_WORD}|秋季学期|春季学期"),
]
_PATTERN = re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in _ALTERNATIVES))

_TERM_STYLES = [
    ("第一学期", "第二学期"),
    ("第1学期", "第2学期"),
    ("上学期", "下学期"),
    ("秋季学期", "春季学期"),
    ("秋季", "春季"),
    ("秋", "春"),
]


def term_word(word: str, term: int) -> str:
    """`word` (a term name like 第一学期 / 上学期 / 秋季) rewritten for `term`, same style."""
    for pair in _TERM_STYLES:
        if word in pair:
            return pair[term - 1]
    return word


def word_term(word: str) -> int | None:
    """The term a term word names (第一学期 → 1, 春季 → 2), or None."""
    for pair in _TERM_STYLES:
        if word in pair:
            return pair.index(word) + 1
    return None


@dataclass
class Flag:
    """A span of the rewritten text that needs a human look."""

    start: int
    end: int
    reason: str


@dataclass
class Edit:
    """One replacement; `start` is its offset in the rewritten text."""

    start: int
    before: str
    after: str


@dataclass
class Rewrite:
    """The rewritten text with what changed and what to review."""

    text: str
    edits: list[Edit] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)


class MentionRewriter:
    """Rewrites old-period mentions in text for one old → new rollover."""

    def __init__(self, old: Period, new: Period, mover: DateMover):
        self.old, self.new, self.mover = old, new, mover
        self.is_term = old.year is None
        self.term_changed = old.term != new.term
        self.old_years = own_years(old)

    # Each handler returns (replacement or None, review reason or None).

    def _date(self, m: re.Match) -> tuple[str | None, str | None]:
        text = m.group(0)
        d = parse_like(text)
        rng = self.old.date_range()
        if d is None or rng is None:
            return None, None
        if not rng[0] <= d <= rng[1]:
            return None, f"日期不在{self.old.period_text()}内，未改动"
        moved = self.mover.move(d)
        return format_like(text, moved.date), moved.note

    def _range(self, m: re.Match) -> tuple[str | None, str | None]:
        a, b_text = int(m["r_a"]), m["r_b"]
        b = int(b_text) if len(b_text) == 4 else a // 100 * 100 + int(b_text)
        if b != a + 1:
            if len(b_text) == 2 or b < a:
                return None, None  # 2024-09 and the like: not a range of years
            return None, f"跨年份的时段（{a}—{b}），可能是规划期，未改动"
        if not self.is_term or a != school_start(self.old):
            return None, f"{a}—{b}学年不是本计划的学年（{self.old.period_text()}），未改动"
        na = school_start(self.new)
        nb = str(na + 1) if len(b_text) == 4 else f"{(na + 1) % 100:02d}"
        tail = "".join(m[g] or "" for g in ("r_tail", "r_sy"))
        term = m["r_term"]
        if term:
            term = term_word(term, self.new.term) if word_term(term) == self.old.term else term
        return f"{na}{m['r_mid']}{nb}{tail}{term or ''}", None

    def _ym(self, m: re.Match) -> tuple[str | None, str | None]:
        y, mo = int(m["m_y"]), int(m["m_m"])
        if not 1 <= mo <= 12:
            return None, None
        if not self.is_term:
            if y == self.old.year:
                return f"{self.new.year}年{m['m_m']}月", None
            return None, f"{y}年不是本计划的年度（{self.old.year}年），未改动"
        if mo not in self.old.months() or self.old.year_of_month(mo) != y:
            return None, f"{y}年{mo}月不在{self.old.period_text()}内，未改动"
        if self.term_changed:
            return None, f"{y}年{mo}月属于原学期，新学期为{self.new.term_name()}，请改写"
        return f"{self.new.year_of_month(mo)}年{m['m_m']}月", None

    def _season(self, m: re.Match) -> tuple[str | None, str | None]:
        y, word = int(m["s_y"]), m["s_w"]
        if not self.is_term:
            if y == self.old.year:
                return f"{self.new.year}{m['s_nian']}{word}", None
            return None, f"{y}年不是本计划的年度（{self.old.year}年），未改动"
        term = word_term(word)
        own = school_start(self.old) + (0 if term == 1 else 1)
        if term != self.old.term or y != own:
            return None, f"“{m.group(0)}”不是本计划的学期（{self.old.period_text()}），未改动"
        new_year = school_start(self.new) + (0 if self.new.term == 1 else 1)
        return f"{new_year}{m['s_nian']}{term_word(word, self.new.term)}", None

    def _brk(self, m: re.Match) -> tuple[str | None, str | None]:
        y, word = int(m["b_y"]), m["b_w"]
        if not self.is_term:
            if y == self.old.year:
                return f"{self.new.year}年{word}", None
            return None, f"{y}年不是本计划的年度（{self.old.year}年），未改动"
        # The 寒假 that ends 第一学期 and the 暑假 that ends 第二学期 belong to the term.
        own_word = "寒假" if self.old.term == 1 else "暑假"
        if word == own_word and y == school_start(self.old) + 1 and not self.term_changed:
            return f"{school_start(self.new) + 1}年{word}", None
        return None, f"“{m.group(0)}”不能确定是否指本学期的假期，未改动"

    def _yeardu(self, m: re.Match) -> tuple[str | None, str | None]:
        y = int(m["yd_y"])
        if not self.is_term and y == self.old.year:
            return f"{self.new.year}年度", None
        return None, f"“{y}年度”不能确定是否指本计划的时段，未改动"

    def _yearwork(self, m: re.Match) -> tuple[str | None, str | None]:
        y = int(m["yw_y"])
        if not self.is_term and y == self.old.year:
            return str(self.new.year), None
        return self._year_reason(y)

    def _sy(self, m: re.Match) -> tuple[str | None, str | None]:
        y = int(m["sy_y"])
        if not self.is_term or y != school_start(self.old):
            return None, f"“{m.group(0)}”不是本计划的学年，未改动"
        term = m["sy_term"]
        if term and word_term(term) == self.old.term:
            term = term_word(term, self.new.term)
        return f"{school_start(self.new)}学年{m['sy_du'] or ''}{term or ''}", None

    def _year(self, m: re.Match) -> tuple[str | None, str | None]:
        return self._year_reason(int(m["y_y"]))

    def _year_reason(self, y: int) -> tuple[str | None, str | None]:
        if y in self.old_years:
            return None, f"{y}年属于原时段，但不能确定是否指本计划的时段，未改动"
        return None, f"{y}年不是本计划的时段，未改动"

    def _ph(self, m: re.Match) -> tuple[str | None, str | None]:
        return None, f"年份占位符“{m.group(0)}”，请填写实际年份"

    def _fyp(self, m: re.Match) -> tuple[str | None, str | None]:
        return None, f"规划期“{m.group(0)}”，请确认是否仍然适用"

    def _termword(self, m: re.Match) -> tuple[str | None, str | None]:
        if not self.term_changed or word_term(m.group(0)) != self.old.term:
            return None, None
        return None, f"学期已改为{self.new.term_name()}，这里仍写“{m.group(0)}”，请核对"

    def rewrite(self, text: str) -> Rewrite:
        """Rewrite `text`; offsets in the result refer to the new text."""
        out: list[str] = []
        result = Rewrite(text="")
        pos = length = 0
        for m in _PATTERN.finditer(text):
            handler = getattr(self, f"_{m.lastgroup}")
            replacement, reason = handler(m)
            out.append(text[pos : m.start()])
            length += m.start() - pos
            new = replacement if replacement is not None else m.group(0)
            if replacement is not None and replacement != m.group(0):
                result.edits.append(Edit(length, m.group(0), replacement))
            if reason:
                result.flags.append(Flag(length, length + len(new), reason))
            out.append(new)
            length += len(new)
            pos = m.end()
        out.append(text[pos:])
        result.text = "".join(out)
        return result


def snippet(text: str, start: int, end: int, margin: int = 8) -> str:
    """A short one-line excerpt around text[start:end] for the review list."""
    lo, hi = max(0, start - margin), min(len(text), end + margin)
    piece = text[lo:hi].replace("\n", " ").rstrip()
    return ("…" if lo > 0 else "") + piece + ("…" if hi < len(text) else "")
