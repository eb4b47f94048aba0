"""通知: 主送, 正文 with a numbered tree, 附件说明 with aligned names, each 附件 on a page of
its own, the gbt9704 版头 (red 标志, 文号, red rule) and 版记 (frames at the foot of the
last page), the school profile's simpler layout, and validation with line numbers."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers_docx import NS, body_blocks, invoke, paragraphs, q, stderr_of, texts, write_spec
from helpers_layout import tables_of

NOTICE = """\
文种: 通知
单位: 城南中学
部门: 教科室
标题: 关于开展读书交流活动的通知
文号: 城中教科[2025]第3号
主送: 各教研组。
正文:
  内容: 为营造读书氛围，学校决定开展读书交流活动。现将有关事项通知如下。
  条目:
    - 标题: 活动时间
      内容: 第6周周三下午。
    - 标题: 活动要求
      条目:
        - 每个教研组推荐一名教师发言。
        - 发言时间不超过十分钟。
结束语: 请各教研组认真准备。
联系人: 联系人：教科室 周老师
附件:
  - 标题: 发言安排表。
    表格:
      表头: [序号, 教研组, 发言教师, 书目]
      行:
        - [1, 语文组, 王芳, 《给教师的建议》]
        - [2, 数学组, 李强, 《怎样解题》]
  - 标题: 报名回执
    内容: 请于第5周周五前交教科室。
    表格:
      表头: [教研组, 发言教师, 书目]
      行:
        - ["", "", ""]
