"""Remove web-page noise from a document's lines and repair lines broken mid-sentence.

Cleaning runs its pass until nothing changes, so cleaning cleaned lines is a no-op."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .markers import match_marker
from .noise_rules import (
    FIX_RULES,
    FIX_TRIGGER,
    INVISIBLE,
    is_form_skeleton,
    is_link_line,
    line_noise_kind,
    starts_link_list,
)
from .table_model import token_index
from .textutil import CJK, CJK_RE, CONTINUES, has_sentence_punct, is_body_like

MAX_PASSES = 5
# A line at least this long that stops without punctuation continues on the next line.
BROKEN_LINE_MIN = 30
# Words that can never end a line of Chinese text.
_DANGLING_ENDINGS = ("的", "和", "与", "及", "或", "以及", "关于")
_TITLE_ENDING = re.compile(r"(?:通知|制度|职责|计划|总结|方案|意见|办法|细则|要点)$")
# A title typed with a space between its characters: "岗 位 说 明 书".
_SPACED = re.compile(f"^[{CJK}](?:[ \u3000\t]+[{CJK}]){{2,29}}$")


@dataclass
class CleanReport:
    """Kept lines plus what was removed (whole lines) and fixed (fragments) per kind."""

    lines: list[str]
    removed: Counter[str] = field(default_factory=Counter)
    fixed: Counter[str] = field(default_factory=Counter)
    # Each removed line: (index of the kept line it stood before, its text, its kind).
    dropped: list[tuple[int, str, str]] = field(default_factory=list)

    def drop(self, position: int, line: str, kind: str) -> None:
        """Count and remember one removed line."""
        self.removed[kind] += 1
        self.dropped.append((position, line, kind))

    @property
    def removed_count(self) -> int:
        """Number of whole noise lines removed."""
        return sum(self.removed.values())


def clean_lines(lines: list[str]) -> tuple[list[str], int]:
    """Kept lines (stripped, non-blank, noise removed) and the number of noise lines removed."""
    report = clean_report(lines)
    return report.lines, report.removed_count


def clean_report(lines: list[str]) -> CleanReport:
    """Like clean_lines, with removed lines and in-line fixes counted per noise kind."""
    report = CleanReport(lines=list(lines))
    clean: set[str] = set()
    for _ in range(MAX_PASSES):
        before = report.lines
        report.lines, clean, joined = _one_pass(before, report, clean)
        # Without a joined line every kept line was checked as it now stands: another
        # pass would keep them all as they are. (With one, the lines did change.)
        if not joined:
            break
    return report


def _one_pass(
    lines: list[str], report: CleanReport, clean: set[str]
) -> tuple[list[str], set[str], bool]:
    """One cleaning pass: the kept lines, the lines that passed every check as they are,
    and whether broken lines were joined. Lines in `clean` passed in the pass before (the lines that could have made them
    noise are gone already), so they are kept without a look; lines joined afterwards
    are new and are looked at again."""
    kept: list[str] = []
    in_link_list = False
    for raw in lines:
        if raw in clean:
            kept.append(raw)
            in_link_list = False
            continue
        for part in raw.splitlines() or [""]:
            if token_index(part) is not None:
                kept.append(part)  # a table stays where it stood
                in_link_list = False
                continue
            line = _fix_line(part, report, len(kept))
            if not line:
                continue  # blank lines separate links in a list; they end nothing
            if in_link_list and is_link_line(line):
                report.drop(len(kept), line, "推荐链接")
                continue
            in_link_list = starts_link_list(line)
            kind = line_noise_kind(line)
            if kind:
                report.drop(len(kept), line, kind)
                continue
            kept.append(line)
    kept = _drop_form_skeleton(kept, report)
    joined = _join_broken(kept)
    return joined, set(kept), len(joined) != len(kept)


def _fix_line(line: str, report: CleanReport, position: int) -> str:
    original = line.strip()
    line = INVISIBLE.sub("", line).strip()
    if _SPACED.match(line):
        line = "".join(line.split())
    if FIX_TRIGGER.search(line):
        for kind, pattern, repl in FIX_RULES:
            line, n = pattern.subn(repl, line)
            if n:
                report.fixed[kind] += n
    line = line.strip()
    if original and not line and INVISIBLE.sub("", original):
        # The whole line was a fragment of noise: count it as a removed line.
        report.drop(position, original, "域代码残留")
    return line


def _drop_form_skeleton(lines: list[str], report: CleanReport) -> list[str]:
    last_text = next(
        (i for i in range(len(lines) - 1, -1, -1) if has_sentence_punct(lines[i])), -1
    )
    tail = lines[last_text + 1 :]
    if is_form_skeleton(tail) and not any(token_index(line) is not None for line in tail):
        for line in tail:
            report.drop(last_text + 1, line, "空白表格标题")
        return lines[: last_text + 1]
    return lines


def _join_broken(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if out and _continues(out[-1], line):
            out[-1] = out[-1] + line
        else:
            out.append(line)
    return out


def _continues(prev: str, line: str) -> bool:
    """True when `line` is the rest of a sentence that `prev` broke off."""
    if token_index(prev) is not None or token_index(line) is not None:
        return False
    if match_marker(line) is not None or line.startswith(prev[:6]):
        return False  # a repeated title ("XX制度" / "XX制度为加强…") is not a broken line
    if prev.endswith(_DANGLING_ENDINGS):
        return len(line) <= 10 or is_body_like(line)
    if len(prev) < BROKEN_LINE_MIN or not is_body_like(line) or _TITLE_ENDING.search(prev):
        return False
    last = prev[-1]
    return bool(CJK_RE.match(last)) or last in CONTINUES
