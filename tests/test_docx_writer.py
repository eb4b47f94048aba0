"""The Word writer: page setup, fonts, styles, tables, footers, signature, file safety."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Mm
from hypothesis import given, settings
from hypothesis import strategies as st

from wenshu.generator.doctree import (
    Cell,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Run,
    Signature,
    Table,
    Title,
)
from wenshu.generator.docx import PROFILES, build_docx, get_profile, write_docx
from wenshu.generator.errors import OutputExistsError, WenshuError

PROFILE_NAMES = sorted(PROFILES)
CJK = re.compile("[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
SIGN_DATE = dt.date(2025, 9, 1)


def sample_document() -> Document:
    """A document with every block type (sample sentences written for these tests)."""
    body = "本学期教研组将围绕课堂提质增效开展主题研讨，每两周组织一次听评课活动。"
    return Document(
        title="2025—2026学年第一学期语文教研组工作计划",
        kind="工作计划",
        author="语文教研组",
        blocks=[
            Title("2025—2026学年第一学期语文教研组工作计划", subtitle="（讨论稿）"),
            Paragraph.plain(body),
            Heading(1, "指导思想", "一、"),
            Paragraph.plain(body * 2),
            Heading(2, "主要工作", "（一）"),
            Heading(3, "抓实集体备课", "1."),
            Heading(4, "统一教学进度", "（1）"),
            Heading(5, "每周三下午集中研讨", "①"),
            Paragraph(
                [
                    Run("2.推进阅读工程。", level=3),
                    Run("每班每月共读一本整本书，并开展读书交流会。"),
                ]
            ),
            Paragraph.plain("附：本表可按实际情况调整。", indent=False, align="left"),
            Table(
                kind="行事历",
                header=["周次", "时间", "工作内容", "负责人"],
                rows=[
                    [Cell("1"), Cell("9月1日—7日"), Cell("制定教研组计划"), Cell("王老师")],
                    [Cell("2"), Cell("9月8日—14日"), Cell("新教师汇报课"), Cell("", merge_up=True)],
                    [
                        Cell("3"),
                        Cell("9月15日—21日"),
                        Cell("作业设计交流"),
                        Cell("", merge_up=True),
                    ],
                    [Cell("4"), Cell("9月22日—28日"), Cell("月考质量分析"), Cell("李老师")],
                ],
                caption="语文教研组行事历",
            ),
            PageBreak(),
            Paragraph.plain(body),
            Signature("实验中学语文教研组", SIGN_DATE),
        ],
    )


# ---------------------------------------------------------------- helpers


@pytest.fixture(scope="module", params=PROFILE_NAMES)
def saved(request, tmp_path_factory) -> tuple[str, Path]:
    """(profile name, path of the sample document saved with that profile)."""
    path = tmp_path_factory.mktemp(request.param) / "计划.docx"
    write_docx(sample_document(), path, profile=request.param)
    return request.param, path


def zip_text(path: Path, part: str) -> str:
    with zipfile.ZipFile(path) as zf:
        return zf.read(part).decode("utf-8")


def body_paragraphs(d: DocxDocument) -> list:
    """Top-level w:p elements of the body in order."""
    return d.element.body.findall(qn("w:p"))


def para_text(p) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def find_para(d: DocxDocument, text: str):
    matches = [p for p in body_paragraphs(d) if para_text(p) == text]
    assert matches, f"no paragraph {text!r}"
    return matches[0]


def style_el(d: DocxDocument, style_id: str):
    node = d.styles.element.find(f"{qn('w:style')}[@{qn('w:styleId')}='{style_id}']")
    assert node is not None, f"style {style_id} missing"
    return node


def style_id_of(p) -> str:
    ps = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return ps.get(qn("w:val")) if ps is not None else "Normal"


def style_chain(d: DocxDocument, style_id: str):
    """The style element and its basedOn ancestors, nearest first."""
    chain = []
    while style_id:
        node = style_el(d, style_id)
        chain.append(node)
        based = node.find(qn("w:basedOn"))
        style_id = based.get(qn("w:val")) if based is not None else None
    return chain


def resolve(d: DocxDocument, p, prop_path: str, attr: str, run=None):
    """Value of `attr` on `prop_path` from run → paragraph style chain → doc defaults."""
    candidates = []
    if run is not None:
        candidates.append(run.find(qn("w:rPr")))
    elif p is not None:
        candidates.append(p.find(qn("w:pPr")))
    kind = "rPr" if prop_path.startswith("r:") else "pPr"
    tag = prop_path.split(":", 1)[1]
    for style in style_chain(d, style_id_of(p)):
        candidates.append(style.find(qn(f"w:{kind}")))
    defaults = d.styles.element.find(qn("w:docDefaults"))
    candidates.append(defaults.find(f".//{qn(f'w:{kind}')}"))
    for props in candidates:
        if props is None:
            continue
        node = props.find(qn(f"w:{tag}"))
        if node is not None and node.get(qn(f"w:{attr}")) is not None:
            return node.get(qn(f"w:{attr}"))
    return None


def reopen(path: Path) -> DocxDocument:
    return docx.Document(str(path))


# ---------------------------------------------------------------- page


def test_page_size_and_margins(saved):
    name, path = saved
    section = reopen(path).sections[0]
    expected = {
        "page_width": 210,
        "page_height": 297,
        "top_margin": 37,
        "bottom_margin": 35,
        "left_margin": 28,
        "right_margin": 26,
    }
    for attr, mm in expected.items():
        assert abs(getattr(section, attr) - Mm(mm)) < Mm(0.1), (name, attr)


@pytest.mark.parametrize(
    ("name", "line", "grid_type", "char_spacing"),
    [("school", "560", None, None), ("gbt9704", "579", "lines", "-5")],
)
def test_line_spacing_grid_and_character_spacing(tmp_path, name, line, grid_type, char_spacing):
    path = write_docx(sample_document(), tmp_path / "a.docx", profile=name)
    d = reopen(path)
    p = find_para(d, "附：本表可按实际情况调整。")
    assert resolve(d, p, "p:spacing", "line") == line
    assert resolve(d, p, "p:spacing", "lineRule") == "exact"
    assert resolve(d, p, "p:spacing", "after") == "0"
    first_run = p.find(qn("w:r"))
    assert resolve(d, p, "r:spacing", "val", run=first_run) == char_spacing
    grid = d.sections[0]._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == grid_type
    if grid_type:
        assert grid.get(qn("w:linePitch")) == line
    title = find_para(d, "2025—2026学年第一学期语文教研组工作计划")
    assert resolve(d, title, "p:snapToGrid", "val") == "0"


# ---------------------------------------------------------------- fonts and language


def test_every_cjk_run_has_a_chinese_east_asia_font(saved):
    _, path = saved
    d = reopen(path)
    parts = [d.element.body, d.sections[0].footer._element, d.sections[0].even_page_footer._element]
    checked = 0
    for root in parts:
        for p in root.iter(qn("w:p")):
            for r in p.findall(qn("w:r")):
                text = "".join(t.text or "" for t in r.iter(qn("w:t")))
                if not CJK.search(text):
                    continue
                font = resolve(d, p, "r:rFonts", "eastAsia", run=r)
                assert font and CJK.search(font), (text, font)
                for slot in ("ascii", "hAnsi", "cs"):
                    assert resolve(d, p, "r:rFonts", slot, run=r), (text, slot)
                checked += 1
    assert checked > 10


def test_no_theme_fonts_and_no_styles_with_effects(saved):
    _, path = saved
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        xml_parts = {
            n: zf.read(n).decode("utf-8")
            for n in names
            if n.startswith("word/") and n.endswith(".xml")
        }
    assert "word/stylesWithEffects.xml" not in names
    for part, text in xml_parts.items():
        if part.startswith("word/theme/"):
            continue
        assert not re.search(r"w:(ascii|hAnsi|eastAsia)Theme=|w:cstheme=", text), part


def test_language_and_core_properties(saved):
    _, path = saved
    d = reopen(path)
    lang = d.styles.element.find(f"{qn('w:docDefaults')}//{qn('w:lang')}")
    assert lang.get(qn("w:eastAsia")) == "zh-CN"
    assert 'w:eastAsia="zh-CN"' in zip_text(path, "word/settings.xml")  # themeFontLang
    props = d.core_properties
    assert props.title == "2025—2026学年第一学期语文教研组工作计划"
    assert props.author == "语文教研组"
    assert props.language == "zh-CN"
    assert "python-docx" not in (props.comments or "")


def test_paragraph_defaults_have_no_space_after(saved):
    _, path = saved
    d = reopen(path)
    spacing = d.styles.element.find(f"{qn('w:docDefaults')}//{qn('w:pPr')}/{qn('w:spacing')}")
    assert spacing.get(qn("w:after")) == "0"
    assert spacing.get(qn("w:line")) == "240"


# ---------------------------------------------------------------- headings and body


@pytest.mark.parametrize("level", [1, 2, 3, 4, 5])
def test_headings_use_outline_styles_with_level_fonts(saved, level):
    name, path = saved
    d = reopen(path)
    heading = next(
        b for b in sample_document().blocks if isinstance(b, Heading) and b.level == level
    )
    p = find_para(d, heading.marker + heading.text)
    assert style_id_of(p) == f"Heading{level}"
    assert d.styles[f"Heading {level}"].style_id == f"Heading{level}"  # a built-in style
    assert resolve(d, p, "p:outlineLvl", "val") == str(level - 1)
    font = get_profile(name).heading(level)
    assert resolve(d, p, "r:rFonts", "eastAsia") == font.east_asia
    assert resolve(d, p, "r:b", "val") == str(int(font.bold))
    assert resolve(d, p, "r:sz", "val") == "32"


@pytest.mark.parametrize(
    ("name", "title_font", "bold", "level1", "level2", "level3_bold"),
    [
        ("school", "宋体", "1", "黑体", "楷体", "1"),
        ("gbt9704", "方正小标宋简体", "0", "黑体", "楷体_GB2312", "0"),
    ],
)
def test_profile_fonts(name, title_font, bold, level1, level2, level3_bold):
    d = build_docx(sample_document(), name)
    title = find_para(d, "2025—2026学年第一学期语文教研组工作计划")
    assert resolve(d, title, "r:rFonts", "eastAsia") == title_font
    assert resolve(d, title, "r:b", "val") == bold
    assert resolve(d, title, "r:sz", "val") == "44"
    assert resolve(d, title, "p:jc", "val") == "center"
    assert resolve(d, find_para(d, "一、指导思想"), "r:rFonts", "eastAsia") == level1
    assert resolve(d, find_para(d, "（一）主要工作"), "r:rFonts", "eastAsia") == level2
    assert resolve(d, find_para(d, "1.抓实集体备课"), "r:b", "val") == level3_bold
    body = find_para(d, "附：本表可按实际情况调整。")
    assert resolve(d, body, "r:rFonts", "eastAsia") == get_profile(name).body.east_asia
    assert resolve(d, body, "r:rFonts", "ascii") == "Times New Roman"


def test_body_first_line_indent_in_characters_and_twips(saved):
    _, path = saved
    d = reopen(path)
    body = next(p for p in body_paragraphs(d) if para_text(p).startswith("本学期教研组"))
    assert resolve(d, body, "p:ind", "firstLineChars") == "200"
    assert resolve(d, body, "p:ind", "firstLine") == "640"  # 2 × 16 pt
    assert resolve(d, body, "p:jc", "val") == "both"
    flat = find_para(d, "附：本表可按实际情况调整。")
    assert resolve(d, flat, "p:ind", "firstLineChars") == "0"
    assert resolve(d, flat, "p:ind", "firstLine") == "0"
    assert resolve(d, flat, "p:jc", "val") == "left"


def test_run_in_heading_gets_heading_font(saved):
    name, path = saved
    d = reopen(path)
    p = find_para(d, "2.推进阅读工程。每班每月共读一本整本书，并开展读书交流会。")
    lead, rest = p.findall(qn("w:r"))
    font = get_profile(name).heading(3)
    assert resolve(d, p, "r:rFonts", "eastAsia", run=lead) == font.east_asia
    assert resolve(d, p, "r:b", "val", run=lead) == str(int(font.bold))
    assert resolve(d, p, "r:rFonts", "eastAsia", run=rest) == get_profile(name).body.east_asia
    assert resolve(d, p, "r:b", "val", run=rest) == "0"


def test_page_break_starts_next_paragraph_on_new_page(saved):
    _, path = saved
    d = reopen(path)
    after_table = d.element.body.find(qn("w:tbl")).getnext()
    assert after_table.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None
    assert para_text(after_table).startswith("本学期教研组")


# ---------------------------------------------------------------- tables


def test_table_cells_merges_and_header(saved):
    _, path = saved
    d = reopen(path)
    (table,) = d.tables
    texts = [[c.text for c in row.cells] for row in table.rows]
    assert texts[0] == ["周次", "时间", "工作内容", "负责人"]
    assert texts[1][2] == "制定教研组计划"
    # python-docx reports a merged cell's text in every row it spans.
    assert [row[3] for row in texts[1:]] == ["王老师", "王老师", "王老师", "李老师"]
    merges = [tr.tc_lst[3].vMerge for tr in table._tbl.tr_lst]
    assert merges == [None, "restart", "continue", "continue", None]
    rows = table._tbl.tr_lst
    assert rows[0].trPr.find(qn("w:tblHeader")) is not None
    assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in rows)
    header_run = rows[0].tc_lst[0].find(f".//{qn('w:r')}")
    assert header_run.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None


def test_table_is_full_width_with_widths_from_content(saved):
    _, path = saved
    d = reopen(path)
    tbl = d.tables[0]._tbl
    grid = [int(g.get(qn("w:w"))) for g in tbl.tblGrid.findall(qn("w:gridCol"))]
    text_width = round(Mm(156).twips)
    assert abs(sum(grid) - text_width) <= 2
    # 周次 | 时间 | 工作内容 | 负责人: every cell fits on one line, so the spare width
    # is shared by natural width: 周次 (two characters) is the narrowest.
    assert grid[0] == min(grid) and grid[0] < grid[1]
    assert grid[1] >= 7 * 240 + 216  # "9月15日—21日" at 小四 plus the cell margins
    assert tbl.tblPr.find(qn("w:tblBorders")) is not None
    assert tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"


def test_table_text_is_compact_and_caption_centred(saved):
    _, path = saved
    d = reopen(path)
    cell_p = d.tables[0]._tbl.tr_lst[1].tc_lst[2].find(qn("w:p"))
    assert resolve(d, cell_p, "r:rFonts", "eastAsia") == "宋体"
    assert resolve(d, cell_p, "r:sz", "val") in {"24", "21"}  # 小四 or 五号
    assert resolve(d, cell_p, "p:spacing", "lineRule") == "auto"
    assert resolve(d, cell_p, "p:ind", "firstLine") == "0"
    caption = find_para(d, "语文教研组行事历")
    assert caption.getnext().tag == qn("w:tbl")
    assert resolve(d, caption, "p:jc", "val") == "center"
    assert resolve(d, caption, "r:b", "val") == "1"


def test_adjacent_tables_stay_separate_and_body_ends_with_paragraph():
    table = Table("分工", ["姓名", "分工"], [[Cell("张三"), Cell("教研组长")]])
    d = build_docx(Document(blocks=[table, table]))
    body = [child.tag for child in d.element.body if child.tag != qn("w:sectPr")]
    assert body == [qn("w:tbl"), qn("w:p"), qn("w:tbl"), qn("w:p")]


# ---------------------------------------------------------------- footer and signature


def test_footer_page_numbers_odd_right_even_left(saved):
    _, path = saved
    d = reopen(path)
    assert "<w:evenAndOddHeaders" in zip_text(path, "word/settings.xml")
    section = d.sections[0]
    for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
        assert not footer.is_linked_to_previous
        p = footer._element.find(qn("w:p"))
        instr = "".join(t.text for t in p.iter(qn("w:instrText")))
        assert instr.strip() == "PAGE"
        assert para_text(p) == "\u2014 1 \u2014"
        assert resolve(d, p, "p:jc", "val") == side
        assert p.find(f"{qn('w:pPr')}/{qn('w:ind')}").get(qn(f"w:{side}")) == "320"
        assert resolve(d, p, "r:sz", "val", run=p.find(qn("w:r"))) == "28"  # 四号
        assert resolve(d, p, "r:rFonts", "eastAsia", run=p.find(qn("w:r"))) == "宋体"


def test_signature_right_aligned_after_blank_line(saved):
    _, path = saved
    d = reopen(path)
    paras = body_paragraphs(d)
    blank, unit, date = paras[-3:]
    assert para_text(blank) == ""
    assert para_text(unit) == "实验中学语文教研组"
    assert para_text(date) == "2025年9月1日"
    for p in (unit, date):
        assert resolve(d, p, "p:jc", "val") == "right"
        assert resolve(d, p, "p:ind", "firstLine") == "0"
    assert unit.find(f"{qn('w:pPr')}/{qn('w:ind')}").get(qn("w:rightChars")) == "200"


@pytest.mark.parametrize(
    ("unit", "unit_right", "date_right"),
    [
        # Unit longer than the date: unit 2 characters in, date starts 2 characters further right.
        ("实验中学语文教研组", "200", "300"),
        # Date longer than the unit: date 2 characters in, the unit moves left.
        ("教务处", "700", "200"),
    ],
)
def test_signature_date_starts_two_characters_right_of_unit(unit, unit_right, date_right):
    d = build_docx(Document(blocks=[Paragraph.plain("正文。"), Signature(unit, SIGN_DATE)]))
    unit_p, date_p = body_paragraphs(d)[-2:]
    ind = f"{qn('w:pPr')}/{qn('w:ind')}"
    assert unit_p.find(ind).get(qn("w:rightChars")) == unit_right
    assert date_p.find(ind).get(qn("w:rightChars")) == date_right


# ---------------------------------------------------------------- special characters


SPECIAL_TEXTS = [
    "A&B <标签> 与 “引号” 和 'single' \"double\"",
    "表情😀👍与数学符号 ≤ ≥ ± 混排",
    "]]> <![CDATA[ &amp; &#x41;",
]


@pytest.mark.parametrize("text", SPECIAL_TEXTS)
def test_special_characters_round_trip(tmp_path, text):
    table = Table("分工", ["项目", text], [[Cell(text), Cell("说明")]], caption=text)
    doc = Document(
        title=text,
        author=text,
        blocks=[
            Title(text),
            Heading(1, text, "一、"),
            Paragraph([Run(text, level=2), Run(text, bold=True)]),
            table,
            Signature(text, SIGN_DATE),
        ],
    )
    d = reopen(write_docx(doc, tmp_path / "特殊.docx"))
    texts = [p.text for p in d.paragraphs]
    assert text in texts and "一、" + text in texts and text * 2 in texts
    assert d.tables[0].cell(1, 0).text == text
    assert d.tables[0].cell(0, 1).text == text
    assert d.core_properties.title == text


def test_xml_forbidden_control_characters_are_dropped(tmp_path):
    raw = "开头\x00\x01\x08\x0b\x0c\x1f\ufffe结尾"
    doc = Document(blocks=[Title(raw), Paragraph.plain(raw), Signature(raw)], title=raw)
    d = reopen(write_docx(doc, tmp_path / "控制.docx"))
    texts = [p.text for p in d.paragraphs]
    assert texts.count("开头结尾") == 3


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_any_text_produces_a_readable_file(text):
    doc = Document(blocks=[Heading(2, text, "（一）"), Paragraph.plain(text)], title=text)
    out = build_docx(doc)
    buf = io.BytesIO()
    out.save(buf)
    buf.seek(0)
    reread = docx.Document(buf)
    assert len(reread.paragraphs) == 2


# ---------------------------------------------------------------- file safety and profiles


def test_no_overwrite_without_force(tmp_path):
    path = tmp_path / "计划.docx"
    path.write_bytes(b"original")
    with pytest.raises(OutputExistsError):
        write_docx(sample_document(), path)
    assert path.read_bytes() == b"original"
    write_docx(sample_document(), path, force=True)
    assert zipfile.is_zipfile(path)


def test_failed_write_leaves_existing_file_untouched(tmp_path, monkeypatch):
    path = tmp_path / "计划.docx"
    path.write_bytes(b"original")

    real_write = Path.write_bytes

    def disk_full(self, data):  # the disk fills up half-way through the temporary file
        real_write(self, data[: len(data) // 2])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", disk_full)
    with pytest.raises(WenshuError, match="磁盘空间已满"):
        write_docx(sample_document(), path, force=True)
    assert path.read_bytes() == b"original"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["计划.docx"]


def test_parent_folders_are_created(tmp_path):
    path = tmp_path / "二〇二五" / "教务处" / "计划.docx"
    assert write_docx(sample_document(), path) == path
    assert zipfile.is_zipfile(path)


def test_unknown_profile_lists_valid_names(tmp_path):
    with pytest.raises(WenshuError) as err:
        get_profile("a4")
    assert "school" in err.value.message and "gbt9704" in err.value.message
    with pytest.raises(WenshuError):
        write_docx(sample_document(), tmp_path / "x.docx", profile="a4")
    assert not (tmp_path / "x.docx").exists()


def test_build_docx_returns_python_docx_document():
    out = build_docx(sample_document())
    assert isinstance(out, DocxDocument)
    # Too long for one line: broken after the period, where the words allow.
    assert out.paragraphs[0].text == "2025—2026学年第一学期\n语文教研组工作计划"


@pytest.mark.parametrize(
    "blocks",
    [
        [],
        [PageBreak()],
        [Paragraph([])],
        [Signature("教务处")],
        [Table("空表", [], [], caption="空表")],
        [Table("无数据", ["周次", "内容"], [])],
        [Heading(0, "过小的级别"), Heading(9, "过大的级别"), Paragraph([Run("段内", level=7)])],
    ],
    ids=["empty", "only-break", "no-runs", "no-date", "no-columns", "no-rows", "odd-levels"],
)
def test_edge_case_documents_save(tmp_path, blocks):
    path = write_docx(Document(blocks=blocks), tmp_path / "边界.docx")
    reopen(path)


def test_block_types_of_their_own_are_written_by_their_registered_writer():
    """The writer dispatches a block type it does not know to the writer registered for it
    (the 通知 and 制度 blocks use this), and refuses a type nobody registered."""
    from dataclasses import dataclass

    from wenshu.generator.docx.ooxml import text_run_xml
    from wenshu.generator.docx.styles import BODY
    from wenshu.generator.docx.writer import BLOCK_WRITERS, block_writer

    @dataclass
    class Stamp:
        text: str

        def texts(self) -> list[str]:
            return [self.text]

    @dataclass
    class Unknown:
        pass

    @block_writer(Stamp)
    def write_stamp(builder, block):
        builder._paragraph(BODY, text_run_xml(f"【{block.text}】"), jc="right")

    try:
        doc = Document(blocks=[Paragraph.plain("正文。"), Stamp("已审核")])
        assert doc.texts() == ["正文。", "已审核"]
        out = build_docx(doc, "school")
        assert [p.text for p in out.paragraphs] == ["正文。", "【已审核】"]
        with pytest.raises(TypeError, match="Unknown"):
            build_docx(Document(blocks=[Unknown()]), "school")
    finally:
        del BLOCK_WRITERS[Stamp]
