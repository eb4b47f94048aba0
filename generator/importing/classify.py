"""Keyword rules that give a section its 类别 (one of CATEGORIES) and 主题 (TOPICS), the
document its 文种, and flag placeholders and concrete years (text is never changed)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..vocab import CATEGORIES, TOPICS

# Checked in order against the title first, then (weaker) against the text.
_CATEGORY_TITLE_RULES: list[tuple[str, str]] = [
    ("存在问题", r"存在.{0,4}问题|不足|问题与|问题及"),
    ("努力方向", r"努力方向|今后|下一步|打算|展望|改进方向|设想"),
    ("指导思想", r"指导思想|指导方针|总体思路|工作思路|指导原则|总体要求"),
    ("保障措施", r"保障|保证措施|奖惩|激励机制"),
    ("工作措施", r"措施"),
    ("工作目标", r"目标|任务"),
    ("行事历", r"行事历|日程|月份?[:：]?$|安排表|工作安排|具体安排|月工作|周工作|时间安排|^第.+周"),
    ("分工", r"分工|人员安排|组织机构|领导小组|人员组成|组织领导"),
    ("成效", r"成效|成绩|主要收获|完成情况|回顾"),
    ("职责", r"职责|岗位|职能"),
    ("结束语", r"结束语|结语"),
    ("前言", r"前言|引言|概述|概况|基本情况|背景"),
]
# Always the last title rule: what a plan's other headings are about.
_MEASURES_TITLE = ("工作措施", r"措施|重点|要点|工作|做法|具体|实施|抓好|开展|加强|推进|落实")
# Categories of whole documents (制度, 通知, 教研组台帐): a heading that names one ends with
# a word of its synonyms group ("安全检查制度", "期末工作通知", "教研活动记录"); one that
# starts with a verb ("完善考核制度", "做好会议记录") is a measure of a plan.
_NAMED_BY_TITLE = ("制度条款", "通知正文", "活动记录")
_ACTION_START = (
    "完善|健全|建立|落实|执行|做好|加强|规范|修订|制定|严格|抓好|开展|推进|实施|坚持|认真"
)
# Their shape in the text, for sections without such a heading.
_ARTICLE_TEXT = re.compile(r"(?:^|\n)\s*第[一二三四五六七八九十百零〇\d]+条")
_NOTICE_TEXT = re.compile(r"特此通知|现将.{0,40}通知如下|通知如下[:：]")
_RECORD_TEXT = re.compile(
    r"(?:^|\n)\s*(?:活动|会议)?(?:时间|地点|主持人?|参加人员|参会人员|出席|缺席|记录人)\s*[:：]"
)
_GUIDING_TEXT = re.compile(
    r"指导思想|为指导|为指针|为统领|以.{2,30}为(?:中心|核心|宗旨|抓手|重点|突破口)|贯彻落实|坚持以"
)
_CALENDAR_TEXT = re.compile(
    r"(?:^|\n)(?:[一二三四五六七八九十]{1,3}|\d{1,2})月份?\s*[:：]?(?:\n|$)"
)
# An untitled introduction announces what follows ("特制定本计划", "现总结如下").
_INTRO_TEXT = re.compile(r"(?:制定|拟定|制订)本计划|特制定|(?:计划|总结|安排)如下")
_CLOSING_TEXT = re.compile(r"新的学期|新的一年|让我们|相信.{0,20}一定|努力奋斗|再创辉煌|再上新台阶")

MAX_TOPICS = 3
TOPIC_TEXT_MAX = 4000
# Evidence a section's text must give for a topic (titles are evidence enough): cue
# occurrences, a passing mention in an enumeration ("德育、教学、课后服务、劳动教育")
# counting LISTED_WEIGHT. When the title already names a topic, the text must say more
# about another one.
TOPIC_MIN_SCORE = 2
TOPIC_MIN_SCORE_BESIDE_TITLE = 3
LISTED_WEIGHT = 0.5
ENUMERATION_MIN_PARTS = 3
# One cue is enough in a text this short (a single line like "尝试用AI批改口算练习。").
TOPIC_SHORT_TEXT = 50
_CLAUSE = re.compile(r"[^，,。；;：:！!？?\n]+")

_PLACEHOLDER_YEAR = re.compile(r"20[xX]{2}|20[xX×]{2}")
_PLACEHOLDER_XX = re.compile(r"(?<![0-9a-zA-Z])(?:xx|XX|××)(?=[\u4e00-\u9fff])")
_YEAR = re.compile(r"(?<![\d.])(19[5-9]\d|20[0-4]\d)(?=年|学年|级|届|[.．\-—－/至~〕\])）]|\s|$)")


def classify_section(title: str, text: str, kind: str | None = None) -> tuple[str, list[str]]:
    """(category, topics) for a section by keyword rules; `kind` (文种) sets the default."""
    category = _category(title.strip(), text, kind)
    return (category if category in CATEGORIES else "工作措施"), topics_of(title, text)


def classify_preamble(text: str, kind: str | None = None) -> str:
    """Category of the text before the first heading: 指导思想 when it reads like one,
    else 前言."""
    if kind != "工作职责" and _GUIDING_TEXT.search(text[:200]):
        return "指导思想"
    return "前言"


def _category(title: str, text: str, kind: str | None) -> str:
    if kind == "工作职责" and not re.search(r"前言|概述", title):
        return "职责"
    for category, pattern in category_title_rules():
        if title and pattern.search(title):
            # A summary's sections under topical headings report what was achieved.
            if kind == "工作总结" and pattern is category_title_rules()[-1][1]:
                return "成效"
            return category
    if len(_ARTICLE_TEXT.findall(text)) >= 2:
        return "制度条款"
    if _NOTICE_TEXT.search(text):
        return "通知正文"
    if len(_RECORD_TEXT.findall(text)) >= 2:
        return "活动记录"
    if _CALENDAR_TEXT.search(text) and len(_CALENDAR_TEXT.findall(text)) >= 2:
        return "行事历"
    if not title and _CLOSING_TEXT.search(text) and len(text) < 300:
        return "结束语"
    if not title and "\n" not in text.strip():
        # One untitled paragraph: its first sentence tells an introduction or a guiding idea.
        first = re.split(r"[。！？]", text.strip(), maxsplit=1)[0]
        if _INTRO_TEXT.search(text) and len(text) < 300:
            return "前言"
        if kind != "工作职责" and _GUIDING_TEXT.search(first):
            return "指导思想"
    if kind == "工作总结":
        return "成效"
    return "工作措施"


def topics_of(title: str, text: str) -> list[str]:
    """Topics the section is about, best first, at most MAX_TOPICS: those whose cue words
    occur in the title, or in the text with a score of TOPIC_MIN_SCORE (a mention in an
    enumeration counts LISTED_WEIGHT; one mention is enough in a very short text). Beside
    a topic named by the title, another needs TOPIC_MIN_SCORE_BESIDE_TITLE: a 指导思想 or
    a plan's heading that names ten things in passing is about none of them."""
    title, text = _fold(title), _fold(text[:TOPIC_TEXT_MAX])  # a long section's opening
    listed = _enumerated_spans(text)
    titled: dict[str, float] = {}
    scores: dict[str, float] = {}
    for topic, pattern in topic_cues().items():
        score = sum(
            LISTED_WEIGHT if any(s <= m.start() < e for s, e in listed) else 1.0
            for m in pattern.finditer(text)
        )
        if pattern.search(title):
            titled[topic] = score
        elif score >= TOPIC_MIN_SCORE or (score and len(text) < TOPIC_SHORT_TEXT):
            scores[topic] = score
    if titled:
        scores = {t: s for t, s in scores.items() if s >= TOPIC_MIN_SCORE_BESIDE_TITLE}
    ranked = sorted(titled, key=lambda t: (-titled[t], TOPICS.index(t)))
    ranked += sorted(scores, key=lambda t: (-scores[t], TOPICS.index(t)))
    return ranked[:MAX_TOPICS]


