"""The importer on the five real web-page seeds: document counts, noise, heading levels."""

from __future__ import annotations

from functools import cache

import pytest
from helpers_seeds import seeds_dir

from wenshu.generator.importing import ImportResult, import_file, iter_nodes
from wenshu.generator.vocab import CATEGORIES, TOPICS

SEEDS = seeds_dir()


@cache
def imported(prefix: str) -> ImportResult:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return import_file(path)


def all_text(result: ImportResult) -> list[str]:
    """Every piece of text the importer kept: document trees and candidate sections."""
    texts: list[str] = []
    for doc in result.documents:
        texts += [doc.title, doc.preamble]
        texts += [f"{n.marker}{n.title}{n.text}" for n in iter_nodes(doc.nodes)]
    for section in result.sections:
        texts += [section.title, section.text, *section.items]
    return texts


@pytest.mark.parametrize(
    ("prefix", "count"),
    [("000", 15), ("001", 15), ("002", 9), ("003", 8), ("004", 2)],
)
def test_seed_document_count(prefix, count):
    result = imported(prefix)
    assert len(result.documents) == count
    assert result.sections


@pytest.mark.parametrize(
    ("prefix", "index", "title", "suffix", "kind"),
    [
        ("000", 0, "教科室工作职责1", "#篇1", "工作职责"),
        ("000", 14, "教科室工作职责15", "#篇15", "工作职责"),
        ("001", 2, "教科室工作计划主题篇三", "#篇三", "工作计划"),
        ("001", 14, "教科室工作计划主题篇十五", "#篇十五", "工作计划"),
        ("002", 1, "小学教学教研工作管理制度", "#篇2", "制度"),
        ("002", 8, "关于建立中小学教研员定点联系学校工作制度的通知", "#篇9", "通知"),
        ("003", 0, "科室工作计划 篇1", "#篇1", "工作计划"),
        ("004", 0, "教研组长职责", "#篇1", "工作职责"),
        ("004", 1, "新桥实验小学校本教研制度", "#篇2", "制度"),
    ],
)
def test_seed_document_titles(prefix, index, title, suffix, kind):
    doc = imported(prefix).documents[index]
    assert doc.title == title
    assert doc.source.endswith(suffix)
    assert doc.source.startswith(f"{prefix}_")
    assert doc.kind == kind


NOISE = [
    "位置:",
    "时间:20",
    "我要投稿",
    "来源:网友投稿",
    "小编",
    "推荐访问",
    "相关文章",
    "猜你喜欢",
    "下载文档前",
    "人工客服",
    "HYPERLINK",
    "20xx最新",
    "院学生会体育部",
    "考生写作>",
    "人生天地之间",
    "文章属性",
    "教研组名称___",
    "的'",
    "的`",
    "的.",
]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_noise_is_gone(prefix):
    result = imported(prefix)
    for text in all_text(result):
        for noise in NOISE:
            assert noise not in text, (noise, text[:80])
    assert result.noise_lines_removed > 0


@pytest.mark.parametrize(
    ("prefix", "fragment"),
    [
        ("000", "促进教师素质的提高。"),
        ("000", "形成良好的教科研氛围。"),
        ("001", "努力提高教科研能力。"),
        ("001", "并继续争创省一级心理辅导站。优化心理健康"),
        ("001", "以课题研究为载体,着眼于教师综合素质"),
        ("001", "在规定的一周一次的例行集体备课时间里"),
        ("003", "感染管理科对各种内窥镜监测每季度进行抽查,使用科室按标准要求"),
        ("004", "协助老教师总结教学经验。"),
        ("000", "向全体教师介绍先进的教育理论和实践经验。"),
    ],
)
def test_seed_content_is_repaired_not_lost(prefix, fragment):
    assert any(fragment in text for text in all_text(imported(prefix)))


def outline(prefix: str, index: int, count: int) -> list[tuple[int, str, str]]:
    nodes = list(iter_nodes(imported(prefix).documents[index].nodes))
    return [(n.level, n.marker, n.title) for n in nodes[:count]]


def test_levels_plan_with_unmarked_headings_and_calendar():
    # 003 篇2: unmarked "指导思想:" first, 一、 under 主要工作, months under 三、工作日程.
    got = outline("003", 1, 16)
    assert got[:4] == [
        (1, "", "指导思想:"),
        (1, "", "主要工作:"),
        (2, "一、", "注重学习培训活动"),
        (3, "1.", "学习理论,做好笔记。"),
    ]
    assert got[12:16] == [
        (2, "三、", "工作日程:"),
        (3, "", "二月份:"),
        (4, "1、", "制定教科研工作计划。"),
        (4, "2、", "安排本学期开课日活动。"),
    ]
    months = [
        n for n in iter_nodes(imported("003").documents[1].nodes) if n.title.endswith("月份:")
    ]
    assert [n.level for n in months] == [3] * 5