落款: {单位: 城南中学教科室, 日期: 2025-10-08}
抄送: 校长室、教务处
"""


def build(tmp_path: Path, text: str, *args: str) -> tuple[int, str, Path]:
    spec = write_spec(tmp_path / "通知.yaml", text)
    result = invoke(["build", spec, "--force", *args])
    return result.exit_code, stderr_of(result), spec.with_suffix(".docx")


def _ind(p, attr: str) -> int:
    ind = p.xml.find("w:pPr/w:ind", NS)
    return int(ind.get(q(attr), "0")) if ind is not None else 0


def _page_break(p) -> bool:
    return p.xml.find("w:pPr/w:pageBreakBefore", NS) is not None


def test_school_notice_reads_in_order(tmp_path):
    code, err, docx = build(tmp_path, NOTICE)
    assert code == 0, err
    assert texts(docx) == [
        "城中教科〔2025〕3号",  # the 文号 written the GB/T way, flush right above the title
        "关于开展读书交流活动的通知",
        "各教研组：",
        "为营造读书氛围，学校决定开展读书交流活动。现将有关事项通知如下。",
        "一、活动时间",
        "第6周周三下午。",
        "二、活动要求",
        "（一）每个教研组推荐一名教师发言。",
        "（二）发言时间不超过十分钟。",
        "请各教研组认真准备。",
        "联系人：教科室 周老师",
        "附件：1.发言安排表",  # no punctuation after a name
        "2.报名回执",
        "城南中学教科室",
        "2025年10月8日",
        "附件1",
        "发言安排表",
        "附件2",
        "报名回执",
        "请于第5周周五前交教科室。",
        "抄送：校长室、教务处。",
    ]
    paras = paragraphs(docx)
    number = next(p for p in paras if p.text.startswith("城中教科"))
    assert number.xml.find("w:pPr/w:jc", NS).get(q("val")) == "right"
    addressee = next(p for p in paras if p.text == "各教研组：")
    assert _ind(addressee, "firstLine") == 0  # flush left
    title = paras.index(next(p for p in paras if p.style == "Title"))
    assert paras[title + 1].text == "" and paras[title + 2] is addressee  # one line below


def test_attachment_note_aligns_the_names(tmp_path):
    code, err, docx = build(tmp_path, NOTICE)
    assert code == 0, err
    paras = paragraphs(docx)
    first = next(i for i, p in enumerate(paras) if p.text.startswith("附件："))
    assert paras[first - 1].text == ""  # one blank line after the body
    one, two = paras[first], paras[first + 1]
    char = 320  # 三号: one character in twips
    # Both lines hang from the same left edge, where the names start; the first line
    # starts 2 characters in, the second where "1." starts (after 附件：).
    assert _ind(one, "left") == _ind(two, "left")
    assert _ind(one, "left") - _ind(one, "hanging") == 2 * char
    assert _ind(two, "left") - _ind(two, "hanging") == 5 * char
    # A single attachment is "附件：名称", and its page says 附件 without a number.
    single = NOTICE.split("  - 标题: 报名回执")[0] + "落款: {单位: 城南中学, 日期: 2025-10-08}\n"
    code, err, docx = build(tmp_path, single)
    assert code == 0, err
    lines = texts(docx)
    assert "附件：发言安排表" in lines and lines[lines.index("发言安排表") - 1] == "附件"


def test_each_attachment_starts_a_page_with_its_label_and_title(tmp_path):
    code, err, docx = build(tmp_path, NOTICE)
    assert code == 0, err
    blocks = body_blocks(docx)
    for label, title in (("附件1", "发言安排表"), ("附件2", "报名回执")):
        i = next(k for k, b in enumerate(blocks) if getattr(b, "text", None) == label)
        head = blocks[i]
        assert _page_break(head)
        assert _ind(head, "firstLine") == 0
        fonts = head.xml.find("w:r/w:rPr/w:rFonts", NS)
        assert fonts.get(q("eastAsia")) == "黑体"
        assert blocks[i + 1].text == ""  # the title is on the third line
        assert blocks[i + 2].style == "Title" and blocks[i + 2].text == title
    tables = tables_of(docx)
    assert [t.header[0].text for t in tables] == ["序号", "教研组"]
    assert tables[0].rows[1][3].text == "《怎样解题》"
    # An empty row is room to write in: it gets a height of its own.
    empty_row = tables[1].row_props[1]
    assert empty_row.find("w:trHeight", NS) is not None
    assert tables[0].row_props[1].find("w:trHeight", NS) is None


def _frames(docx: Path) -> list:
    return [p for p in paragraphs(docx) if p.xml.find("w:pPr/w:framePr", NS) is not None]


def test_school_profile_has_no_red_head_and_only_the_copies_at_the_foot(tmp_path):
    code, err, docx = build(tmp_path, NOTICE)
    assert code == 0, err
    xml = "".join(p.xml.xpath("string()") for p in paragraphs(docx))
    assert "城南中学教科室文件" not in xml
    assert not any(p.xml.find(".//w:color", NS) is not None for p in paragraphs(docx))
    assert [p.text for p in _frames(docx)] == ["抄送：校长室、教务处。"]
    code, err, docx = build(tmp_path, NOTICE.replace("抄送: 校长室、教务处\n", ""))
    assert code == 0, err
    assert _frames(docx) == []


def test_official_profile_draws_the_red_head_and_the_imprint(tmp_path):
    code, err, docx = build(tmp_path, NOTICE, "--profile", "gbt9704")
    assert code == 0, err
    paras = paragraphs(docx)
    mark = paras[0]
    assert mark.text == "城南中学教科室文件"
    rpr = mark.xml.find("w:r/w:rPr", NS)
    assert rpr.find("w:color", NS).get(q("val")) == "FF0000"
    assert rpr.find("w:rFonts", NS).get(q("eastAsia")) == "方正小标宋简体"
    # 35 mm from the top of the text block to the top of the 标志 (about: the line's
    # leading is taken off).
    before = int(mark.xml.find("w:pPr/w:spacing", NS).get(q("before")))
    assert 1700 < before <= round(35 / 25.4 * 1440)
    number = paras[2]
    assert number.text == "城中教科〔2025〕3号"
    rule = number.xml.find("w:pPr/w:pBdr/w:bottom", NS)
    assert rule.get(q("color")) == "FF0000"
    assert number.xml.find("w:pPr/w:jc", NS).get(q("val")) == "center"
    assert [p.text for p in paras[3:6]] == ["", "", "关于开展读书交流活动的通知"]
    frames = _frames(docx)
    assert [p.text for p in frames] == ["抄送：校长室、教务处。", "城南中学教科室2025年10月8日印发"]
    # The frames stack up from the bottom of the text block (225 mm).
    ys = [int(p.xml.find("w:pPr/w:framePr", NS).get(q("y"))) for p in frames]
    hs = [int(p.xml.find("w:pPr/w:framePr", NS).get(q("h"))) for p in frames]
    assert ys[1] == ys[0] + hs[0]
    assert abs(ys[1] + hs[1] - round(225 / 25.4 * 1440)) <= 2
    tops = [p.xml.find("w:pPr/w:pBdr/w:top", NS).get(q("sz")) for p in frames]
    assert tops == ["8", "6"]  # 0.35 mm outer rule, 0.25 mm between 抄送 and 印发
    assert frames[1].xml.find("w:pPr/w:pBdr/w:bottom", NS).get(q("sz")) == "8"


def test_imprint_takes_the_issuer_and_date_given(tmp_path):
    text = NOTICE + "印发机关: 城南中学办公室\n印发日期: 2025-10-09\n"
    code, err, docx = build(tmp_path, text, "--profile", "gbt9704")
    assert code == 0, err
    assert _frames(docx)[-1].text == "城南中学办公室2025年10月9日印发"


@pytest.mark.parametrize(
    ("old", "new", "line", "message", "code"),
    [
        ("标题: 关于开展读书交流活动的通知", "标题: 读书交流活动安排", 4, "以“通知”结尾", 0),
        (
            "        - [2, 数学组, 李强, 《怎样解题》]",
            "        - [2, 数学组, 李强]",
            24,
            "有3格，表头有4列",
            2,
        ),
        (
            '    内容: 请于第5周周五前交教科室。\n    表格:\n      表头: [教研组, 发言教师, 书目]\n      行:\n        - ["", "", ""]\n',
            "",
            25,
            "没有内容",
            2,
        ),
        (
            "落款: {单位: 城南中学教科室, 日期: 2025-10-08}",
            "落款: {单位: 城南中学教科室}",
            31,
            "成文日期",
            0,
        ),
        ("      表头: [序号, 教研组, 发言教师, 书目]", "      表头: []", 21, "不能为空列表", 2),
    ],
    ids=["title", "short-row", "empty-attachment", "no-date", "no-header"],
)
def test_problems_name_the_line(tmp_path, old, new, line, message, code):
    assert old in NOTICE
    status, err, _ = build(tmp_path, NOTICE.replace(old, new, 1))
    assert status == code, err
    assert message in err and f"第{line}行" in err, err
    assert ("警告" if code == 0 else "错误") in err


def test_strict_turns_the_title_warning_into_an_error(tmp_path):
    status, err, _ = build(tmp_path, NOTICE.replace("的通知", "的安排"), "--strict")
    assert status == 2 and "以“通知”结尾" in err


def test_note_signature_and_attachment_heads_keep_with_what_follows(tmp_path):
    """The 附件说明 takes the last line of the body along to a new page (never a page of
    the note and the signature only); an 附件's label and title stay with its content."""
    code, err, docx = build(tmp_path, NOTICE)
    assert code == 0, err
    paras = paragraphs(docx)

    def keeps(p) -> bool:
        k = p.xml.find("w:pPr/w:keepNext", NS)
        return k is not None and k.get(q("val"), "1") != "0"

    first = next(i for i, p in enumerate(paras) if p.text.startswith("附件："))
    assert paras[first - 2].text.startswith("联系人") and keeps(paras[first - 2])
    assert keeps(paras[first - 1]) and keeps(paras[first]) and keeps(paras[first + 1])
    label = next(i for i, p in enumerate(paras) if p.text == "附件1")
    assert keeps(paras[label]) and keeps(paras[label + 1])


def test_an_imprint_too_tall_for_the_foot_follows_the_text_whole(tmp_path):
    names = "、".join(f"第{i}教研组" for i in range(1, 301))
    code, err, docx = build(tmp_path, NOTICE.replace("抄送: 校长室、教务处", f"抄送: {names}"))
    assert code == 0, err
    assert _frames(docx) == []
    last = [p for p in paragraphs(docx) if p.text][-1]
    assert last.text == f"抄送：{names}。"
    assert last.xml.find("w:pPr/w:pBdr/w:top", NS) is not None


def test_a_wrong_cell_is_one_problem_not_also_a_short_row(tmp_path):
    text = NOTICE.replace("[1, 语文组, 王芳, 《给教师的建议》]", "[1, 语文组, [王芳], 《给教师的建议》]")
    status, err, _ = build(tmp_path, text)
    assert status == 2 and "一格应为文字或数字" in err, err
    assert "表头有" not in err, err
