"""classify_section, flags and extract_sections on small hand-made documents."""

from __future__ import annotations

import pytest

from wenshu.generator.importing import classify_section, extract_sections, import_text, parse_nodes
from wenshu.generator.importing.classify import kind_of, section_flags
from wenshu.generator.importing.model import ImportedDocument
from wenshu.generator.vocab import CATEGORIES, TOPICS


@pytest.mark.parametrize(
    ("title", "text", "category"),
    [
        ("指导思想", "坚持以人为本。", "指导思想"),
        ("指导思想和工作思路:", "", "指导思想"),
        ("工作目标", "", "工作目标"),
        ("目标任务:", "", "工作目标"),
        ("工作重点与措施", "", "工作措施"),
        ("具体措施", "", "工作措施"),
        ("工作月行事历", "", "行事历"),
        ("九月份:", "", "行事历"),
        ("具体分工:", "", "分工"),
        ("工作保障", "", "保障措施"),
        ("存在的问题", "", "存在问题"),
        ("今后努力方向", "", "努力方向"),
        ("主要成绩", "", "成效"),
        ("", "九月\n制定计划。\n十月\n论文评比。", "行事历"),
        ("课题研究", "抓好已经立项的课题。", "工作措施"),
    ],
)
def test_category_by_keywords(title, text, category):
    assert classify_section(title, text)[0] == category


def test_duty_documents_default_to_duties():
    assert classify_section("常规工作", "按时制定教研组工作计划。", "工作职责")[0] == "职责"


@pytest.mark.parametrize(
    ("title", "text", "topic"),
    [
        ("课题研究", "", "课题研究"),
        ("青蓝工程", "开展师徒结对，培养青年教师。", "青年教师培养"),
        ("", "组织读书活动，撰写读书笔记。", "读书活动"),
        ("", "做好心理健康教育。", "心理健康"),
        ("", "组织公开课、示范课。", "公开课"),
        ("", "做好资料归档、建档工作。", "档案管理"),
        ("", "办好家长学校，加强家校沟通。", "家校共育"),
    ],
)
def test_topics_by_keywords(title, text, topic):
    topics = classify_section(title, text)[1]
    assert topic in topics
    assert set(topics) <= set(TOPICS)


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        ("组织20xx年度课题申报。", ["含占位符20xx"]),
        ("根据《xx区教育局意见》，于2023年9月开学。", ["含占位符xx", "含年份2023"]),
        ("桂教规范〔2021〕4号，2019.05.29 施行。", ["含年份2019", "含年份2021"]),
        ("每学期听课不少于2000字笔记，合格率达100%。", []),
    ],
)
def test_flags_placeholders_and_years(text, flags):
    assert section_flags(text) == flags


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("教科室工作职责3", "工作职责"),
        ("2023年工作总结", "工作总结"),
        ("教科室工作计划主题篇一", "工作计划"),
        ("校本教研制度", "制度"),
        ("关于召开期中教学分析会的通知", "通知"),
    ],
)
def test_kind_of_title(title, kind):
    assert kind_of(title) == kind


def doc_of(lines: list[str], kind: str | None = "工作计划") -> ImportedDocument:
    preamble, nodes = parse_nodes(lines)
    return ImportedDocument("测试计划", "t.txt", preamble, nodes, kind=kind)


def test_big_headings_are_split_into_child_sections():
    body = "认真组织实施，明确责任分工，确保各项工作取得实效，" * 12
    lines = ["三、具体措施", "1.课题研究", body, "2.读书活动", body, "3.论文评比", body]
    sections = extract_sections(doc_of(lines))
    assert [s.title for s in sections] == ["课题研究", "读书活动", "论文评比"]
    assert all(s.category == "工作措施" for s in sections)
    assert "读书活动" in sections[1].topics


def test_small_headings_stay_whole_and_calendar_stays_together():
    lines = [
        "一、指导思想",
        "坚持以科研为先导。",
        "二、具体安排",
        "九月份:",
        "1、制定计划。",
        "十月份:",
        "1、论文评比。",
    ]
    sections = extract_sections(doc_of(lines))
    assert [(s.title, s.category) for s in sections] == [
        ("指导思想", "指导思想"),
        ("具体安排", "行事历"),
    ]
    assert sections[1].items == ["九月份：", "制定计划。", "十月份：", "论文评比。"]
    assert sections[1].item_levels == [1, 2, 1, 2]


def test_top_level_month_run_is_one_calendar_section():
    lines = ["9月份:", "1.制定计划。", "10月份:", "1.检查备课。", "11月份:", "1.论文评比。"]
    (section,) = extract_sections(doc_of(lines))
    assert section.category == "行事历"
    assert len(section.items) == 6


def test_duty_list_is_one_duty_section():
    lines = [
        "一、制订教科室工作计划。",
        "二、负责以下具体工作:",
        "1.负责课题管理。",
        "2.负责论文评比。",
    ]
    (section,) = extract_sections(doc_of(lines, "工作职责"))
    assert section.category == "职责"
    assert section.items == [
        "制订教科室工作计划。",
        "负责以下具体工作：",
        "负责课题管理。",
        "负责论文评比。",
    ]
    assert section.item_levels == [1, 1, 2, 2]


def test_import_text_sections_have_valid_vocabulary():
    result = import_text(
        "教研组工作计划\n一、指导思想\n坚持以人为本。\n二、工作目标\n1.提高质量。\n", "x.txt"
    )
    assert [s.category for s in result.sections] == ["指导思想", "工作目标"]
    assert all(s.category in CATEGORIES and s.kind == "工作计划" for s in result.sections)
