"""parse_nodes / split_documents: marker styles, levels by order of appearance, unmarked
headings, glued lines, run-in titles, and properties (nothing lost, levels 1..5)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wenshu.generator.importing import iter_nodes, parse_nodes, split_documents
from wenshu.generator.importing.textutil import squeeze


def outline(lines: list[str]) -> list[tuple[int, str, str]]:
    _, nodes = parse_nodes(lines)
    return [(n.level, n.marker, n.title) for n in iter_nodes(nodes)]


@pytest.mark.parametrize(
    ("first", "second", "third"),
    [
        ("一、工作目标", "（一）课题研究", "1.开题论证"),
        ("第一部分 总则", "一、指导思想", "(1)学习文件"),
        ("第一章 总则", "1、组织机构", "①成立小组"),
        ("一.指导思想", "1．学习理论", "⑴读书笔记"),
        ("一、常规工作", "1。备课", "A.集体备课"),
        ("1.1 教研组", "(1)备课", "① 听课"),
    ],
)
def test_each_marker_style_nests_in_order_of_appearance(first, second, third):
    body = "认真组织实施，确保取得实效。"
    assert [level for level, _, _ in outline([first, second, third, body])] == [1, 2, 3]


def test_a_style_seen_before_returns_to_its_level_and_numbering_restarts():
    lines = ["一、目标", "1.甲项", "2.乙项", "二、措施", "1.丙项", "(1)细则", "2.丁项", "三、保障"]
    assert [(lvl, m) for lvl, m, _ in outline(lines)] == [
        (1, "一、"),
        (2, "1."),
        (2, "2."),
        (1, "二、"),
        (2, "1."),
        (3, "(1)"),
        (2, "2."),
        (1, "三、"),
    ]


def test_levels_follow_the_document_not_a_fixed_table():
    # A document that starts with (1) makes (1) level 1.
    assert [lvl for lvl, _, _ in outline(["(1)课题研究", "①开题", "(2)读书活动"])] == [1, 2, 1]


@pytest.mark.parametrize(
    ("line", "title", "text", "run_in"),
    [
        ("三、负责以下具体工作:", "负责以下具体工作:", "", False),
        (
            "3.领导教研组工作。协助校长选配好教研组长。",
            "领导教研组工作。",
            "协助校长选配好教研组长。",
            True,
        ),
        (
            "7. 使用中的消毒、灭菌剂:感染管理科每季度抽查。",
            "使用中的消毒、灭菌剂:",
            "感染管理科每季度抽查。",
            True,
        ),
        ("(3)设立教研组的联络人。", "设立教研组的联络人。", "", True),
        (
            "1、坚持把教育科研作为以教师为主体的群众性教育科研,作为教育理论和实践联系的中介。",
            "",
            "坚持把教育科研作为以教师为主体的群众性教育科研,作为教育理论和实践联系的中介。",
            False,
        ),
    ],
)
def test_numbered_line_heading_or_item(line, title, text, run_in):
    _, (node,) = parse_nodes([line])
    assert (node.title, node.text, node.run_in) == (title, text, run_in)


def test_short_phrase_heads_its_text_but_is_an_entry_in_a_list_of_phrases():
    _, (node,) = parse_nodes(["1、课题研究", "抓好已经立项的课题的开题和阶段性研究工作。"])
    assert (node.title, node.text, node.run_in) == (
        "课题研究",
        "抓好已经立项的课题的开题和阶段性研究工作。",
        False,
    )
    _, nodes = parse_nodes(["二月：", "1、完成教科室工作计划", "2、课题资料整理", "三月："])
    entries = nodes[0].children
    assert [(n.title, n.run_in) for n in entries] == [
        ("完成教科室工作计划", True),
        ("课题资料整理", True),
    ]
    assert [n.title for n in nodes] == ["二月：", "三月："]


def test_short_sentences_over_their_own_paragraphs_are_headings_by_majority():
    lines = [
        "二、工作目标和措施",
        "1、开展课题研究。",
        "本学期强化课题研究过程管理。",
        "2、做好教师教科研考核工作。",
        "将每位教师教科研实绩纳入学校考评。",
        "3、认真做好电教设备的维护和使用工作。",
        "定期检查电教设备的使用情况。",
    ]
    _, (top,) = parse_nodes(lines)
    assert [(n.title, n.run_in) for n in top.children] == [
        ("开展课题研究。", False),
        ("做好教师教科研考核工作。", False),
        ("认真做好电教设备的维护和使用工作。", False),
    ]
    # A full statement continued on the next lines, among long items, stays an item.
    lines = [
        "一、基本要求",
        "（一）教研员和每所学校固定联系一般为两年。",
        "联系期间要制定好工作计划。",
        "（二）采用平时沟通与到学校现场办公相结合的方式，和学校保持经常性工作联系。",
        "（三）教研员每学期深入联系学校两次以上，组织校本教研活动二次以上；撰写调研文章。",
    ]
    _, (top,) = parse_nodes(lines)
    assert not any(n.title and not n.run_in for n in top.children)


def test_unmarked_headings_and_months():
    lines = [
        "指导思想:",
        "坚持以科研为先导，积极开展教育教学研究。",
        "主要工作:",
        "一、注重学习培训",
        "1.学习理论，做好笔记。",
        "二、工作日程:",
        "九月份:",
        "1、制定计划。",
        "十月份:",
        "1、组织开课。",
    ]
    assert [(lvl, t) for lvl, _, t in outline(lines)] == [
        (1, "指导思想:"),
        (1, "主要工作:"),
        (2, "注重学习培训"),
        (3, "学习理论，做好笔记。"),
        (2, "工作日程:"),
        (3, "九月份:"),
        (4, "制定计划。"),
        (3, "十月份:"),
        (4, "组织开课。"),
    ]


def test_unmarked_heading_before_an_open_list_heads_it():
    lines = [
        "1.甲项工作要抓实。",
        "2.乙项工作要抓细。",
        "9月份:",
        "1.制定计划。",
        "10月份:",
        "1.检查。",
    ]
    assert [(lvl, m) for lvl, m, _ in outline(lines)] == [
        (1, "1."),
        (1, "2."),
        (1, ""),
        (2, "1."),
        (1, ""),
        (2, "1."),
    ]


def test_short_line_heading_needs_body_after_it():
    lines = ["课题研究", "抓好已经立项的课题，了解课题的进展情况。", "开学论文把关", "课题研究管理"]
    preamble, nodes = parse_nodes(lines)
    assert preamble == ""
    assert [(n.title, n.text) for n in nodes] == [
        ("课题研究", "抓好已经立项的课题，了解课题的进展情况。\n开学论文把关\n课题研究管理")
    ]


def test_preamble_and_subtitle():
    lines = [
        "中心小学教科室工作职责",
        "教科室是学校的科研机构。它的主要工作职责是:",
        "1、普及教育科研知识。",
    ]
    preamble, nodes = parse_nodes(lines)
    assert preamble == "中心小学教科室工作职责\n教科室是学校的科研机构。它的主要工作职责是:"
    assert nodes[0].marker == "1、"


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        ("一、总体要求1.指导思想坚持以人为本。", ["一、总体要求", "1.指导思想坚持以人为本。"]),
        (
            "二、工作目标1. 提高水平;2. 加强合作;3. 推动改革。",
            ["二、工作目标", "1. 提高水平;", "2. 加强合作;", "3. 推动改革。"],
        ),
        (
            "3、培养骨干教师 2 名以上4、注重抓好课堂教学改革。",
            ["3、培养骨干教师 2 名以上", "4、注重抓好课堂教学改革。"],
        ),
        ("2. 具体内容(1)观摩课堂，了解教学。", ["2. 具体内容", "(1)观摩课堂，了解教学。"]),
        ("1、每周听课2、3节，做好记录。", ["1、每周听课2、3节，做好记录。"]),
        ("1.完成第2、第3单元的教学。", ["1.完成第2、第3单元的教学。"]),
        ("一、本学期完成2.5万字笔记。", ["一、本学期完成2.5万字笔记。"]),
    ],
)
def test_glued_markers_are_split(line, parts):
    _, nodes = parse_nodes([line])
    got = [f"{n.marker}{n.title}{n.text}" for n in iter_nodes(nodes)]
    assert [squeeze(g) for g in got] == [squeeze(p) for p in parts]


def test_level_is_capped_at_five():
    lines = ["一、甲", "（一）乙", "1.丙", "(1)丁", "①戊", "A.己", "•庚"]
    assert [lvl for lvl, _, _ in outline(lines)] == [1, 2, 3, 4, 5, 5, 5]


# -- split_documents ------------------------------------------------------------------


def test_split_numbered_series_drops_page_titles():
    lines = ["教科室工作职责", "教科室工作职责(15篇)", "教科室工作职责1", "一、制订计划。"]
    lines += ["教科室工作职责2", "1.负责课题。"]
    assert split_documents(lines, "a.txt") == [
        ("教科室工作职责1", ["一、制订计划。"]),
        ("教科室工作职责2", ["1.负责课题。"]),
    ]


def test_split_chinese_numbered_series():
    lines = [
        "计划主题篇一",
        "坚持科研兴校。",
        "计划主题篇二",
        "一、指导思想",
        "计划主题篇三",
        "1。开学前准备。",
    ]
    assert [t for t, _ in split_documents(lines, "b.txt")] == [
        "计划主题篇一",
        "计划主题篇二",
        "计划主题篇三",
    ]


def test_split_sharing_site_titles_repeated_in_the_body():
    lines = [
        "小学教研工作制度(5篇)",
        "小学教研工作制度为加强管理，特制定本规范。",
        "一、教学办公会制度",
    ]
    lines += ["教研员包点工作实施方案", "教研员包点工作实施方案一、背景介绍教研员包点是重要工作。"]
    assert split_documents(lines, "c.txt") == [
        ("小学教研工作制度", ["为加强管理，特制定本规范。", "一、教学办公会制度"]),
        ("教研员包点工作实施方案", ["一、背景介绍教研员包点是重要工作。"]),
    ]


def test_single_document_uses_first_line_or_file_name_as_title():
    assert split_documents(["2024年教科室工作计划", "一、指导思想"], "d.txt") == [
        ("2024年教科室工作计划", ["一、指导思想"])
    ]
    assert split_documents(["一、指导思想", "坚持育人为本。"], "dir/计划.txt") == [
        ("计划", ["一、指导思想", "坚持育人为本。"])
    ]


# -- properties -----------------------------------------------------------------------

MARKERS = [
    "一、",
    "（二）",
    "(三)",
    "1.",
    "2、",
    "3。",
    "(1)",
    "（2）",
    "⑴",
    "①",
    "第一、",
    "第二部分",
    "2.1 ",
    "A.",
    "",
]
WORDS = [
    "指导思想",
    "课题研究",
    "九月份",
    "工作目标",
    "教师",
    "的",
    "认真组织实施",
    "2",
    "、",
    "。",
    "，",
    ":",
    "；",
    " ",
]
line_strategy = st.builds(
    lambda marker, words: marker + "".join(words),
    st.sampled_from(MARKERS),
    st.lists(st.sampled_from(WORDS), min_size=0, max_size=12),
)
doc_strategy = st.lists(line_strategy, min_size=0, max_size=25)


def flatten(preamble, nodes) -> str:
    parts = [preamble]
    for node in iter_nodes(nodes):
        parts += [node.marker, node.title, node.text]
    return squeeze("".join(parts))


@settings(max_examples=400, deadline=None)
@given(doc_strategy)
def test_parse_nodes_never_loses_or_reorders_text(lines):
    preamble, nodes = parse_nodes(lines)
    assert flatten(preamble, nodes) == squeeze("".join(lines))


@settings(max_examples=300, deadline=None)
@given(doc_strategy)
def test_levels_are_1_to_5_and_children_are_deeper(lines):
    _, nodes = parse_nodes(lines)

    def check(node_list, parent_level):
        for node in node_list:
            assert 1 <= node.level <= 5
            assert node.level == parent_level + 1 or (node.level == 5 and parent_level == 5)
            check(node.children, node.level)

    check(nodes, 0)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=40), max_size=20))
def test_parse_nodes_never_loses_text_of_arbitrary_lines(lines):
    lines = [line for line in lines if "\n" not in line and "\r" not in line]
    preamble, nodes = parse_nodes(lines)
    assert flatten(preamble, nodes) == squeeze("".join(lines))
