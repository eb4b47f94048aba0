"""Split lines where a copy-paste glued a heading to its first item
("一、总体要求1.指导思想坚持…"), one item to the next ("…2 名以上4、注重抓好…"), or a list
to the sentence that introduces it ("…主要包括以下几个方面：一、教育教学管理…"); and find the
titles glued to their own paragraph in pages that lost the line break after every heading
("(1)观摩课堂教研员通过观摩…"). Splitting never drops or reorders characters."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .markers import match_marker
from .textutil import CJK, has_sentence_punct

# A sub-item marker glued to a short heading: "1." "1、" "(1)" followed by text.
_GLUED_SUB = re.compile(
    rf"(?<=[{CJK}》”）)])(?<!第)(?:\d{{1,2}}[.．、](?!\d)|[（(]\d{{1,2}}[）)])\s*(?=[{CJK}“《])"
)
GLUED_HEADING_MAX = 24
_DIGIT_STYLES = {"1.": "[.．。]", "1、": "、", "(1)": None}


@dataclass
class Glued:
    """Lines after splitting, and how many headings were found glued to what follows
    them (a page that lost the line break after its headings)."""

    parts: list[tuple[int, str]]  # (1-based source line, text)
    heading_glues: int = 0


def split_glued_lines(lines: list[str]) -> list[tuple[int, str]]:
    """(1-based source line, text) for each line after splitting glued markers."""
    return split_glued(lines).parts


def split_glued(lines: list[str]) -> Glued:
    """Lines split at glued markers, with the number of glued headings seen."""
    result = Glued([])
    for index, line in enumerate(lines, start=1):
        result.parts.extend((index, part) for part in _split(line.strip(), result))
    return result


def _split(line: str, seen: Glued) -> list[str]:
    marker = match_marker(line)
    lead = _glued_list(line, marker)
    if lead is not None:
        seen.heading_glues += 1
        return [line[:lead].rstrip(), *_split(line[lead:], seen)]
    if marker is None:
        return [line]
    head_len = len(line) - len(marker.rest)
    cut = _glued_sub_heading(marker.rest)
    if cut is not None:
        seen.heading_glues += 1
    else:
        cut = _next_number(marker.style, marker.number, marker.rest)
    if cut is None:
        return [line]
    return [line[: head_len + cut].rstrip(), *_split(line[head_len + cut :], seen)]


# A list of sections glued after the colon of the sentence that introduces it
# ("…以下几个方面：一、…"), or the first subsection glued to its section ("2. 教研活动组织
# 机构…其中包括：2.1 教研组…"). Lists of items after a colon stay in their paragraph.
_SECTIONS_AFTER_COLON = re.compile(rf"[:：]\s*(?=(?:一\s*、|[（(]\s*一\s*[）)])\s*[{CJK}“《])")
_LEAD_IN_WORDS = re.compile(r"以下|如下|包括|方面|主要有|分为|步骤")
LEAD_IN_MIN = 4
LEAD_SENTENCE_MIN = 8  # "…有着重要的意义：一、…": a sentence long enough to introduce a list


def _glued_list(line: str, marker) -> int | None:
    """Where a list glued after an introducing colon starts, or None."""
    if ":" not in line and "：" not in line:
        return None
    m = _SECTIONS_AFTER_COLON.search(line)
    if m is None and marker is not None and marker.number is not None:
        sub = re.compile(rf"[:：]\s*(?={marker.number}\s*[.．]\s*1(?!\d)\s*[{CJK}“《])")
        m = sub.search(line)
    if m is None or m.start() < LEAD_IN_MIN:
        return None
    lead = line[: m.start()]
    if marker is None and len(lead) < LEAD_SENTENCE_MIN and not _LEAD_IN_WORDS.search(lead):
        return None
    if marker is not None and len(lead) - (len(line) - len(marker.rest)) < LEAD_IN_MIN:
        return None
    return m.end()


def _glued_sub_heading(rest: str) -> int | None:
    m = _GLUED_SUB.search(rest, 0, GLUED_HEADING_MAX + 6)
    if m is None or not 2 <= m.start() <= GLUED_HEADING_MAX:
        return None
    head = rest[: m.start()]
    if has_sentence_punct(head) or any(ch in head for ch in "，,:："):
        return None
    return m.start()


def _next_number(style: str, number: int | None, rest: str) -> int | None:
    if number is None or style not in _DIGIT_STYLES:
        return None
    n = number + 1
    if str(n) not in rest:
        return None
    m = _next_number_pattern(style, n).search(rest)
    if m is None or m.start() < 2:
        return None
    return m.start()


@lru_cache(maxsize=256)
def _next_number_pattern(style: str, n: int) -> re.Pattern[str]:
    delim = _DIGIT_STYLES[style]
    token = rf"[（(]{n}[）)]" if delim is None else rf"{n}\s*{delim}(?!\d)"
    return re.compile(rf"(?<![\d第.．]){token}\s*(?=[{CJK}“《])")


# -- titles glued to their own paragraph ----------------------------------------------------

GLUED_TITLE_MIN = 4
GLUED_SECTION_TITLE_MIN = 2
GLUED_TITLE_MAX = 16
GLUED_BODY_MIN = 15
# A paragraph opens with a clause like these ("根据学校的教学实际情况，…")…
_OPENER = re.compile(r"为了|根据|针对|通过|随着|按照|依据|围绕|坚持以|本着|在[^，,。；;：:、]{1,8}中")
# …or with its subject and a verb soon after it ("教研员通过观摩…", "学校要建立…").
_PREDICATE = re.compile(
    r"是|(?<![主重需必纪摘])要(?![求点素])|应(?![用对急])|须|通过|根据|与|对|将(?!来)|可以|能够|需要"
)
_PREDICATE_WINDOW = 8
# A statement starts with who does it; a title does not, and has no modal verb.
_NOT_TITLE_START = tuple("各每全本我该其有")
_MODAL = re.compile(r"(?<![主重需必纪摘])要(?![求点素])|应(?![用对急])|须|将(?!来)")
_CLAUSE_END = re.compile(r"[，,。；;：:、！？!?]")
GENERIC_SUBJECTS = ("学校", "教师", "学生")


def glued_title(rest: str, subjects: Subjects, shortest: int = GLUED_TITLE_MIN) -> int | None:
    """Length of a title glued to its paragraph at the start of `rest` (the text after a
    marker, in a page that lost the line break after its headings), or None. The paragraph
    must start a sentence: with an opening clause, or with a subject of the document (a
    word of its title it uses often) followed by a verb. Titles have at least `shortest`
    characters ("总结" heads a 六、 section; a list item's title is longer)."""
    end = _CLAUSE_END.search(rest)
    clause = rest[: end.start()] if end else rest
    if len(rest) < shortest + GLUED_BODY_MIN or rest.startswith(_NOT_TITLE_START):
        return None
    for p in range(shortest, min(GLUED_TITLE_MAX, len(clause) - 2) + 1):
        title, after = rest[:p], rest[p:]
        if _MODAL.search(title) or len(after) < GLUED_BODY_MIN:
            break
        if rest[p - 1 : p + 1] in subjects.joints:
            continue  # the cut would fall inside a word the document uses often
        if _OPENER.match(after) or _subject_then_verb(after, subjects):
            return p
    return None


@dataclass(frozen=True)
class Subjects:
    """Words that open a document's sentences, and the character pairs inside the words
    of its title (where no title ends)."""

    words: frozenset[str]
    joints: frozenset[str]

    def __iter__(self):
        return iter(self.words)


def _subject_then_verb(text: str, subjects: Subjects) -> bool:
    for word in subjects:
        if text.startswith(word):
            window = text[len(word) : len(word) + _PREDICATE_WINDOW]
            cut = _CLAUSE_END.search(window)
            if _PREDICATE.search(window[: cut.start()] if cut else window):
                return True
    return False


def document_subjects(title: str, lines: list[str]) -> Subjects:
    """Words of the document's title (2 to 3 characters) it uses at least three times,
    plus the generic subjects of school documents; their character pairs are joints."""
    text = "".join(lines)
    words = {title[i : i + n] for n in (2, 3) for i in range(len(title) - n + 1)}
    found = {w for w in words if re.fullmatch(f"[{CJK}]+", w) and text.count(w) >= 3}
    joints = {w[i : i + 2] for w in found for i in range(len(w) - 1)}
    return Subjects(frozenset(found | set(GENERIC_SUBJECTS)), frozenset(joints))
