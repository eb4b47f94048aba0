"""`rollover()`: copy a spec to a new period, moving dates and period mentions and
listing what a person should check."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Problem, SpecError
from ..fsutil import check_writable, write_text_atomic
from ..spec.loader import load_spec, validate_loaded
from ..spec.messages import format_path
from ..spec.types import TERM_NAMES, cn_to_int
from ..yamlio import parse_yaml, read_text
from .annotate import MARKER, annotate, strip_annotations
from .dates import DateMover, format_like, parse_like
from .mentions import MentionRewriter, snippet, term_word
from .naming import default_output
from .period import RolloverError, base_year, make_period, target_period
from .yamldoc import Slot, load_roundtrip, same_style, walk

# Values that are identifiers or file names, not prose: never rewritten.
_SKIP_KEYS = {"文种", "引用", "编号", "模板", "模板目录", "计划", "周起始", "周次", "负责人"}

__all__ = ["MARKER", "Change", "ReviewItem", "RolloverResult", "rollover"]


@dataclass(frozen=True)
class ReviewItem:
    """Something left unchanged (or guessed) that a person should look at."""

    line: int | None
    text: str
    reason: str
    path: str = ""


@dataclass(frozen=True)
class Change:
    """One value rewritten in the new spec."""

    line: int | None
    path: str
    before: str
    after: str


@dataclass
class RolloverResult:
    """What was written and what the user should know."""

    output: Path
    old_period: str
    new_period: str
    method: str
    changes: list[Change] = field(default_factory=list)
    review: list[ReviewItem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class _Pending:
    """A change or review note, placed once the new text's layout is known."""

    path: tuple
    offset: int
    before: str = ""
    after: str = ""
    reason: str = ""
    span: tuple[int, int] = (0, 0)


def _is_same_file(a: Path, b: Path) -> bool:
    try:
        if a.resolve() == b.resolve():
            return True
        return b.exists() and os.path.samefile(a, b)
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (resolve, Python < 3.13)
        return False


def _week_start(value: Any) -> str:
    return "sun" if value in ("周日", "sun") else "mon"


def _retype(old: Any, text: str) -> Any:
    """An int stays an int; text keeps its quoting style."""
    if isinstance(old, int) and not isinstance(old, bool) and text.isdigit():
        return int(text)
    return same_style(old, text)


def _month_like(old: Any, month: int) -> Any:
    """Write `month` the way `old` was written (9, "9", "9月", "九月")."""
    if isinstance(old, int):
        return month
    text = str(old).strip()
    cn = "一二三四五六七八九十"
    word = cn[month - 1] if month <= 10 else "十" + cn[month - 11]
    body = re.sub(r"(月份|月)$", "", text)
    tail = text[len(body) :]
    return same_style(old, (str(month) if body.isdigit() else word) + tail)


class _Rewriter:
    """Applies every rule to the round-trip data and records what it did."""

    def __init__(self, old, new, mover: DateMover):
        self.old, self.new, self.mover = old, new, mover
        self.mentions = MentionRewriter(old, new, mover)
        self.pending: list[_Pending] = []

    def note(self, path: tuple, reason: str, offset: int = 0, span=(0, 0)) -> None:
        self.pending.append(_Pending(path, offset, reason=reason, span=span))

    def change(self, slot: Slot, new_value: Any, offset: int = 0) -> None:
        if str(new_value) == str(slot.value):
            return
        self.pending.append(_Pending(slot.path, offset, str(slot.value), str(new_value)))
        slot.parent[slot.key] = new_value

    def apply(self, slot: Slot) -> None:
        path, value = slot.path, slot.value
        key = next((p for p in reversed(path) if isinstance(p, str)), "")
        top = path if len(path) == 1 else None
        if top == ("学年",):
            self.change(slot, _retype(value, self._school_year(str(value))))
        elif top == ("学期",):
            if self.new.term != self.old.term:
                self.change(slot, self._term(value))
        elif top == ("年度",):
            self.change(slot, _retype(value, str(self.new.year)))
        elif top == ("开学",):
            self._start(slot)
        elif key == "日期" and path[-1] == "日期":
            self._date(slot)
        elif key == "月份" and path[0] == "行事历" and self.new.term != self.old.term:
            self._month(slot)
        elif key in _SKIP_KEYS or not isinstance(value, str):
            return
        else:
            self._text(slot)

    def _school_year(self, text: str) -> str:
        start = base_year(self.new)
        m = re.fullmatch(r"(\s*)(\d{4})(\D+?)(\d{4}|\d{2})(\D*)", text)
        if not m:
            return f"{start}—{start + 1}"
        second = str(start + 1) if len(m[4]) == 4 else f"{(start + 1) % 100:02d}"
        return f"{m[1]}{start}{m[3]}{second}{m[5]}"

    def _term(self, value: Any) -> Any:
        new_term = self.new.term
        if isinstance(value, int):
            return new_term
        text = str(value).strip()
        if text in ("1", "2"):
            return same_style(value, str(new_term))
        if text in ("一", "二"):
            return same_style(value, "一二"[new_term - 1])
        word = term_word(text, new_term)
        return same_style(value, word if word != text else TERM_NAMES[new_term])

    def _start(self, slot: Slot) -> None:
        if self.mover.new_start is None:
            return
        self.change(slot, self._date_value(slot.value, self.mover.new_start))
        if self.mover.start_note:
            self.note(slot.path, self.mover.start_note)

    def _date_value(self, old: Any, new: dt.date) -> Any:
        if isinstance(old, dt.date):
            return new
        return same_style(old, format_like(str(old), new) or new.isoformat())

    def _date(self, slot: Slot) -> None:
        value = slot.value
        d = value if isinstance(value, dt.date) else parse_like(str(value))
        if d is None:
            self.note(slot.path, "无法识别的日期，未改动")
            return
        moved = self.mover.move(d)
        self.change(slot, self._date_value(value, moved.date))
        if moved.note:
            self.note(slot.path, moved.note)

    def _month(self, slot: Slot) -> None:
        old_months, new_months = self.old.months(), self.new.months()
        value = slot.value
        month = value if isinstance(value, int) else _parse_month(str(value))
        if month not in old_months:
            return
        new_month = new_months[min(old_months.index(month), len(new_months) - 1)]
        self.change(slot, _month_like(value, new_month))
        self.note(
            slot.path,
            f"学期改变：{month}月按顺序对应{new_month}月，请核对本月活动是否适用于"
            f"{self.new.term_name()}",
        )

    def _text(self, slot: Slot) -> None:
        result = self.mentions.rewrite(str(slot.value))
        for edit in result.edits:
            self.pending.append(_Pending(slot.path, edit.start, edit.before, edit.after))
        for flag in result.flags:
            self.note(slot.path, flag.reason, flag.start, (flag.start, flag.end))
        if result.text != str(slot.value):
            slot.parent[slot.key] = same_style(slot.value, result.text)


