"""Decide whether a line is a heading, an item, or running text.

A numbered line is a heading when short and without sentence punctuation; otherwise it
is a numbered item. An item whose first sentence is short gets that sentence (up to 。！？ or a colon) as a
run-in title ("领导教研组工作。协助校长…" → title "领导教研组工作。", text "协助校长…"; a
one-sentence item "设立教研组的联络人。" is all title, text ""); the title keeps its
closing punctuation so no character of the source is lost. Item content = title + text."""

from __future__ import annotations

import re

from .markers import match_marker
from .textutil import COLONS, CONTINUES, ends_sentence, has_sentence_punct, squeeze

MARKED_HEADING_MAX = 30
UNMARKED_HEADING_MAX = 18
RUN_IN_MAX = 22
LABEL_MIN = 2  # "会计", "门卫": the shortest post name that heads a numbered list
FIELD_LABEL_MAX = 12  # "语文 周玉梅：": the label of a label-and-value line
TITLE_MIN = 6  # "教研组长职责": shorter kind-ending lines are section names

KNOWN_HEADINGS = (
    "指导思想", "工作思路", "总体思路", "工作目标", "总体目标", "目标任务", "主要目标", "具体目标",
    "主要工作", "主要任务", "工作任务", "工作重点", "重点工作", "工作要点", "主要措施", "具体措施",
    "工作措施", "实施措施", "保障措施", "工作安排", "具体安排", "行事历", "工作行事历", "工作日程",
    "职责细化", "岗位职责", "工作职责", "具体职责", "主要职责", "存在问题", "存在的问题",
    "不足之处", "努力方向", "今后打算", "下一步打算", "工作设想", "基本情况", "情况分析",
    "现状分析", "前言", "结束语", "附件", "附则", "总则", "组织机构", "领导小组", "人员分工",
    "具体分工", "工作分工", "工作成效", "主要成绩", "取得的成绩", "工作回顾",
)  # fmt: skip
_MONTH = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}|\d{1,2})月份?(?:[上中下]旬)?"
    r"(?:\s*[—\-~至到]\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})月份?)?\s*[:：]?$"
)
_WEEK = re.compile(r"^第[\d一二三四五六七八九十\-—~至、]+周\s*[:：]?$")
# "现将有关事项通知如下：" "其主要职责是：" introduce a list; they are sentences, not headings.
_LEAD_IN = re.compile(r"(?:如下|是|包括|有|为|要求)$|(?:以下|如下).{0,6}$")
_KIND_ENDING = re.compile(r"(?:职责|计划|总结|制度|方案|安排|要点|细则|办法|规定|通知|意见|规范)$")
# "各位教工：" "各支部、处室：" "全体教师：": who a notice is addressed to, not a heading.
_SALUTATION = re.compile(
    r"^(?:各|全体|致|尊敬的|亲爱的).{0,20}[:：]$"
    r"|^.{0,20}(?:们|同志|老师|教师|教工|教职工|家长|同学|同事|职工|员工)[:：]$"
)
_RUN_IN = re.compile(rf"^(.{{2,{RUN_IN_MAX}}}?[。！？!?:：])")


def is_marked_heading(rest: str) -> bool:
    """True when the text after a marker reads as a heading rather than a sentence."""
    rest = rest.strip()
    core = rest.rstrip(COLONS)
    return (
        bool(core)
        and len(rest) <= MARKED_HEADING_MAX
        and not has_sentence_punct(rest)
        and core[-1] not in CONTINUES
    )


def split_run_in(rest: str) -> tuple[str, str]:
    """(run-in title, remaining text) of an item, or ("", rest) when it has none."""
    rest = rest.strip()
    m = _RUN_IN.match(rest)
    if m and _balanced(m.group(1)):
        return m.group(1), rest[m.end() :].strip()
    return "", rest


def _balanced(text: str) -> bool:
    """False when `text` stops inside brackets ("全覆盖（指标：" of "…（指标：每月一次）")."""
    return (
        text.count("（") + text.count("(") <= text.count("）") + text.count(")")
        and (text.count("《") <= text.count("》"))
        and text.count("“") <= text.count("”")
    )


