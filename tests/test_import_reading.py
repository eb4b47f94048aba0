"""How real old documents are read, class by class: Word's list numbers, tables holding
structure, forms, notices, attachment lists, tables copied as text, bylines, numbering
that restarts or jumps, labels over flat numbering, traditional characters, and sections
that do not depend on spacing or punctuation width."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from helpers_seeds import seeds_dir

from wenshu.generator.importing import (
    ImportFailure,
    import_file,
    import_text,
    is_heading,
    iter_nodes,
    read_source,
)
from wenshu.generator.importing.docx_numbering import format_number
from wenshu.generator.importing.outline import headings, outline_data
from wenshu.generator.importing.reader import MAX_LINE_CHARS

DATA = Path(__file__).resolve().parent / "data" / "import"


@cache
def read(name: str):
    return import_file(DATA / name)


def outline(result) -> list[list[tuple[int, str]]]:
    data = outline_data(result, "x")
    return [[(h["level"], h["text"]) for h in d["headings"]] for d in data["documents"]]


# ---- Word's own numbering -------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "fmt", "text"),
    [
        (3, "chineseCounting", "三"),
        (12, "chineseCountingThousand", "十二"),
        (21, "chineseCounting", "二十一"),
        (3, "decimalEnclosedCircle", "③"),
        (2, "decimalEnclosedParen", "⑵"),
        (4, "upperLetter", "D"),
        (28, "lowerLetter", "ab"),
        (9, "lowerRoman", "ix"),
        (2, "ideographTraditional", "乙"),
        (305, "ideographDigital", "三〇五"),
        (7, "decimalZero", "07"),
        (5, "bogus", "5"),
    ],
)
def test_word_number_formats(n, fmt, text):
    assert format_number(n, fmt) == text


def test_numbering_xml_labels_come_back_before_parsing():
    lines = read_source(DATA / "d01_numbering_chinese.docx").lines
    assert lines[1:3] == [
        "一、指导思想",
        "以课程改革为主线，以提高课堂效益为重点，规范管理，注重实效，全面提高教学质量。",
    ]
    levels = outline(read("d01_numbering_chinese.docx"))[0]
    # 一、二、 come from numbering.xml, 三、四、 were typed: all four at level 1.
    assert [t for lvl, t in levels if lvl == 1] == [
        "一、指导思想",
        "二、工作目标",
        "三、主要工作",
        "四、保障措施",
    ]


def test_list_numbers_restart_where_word_restarts_them():
    doc = read("d02_numbering_restart.docx").documents[0]
    items = [n.marker for n in iter_nodes(doc.nodes) if not is_heading(n)]
    assert items == ["1."] + ["2."] + ["1.", "2."] * 3  # each list starts again at 1.
    assert [m for lvl, m in outline(read("d02_numbering_restart.docx"))[0] if lvl == 2] == [
        "（一）课堂教学",
        "（二）作业管理",
        "（一）上半学期",
        "（二）下半学期",
    ]


def test_numbering_carried_by_heading_styles():
    assert outline(read("d03_numbering_multilevel.docx"))[0][:3] == [
        (1, "1.质量目标"),
        (1, "2.质量控制措施"),
        (2, "2.1分析前质量控制"),
    ]


# ---- tables -------------------------------------------------------------------------------


def test_work_breakdown_table_gives_task_and_month_headings():
    result = read("d04_keywork_table.docx")
    (doc,) = result.documents
    (table,) = doc.tables
    assert table.kind == "structure" and table.shape == (6, 3)
    heads = outline(result)[0]
    assert heads[2] == (2, "课程建设")
    assert heads[3] == (3, "3月：修订学校课程实施方案")
    # The task cell merged over two rows is read once.
    assert [t for _, t in heads].count("课程建设") == 1
    months = [n for n in iter_nodes(doc.nodes) if n.title == "3月："]
    assert months[0].children[0].text == "组织各学科梳理校本课程资源"
    assert "具体措施及时间" not in {t for _, t in heads}  # the header row is no heading


def test_calendar_table_is_kept_as_a_table_without_headings():
    result = read("d08_calendar_only.docx")
    (doc,) = result.documents
    assert outline(result) == [[]]
    assert doc.tables[0].kind == "data"
    assert doc.tables[0].rows[2] == ["2", "9.8-9.12", "教师节庆祝活动", ""]  # merged below


def test_tab_separated_rows_are_a_table(tmp_path):
    result = read("t06_calendar_tabs.txt")
    (doc,) = result.documents
    (table,) = doc.tables
    assert table.rows[0] == ["周次", "日期", "主要工作安排", "备注"]
    assert ["各年级家长会"] in table.rows  # what is left of a row under a merged cell
    assert outline(result) == [[]]


def test_numbered_paragraph_with_a_tab_is_not_a_table_row():
    result = import_text(
        "教研组工作计划\n一、指导思想\n坚持育人为本。\n1.\t抓好备课。\n2.\t抓好作业。\n", "x.txt"
    )
    (doc,) = result.documents
    assert doc.tables == []
    assert [n.marker for n in iter_nodes(doc.nodes)] == ["一、", "1.", "2."]


# ---- forms ---------------------------------------------------------------------------------


def test_each_form_is_a_document_named_by_its_post():
    result = read("d06_forms_school.docx")
    titles = [d.title for d in result.documents]
    assert titles == ["教务员岗位说明书", "图书管理员岗位说明书", "实验员岗位说明书",
                      "宿舍管理员岗位说明书", "档案管理员岗位说明书"]  # fmt: skip
    first = result.documents[0]
    assert first.kind == "工作职责"
    assert ("所属部门", "教务处") in first.fields
    duties = [n for n in first.nodes if n.title == "岗位职责"][0]
    assert [c.marker for c in duties.children] == ["1、", "2、", "3、", "4、"]
    # A label merged across four columns the old way is read once.
    last = result.documents[4]
    assert [h.title for h in headings(last.nodes)] == ["岗位职责", "任职资格"]


def test_form_sections_are_duties():
    sections = read("d07_forms_hospital.docx").sections
    duty = [s for s in sections if s.title == "工作内容"]
    assert len(duty) == 3 and all(s.category == "职责" for s in duty)


# ---- notices, attachments, salutations -------------------------------------------------


def test_notice_around_a_plan_is_set_aside():
    (doc,) = read("t03_notice_wrapped_plan.txt").documents
    assert doc.title == "城东中学2025年教学工作计划"
    assert doc.wrapper[0] == "关于印发《城东中学2025年教学工作计划》的通知"
    assert "各位教工：" in doc.wrapper and "城东中学办公室" in doc.wrapper
    assert doc.nodes[0].level == 1 and doc.nodes[0].marker == "一、"
    assert not any("印发给你们" in s.text for s in read("t03_notice_wrapped_plan.txt").sections)


def test_attachment_list_closes_the_document():
    (doc,) = read("t05_notice_district.txt").documents
    closing = doc.nodes[-1]
    assert (closing.level, closing.title) == (1, "")
    assert closing.text.startswith("附件：1.教学视导日程安排")
    assert all(n.level == 1 for n in doc.nodes)
    after = import_text(
        "计划\n一、甲\n内容。\n（一）乙\n内容。\n附件：安排表\n二、丙\n内容。\n", "x.txt"
    )
    assert [(n.level, n.marker) for n in after.documents[0].nodes] == [
        (1, "一、"),
        (1, ""),
        (1, "二、"),
    ]


def test_salutation_is_not_a_heading():
    result = import_text(
        "关于开展读书活动的通知\n全体教师：\n为营造读书氛围，现通知如下。\n一、活动时间\n三月至六月。\n",
        "x.txt",
    )
    assert outline(result) == [[(1, "一、活动时间")]]


# ---- noise ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "文章来源：城南小学  作者：教导处  发布时间：2025-09-03  点击数： 次",
        "发布者：教科室    发布时间：2025-07-02    浏览次数：318",
        "来源：教务处 更新时间：2024/3/5 阅读次数：12",
        "作者：佚名 来源：互联网 发布日期：2024-05-01",
        "【打印本页】【关闭窗口】",
        "版权所有：桃园中学  地址：桃园路18号",
    ],
)
def test_bylines_and_page_chrome_are_noise(line):
    result = import_text(f"城南小学工作计划\n{line}\n一、指导思想\n坚持育人为本。\n", "x.txt")
    (doc,) = result.documents
    assert [text for text, _ in doc.noise] == [line.strip()]
    assert outline(result) == [[(1, "一、指导思想")]]


def test_a_sentence_mentioning_an_author_stays():
    text = "城南小学工作计划\n一、指导思想\n邀请作者：王老师来校讲座，介绍写作经验。\n"
    (doc,) = import_text(text, "x.txt").documents
    assert doc.noise == [] and "作者" in doc.nodes[0].text


# ---- marker ≠ depth ------------------------------------------------------------------------


def test_restarted_numbering_inside_sub_projects_nests():
    heads = outline(read("t09_restart_action_plan.txt"))[0]
    assert heads[:4] == [
        (1, "一、总体目标"),
        (1, "二、重点项目"),
        (2, "（一）课堂提质项目"),
        (3, "一、项目目标"),
    ]
    assert heads[-1] == (1, "三、保障措施")


def test_jumps_repeats_inline_text_and_sentence_headings():
    heads = outline(read("t10_jump_inline.txt"))[0]
    assert (2, "（一）师德修养要提高。") in heads
    assert heads[-3:] == [
        (1, "七、培养措施：继续实行师徒结对，师傅由学科骨干担任，双方签订结对协议，明确职责。"),
        (1, "八、考核办法：每学年对青年教师进行一次综合考核，考核结果存入个人业务档案。"),
        (1, "八、组织保障"),
    ]


def test_labels_over_flat_numbering_are_the_parents():
    (doc,) = read("t12_flat_labels.txt").documents
    assert [(n.level, n.title) for n in doc.nodes] == [
        (1, "教务处："),
        (1, "德育处："),
        (1, "总务处："),
        (1, "工会："),
    ]
    assert [c.marker for c in doc.nodes[1].children] == ["5、", "6、", "7、", "8、"]


# ---- scripts and widths ----------------------------------------------------------------------


def test_traditional_text_is_stored_simplified_and_shown_as_written():
    result = read("t14_traditional.txt")
    assert result.documents[0].title == "光华国民小学教务处工作计划"
    assert outline(result)[0][0] == (1, "一、指導思想")
    texts = " ".join(s.text + "".join(s.items) for s in result.sections)
    assert "课程计划" in texts and "課程" not in texts


def test_simplified_text_with_a_traditional_name_is_left_alone():
    text = (
        "城南中学工作计划\n一、指导思想\n坚持育人为本，以课堂教学为中心，全面提高教学质量。\n"
        "二、主要工作\n（一）教师培训\n本学期邀请臺灣師範大學的专家来校讲座两次，组织全体教师参加，"
        "讲座后各教研组开展研讨，每位教师撰写一篇学习体会。\n（二）课堂教学\n每位教师每学期上"
        "一节研究课，教研组集体评议，评议结果纳入学期考核。\n"
    )
    sections = import_text(text, "x.txt").sections
    assert any("臺灣師範大學" in s.text for s in sections)


def test_stored_text_uses_full_width_punctuation():
    sections = read("t15_ascii_spacing.txt").sections
    texts = [s.text for s in sections if s.text] + [i for s in sections for i in s.items]
    assert any("以新课标为依据，以提高课堂效率为目标" in t for t in texts)
    assert not any(re.search(r"[\u4e00-\u9fff][,:;]", t) for t in texts)
    assert any("（电子稿存档）" in t for t in texts)


def _respaced(text: str) -> str:
    """The same text as another web copy would give it: half-width punctuation, spaces
    after markers and commas, blank lines."""
    text = text.replace("，", ", ").replace("：", ":").replace("；", ";").replace("（", "(")
    text = text.replace("）", ")")
    text = re.sub(r"^(\d+)\.", r"\1. ", text, flags=re.M)
    text = re.sub(r"^([一二三四五六七八九十]+)、", r"\1、 ", text, flags=re.M)
    return text.replace("\n", "\n\n")


@pytest.mark.parametrize(
    "name",
    [
        "t01_plan_byline.txt",
        "t17_summary_middle.txt",
        "t25_duty_grouped.txt",
        "t29_summary_sentences.txt",
    ],
)
def test_sections_do_not_depend_on_spacing_or_width(name):
    text = (DATA / name).read_text(encoding="utf-8")
    one = import_text(text, "a.txt").sections
    two = import_text(_respaced(text), "b.txt").sections
    assert [(s.title, s.category, len(s.items)) for s in one] == [
        (s.title, s.category, len(s.items)) for s in two
    ]
    squeeze = lambda t: re.sub(r"\s", "", t)  # noqa: E731
    assert [squeeze(s.text) for s in one] == [squeeze(s.text) for s in two]


def test_seed_copies_of_one_plan_are_one_stored_copy_with_three_sources(tmp_path):
    from wenshu.generator.corpus import import_paths, open_corpus

    seeds = seeds_dir()
    files = [next(seeds.glob("001_*.txt")), next(seeds.glob("003_*.txt"))]
    three = {"001#篇二", "001#篇十三", "003#篇3"}
    with open_corpus(tmp_path / "c.db", builtin_dir=None) as corpus:
        import_paths(corpus, files)
        groups = []
        for section in corpus.sections():
            sources = {f"{s.split('_')[0]}#{s.rsplit('#', 1)[-1]}" for s in section.sources}
            if sources & three:
                groups.append(sources & three)
    assert len(groups) >= 5
    assert all(group == three for group in groups), groups


# ---- limits --------------------------------------------------------------------------------


def test_a_line_longer_than_any_paragraph_is_refused(tmp_path):
    path = tmp_path / "一行.txt"
    path.write_text("教" * (MAX_LINE_CHARS + 1), encoding="utf-8")
    with pytest.raises(ImportFailure, match=f"第1行.*超过每行 {MAX_LINE_CHARS} 个字符"):
        import_file(path)
