"""End-to-end tests of the 工作计划 commands: new, build, demo, schema, templates list,
and what the generated document contains."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from helpers_docx import (  # noqa: E402
    body_blocks,
    document_xml,
    headings,
    invoke,
    plan,
    stderr_of,
    table_with_header,
    texts,
    write_spec,
)

STARTER_KIND = "工作计划"


def build_ok(spec: Path, *extra: str) -> Path:
    """Build `spec` and return the .docx path printed by the CLI."""
    result = invoke(["build", spec, *extra])
    assert result.exit_code == 0, stderr_of(result)
    line = [
        ln for ln in result.stdout.splitlines() if ln.startswith("已生成") and ln.endswith(".docx")
    ]
    assert line, result.stdout
    return Path(line[0].removeprefix("已生成").strip())


def build_data(tmp_path: Path, data, *extra: str) -> Path:
    return build_ok(write_spec(tmp_path / "计划.yaml", data), *extra)


# ---- wenshu new ---------------------------------------------------------------------------


def test_new_prints_a_commented_starter_that_builds_cleanly(tmp_path):
    result = invoke(["new", STARTER_KIND])
    assert result.exit_code == 0
    text = result.stdout
    assert text.lstrip().startswith("#"), "starter should open with comments"
    assert "文种: 工作计划" in text
    spec = write_spec(tmp_path / "计划.yaml", text)
    # Valid as it stands, even under --strict (no warnings either).
    result = invoke(["build", spec, "--strict"])
    assert result.exit_code == 0, stderr_of(result)
    assert "警告" not in stderr_of(result)
    assert (tmp_path / "计划.docx").is_file()


def test_new_output_file_is_not_overwritten_without_force(tmp_path):
    out = tmp_path / "计划.yaml"
    assert invoke(["new", STARTER_KIND, "-o", out]).exit_code == 0
    out.write_text("# mine\n", encoding="utf-8")
    result = invoke(["new", STARTER_KIND, "-o", out])
    assert result.exit_code == 3
    assert out.read_text(encoding="utf-8") == "# mine\n"
    assert invoke(["new", STARTER_KIND, "-o", out, "--force"]).exit_code == 0
    assert "文种: 工作计划" in out.read_text(encoding="utf-8")


def test_new_unknown_kind_suggests_the_closest(tmp_path):
    result = invoke(["new", "工作计画"])
    assert result.exit_code == 2
    assert "工作计划" in stderr_of(result)


# ---- wenshu build: where the output goes ---------------------------------------------------


def test_build_writes_docx_beside_the_spec(tmp_path):
    spec = write_spec(tmp_path / "计划.yaml", plan())
    docx = build_ok(spec)
    assert docx == tmp_path / "计划.docx"
    assert docx.is_file()


def test_build_relative_spec_from_cwd(tmp_path, monkeypatch):
    write_spec(tmp_path / "计划.yaml", plan())
    monkeypatch.chdir(tmp_path)
    result = invoke(["build", "计划.yaml"])
    assert result.exit_code == 0, stderr_of(result)
    assert (tmp_path / "计划.docx").is_file()


def test_build_creates_missing_output_folders(tmp_path):
    spec = write_spec(tmp_path / "计划.yaml", plan())
    out = tmp_path / "out" / "deeper" / "plan.docx"
    assert build_ok(spec, "-o", str(out)) == out
    assert out.is_file()


def test_build_into_an_existing_folder_uses_the_spec_name(tmp_path):
    spec = write_spec(tmp_path / "计划.yaml", plan())
    (tmp_path / "docs").mkdir()
    docx = build_ok(spec, "-o", str(tmp_path / "docs"))
    assert docx == tmp_path / "docs" / "计划.docx"
    assert docx.is_file()


def test_build_output_with_wrong_suffix_is_an_error(tmp_path):
    spec = write_spec(tmp_path / "计划.yaml", plan())
    result = invoke(["build", spec, "-o", tmp_path / "plan.txt"])
    assert result.exit_code == 1
    assert ".docx" in stderr_of(result)
    assert not (tmp_path / "plan.txt").exists()


def test_build_never_overwrites_without_force(tmp_path):
    spec = write_spec(tmp_path / "计划.yaml", plan())
    out = tmp_path / "计划.docx"
    out.write_text("my own file", encoding="utf-8")
    result = invoke(["build", spec])
    assert result.exit_code == 3
    assert "--force" in stderr_of(result)
    assert out.read_text(encoding="utf-8") == "my own file"
    build_ok(spec, "--force")
    assert texts(out)[0].endswith("工作计划")


@pytest.mark.parametrize("profile", ["school", "gbt9704"])
def test_build_profiles(tmp_path, profile):
    docx = build_data(
        tmp_path, plan(), "-o", str(tmp_path / "out" / "plan.docx"), "--profile", profile
    )
    assert texts(docx)[0] == "城南中学教务处2025—2026学年第一学期工作计划"


def test_profiles_lay_out_the_page_differently(tmp_path):
    spec = write_spec(tmp_path / "计划.yaml", plan())
    a = build_ok(spec, "-o", str(tmp_path / "a.docx"), "--profile", "school")
    b = build_ok(spec, "-o", str(tmp_path / "b.docx"), "--profile", "gbt9704")

    def sect(path):
        from lxml import etree

        sp = document_xml(path).find(".//{*}body/{*}sectPr")
        return etree.tostring(sp)

    assert sect(a) != sect(b)


def test_unknown_profile_is_an_error_listing_profiles(tmp_path):
    spec = write_spec(tmp_path / "计划.yaml", plan())
    result = invoke(["build", spec, "--profile", "a4"])
    assert result.exit_code != 0
    err = stderr_of(result)
    assert "school" in err and "gbt9704" in err
    assert not (tmp_path / "计划.docx").exists()


def test_missing_spec_file_is_a_clear_error(tmp_path):
    result = invoke(["build", tmp_path / "没有.yaml"])
    assert result.exit_code == 1
    assert "没有.yaml" in stderr_of(result)


# ---- PDF ----------------------------------------------------------------------------------


def test_build_pdf_through_libreoffice(tmp_path):
    spec = write_spec(tmp_path / "计划.yaml", plan())
    out = tmp_path / "out" / "plan.docx"
    result = invoke(["build", spec, "-o", out, "--profile", "gbt9704", "--pdf"])
    assert result.exit_code == 0, stderr_of(result)
    pdf = tmp_path / "out" / "plan.pdf"
    assert out.is_file() and pdf.is_file()
    assert str(pdf) in result.stdout
    assert pdf.read_bytes()[:5] == b"%PDF-"
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "指导思想" in text.replace(" ", "")


def test_pdf_without_libreoffice_says_so(tmp_path, monkeypatch):
    spec = write_spec(tmp_path / "计划.yaml", plan())
    empty = tmp_path / "emptybin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    result = invoke(["build", spec, "--pdf"])
    assert result.exit_code == 5
    err = stderr_of(result)
    assert "LibreOffice" in err, err
    assert "安装" in err
    assert not (tmp_path / "计划.pdf").exists()


# ---- demo, schema, templates list ---------------------------------------------------------


def test_demo_builds_documents_and_copies_their_inputs(tmp_path):
    out = tmp_path / "wenshu-demo"
    result = invoke(["demo", "-o", f"{out}/"])
    assert result.exit_code == 0, stderr_of(result)
    docs = sorted(out.glob("*.docx"))
    assert docs, list(out.iterdir())
    assert sorted(out.glob("*.yaml")), "the demo's input files are written beside the documents"
    titles = [texts(d)[0] for d in docs]
    assert any(t.endswith("工作计划") for t in titles), titles
    for d in docs:
        assert str(d.name) in result.stdout
    # A second run does not clobber the first one without --force.
    assert invoke(["demo", "-o", out]).exit_code == 3
    assert invoke(["demo", "-o", out, "--force"]).exit_code == 0


def test_schema_is_json_schema_with_chinese_keys():
    result = invoke(["schema", "工作计划"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    props = schema["properties"]
    for key in (
        "文种",
        "单位",
        "学年",
        "学期",
        "指导思想",
        "工作目标",
        "主要工作",
        "行事历",
        "具体分工",
        "教研组",
        "落款",
    ):
        assert key in props, key
    assert {"指导思想", "工作目标", "主要工作"} <= set(schema["required"])
    assert schema.get("additionalProperties") is False


def test_schema_unknown_kind_is_an_error():
    result = invoke(["schema", "工作计画"])
    assert result.exit_code == 2
    assert "工作计划" in stderr_of(result)


def test_templates_list_shows_builtin_plan_templates():
    result = invoke(["templates", "list", "--tsv"])
    assert result.exit_code == 0
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    plan_rows = {r[1]: r for r in rows if r[0] == "工作计划"}
    assert {"通用", "教科室", "教研组"} <= set(plan_rows)
    for row in plan_rows.values():
        assert row[2] == "内置"
        assert row[3], "every built-in template has a description"


# ---- what the document says -----------------------------------------------------------------

TREE = [
    {
        "标题": "一、抓好常规",
        "条目": [
            {
                "标题": "(一)备课检查",
                "条目": [{"标题": "1.月查", "条目": ["①教案", "作业"]}, "第二项"],
            },
            {"标题": "听课"},
        ],
    },
    {"标题": "开展研讨", "条目": [{"标题": "集体备课"}, "2.课后反思"]},
]


def test_heading_numbers_by_level_restart_under_each_parent_and_typed_ones_are_stripped(tmp_path):
    docx = build_data(tmp_path, plan(主要工作=TREE, 工作目标=["1.目标甲", "（2）目标乙"]))
    body = texts(docx)
    start = body.index("三、主要工作及措施")
    # Short phrases stay as written; a list of sentences would end each with "。".
    assert body[start - 2 : start] == ["（一）目标甲", "（二）目标乙"]
    assert body[start + 1 : start + 11] == [
        "（一）抓好常规",
        "1.备课检查",
        "（1）月查",
        "①教案",
        "②作业",
        "（2）第二项",
        "2.听课",
        "（二）开展研讨",
        "1.集体备课",
        "2.课后反思",
    ]
    hs = headings(docx)
    assert ("Heading1", "一、指导思想") in hs
    assert ("Heading2", "（一）抓好常规") in hs
    assert ("Heading2", "（二）开展研讨") in hs


def test_run_in_heading_keeps_number_title_and_text_in_one_paragraph(tmp_path):
    work = [{"标题": "常规", "条目": [{"标题": "3、加强理论学习", "内容": "每周学习一次。"}]}]
    body = texts(build_data(tmp_path, plan(主要工作=work)))
    assert "1.加强理论学习。每周学习一次。" in body


def test_calendar_table_columns_order_and_vertical_month_merge(tmp_path):
    calendar = [
        {"月份": 1, "活动": [{"内容": "期末总结", "负责人": "王老师", "周次": 19}]},
        {
            "月份": "九月",
            "活动": [
                {"内容": "制订计划", "负责人": "王老师", "周次": 1},
                {"内容": "开学检查", "周次": "2-3"},
            ],
        },
        {"月份": 10, "活动": ["常规月查"]},
    ]
    assignments = [{"姓名": "王老师", "职务": "教务主任", "职责": ["统筹常规", "组织公开课"]}]
    docx = build_data(tmp_path, plan(行事历=calendar, 具体分工=assignments))
    t = table_with_header(docx, "月份", "工作内容")
    assert t.header == ["月份", "周次", "工作内容", "负责人"]
    rows = [[c.text for c in r] for r in t.rows[1:]]
    assert [r[2] for r in rows] == ["制订计划", "开学检查", "常规月查", "期末总结"]
    assert [r[1] for r in rows] == ["第1周", "第2—3周", "", "第19周"]
    months = t.column("月份")
    assert [(c.text, c.vmerge) for c in months] == [
        ("9月", "restart"),
        ("", "continue"),
        ("10月", None),
        ("1月", None),
    ]
    d = table_with_header(docx, "姓名", "工作职责")
    assert d.header == ["姓名", "职务", "工作职责"]
    assert [c.text for c in d.rows[1]] == ["王老师", "教务主任", "1.统筹常规\n2.组织公开课"]


def test_calendar_dates_add_a_date_column(tmp_path):
    calendar = [{"月份": 9, "活动": [{"内容": "开学典礼", "日期": "2025-09-01"}, "制订计划"]}]
    t = table_with_header(build_data(tmp_path, plan(行事历=calendar)), "月份", "工作内容")
    assert "日期" in t.header
    assert [c.text for c in t.column("日期")] == ["9月1日", ""]


def test_group_table(tmp_path):
    groups = [
        {
            "名称": "语文组",
            "组长": "陈静",
            "成员": "陈静、王磊, 赵丽",
            "活动时间": "每周二下午",
            "研究主题": "整本书阅读",
        },
        {"名称": "数学组", "组长": "刘强", "成员": ["刘强", "黄芳"]},
    ]
    t = table_with_header(build_data(tmp_path, plan(教研组=groups)), "教研组", "组长")
    assert t.header == ["教研组", "组长", "成员", "活动时间", "研究主题"]
    assert [c.text for c in t.rows[1]] == [
        "语文组",
        "陈静",
        "陈静、王磊、赵丽",
        "每周二下午",
        "整本书阅读",
    ]
    assert [c.text for c in t.rows[2]][:3] == ["数学组", "刘强", "刘强、黄芳"]


@pytest.mark.parametrize("written", ["2025-09-01", "2025/9/1", "2025.9.1", "2025年9月1日"])
def test_signature_date_in_chinese(tmp_path, written):
    body = texts(build_data(tmp_path, plan(落款={"单位": "城南中学教务处", "日期": written})))
    assert body[-2:] == ["城南中学教务处", "2025年9月1日"]


def test_unquoted_yaml_date_in_signature(tmp_path):
    spec = tmp_path / "计划.yaml"
    write_spec(spec, plan())
    with spec.open("a", encoding="utf-8") as f:
        f.write("落款:\n  日期: 2025-09-01\n")
    body = texts(build_ok(spec))
    assert body[-2:] == ["城南中学教务处", "2025年9月1日"]


def test_punctuation_and_school_year_are_normalised(tmp_path):
    data = plan(
        学年="2025-26",
        指导思想="坚持育人为本,提高质量.本学年(2025-2026学年)要抓好常规;抓好教研!",
        前言="时间为3:00,共1,000人参加.",
    )
    body = texts(build_data(tmp_path, data))
    assert body[0] == "城南中学教务处2025—2026学年第一学期工作计划"
    assert "时间为3:00，共1,000人参加。" in body
    assert "坚持育人为本，提高质量。本学年（2025—2026学年）要抓好常规；抓好教研！" in body


@pytest.mark.parametrize(
    "text",
    [
        "A&B <课题> \"ok\" 'x' ]]> &amp;",
        "表情😀与𠀀字，还有\u200b零宽空格",
        "控制字符\x07被删\x0b除",
        "<w:p>不是XML</w:p>",
    ],
)
def test_special_characters_never_corrupt_the_document(tmp_path, text):
    calendar = [{"月份": 9, "活动": [{"内容": text, "负责人": "A&B"}]}]
    data = plan(单位=f"城南{text[:3]}中学", 指导思想=text, 行事历=calendar)
    docx = build_data(tmp_path, data)
    blocks = body_blocks(docx)  # parses word/document.xml: fails on a corrupt file
    expected = text.replace("\x07", "").replace("\x0b", "")
    assert any(expected in t for t in texts(docx))
    cal = table_with_header(docx, "月份", "工作内容")
    assert expected in [c.text for c in cal.column("工作内容")]
    assert blocks


def test_year_plan_and_term_as_number(tmp_path):
    body = texts(build_data(tmp_path, plan(学年=None, 学期=None, 年度=2026)))
    assert body[0] == "城南中学教务处2026年度工作计划"
    body = texts(build_data(tmp_path / "b", plan(学期=2)))
    assert body[0] == "城南中学教务处2025—2026学年第二学期工作计划"


@pytest.mark.parametrize(
    ("template", "sections"),
    [
        ("通用", ["一、指导思想", "二、工作目标", "三、主要工作及措施", "四、行事历"]),
        ("教科室", ["一、指导思想", "二、工作目标", "三、重点工作与具体措施", "四、月行事历"]),
        ("教研组", ["一、指导思想", "二、工作目标", "三、主要工作及措施", "四、活动安排表"]),
    ],
)
def test_each_builtin_template_builds(tmp_path, template, sections):
    calendar = [{"月份": 9, "活动": ["制订计划"]}]
    docx = build_data(tmp_path, plan(模板=template, 行事历=calendar))
    assert [t for _, t in headings(docx) if t[:2] in {s[:2] for s in sections}][
        : len(sections)
    ] == sections