def _parse_month(text: str) -> int | None:
    return cn_to_int(re.sub(r"(月份|月)$", "", text.strip()))


def _resolve_output(path: Path, output: Path | None, old, new, rewriter) -> Path:
    out = Path(output) if output is not None else default_output(path, old, new, rewriter)
    if out.suffix == "":
        out = out.with_suffix(".yaml")
    if _is_same_file(path, out):
        raise RolloverError(
            f"输出文件 {out} 就是输入文件。rollover 不会覆盖原文件（加 --force 也不行），"
            "请用 -o 指定另一个文件名。"
        )
    return out


def rollover(
    path: Path | str,
    to: str,
    term: int | None = None,
    start: dt.date | None = None,
    output: Path | None = None,
    annotate: bool = False,
    force: bool = False,
) -> RolloverResult:
    """Write a copy of the spec at `path` for the period `to` (a 学年 such as 2025-2026,
    or a year for 年度 plans) and return what changed and what needs a human look."""
    path = Path(path)
    loaded = load_spec(path)  # the input must be valid: its period drives everything
    spec = loaded.spec
    if not getattr(spec, "has_period", lambda: False)():
        raise RolloverError(
            f"{path} 没有写时段（学年、学期或年度），无法滚动到新时段。请先补上时段。"
        )
    if spec.year is not None:
        old = make_period(year=spec.year)
        if start is not None:
            raise RolloverError("年度计划没有开学日期，请去掉 --start。")
    else:
        old = make_period(school_start=base_year(spec), term=spec.term)
    new = target_period(old, to, term)
    mover = DateMover(
        old,
        new,
        getattr(spec, "term_start", None),
        start,
        _week_start(getattr(spec, "week_start", None)),
    )
    rewriter = _Rewriter(old, new, mover)
    out = _resolve_output(path, output, old, new, rewriter.mentions)
    check_writable(out, force)

    doc = load_roundtrip(strip_annotations(read_text(path, "输入文件")), str(path))
    for slot in list(walk(doc.data)):
        rewriter.apply(slot)
    text = doc.dump()
    slots = {s.path: s for s in walk(load_roundtrip(text, str(out)).data)}
    changes, review = _place(rewriter.pending, slots)
    if annotate and review:
        text, line_of = annotate_text(text, review, slots)
        review = [_relined(r, line_of) for r in review]
        changes = [_relined(c, line_of) for c in changes]
    _validate(text, out)
    write_text_atomic(out, text, force=force)
    notes = list(mover.notes)
    if not doc.exact:
        notes.append("原文件的缩进不统一，新文件的缩进可能与原文件略有不同。")
    return RolloverResult(
        out,
        old.period_text(),
        new.period_text(),
        mover.method,
        [c for c in changes if isinstance(c, Change)],
        [r for r in review if isinstance(r, ReviewItem)],
        notes,
    )


def _place(pending: list[_Pending], slots: dict[tuple, Slot]):
    changes: list[Change] = []
    review: list[ReviewItem] = []
    for p in pending:
        slot = slots.get(p.path)
        line = slot.line_at(p.offset) + 1 if slot else None
        where = format_path(p.path)
        if p.reason:
            value = str(slot.value) if slot else ""
            text = snippet(value, *p.span) if p.span != (0, 0) else value.split("\n")[0][:40]
            review.append(ReviewItem(line, text, p.reason, where))
        else:
            changes.append(Change(line, where, p.before, p.after))
    return changes, review


def annotate_text(text: str, review: list[ReviewItem], slots: dict[tuple, Slot]):
    """Insert review comments; returns the text and a map old line → new line (1-based)."""
    by_path = {format_path(k): v for k, v in slots.items()}
    notes = [(by_path[r.path].anchor, r) for r in review if r.path in by_path]
    return annotate(text, notes)


def _relined(item, line_of):
    if item.line is None:
        return item
    return type(item)(**{**item.__dict__, "line": line_of(item.line)})


def _validate(text: str, out: Path) -> None:
    try:
        validate_loaded(parse_yaml(text, str(out)), path=out)
    except SpecError as exc:
        head = Problem("滚动后的新文件没有通过校验，未写入。问题如下（行号指新文件）：")
        raise SpecError([head, *exc.problems]) from None
