"""Keyword rules that give a section its 类别 (one of CATEGORIES) and 主题 (TOPICS), the
document its 文种, and flag placeholders and concrete years (text is never changed)."""

from __future__ import annotations

import re

from ..vocab import CATEGORIES, TOPICS

# Checked in order against the title first, then (weaker) against the text.
_CATEGORY_TITLE_RULES: list[tuple[str, str]] = [
    ("存在问题", r"存在.{0,4}问题|不足|问题与|问题及"),
    ("努力方向", r"努力方向|今后|下一步|打算|展望|改进方向|设想"),
    ("指导思想", r"指导思想|指导方针|总体思路|工作思路|指导原则"),
    ("保障措施", r"保障|保证措施|奖惩|激励机制"),
    ("工作措施", r"措施"),
    ("工作目标", r"目标|任务"),
    ("行事历", r"行事历|日程|月份?[:：]?$|安排表|工作安排|具体安排|月工作|周工作|时间安排|^第.+周"),
    ("分工", r"分工|人员安排|组织机构|领导小组|人员组成|组织领导"),
    ("成效", r"成效|成绩|主要收获|完成情况|回顾"),
    ("职责", r"职责|岗位|职能"),
    ("结束语", r"结束语|结语"),
    ("前言", r"前言|引言|概述|基本情况|背景"),
    ("工作措施", r"措施|重点|要点|工作|做法|具体|实施|抓好|开展|加强|推进|落实"),
]
_GUIDING_TEXT = re.compile(
    r"指导思想|为指导|为指针|为统领|以.{2,30}为(?:中心|核心|宗旨|抓手|重点|突破口)|贯彻落实|坚持以"
)
_CALENDAR_TEXT = re.compile(
    r"(?:^|\n)(?:[一二三四五六七八九十]{1,3}|\d{1,2})月份?\s*[:：]?(?:\n|$)"
)
_CLOSING_TEXT = re.compile(r"新的学期|新的一年|让我们|相信.{0,20}一定|努力奋斗|再创辉煌|再上新台阶")

_TOPIC_KEYWORDS: dict[str, tuple[str, ...]] = {
    "课题研究": ("课题", "立项", "结题", "开题"),
    "校本研修": ("校本研修", "校本培训", "校本教研", "研训", "校本研究"),
    "青年教师培养": ("青年教师", "青蓝", "师徒", "结对", "新教师", "传帮带", "新加盟教师"),
    "读书活动": ("读书", "阅读", "书香", "读书笔记"),
    "论文评比": ("论文", "征文"),
    "集体备课": ("集体备课", "备课组"),
    "公开课": ("公开课", "示范课", "观摩课", "研究课", "赛课", "优质课", "汇报课"),
    "教学常规": ("教学常规", "常规检查", "备课笔记", "作业批改", "听课", "常规管理", "常规工作"),
    "质量监测": ("质量分析", "质量监测", "质量检测", "检测", "命题", "阅卷", "考试", "教学质量"),
    "信息技术": ("信息技术", "网络", "多媒体", "电教", "网站", "信息化", "微课", "录播"),
    "心理健康": ("心理",),
    "德育": ("德育", "思想品德", "立德树人", "班主任", "行为规范", "养成教育"),
    "科技教育": ("科技",),
    "档案管理": ("档案", "归档", "建档", "存档", "资料管理", "台帐", "台账"),
    "家校共育": ("家长", "家校", "家庭教育", "家委会"),
    "教研组建设": ("教研组",),
    "名师工作室": ("名师工作室", "工作室", "名师"),
    "作业管理": ("作业",),
    "课后服务": ("课后服务", "托管", "社团"),
    "劳动教育": ("劳动教育", "劳动", "劳技"),
}
MAX_TOPICS = 4
TOPIC_TEXT_MAX = 4000

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
    for category, pattern in _CATEGORY_TITLE_RULES:
        if title and re.search(pattern, title):
            return category
    if _CALENDAR_TEXT.search(text) and len(_CALENDAR_TEXT.findall(text)) >= 2:
        return "行事历"
    if not title and _CLOSING_TEXT.search(text) and len(text) < 300:
        return "结束语"
    if kind == "工作总结":
        return "成效"
    return "工作措施"


def topics_of(title: str, text: str) -> list[str]:
    """Topics whose keywords occur in the title, or at least twice in the text (once in
    short texts); best scoring first, at most MAX_TOPICS."""
    scores: dict[str, int] = {}
    short = len(text) < 120
    text = text[:TOPIC_TEXT_MAX]  # the opening says what a long section is about
    for topic, words in _TOPIC_KEYWORDS.items():
        in_title = any(w in title for w in words)
        count = sum(text.count(w) for w in words)
        if in_title or count >= 2 or (short and count >= 1):
            scores[topic] = count + (10 if in_title else 0)
    ranked = sorted(scores, key=lambda t: (-scores[t], TOPICS.index(t)))
    return ranked[:MAX_TOPICS]


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


def kind_of(title: str) -> str | None:
    """文种 of a document from its title: 工作职责 / 工作总结 / 工作计划, or None."""
    if re.search(r"职责|岗位责任", title):
        return "工作职责"
    if re.search(r"总结|述职|回顾", title):
        return "工作总结"
    if re.search(r"计划|安排|要点|打算|设想|思路", title):
        return "工作计划"
    return None
