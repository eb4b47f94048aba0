"""The shipped synonyms table and how queries are cut into words."""

from __future__ import annotations

import pytest

from wenshu.generator.corpus.lexicon import (
    WEIGHT_HEAD,
    WEIGHT_MEMBER,
    WEIGHT_WORD,
    closest_allowed,
    lexicon,
    parse_table,
    query_words,
)
from wenshu.generator.vocab import CATEGORIES, TOPICS

TABLE = """\
# 注释
[同义]
双减 减负 作业管理
青年教师培养 青年教师 师徒结对
[常用]
教师 老师
[虚词]
的 怎么
"""


def test_parse_table_links_groups_with_weights():
    lex = parse_table(TABLE)
    assert dict(lex.related["减负"]) == {"双减": WEIGHT_HEAD, "作业管理": WEIGHT_MEMBER}
    assert dict(lex.related["双减"]) == {"减负": WEIGHT_MEMBER, "作业管理": WEIGHT_MEMBER}
    assert dict(lex.related["老师"]) == {"教师": WEIGHT_HEAD}
    assert lex.common == {"教师", "老师"}
    assert lex.stopwords == {"的", "怎么"}


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("青年教师 培养", ["青年教师", "培养"]),
        ("青年教师培养措施", ["青年教师培养", "措施"]),
        ("老师怎么带徒弟", ["老师", "带徒弟"]),
        ("站稳讲台的方法", ["站稳讲台", "方法"]),
        ("教科室 课题", ["教科室", "课题"]),
        ("用AI备课", ["ai", "备课"]),  # full-width and upper-case letters folded
        ("ＫＴＹＪ", ["ktyj"]),
        ("实验课开不足", ["实验课", "不足"]),  # a verb between two words is dropped
        ("的", ["的"]),  # only function words: searched as typed
        ("课题 课题", ["课题"]),
        ("", []),
    ],
)
def test_query_words(query, words):
    assert [w.text for w in query_words(query)] == words


def test_words_bring_their_synonyms_heaviest_first():
    (word,) = query_words("减负")
    terms = dict(word.terms)
    assert word.terms[0] == ("减负", WEIGHT_WORD)
    assert terms["双减"] == WEIGHT_HEAD
    assert terms["作业管理"] == WEIGHT_MEMBER and terms["课后服务"] == WEIGHT_MEMBER
    assert [w for _, w in word.terms] == sorted((w for _, w in word.terms), reverse=True)


@pytest.mark.parametrize(
    ("word", "joined"),
    [
        ("双减", {"减负", "作业管理", "课后服务"}),
        ("青蓝工程", {"师徒结对", "青年教师培养"}),
        ("新课标", {"课程标准", "核心素养"}),
        ("院感", {"医院感染", "医院感染管理"}),
    ],
)
def test_shipped_table_joins_the_words_of_the_issue(word, joined):
    assert joined <= {t for t, _ in lexicon().related[word]}


def test_every_topic_and_category_heads_a_group_of_the_shipped_table():
    lex = lexicon()
    missing = [v for v in (*TOPICS, *CATEGORIES) if v not in lex.related]
    assert not missing, f"synonyms.txt 中缺少这些主题或类别的同义词组：{missing}"


@pytest.mark.parametrize(
    ("value", "allowed", "hint"),
    [
        ("院感", TOPICS, "医院感染管理"),
        ("新课标", TOPICS, "课程标准"),
        ("措施", CATEGORIES, "工作措施"),
        ("青年教师陪养", TOPICS, "青年教师培养"),  # a typo: closest spelling
        ("飞行", TOPICS, None),
    ],
)
def test_closest_allowed(value, allowed, hint):
    assert closest_allowed(value, allowed) == hint
