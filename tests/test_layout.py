"""Documents a director hands in as they are: table widths and alignment from content, one
table style, page-flow properties, headings by level, bold runs, style names, docProps,
template order, the summary's notes, the TOC field, spring activities before 开学.

Checked on word/document.xml of the demo and of the realistic specs in tests/specs (a
spring 教科室 plan with 6 goals, a 4-level tree, a 行事历 for every month, five people,
five 教研组 and a 轮值表 of six grades; a grouped 工作职责; a linked 工作总结).
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from helpers_docx import NS, body_blocks, invoke, paragraphs, q, stderr_of, texts, write_spec
from helpers_layout import (
    ROOT,
    SPECS_DIR,
    GTable,
    build_all,
    em,
    is_numbered,
    library,
    style_names,
    style_ppr,
    table_font_em_twips,
    tables_of,
)
from lxml import etree
from ruamel.yaml import YAML

from wenshu.generator.demo import demo_spec
from wenshu.generator.docx.colwidths import Column, break_list_line, layout_columns

PROFILES = ("school", "gbt9704")
# Columns of long text; every other column holds tokens (dates, 第N周, names, 职务,
# 教研组, 活动时间, statuses, grades of a 轮值表 …) that must never wrap.
LONG_COLUMNS = {"工作内容", "工作职责", "研究主题", "成员", "目标", "指标", "实际", "节假日与调休"}
# Lists of names (成员, and the 联系 of 具体分工 under the header each template gives it):
# the list wraps between names, a name never breaks.
LIST_COLUMNS = {"成员", "分管联系", "联系学校", "联系年级", "负责区域", "责任区域"}
LONG_COLUMNS |= LIST_COLUMNS


@pytest.fixture(scope="module", params=PROFILES)
def built(request, tmp_path_factory) -> tuple[str, dict[str, Path]]:
    """(profile, name → .docx) for the demo and the realistic specs, plus a 校历."""
    folder = tmp_path_factory.mktemp(f"layout-{request.param}")
    built = build_all(folder, request.param, variants="all")
    docs = {name: r.docx for name, r in built.items()}
    cal = folder / "校历.docx"
    result = invoke(
        ["calendar", "2025-2026", "--term", "1", "--start", "2025-09-01", "--unit", "滨江实验学校"]
        + ["-o", cal, "--profile", request.param]
    )
    assert result.exit_code == 0, stderr_of(result)
    docs["校历"] = cal
    return request.param, docs


def test_every_template_of_the_library_is_laid_out(built):
    _, docs = built
    # Each built-in template on the fullest input of its 文种, beside the demos.
    assert {f"模板-{kind}-{name}" for kind, name in library()} <= set(docs)
    assert len(library()) >= 16


def all_tables(docs: dict[str, Path]) -> list[tuple[str, GTable, int]]:
    """The data tables (not the forms of a 台帐, tested in test_ledger_layout.py)."""
    out = []
    for name, path in docs.items():
        em_tw = table_font_em_twips(path)
        out.extend((name, t, em_tw) for t in tables_of(path) if not t.is_form)
    return out


# ---- tables -----------------------------------------------------------------------------


def test_every_kind_of_table_is_checked(built):
    _, docs = built
    headers = {t.header[0].text for _, t, _ in all_tables(docs)}
    kinds = {tuple(c.text for c in t.header) for _, t, _ in all_tables(docs)}
    assert {"月份", "姓名", "教研组", "目标", "周次"} <= headers
    assert ("周次", "初一", "初二", "初三", "高一", "高二", "高三") in kinds  # 轮值表
    assert ("周次", "日期", "节假日与调休", "备注") in kinds  # 校历
    assert ("周次", "日期", "学科", "执教", "课题") in kinds  # a 通知's 附件
    assert ("教研组", "执教教师", "学科", "拟定课题", "希望时间") in kinds  # its 回执


def test_columns_are_as_wide_as_their_longest_token(built):
    _, docs = built
    for name, table, em_tw in all_tables(docs):
        assert abs(sum(table.widths) - round(156 * 1440 / 25.4)) <= 2, name
        for col, head in enumerate(table.header):
            tokens = [head.text]  # a header never wraps
            cells = table.column(col)
            if head.text in LIST_COLUMNS:
                tokens += [n for c in cells for n in re.split("[、，]", c.text.replace("\n", ""))]
            elif head.text not in LONG_COLUMNS:
                tokens += [line for c in cells for line in c.lines]
            longest = max(tokens, key=em)
            need = em(longest) * em_tw
            assert table.content_twips(col) >= need, (
                f"{name}: column {head.text} is {table.content_twips(col)} twips of text, "
                f"“{longest}” needs {need}"
            )


def test_alignment_follows_the_shape_of_the_text(built):
    _, docs = built
    for name, table, em_tw in all_tables(docs):
        assert all(jc == "center" for c in table.header for jc in c.jcs), name
        for col, head in enumerate(table.header):
            cells = [c for c in table.column(col) if c.text]
            room = table.content_twips(col)
            for cell in cells:
                several = len(cell.lines) > 1
                wraps = any(em(line) * em_tw > room for line in cell.lines)
                if several or wraps:
                    assert set(cell.jcs) <= {"both", "left"}, (name, head.text, cell.text)
            if head.text not in LONG_COLUMNS:
                # Short single-line cells (tokens) are centred.
                assert all(c.jcs == ["center"] for c in cells), (name, head.text)


def test_all_tables_share_one_style_rows_stay_whole_header_repeats(built):
    _, docs = built
    tables = all_tables(docs)
    assert len({t.props for _, t, _ in tables}) == 1
    assert {t.style for _, t, _ in tables} == {"TableGrid"}
    for name, table, _ in tables:
        header, *rows = table.row_props
        assert header.find("w:tblHeader", NS) is not None, name
        assert all(tr.find("w:cantSplit", NS) is not None for tr in table.row_props), name


def test_table_right_under_a_heading_has_no_caption(built):
    _, docs = built
    for name in ("春季教科室计划", "教科室工作计划"):
        blocks = body_blocks(docs[name])
        for i, block in enumerate(blocks):
            if hasattr(block, "rows"):
                before = blocks[i - 1]
                assert before.style and before.style.startswith("Heading"), (name, before)
        assert texts(docs["春季教科室计划"]).count("八、公开课轮值表") == 1
        assert "公开课轮值表" not in texts(docs["春季教科室计划"])


def test_no_numbered_item_directly_after_a_table(built):
    _, docs = built
    for name, path in docs.items():
        blocks = body_blocks(path)
        for i, block in enumerate(blocks):
            if not hasattr(block, "rows"):
                continue
            after = next((b for b in blocks[i + 1 :] if getattr(b, "text", "x")), None)
            if after is not None and hasattr(after, "text"):
                assert not is_numbered(after.text) or after.style.startswith("Heading"), (
                    name,
                    after.text,
                )


# ---- page flow ----------------------------------------------------------------------------


def test_widow_control_on_in_school_off_in_gbt9704(built):
    profile, docs = built
    path = docs["春季教科室计划"]
    want = "1" if profile == "school" else "0"
    for style in ("Normal", "Heading1", "Heading3", "TOC1"):
        assert style_ppr(path, style).find("w:widowControl", NS).get(q("val")) == want, style
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "孤行控制" in readme and "22" in readme


def test_headings_captions_and_table_headers_keep_with_next(built):
    _, docs = built
    path = docs["春季教科室计划"]
    for style in (
        "Heading1",
        "Heading2",
        "Heading3",
        "Heading4",
        "Heading5",
        "Title",
        "TableCaption",
    ):
        assert style_ppr(path, style).find("w:keepNext", NS) is not None, style
    for table in tables_of(path):
        tr = table.row_props[0].getparent()
        for p in tr.iter(q("p")):
            assert p.find("w:pPr/w:keepNext", NS) is not None


# ---- headings, list items, bold ------------------------------------------------------------


def _bold_of_styles(path: Path) -> dict[str, bool]:
    with zipfile.ZipFile(path) as z:
        styles = etree.fromstring(z.read("word/styles.xml"))
    out = {}
    for style in styles.findall("w:style", NS):
        b = style.find("w:rPr/w:b", NS)
        out[style.get(q("styleId"))] = b is not None and b.get(q("val"), "1") in ("1", "true")
    return out


def _runs(p: etree._Element, style_bold: bool) -> list[tuple[str, bool]]:
    out = []
    for r in p.findall("w:r", NS):
        text = "".join(t.text or "" for t in r.iter(q("t")))
        if not text:
            continue
        b = r.find("w:rPr/w:b", NS)
        bold = style_bold if b is None else b.get(q("val"), "1") in ("1", "true")
        out.append((text, bold))
    return out


def test_runs_are_bold_as_a_whole_never_just_the_marker(built):
    profile, docs = built
    for name, path in docs.items():
        bold = _bold_of_styles(path)
        for para in paragraphs(path):
            runs = _runs(para.xml, bold.get(para.style or "Normal", False))
            if len(runs) < 2:
                continue
            first, rest = runs[0], runs[1:]
            if para.style and para.style.startswith("Heading"):
                # Run-in heading: marker and title in one run, then the text, not bold.
                assert re.search("[。：！？]$", first[0]), (name, para.text)
                assert not any(b for _, b in rest), (name, para.text)
            else:
                assert not (is_numbered(first[0]) and len(first[0]) <= 4), (name, para.text)
    if profile == "school":
        duty = docs["春季教科室职责"]
        bold = _bold_of_styles(duty)
        items = [p for p in paragraphs(duty) if re.match(r"^\d+\.", p.text)]
        assert len(items) == 9
        for p in items:
            assert not any(b for _, b in _runs(p.xml, bold.get(p.style or "Normal"))), p.text


def test_every_titled_node_uses_its_level_heading_style(built):
    _, docs = built
    styles = {p.text: p.style for p in paragraphs(docs["春季教科室计划"])}
    expect = {
        "（一）课题研究提质增效": "Heading2",
        "1.过程管理": "Heading3",  # titled, with children
        "2.成果转化。遴选三项结题成果，以“成果推介课+专题讲座”的方式在全校推广。": "Heading3",
        "1.开展专题培训": "Heading3",
        "2.组织课堂教学展示。每月安排一个教研组承办课堂教学展示活动，展示课后当场开展观课议课。": "Heading3",
        "（1）落实月报制度。各课题组每月底前提交研究进展简报，教科室汇总后在教研例会上通报。": "Heading4",
        "①简报内容。简报写明本月完成的研究活动、收集的证据材料和下月打算，篇幅控制在一页以内。": "Heading5",
        # Sentences without a title are body text, at every level.
        "②各课题组长负责简报的审核和按时报送。": "Normal",
        "（1）组织“课堂观察的方法与工具”专题培训两次，全体教师参加。": "Normal",
        "（一）规范课题全过程管理，在研课题按时完成阶段任务（指标：区级以上在研课题中期检查全部通过）。": "Normal",
    }
    for text, style in expect.items():
        assert styles.get(text) == style, (text, styles.get(text))


def test_every_heading_style_is_builtin_and_custom_styles_have_chinese_names(built):
    _, docs = built
    names = style_names(docs["春季教科室计划"])
    for level in range(1, 6):
        assert names[f"Heading{level}"] == (f"heading {level}", False)
    assert names["TableText"] == ("表格文字", True)
    assert names["TableCaption"] == ("表格标题", True)
    assert names["TocTitle"] == ("目录标题", True)
    for style_id, (name, custom) in names.items():
        if custom:
            assert re.search("[\u4e00-\u9fff]", name), (style_id, name)


def test_doc_properties_name_wenshu_title_author_and_times(built):
    _, docs = built
    path = docs["春季教科室计划"]
    with zipfile.ZipFile(path) as z:
        app = z.read("docProps/app.xml").decode()
        core = etree.fromstring(z.read("docProps/core.xml"))
        names = z.namelist()
    assert "<Application>wenshu</Application>" in app and "Microsoft" not in app
    assert "<Company>滨江实验学校教科室</Company>" in app
    assert not any("thumbnail" in n for n in names)
    ns = {
        "dc": "http://purl.org/dc/elements/1.1/",
        "dcterms": "http://purl.org/dc/terms/",
    }
    assert core.find("dc:title", ns).text == "滨江实验学校教科室2025—2026学年第二学期工作计划"
    assert core.find("dc:creator", ns).text == "滨江实验学校教科室"
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    for tag in ("dcterms:created", "dcterms:modified"):
        stamp = dt.datetime.fromisoformat(core.find(tag, ns).text.rstrip("Z"))
        assert abs((now - stamp).total_seconds()) < 600, tag


def test_long_title_breaks_where_the_words_allow(built):
    _, docs = built
    title = paragraphs(docs["春季教科室计划"])[0].xml
    parts = ["".join(t.text for t in r.iter(q("t"))) or "\n" for r in title.iter(q("t"), q("br"))]
    assert "".join(p if p != "\n" else "|" for p in parts) == (
        "滨江实验学校教科室|2025—2026学年第二学期工作计划"
    )


# ---- order and wording of the parts -------------------------------------------------------


@pytest.mark.parametrize("template", [n for k, n in library() if k == "工作计划"])
def test_safeguards_follow_the_work_and_tables_close_the_plan(tmp_path, template):
    yaml = YAML()
    data = yaml.load((SPECS_DIR / "春季教科室计划.yaml").read_text(encoding="utf-8"))
    data["模板"] = template
    data["目录"] = False
    spec = write_spec(tmp_path / "计划.yaml", data)
    result = invoke(["build", spec])
    assert result.exit_code == 0, stderr_of(result)
    blocks = body_blocks(spec.with_suffix(".docx"))
    heads = [b.text for b in blocks if getattr(b, "style", "") == "Heading1"]
    safeguards = next(i for i, h in enumerate(heads) if h.endswith("保障措施"))
    # The heading before 保障措施 is the one over 主要工作 (each template words it its way).
    lines = texts(spec.with_suffix(".docx"))
    first_work = data["主要工作"][0]["标题"]
    assert lines[lines.index(heads[safeguards - 1]) + 1].endswith(first_work)
    work_block = next(
        i for i, b in enumerate(blocks) if getattr(b, "text", "") == heads[safeguards - 1]
    )
    safeguard_block = next(
        i for i, b in enumerate(blocks) if getattr(b, "text", "").endswith("保障措施")
    )
    # No table inside 主要工作 or 保障措施 (a goal table before them may be).
    schedule = [i for i, b in enumerate(blocks) if hasattr(b, "rows") and i > work_block]
    assert len(schedule) == 4 and min(schedule) > safeguard_block
    assert len(heads) - safeguards - 1 == 4  # 行事历, 具体分工, 教研组, 轮值表 close the plan


def test_summary_notes_have_a_lead_in_and_no_section_numbers(built):
    _, docs = built
    lines = texts(docs["春季教科室总结"])
    i = lines.index("部分完成和未完成目标的情况说明如下：")
    notes = lines[i + 1 : i + 3]
    assert notes[0].startswith("推进课堂观察常态化，形成可推广的观察工具（部分完成）：英语组")
    assert notes[1].startswith("建成校本研修资源平台，实现研修资料共享（未完成）：平台")
    assert all(n.endswith("。") and not is_numbered(n) for n in notes)
    blocks = body_blocks(docs["春季教科室总结"])
    table = next(i for i, b in enumerate(blocks) if hasattr(b, "rows"))
    following = [b.text for b in blocks[table + 1 :] if getattr(b, "text", "")]
    assert following[0] == "部分完成和未完成目标的情况说明如下："


def test_summary_init_dates_the_signature_from_the_plan(tmp_path):
    def hint(plan: Path) -> str:
        out = tmp_path / f"{plan.stem}-总结.yaml"
        result = invoke(["summary", "init", plan, "-o", out, "--force"])
        assert result.exit_code == 0, stderr_of(result)
        return re.search(r"# 日期: (\S+)", out.read_text(encoding="utf-8")).group(1)

    # With 开学: the Friday of the last teaching week (the week of 15 July).
    assert hint(SPECS_DIR / "春季教科室计划.yaml") == "2026-07-17"
    # Without: the last Friday before the usual end of the term.
    assert hint(demo_spec("教科室工作计划.yaml")) == "2026-01-30"
    # Never before the plan's own 落款 date.
    yaml = YAML()
    data = yaml.load(demo_spec("教科室工作计划.yaml").read_text("utf-8"))
    data["落款"]["日期"] = "2026-01-31"
    late = write_spec(tmp_path / "晚签.yaml", data)
    assert hint(late) == "2026-01-31"


# ---- table of contents ---------------------------------------------------------------------


def test_toc_without_libreoffice_lists_headings_without_numbers(tmp_path, monkeypatch):
    from wenshu.generator import pdf
    from wenshu.generator.build import build
    from wenshu.generator.errors import ToolMissingError

    def missing():
        raise ToolMissingError("未找到 LibreOffice")

    monkeypatch.setattr(pdf, "find_soffice", missing)
    yaml = YAML()
    data = yaml.load((SPECS_DIR / "春季教科室计划.yaml").read_text(encoding="utf-8"))
    spec = write_spec(tmp_path / "计划.yaml", data)
    result = build(spec)
    assert any("没有 LibreOffice" in n and "更新域" in n for n in result.notes)
    doc = etree.fromstring(zipfile.ZipFile(result.docx).read("word/document.xml"))
    instr = "".join(t.text for t in doc.iter(q("instrText")))
    assert instr.strip().startswith("TOC")
    entries = [p for p in doc.iter(q("p")) if _style(p) in ("TOC1", "TOC2")]
    heads = [p.text for p in paragraphs(result.docx) if p.style in ("Heading1", "Heading2")]
    assert ["".join(t.text for t in p.iter(q("t"))) for p in entries] == heads
    assert not any(p.find(".//w:tab", NS) is not None for p in entries)
    # The TOC follows the title; the body starts on a new page.
    blocks = paragraphs(result.docx)
    assert blocks[2].style == "TocTitle"
    first_body = next(
        p for p in blocks if p.style not in ("Title", "TocTitle", "TOC1", "TOC2") and p.text
    )
    assert first_body.xml.find("w:pPr/w:pageBreakBefore", NS) is not None


def _style(p: etree._Element) -> str | None:
    s = p.find("w:pPr/w:pStyle", NS)
    return s.get(q("val")) if s is not None else None


# ---- spring plans: activities before 开学 --------------------------------------------------


def _spring(tmp_path: Path, activities: list[dict]) -> tuple[int, str, Path]:
    yaml = YAML()
    data = yaml.load((SPECS_DIR / "春季教科室计划.yaml").read_text(encoding="utf-8"))
    data["目录"] = False
    data["行事历"] = activities
    spec = write_spec(tmp_path / "计划.yaml", data)
    result = invoke(["build", spec, "--force"])
    return result.exit_code, stderr_of(result), spec.with_suffix(".docx")


def test_activity_before_start_and_after_the_last_week_is_valid(tmp_path):
    code, err, docx = _spring(
        tmp_path,
        [
            {"月份": 2, "活动": [{"内容": "教师返校", "日期": "2026-02-27"}]},
            {"月份": 3, "活动": [{"内容": "开学典礼", "日期": "2026-03-02"}]},
            {"月份": 7, "活动": [{"内容": "整理档案", "日期": "2026-07-24"}]},
        ],
    )
    assert code == 0, err
    table = next(t for t in tables_of(docx) if t.header[0].text == "月份")
    weeks = [r[1].text for r in table.rows]
    assert weeks == ["开学前", "第1周", "期末"]


@pytest.mark.parametrize(
    ("activity", "message"),
    [
        ({"月份": 8, "活动": [{"内容": "暑期培训", "日期": "2026-08-03"}]}, "不包含8月"),
        ({"月份": 2, "活动": [{"内容": "返校", "日期": "2026-01-30"}]}, "不在2月"),
        ({"月份": 2, "活动": [{"内容": "返校", "日期": "2026-02-27", "周次": 1}]}, "开学前"),
    ],
)
def test_dates_outside_the_term_months_or_at_odds_with_the_week_are_errors(
    tmp_path, activity, message
):
    code, err, _ = _spring(tmp_path, [activity])
    assert code != 0 and message in err, err


# ---- wenshu calendar --unit / --pdf --------------------------------------------------------


def test_calendar_title_carries_the_unit(built):
    _, docs = built
    assert texts(docs["校历"])[0].replace("\n", "") == "滨江实验学校2025—2026学年第一学期校历"


def test_calendar_pdf_needs_an_output_file(tmp_path):
    result = invoke(["calendar", "2025-2026", "--term", "1", "--start", "2025-09-01", "--pdf"])
    assert result.exit_code != 0 and "-o" in stderr_of(result)


# ---- the width rules on their own -----------------------------------------------------------


def _layout(header: list[str], rows: list[list[str]], total: int = 8844):
    columns = [Column(h) for h in header]
    for row in rows:
        for column, text in zip(columns, row):
            column.lines.append(text)
    return columns, layout_columns(columns, total, 240)


def test_many_token_columns_narrow_the_margins_before_wrapping():
    grades = ["一年级", "二年级", "三年级", "四年级", "五年级", "六年级"]
    subjects = ["道德与法治", "语文", "数学", "英语", "科学", "音乐"]
    rows = [[f"第{w}周", *subjects[w % 6 :], *subjects[: w % 6]] for w in range(1, 7)]
    columns, layout = _layout(["周次", *grades], rows)
    assert sum(layout.widths) == 8844
    assert layout.margin_twips < 108
    for col, column in enumerate(columns):
        assert layout.content_em(col) >= column.longest_em


def test_a_token_longer_than_the_page_still_gives_a_table():
    long = "全体教师参加的学期末教学质量分析暨下学期工作安排会议的会场布置与物品准备"
    columns, layout = _layout(["周次", "事项", "负责人"], [["第1周", long, "王老师"]])
    assert sum(layout.widths) == 8844 and min(layout.widths) > 0
    assert layout.widths[1] == max(layout.widths)
    assert layout.content_em(2) >= em("负责人")  # the short column keeps its header


def test_long_text_gets_the_room_tokens_leave():
    rows = [
        [
            "4月27日—5月3日",
            "组织青年教师汇报课，邀请学科带头人参加评课并逐一反馈意见",
            "教科室副主任",
        ],
        ["第2周", "召开课题组长会议", "周明"],
    ]
    columns, layout = _layout(["日期", "工作内容", "负责人"], rows)
    assert layout.content_em(0) >= em("4月27日—5月3日")
    assert layout.content_em(2) >= em("教科室副主任")
    assert layout.widths[1] > layout.widths[0] + layout.widths[2]


def test_member_lists_break_between_names():
    assert break_list_line("唐可欣、葛晨、尹书瑶、沈若兰", 8.0) == [
        "唐可欣、葛晨、",
        "尹书瑶、沈若兰",
    ]
    assert break_list_line("全体语文教师参加集体备课", 8.0) == ["全体语文教师参加集体备课"]


@pytest.mark.parametrize(("value", "ok"), [("是", True), ("否", True), ("好的", False)])
def test_toc_key_takes_yes_or_no(tmp_path, value, ok):
    from helpers_docx import plan

    spec = write_spec(tmp_path / "计划.yaml", plan(目录=value))
    result = invoke(["build", spec])
    if ok:
        assert result.exit_code == 0, stderr_of(result)
    else:
        assert result.exit_code == 2 and "目录" in stderr_of(result) and "true" in stderr_of(result)