def is_standard_section(rest: str) -> bool:
    """ "保障措施", "工作目标：": a section name plans and summaries use at their top level."""
    return squeeze(rest).rstrip(":：") in KNOWN_HEADINGS


_KNOWN_EDGE = re.compile(
    "^(?:{0})|(?:{0})$".format("|".join(sorted(KNOWN_HEADINGS, key=len, reverse=True)))
)


def _known(core: str) -> bool:
    if core in KNOWN_HEADINGS:
        return True
    return len(core) <= 12 and bool(_KNOWN_EDGE.search(core))


def is_salutation(line: str) -> bool:
    """ "各位教工：", "各支部、处室：": the addressees of a notice."""
    text = line.strip()
    return len(text) <= 24 and not has_sentence_punct(text) and bool(_SALUTATION.match(text))


def is_unmarked_heading(line: str, next_line: str | None) -> bool:
    """True for an unnumbered heading: "指导思想", "九月份：", or a short line without
    sentence punctuation followed by running text or a numbered line."""
    text = line.strip()
    if not text or match_marker(text) is not None or is_salutation(text):
        return False
    core = text.rstrip(COLONS).strip()
    if not core or has_sentence_punct(core) or core[-1] in CONTINUES:
        return False
    if _MONTH.match(text) or _WEEK.match(text) or _known(core):
        return True
    if text[-1] in COLONS:
        return len(core) <= 20 and not any(ch in core for ch in "，,") and not _LEAD_IN.search(core)
    nxt = match_marker(next_line) if next_line is not None else None
    # "会计" over "1、…": a two-letter post or office name heading a list that starts at 1.
    shortest = LABEL_MIN if nxt is not None and nxt.number == 1 else 4
    if not shortest <= len(core) <= UNMARKED_HEADING_MAX or core.count("、") > 1 or "/" in core:
        return False
    if next_line is None:
        return False
    return nxt is not None or _running_text(next_line) or strong_heading(next_line.strip())


def _running_text(line: str) -> bool:
    """A line of running text under a heading: a sentence, or a clause that goes on. A long
    line without any punctuation is another entry of a list, not text under a heading."""
    text = line.strip()
    return (
        ends_sentence(text)
        or text[-1:] in CONTINUES
        or (len(text) > 25 and any(ch in text for ch in "，,；;：:"))
    )


def same_field_shape(previous: str | None, line: str) -> bool:
    """ "数学 何建平：临江二中、城西小学" after "语文 周玉梅：临江一中、滨河小学": lines of one
    list of label-and-value entries; the last one is no heading either."""
    if previous is None:
        return False
    return _field_colon(previous) and _field_colon(line)


def _field_colon(line: str) -> bool:
    text = line.strip()
    if is_month_or_week(text) or has_sentence_punct(text):
        return False
    k = next((i for i, ch in enumerate(text) if ch in COLONS), -1)
    return 1 <= k <= FIELD_LABEL_MAX and k < len(text) - 1


def is_document_title(line: str) -> bool:
    """ "东城中学后勤岗位职责": a title that ends like a section name ("岗位职责") but names
    its unit or subject first."""
    core = line.strip().rstrip(COLONS)
    return (
        bool(_KIND_ENDING.search(core))
        and core not in KNOWN_HEADINGS
        and len(core) >= TITLE_MIN
        and match_marker(core) is None
        and not has_sentence_punct(core)
    )


def is_month_or_week(text: str) -> bool:
    """ "九月份：", "3月", "第3-4周：": a calendar label."""
    text = text.strip()
    return bool(_MONTH.match(text) or _WEEK.match(text))


def strong_heading(text: str) -> bool:
    """A line that is an unnumbered heading whatever follows: a month, a week, a standard
    section name."""
    core = text.rstrip(COLONS).strip()
    return bool(_MONTH.match(text) or _WEEK.match(text)) or (
        bool(core) and not has_sentence_punct(core) and core in KNOWN_HEADINGS
    )


def is_subtitle(line: str) -> bool:
    """A title-like first line of a document ("中心小学教科室工作职责"): preamble, not heading."""
    text = line.strip()
    return (
        len(text) <= 40
        and match_marker(text) is None
        and not has_sentence_punct(text)
        and bool(_KIND_ENDING.search(text))
    )
