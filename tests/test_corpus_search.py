"""Search on a small labelled set: ranking by how well sections match, synonyms, the words
matched, pinyin initials, short words and filters."""

from __future__ import annotations

from pathlib import Path

import pytest

from wenshu.generator.corpus import open_corpus
from wenshu.generator.corpus.initials import initials
from wenshu.generator.corpus.search import split_query

# Built-in style sections written for these tests (not taken from any seed file).
SECTIONS = """\
- 编号: qn01
  类别: 工作措施
  标题: 青年教师培养
  主题: [青年教师培养]
  文种: [工作计划]
  内容: 实施青蓝结对，由骨干教师指导入职三年内的青年教师，每学期听课不少于二十节，帮助他们站稳讲台。
- 编号: qn02
  类别: 工作目标
  标题: 打造一支年轻的骨干队伍
  主题: [青年教师培养, 教研组建设]
  文种: [工作计划]
  内容: 通过三年培养，使青年教师中涌现出一批校级教学能手。
- 编号: kt01
  类别: 工作措施
  标题: 课题研究过程管理
  主题: [课题研究]
  文种: [工作计划]
  内容: 规范课题的申报、开题、中期检查和结题，做好过程资料的积累。
- 编号: kt02
  类别: 成效
  标题: 课题成果丰硕
  主题: [课题研究]
  文种: [工作总结]
  内容: 本学年两项市级课题顺利结题，研究成果在全区推广。
- 编号: ds01
  类别: 工作措施
  标题: 教师读书活动
  主题: [读书活动]
  文种: [工作计划]
  内容: 每月共读一本教育专著，开展读书沙龙，撰写读书笔记。
- 编号: xl01
  类别: 工作措施
  标题: 关注学生心理健康
  主题: [心理健康]
  文种: [工作计划]
  内容: 心理辅导室每周开放三次，建立学生心理档案，及时疏导。
- 编号: zy01
  类别: 工作措施
  标题: 作业设计与管理
  主题: [作业管理]
  文种: [工作计划, 工作总结]
  内容: 控制书面作业总量，鼓励分层作业和实践性作业。
- 编号: jy01
  类别: 职责
  标题: 教研组长职责
  主题: [教研组建设]
  文种: [工作职责]
  内容: 组织本组教师开展集体备课和听课评课活动，加强教研
- 编号: hx01
  类别: 保障措施
  标题: 行事历安排
  主题: []
  文种: [工作计划]
  内容: 按月安排各项工作，做到长期规划与短期任务相结合。
"""

# (query, options, expected first id (or ids, any of which may come first), ids that must
# be in the results)
LABELLED = [
    ("青年教师 培养", {}, "qn01", {"qn01", "qn02"}),
    ("青年教师培养", {}, "qn01", {"qn01", "qn02"}),
    ("课题研究", {}, "kt01", {"kt01", "kt02"}),
    ("课题 结题", {}, {"kt01", "kt02"}, {"kt01", "kt02"}),  # both hold both words
    ("读书", {}, "ds01", {"ds01"}),
    ("心理健康", {}, "xl01", {"xl01"}),
    ("作业", {}, "zy01", {"zy01"}),
    ("课题", {"category": "成效"}, "kt02", {"kt02"}),
    ("作业", {"kind": "工作总结"}, "zy01", {"zy01"}),
    ("教师", {"topic": "读书活动"}, "ds01", {"ds01"}),
    ("加强教研", {}, "jy01", {"jy01"}),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from wenshu.generator.corpus import load_user_file

    tmp = tmp_path_factory.mktemp("search")
    path = tmp / "片段.yaml"
    path.write_text(SECTIONS, encoding="utf-8")
    with open_corpus(tmp / "c.db", builtin_dir=None) as store:
        store.add_entries(load_user_file(path))
        yield store


@pytest.mark.parametrize(("query", "options", "first", "expected"), LABELLED)
def test_labelled_queries(corpus, query, options, first, expected):
    hits = corpus.search(query, **options)
    ids = [h.id for h in hits]
    assert ids and ids[0] in ({first} if isinstance(first, str) else first), ids
    assert expected <= set(ids)
    assert all(0 <= h.score <= 100 for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


@pytest.mark.parametrize(
    ("query", "expected"),
    [("ktyj", "kt01"), ("KTYJ", "kt01"), ("qnjs", "qn01"), ("xljk", "xl01"), ("dsbj", "ds01")],
)
def test_pinyin_initials(corpus, query, expected):
    assert corpus.search(query)[0].id == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("档", {"xl01"}),  # one character: instr() fallback
        ("教研", {"jy01", "qn02"}),  # two characters; at the very end of jy01's text
        ("沙龙", {"ds01"}),
        ("结对", {"qn01", "qn02"}),  # qn02 through its topic 青年教师培养 (a synonym)
        ("不存在的词语", set()),
        ("zz", {"jy01", "ds01"}),  # 教研组长职责, 一本教育专著
        ("qz", set()),
    ],
)
def test_short_and_missing_words(corpus, query, expected):
    assert {h.id for h in corpus.search(query)} == expected


