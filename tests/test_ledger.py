"""教研组台帐: validation with line-numbered Chinese messages, warnings about people who
are not members, the parts of the binder in order (cover, 目录, one page per form, the
linked plan), and the forms filled where the spec has data and blank where it has not."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from helpers_docx import NS, body_blocks, invoke, paragraphs, q, stderr_of, texts, write_spec
from helpers_ledger import LEDGER, ledger
from lxml import etree

from wenshu.generator.build import build
from wenshu.generator.demo import demo_spec
from wenshu.generator.yamlio import load_yaml


def run_build(tmp_path: Path, data: Any, *args: str, name: str = "台帐.yaml"):
    spec = write_spec(tmp_path / name, data)
    return invoke(["build", spec, *args]), spec.with_suffix(".docx")


def form_titles(docx: Path) -> list[str]:
    return [p.text for p in paragraphs(docx) if p.style == "Heading1"]


# ---- the CLI knows the 文种 ------------------------------------------------------------------


def test_new_prints_a_starter_that_builds_without_warnings(tmp_path):
    result = invoke(["new", "教研组台帐"])
    assert result.exit_code == 0, stderr_of(result)
    spec = write_spec(tmp_path / "台帐.yaml", result.stdout)
    built = invoke(["build", spec, "--strict"])
    assert built.exit_code == 0, stderr_of(built)
    cells = [c for t in _tables(spec.with_suffix(".docx")) for row in t for c in row]
    assert "整本书阅读的任务设计" in cells


def test_templates_list_and_schema_show_the_ledger():
    listed = invoke(["templates", "list", "--tsv"]).stdout.splitlines()
    assert any(line.startswith("教研组台帐\t通用\t内置\t") for line in listed)
    assert "教研组台帐（1个模板）" in invoke(["templates", "list"]).stdout
    result = invoke(["schema", "教研组台帐"])
    assert result.exit_code == 0 and '"工作实绩"' in result.stdout and '"空白"' in result.stdout


# ---- validation ----------------------------------------------------------------------------


def _error(tmp_path: Path, data: Any) -> str:
    result, _ = run_build(tmp_path, data)
    assert result.exit_code == 2, stderr_of(result)
    return stderr_of(result)


@pytest.mark.parametrize(
    ("changes", "expect"),
    [
        (
            {"活动": [{"日期": "2026-03-04", "主题": "春季活动"}]},
            "活动[1].日期: 2026-03-04 不在2025—2026学年第一学期内（2025-09-01 至 2026-01-31）",
        ),
        (
            {"集体备课": [{"日期": "2025-08-20", "课题": "《春》"}]},
            "集体备课[1].日期: 2025-08-20 不在2025—2026学年第一学期内",
        ),
        (
            {"工作实绩": [{"姓名": "张伟", "项目": [{"类别": "讲座", "内容": "x"}]}]},
            "“讲座”不是有效的类别，应为 公开课、论文、获奖、辅导学生、课题 之一",
        ),
        ({"成员": [{"姓名": "李华", "出生年月": 1985.1}]}, "分不清是1月还是10月"),
        ({"成员": [{"姓名": "李华", "出生年月": "1985-13"}]}, "月份应为 1～12"),
        ({"成员": [{"姓名": "李华", "性别": "不详"}]}, "成员[1].性别"),
        ({"成员": [{"姓名": "李华"}, {"姓名": "李 华"}]}, "成员[2].姓名: 姓名“李华”与第1项重复"),
        ({"空白": {"签到表": 100}}, "空白.签到表: 份数应为 0～50"),
        ({"空白": {"签到表": "两份"}}, "不是份数"),
        ({"空白": {"签名表": 1}}, "空白.签名表"),
        ({"教研组": None}, "教研组"),
        ({"学期": None}, "写了“学年”就需要“学期”"),
        ({"活动": [{"日期": "2025-09-16"}]}, "活动[1].主题"),
        ({"计划": "没有这个计划.yaml"}, "找不到关联的计划文件"),
    ],
)
def test_invalid_specs_are_explained_by_line_and_field(tmp_path, changes, expect):
    err = _error(tmp_path, ledger(**changes))
    assert expect in err, err
    assert "台帐.yaml 第" in err and "Traceback" not in err


def test_messages_name_the_line_of_the_field(tmp_path):
    data = ledger()
    data["活动"][1]["日期"] = "2026-03-04"
    err = _error(tmp_path, data)
    line = next(
        n
        for n, text in enumerate((tmp_path / "台帐.yaml").read_text("utf-8").splitlines(), 1)
        if "2026-03-04" in text
    )
    assert f"台帐.yaml 第{line}行 活动[2].日期: 2026-03-04 不在" in err, err


def test_a_plan_of_another_term_is_an_error_and_of_another_group_a_warning(tmp_path):
    plan = load_yaml(demo_spec("数学教研组工作计划.yaml")).data
    write_spec(tmp_path / "计划.yaml", dict(plan, 学期="第二学期", 开学=None, 行事历=None))
    err = _error(tmp_path, ledger(计划="计划.yaml"))
    assert "关联的计划是2025—2026学年第二学期的，本台帐是2025—2026学年第一学期的" in err
    write_spec(tmp_path / "计划.yaml", dict(plan))
    result, docx = run_build(tmp_path, ledger(计划="计划.yaml"))
    assert result.exit_code == 0, stderr_of(result)
    assert "关联的计划属于“数学教研组”，不是“语文教研组”" in stderr_of(result)


def test_people_outside_the_group_are_warnings_with_lines(tmp_path):
    data = ledger(组长="王校长")
    data["活动"][0]["参加"] = "李华、何老师"
    data["集体备课"][0]["主备"] = "周明"
    result, docx = run_build(tmp_path, data)
    err = stderr_of(result)
    assert result.exit_code == 0, err
    assert "组长: 组长“王校长”不在成员名单中" in err
    assert "活动[1].参加[2]: 参加人员“何老师”不在成员名单中（成员：李华、张伟、马丽）" in err
    assert "集体备课[1].主备: 主备人“周明”不在成员名单中" in err
    assert docx.exists()
    strict, _ = run_build(tmp_path, data, "--strict", "--force")
    assert strict.exit_code == 2


# ---- the parts of the binder --------------------------------------------------------------


def test_forms_come_in_binder_order_activities_by_date_numbered_when_repeated(tmp_path):
    result, docx = run_build(tmp_path, ledger(空白={"集体备课": 1, "活动记录": 1}))
    assert result.exit_code == 0, stderr_of(result)
    assert form_titles(docx) == [
        "教研组成员概况表",
        "教研组工作计划",
        "教研组活动签到表（一）",
        "教研组活动记录（一）",
        "教研组活动签到表（二）",
        "教研组活动记录（二）",
        "教研组活动记录（三）",
        "集体备课活动记录（一）",
        "集体备课活动记录（二）",
        "教研组成员工作实绩记录",
        "教研组工作鉴定",
    ]
    # Sorted by date: the September activity comes first.
    flat = [c for t in _tables(docx) for row in t for c in row]
    assert flat.index("学期教研安排") < flat.index("作文讲评课研讨")


def _tables(docx: Path) -> list[list[list[str]]]:
    return [
        [[c.text for c in row] for row in b.rows] for b in body_blocks(docx) if hasattr(b, "rows")
    ]


def test_every_form_title_starts_a_page_centred_as_a_level_one_heading(tmp_path):
    _, docx = run_build(tmp_path, ledger())
    for p in paragraphs(docx):
        if p.style != "Heading1":
            continue
        ppr = p.xml.find("w:pPr", NS)
        assert ppr.find("w:pageBreakBefore", NS) is not None, p.text
        assert ppr.find("w:jc", NS).get(q("val")) == "center", p.text


def test_a_spec_with_no_records_gives_one_blank_form_of_each(tmp_path):
    data = {k: LEDGER[k] for k in ("文种", "单位", "教研组", "学年", "学期")}
    result, docx = run_build(tmp_path, dict(data, 目录=False))
    assert result.exit_code == 0, stderr_of(result)
    assert form_titles(docx) == [
        "教研组成员概况表",
        "教研组工作计划",
        "教研组活动签到表",
        "教研组活动记录",
        "集体备课活动记录",
        "教研组成员工作实绩记录",
        "教研组工作鉴定",
    ]
    tables = _tables(docx)
    cover, forms = tables[0], tables[1:]
    assert [row[0] for row in cover] == ["单位", "教研组", "学年学期", "组长"]
    assert [row[1] for row in cover] == ["城南中学", "语文教研组", "2025—2026学年第一学期", ""]
    sign_in = forms[2]
    numbers = [row[0] for row in sign_in[4:]]
    assert numbers == [str(n) for n in range(1, 16)]
    assert all(not row[1] for row in sign_in[4:])  # no names to print
    record = forms[3]
    assert any(row[0] == "活动内容" for row in record)
    assert sum(1 for row in record if row[-1] == "" and len(row) == 2) >= 8  # writing lines


def test_sign_in_sheet_prints_the_members_and_leaves_spare_lines(tmp_path):
    many = [{"姓名": f"教师{n:02d}"} for n in range(1, 31)]
    _, small = run_build(tmp_path, ledger(), name="小.yaml")
    sign_in = _tables(small)[3]
    assert [row[1] for row in sign_in[4:7]] == ["李华", "张伟", "马丽"]
    assert len(sign_in) - 4 == 15
    assert sign_in[2][-1] == "应到3人\u3000实到\u3000\u3000人"  # no 参加 given
    assert _tables(small)[5][2][-1] == "应到3人\u3000实到2人"
    result, large = run_build(tmp_path, ledger(成员=many, 组长="教师01"), name="大.yaml")
    assert result.exit_code == 0, stderr_of(result)
    sign_in = _tables(large)[3]
    assert sign_in[3] == ["序号", "姓名", "签名"] * 2
    body = sign_in[4:]
    assert len(body) == 17  # 34 lines in two columns
    left, right = [row[1] for row in body], [row[4] for row in body]
    assert left + right == [f"教师{n:02d}" for n in range(1, 31)] + [""] * 4
    numbers = [row[0] for row in body] + [row[3] for row in body]
    assert numbers == [str(n) for n in range(1, 35)]


def test_the_linked_plan_is_included_without_its_title_and_out_of_the_toc(tmp_path):
    for source in ("数学教研组工作计划.yaml", "数学教研组台帐.yaml"):
        (tmp_path / source).write_bytes(demo_spec(source).read_bytes())
    result = build(tmp_path / "数学教研组台帐.yaml")
    lines = texts(result.docx)
    assert "一、指导思想" in lines
    assert not any(t.startswith("城南中学数学教研组2025—2026学年第一学期工作计划") for t in lines)
    styles = {p.text: p.style for p in paragraphs(result.docx)}
    assert styles["一、指导思想"] == "Normal"  # a heading to look at, not an outline entry
    toc = [p.text for p in paragraphs(result.docx) if p.style == "TOC1"]
    titles = form_titles(result.docx)
    assert [t.rstrip("0123456789") for t in toc] == titles
    assert len(titles) == 15
    # The TOC lists the real pages: cover 1, 目录 2, the first form on page 3.
    assert toc[0].endswith("3") and toc[-1].endswith("18")


def test_the_cover_page_has_a_footer_of_its_own_other_documents_do_not(tmp_path):
    _, docx = run_build(tmp_path, ledger())
    with zipfile.ZipFile(docx) as z:
        doc = etree.fromstring(z.read("word/document.xml"))
    assert doc.find("w:body/w:sectPr/w:titlePg", NS) is not None
    plan = write_spec(tmp_path / "计划.yaml", load_yaml(demo_spec("教科室工作计划.yaml")).data)
    assert invoke(["build", plan]).exit_code == 0
    with zipfile.ZipFile(plan.with_suffix(".docx")) as z:
        doc = etree.fromstring(z.read("word/document.xml"))
    assert doc.find("w:body/w:sectPr/w:titlePg", NS) is None


def test_appraisal_has_signature_and_seal_lines_and_keeps_the_text(tmp_path):
    _, docx = run_build(tmp_path, ledger())
    appraisal = _tables(docx)[-1]
    cells = [c for row in appraisal for c in row]
    assert "本学期按计划开展了集体备课。" in cells
    assert any(c.startswith("组长签名：") and c.endswith("日") for c in cells)
    assert any(c.startswith("负责人签名：") and "（盖章）" in c for c in cells)


def test_no_toc_when_asked_and_document_properties_name_the_group(tmp_path):
    _, docx = run_build(tmp_path, ledger(目录=False))
    assert not any(p.style == "TocTitle" for p in paragraphs(docx))
    with zipfile.ZipFile(docx) as z:
        core = z.read("docProps/core.xml").decode()
        app = z.read("docProps/app.xml").decode()
    assert "<dc:title>教研组台帐</dc:title>" in core
    assert "<Company>城南中学语文教研组</Company>" in app


def test_every_text_of_the_demo_spec_is_in_the_document(tmp_path):
    from wenshu.generator.spec.checks import iter_strings
    from wenshu.generator.textnorm import normalize_text

    for source in ("数学教研组工作计划.yaml", "数学教研组台帐.yaml"):
        (tmp_path / source).write_bytes(demo_spec(source).read_bytes())
    data = load_yaml(tmp_path / "数学教研组台帐.yaml").data
    document = "".join(build(tmp_path / "数学教研组台帐.yaml").document.texts())
    skip = {"文种", "计划", "日期", "出生年月", "学年", "学期", "参加"}
    for path, text in iter_strings(data):
        if any(k in skip for k in path if isinstance(k, str)):
            continue
        assert normalize_text(text) in document, path
    for activity in data["活动"]:
        for name in activity["参加"].split("、"):
            assert name in document


def test_a_ledger_for_a_calendar_year(tmp_path):
    data = ledger(学年=None, 学期=None, 年度=2026)
    for item in data["活动"] + data["集体备课"]:
        item["日期"] = item["日期"].replace("2025", "2026")
    data["工作实绩"][0]["项目"][0]["日期"] = "2026-10"
    result, docx = run_build(tmp_path, data)
    assert result.exit_code == 0 and "警告" not in stderr_of(result), stderr_of(result)
    cover = _tables(docx)[0]
    assert cover[2] == ["年度", "2026年度"]
    assert ["年度", "2026年度"] in [row[:2] for row in _tables(docx)[-1]]
    data["活动"][0]["日期"] = "2025-12-30"
    err = _error(tmp_path, data)
    assert "活动[1].日期: 2025-12-30 不在2026年度内" in err, err
    data["活动"][0]["日期"] = "2026-03-10"
    data["工作实绩"][0]["项目"][0]["日期"] = "2025-10"
    result, _ = run_build(tmp_path, data, name="实绩.yaml")
    warned = stderr_of(result)
    assert result.exit_code == 0 and "2025年10月不在2026年度内，请确认是本年度的成绩" in warned, warned


def test_the_web_preview_shows_the_cover_and_every_form(tmp_path):
    import html
    import re

    from wenshu.generator.build import render_loaded
    from wenshu.generator.spec.loader import load_spec
    from wenshu.generator.web.preview import render_html

    for source in ("数学教研组工作计划.yaml", "数学教研组台帐.yaml"):
        (tmp_path / source).write_bytes(demo_spec(source).read_bytes())
    document = render_loaded(load_spec(tmp_path / "数学教研组台帐.yaml"))
    page = render_html(document)
    shown = html.unescape(re.sub(r"<[^>]+>", "", page))
    for text in document.texts():
        assert text.replace("\n", "") in shown, text
    assert page.count('class="doc-table form"') == 14
    assert 'colspan="3"' in page and 'rowspan="' in page  # spans and merged labels


def test_a_long_cover_title_breaks_where_the_words_allow(tmp_path):
    title = "城南中学语文教研组2025—2026学年第一学期工作台帐"
    _, docx = run_build(tmp_path, ledger(标题=title))
    cover = paragraphs(docx)[0]
    parts = [
        "".join(t.text for t in r.iter(q("t"))) or "|" for r in cover.xml.iter(q("t"), q("br"))
    ]
    assert "".join(parts) == "城南中学语文教研组|2025—2026学年第一学期工作台帐"