def _enumerated_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the clauses that enumerate ENUMERATION_MIN_PARTS things or more
    ("德育、教学、教研、课后服务")."""
    return [
        (m.start(), m.end())
        for m in _CLAUSE.finditer(text)
        if m.group().count("、") >= ENUMERATION_MIN_PARTS - 1
    ]


@lru_cache(maxsize=1)
def topic_cues() -> dict[str, re.Pattern[str]]:
    """Every topic's cue words, from the synonyms table: the topic and the other words of
    its group, less the table's broad words and the names of other topics (the 双减 group
    lists 作业管理, a topic of its own). Longer words match first and no text is counted
    twice ("师徒结对" is one cue, not 师徒 and 结对)."""
    from ..corpus.lexicon import lexicon

    table = lexicon()
    cues: dict[str, re.Pattern[str]] = {}
    for topic in TOPICS:
        words = [
            w
            for w in table.group_of(topic) or (topic,)
            if w == topic or (w not in table.broad and w not in TOPICS)
        ]
        cues[topic] = _alternation(words)
    return cues


@lru_cache(maxsize=1)
def category_title_rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(category, pattern) tried in order on a section's title: the rules above, then a
    title naming a 制度/通知/记录 by a word of its synonyms group, then the catch-all."""
    from ..corpus.lexicon import lexicon

    table = lexicon()
    rules = [(c, re.compile(p)) for c, p in _CATEGORY_TITLE_RULES]
    for category in _NAMED_BY_TITLE:
        words = [w for w in table.group_of(category) if w not in table.broad]
        ending = _alternation(words).pattern
        named = f"^(?!{_ACTION_START})[^，,；;]*(?:{ending})[:：]?$"
        rules.append((category, re.compile(named)))
    rules.append((_MEASURES_TITLE[0], re.compile(_MEASURES_TITLE[1])))
    return tuple(rules)