def test_levels_duty_list_with_grouped_details():
    # 004: 一、…八、 duties, then 职责细化 heads a second 一、 list that restarts numbering.
    doc = imported("004").documents[0]
    assert [(n.level, n.marker) for n in doc.nodes[:8]] == [
        (1, f"{m}、") for m in "一二三四五六七八"
    ]
    detail = doc.nodes[8]
    assert (detail.level, detail.marker, detail.title) == (1, "", "职责细化：")
    assert [(c.level, c.marker, c.title) for c in detail.children] == [
        (2, "一、", "常规工作"),
        (2, "二、", "教学研究"),
        (2, "三、", "教学质量"),
        (2, "四、", "教师培养"),
    ]
    first = detail.children[0].children[0]
    assert (first.level, first.marker, first.title, first.text) == (
        3,
        "1．",
        "",
        "按时、认真制定教研组工作计划，撰写工作总结；",
    )
    assert doc.preamble.startswith("教研组长在学科第一责任人")


def test_levels_ordinal_markers_and_nested_unmarked():
    # 001 篇六: 第一、 under 三、, "具体措施:" under it, 1、 below; restarts under 第二、.
    assert outline("001", 5, 11) == [
        (1, "一、", "指导思想"),
        (1, "二、", "工作目标"),
        (2, "1、", ""),
        (2, "2、", ""),
        (2, "3、", ""),
        (2, "4、", ""),
        (1, "三、", "工作要点及思路"),
        (2, "第一、", "进一步完善教师“团队带教”的相应机制。"),
        (3, "", "具体措施:"),
        (4, "1、", ""),
        (4, "2、", ""),
    ]


def test_levels_circled_paren_numbers_and_months():
    # 001 篇十五: ⑴ under 1、 under 三、; months under 四、具体安排.
    got = outline("001", 14, 20)
    assert got[6:9] == [
        (1, "三、", "具体措施:"),
        (2, "1、", "校本培训与教师读书工程"),
        (3, "⑴", ""),
    ]
    assert got[18] == (1, "四、", "具体安排:")
    assert got[19] == (2, "", "九月份:")


def test_levels_glued_headings_are_split():
    # 002 篇1: "一、总体要求1.指导思想坚持以…" is a heading and its first subheading, whose
    # title the page glued to its paragraph (the page lost its heading line breaks).
    assert outline("002", 0, 3) == [
        (1, "一、", "总体要求"),
        (2, "1.", "指导思想"),
        (2, "2.", "主要任务"),
    ]
    item = imported("002").documents[0].nodes[0].children[0]
    assert item.text.startswith("坚持以习近平")


def test_titles_glued_to_their_paragraph_and_lists_glued_after_a_colon():
    # 002 篇5 lost the line break after every heading; 篇6 glued its list after a colon.
    doc = imported("002").documents[4]
    steps = doc.nodes[2]
    assert [(c.marker, c.title) for c in steps.children[1].children] == [
        ("(1)", "观摩课堂"),
        ("(2)", "指导教学"),
        ("(3)", "教学交流"),
    ]
    assert steps.children[1].children[0].text.startswith("教研员通过观摩")
    doc = imported("002").documents[5]
    assert [n.marker for n in doc.nodes] == ["一、", "二、", "三、", "四、", "一、", "二、", "三、"]


def test_numbering_continued_with_other_mark_stays_a_sibling():
    # 000 职责1: "7." then "8、" continue the same list under 三、.
    doc = imported("000").documents[0]
    assert [c.marker for c in doc.nodes[2].children] == [f"{i}." for i in range(1, 8)] + [
        "8、",
        "9、",
    ]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_sections_are_classified(prefix):
    for section in imported(prefix).sections:
        assert section.category in CATEGORIES
        assert set(section.topics) <= set(TOPICS)
        assert len(section.item_levels) == len(section.items)
        assert len(section.text) + sum(map(len, section.items)) <= 3000


def test_duty_documents_become_duty_sections():
    sections = [s for s in imported("000").sections if s.category == "职责"]
    assert len(sections) == 15
    first = sections[0]
    assert first.title == "教科室工作职责"
    assert first.items[0].startswith("严格按照上级有关教育的法律")
    assert first.item_levels[:4] == [1, 1, 1, 2]


def test_duty_details_are_split_by_category():
    titles = [(s.title, s.category) for s in imported("004").sections if s.category == "职责"]
    assert titles == [
        ("教研组长职责", "职责"),
        ("常规工作", "职责"),
        ("教学研究", "职责"),
        ("教学质量", "职责"),
        ("教师培养", "职责"),
    ]


def test_calendar_and_guiding_sections_in_plans():
    by_source = [s for s in imported("001").sections if s.source.endswith("#篇十五")]
    categories = {s.title: s.category for s in by_source}
    assert categories["指导思想"] == "指导思想"
    assert categories["目标任务"] == "工作目标"
    assert categories["具体安排"] == "行事历"


def test_placeholders_and_years_are_flagged_not_changed():
    sections = imported("001").sections
    flagged = [s for s in sections if "含占位符20xx" in s.flags]
    assert flagged and all("20xx" in s.title + s.text + "".join(s.items) for s in flagged)
    years = [s for s in imported("002").sections if "含年份2021" in s.flags]
    assert years and any("2021" in s.text for s in years)