def test_typo_falls_back_to_fuzzy(corpus):
    hits = corpus.search("青年教室培养")
    assert hits and hits[0].id == "qn01"


def test_filters_without_query_list_sections(corpus):
    hits = corpus.search("", category="工作措施", limit=50)
    assert {h.id for h in hits} == {"qn01", "kt01", "ds01", "xl01", "zy01"}


def test_limit_and_hit_fields(corpus):
    hits = corpus.search("教师", limit=2)
    assert len(hits) == 2
    data = hits[0].to_json()  # the --json shape itself is checked in test_corpus_cli.py
    assert data["id"] == hits[0].id and data["matched"] == hits[0].matched


def test_search_sees_updates_immediately(tmp_path: Path):
    from wenshu.generator.corpus import load_user_file

    path = tmp_path / "a.yaml"
    path.write_text("类别: 前言\n标题: 开篇\n内容: 新学期新气象。\n", encoding="utf-8")
    with open_corpus(tmp_path / "c.db", builtin_dir=None) as store:
        (sid,) = store.add_entries(load_user_file(path))
        assert store.search("新气象")[0].id == sid
        store.remove(sid)
        assert store.search("新气象") == []


@pytest.mark.parametrize(
    ("query", "words"),
    [("青年教师 培养", ["青年教师", "培养"]), (" 课题，研究、 ", ["课题", "研究"]), ("", [])],
)
def test_split_query(query, words):
    assert split_query(query) == words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("课题研究", "ktyj"),
        ("校长 成长", "xz cz"),
        ("行事历", "xsl"),
        ("银行", "yh"),
        ("重点 重复", "zd cf"),
        ("2024年工作", "ngz"),
    ],
)
def test_initials(text, expected):
    assert initials(text) == expected


def test_words_need_not_all_occur_but_more_words_rank_higher(corpus):
    hits = corpus.search("青年 课题")  # no section holds both
    ids = [h.id for h in hits]
    assert {"qn01", "kt01"} <= set(ids)
    both = corpus.search("课题 结题 研究")
    assert both[0].id == "kt01"  # 课题研究 in its title, 结题 in its text
    assert {m["word"] for m in both[0].matched} == {"课题", "结题", "研究"}


def test_hits_say_which_words_matched_and_where(corpus):
    (hit, *_) = corpus.search("青年教师 沙龙")
    assert hit.id == "qn01"
    assert hit.matched == [
        {"word": "青年教师", "term": "青年教师", "fields": ["title", "topics", "text"]}
    ]
    ds = next(h for h in corpus.search("青年教师 沙龙") if h.id == "ds01")
    assert ds.matched == [{"word": "沙龙", "term": "沙龙", "fields": ["text"]}]


@pytest.mark.parametrize(
    ("query", "first", "term"),
    [
        ("师徒结对", "qn01", "青年教师培养"),  # synonym → the topic of qn01 and qn02
        ("青蓝工程", "qn01", "青年教师培养"),
        ("减负", "zy01", "作业管理"),  # 双减 ~ 减负 ~ 作业管理 ~ 课后服务
        ("心理辅导", "xl01", "心理健康"),
    ],
)
def test_synonyms_join_the_words_people_use(corpus, query, first, term):
    hits = corpus.search(query)
    assert hits[0].id == first
    assert hits[0].matched[0]["word"] == query
    assert hits[0].matched[0]["term"] == term


def test_a_sentence_is_cut_into_words(corpus):
    hits = corpus.search("青年教师培养措施")  # no section holds this phrase
    assert hits[0].id == "qn01"  # 青年教师培养 in title and topics, a 工作措施
    words = {m["word"] for m in hits[0].matched}
    assert words == {"青年教师培养", "措施"}
    assert {"term": "工作措施", "fields": ["category"]}.items() <= next(
        m for m in hits[0].matched if m["word"] == "措施"
    ).items()
    assert corpus.search("老师怎么带徒弟")[0].id == "qn01"


def test_category_words_prefer_that_category(corpus):
    ids = [h.id for h in corpus.search("课题 成效")]
    assert ids[0] == "kt02"  # the 成效 section about 课题
    assert ids.index("kt02") < ids.index("kt01")