def _alternation(words: list[str]) -> re.Pattern[str]:
    """One pattern for `words`, longest first; Latin words (ai, pbl) only as whole words."""
    parts = [
        f"(?<![a-z]){re.escape(w)}(?![a-z])" if w.isascii() else re.escape(w)
        for w in sorted(set(words), key=lambda w: (-len(w), w))
    ]
    return re.compile("|".join(parts))


def _fold(text: str) -> str:
    from ..corpus.lexicon import normalise

    return normalise(text)


def section_flags(text: str) -> list[str]:
    """ "含占位符20xx", "含占位符xx", "含年份2023"… for the placeholders and years in `text`."""
    flags: list[str] = []
    if _PLACEHOLDER_YEAR.search(text):
        flags.append("含占位符20xx")
    if _PLACEHOLDER_XX.search(text):
        flags.append("含占位符xx")
    years = sorted({m.group(1) for m in _YEAR.finditer(text)})
    flags.extend(f"含年份{y}" for y in years)
    return flags


# How the title of a rule set or of a notice ends ("…管理办法", "关于…的通知").
REGULATION_TITLE = re.compile(
    r"(?:制度|办法|规定|细则|守则|规程|章程|条例|规范|规则|准则|公约|须知|暂行规定|实施意见)"
    r"[(（]?(?:试行|暂行|修订|修订稿|草案)?[)）]?$"
)
NOTICE_TITLE = re.compile(r"通知$")


def kind_of(title: str) -> str | None:
    """文种 of a document from its title: 通知 / 制度 by how the title ends, else
    工作职责 / 工作总结 / 工作计划 by the words in it, or None."""
    title = title.strip().rstrip('”"》〉」 ')
    if NOTICE_TITLE.search(title):
        return "通知"
    if REGULATION_TITLE.search(title):
        return "制度"
    if re.search(r"职责|岗位责任", title):
        return "工作职责"
    if re.search(r"总结|述职|回顾", title):
        return "工作总结"
    if re.search(r"计划|安排|要点|打算|设想|思路", title):
        return "工作计划"
    return None
