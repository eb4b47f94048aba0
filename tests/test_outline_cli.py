"""`wenshu outline`: how a file is read, as text and as JSON, before anything is imported."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from wenshu.cli import main

DATA = Path(__file__).resolve().parent / "data" / "import"


def run(*args: str):
    return CliRunner().invoke(main, ["outline", *args])


def test_text_shows_documents_headings_items_tables_and_noise():
    result = run(str(DATA / "t08_byline_summary.txt"))
    assert result.exit_code == 0, result.output
    out = result.output
    assert "1 篇文档" in out
    assert "标题：桃园中学教科室2024学年工作总结（工作总结）" in out
    assert "  一、主要工作及成效  〔1级〕" in out
    assert "    （一）课题管理更加规范  〔2级〕" in out
    assert "正文 1 段：全年新立项市级课题两项" in out
    assert "去掉的无关行 6 行：" in out
    assert "[发布信息] 发布者：教科室 发布时间：2025-07-02 浏览次数：318" in out


def test_text_names_the_tables_and_the_cells_read_as_headings():
    out = run(str(DATA / "d04_keywork_table.docx")).output
    assert "表格1：6行×3列，工作分解表；作为标题的单元格 12 个：课程建设" in out
    out = run(str(DATA / "d08_calendar_only.docx")).output
    assert "表格1：7行×4列，数据表格，不作为标题" in out


def test_text_shows_the_notice_around_a_document_and_form_fields():
    out = run(str(DATA / "t03_notice_wrapped_plan.txt")).output
    assert "标题：城东中学2025年教学工作计划" in out
    assert "外层通知（6 行，不作为标题和正文）" in out
    out = run(str(DATA / "d06_forms_school.docx")).output
    assert "5 篇文档" in out and "第2篇：图书管理员岗位说明书（工作职责）" in out
    assert "表单项：所属部门：教科室" in out


def test_json_for_one_file_is_an_object():
    result = run(str(DATA / "t18_series.txt"), "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["file"] == str(DATA / "t18_series.txt")
    assert [d["title"] for d in data["documents"]] == [
        "小学语文教研组工作计划 篇一",
        "小学语文教研组工作计划 篇二",
        "小学语文教研组工作计划 篇三",
    ]
    first = data["documents"][0]
    assert first["headings"][0] == {"level": 1, "text": "一、指导思想"}
    assert first["tables"] == 0
    assert {
        "text": "下面是小编为大家精心整理的小学语文教研组工作计划，欢迎阅读参考。",
        "reason": "网站导语",
    } in first["noise"]
    assert set(first) == {"title", "headings", "tables", "noise"}


def test_json_for_several_files_is_a_list_and_a_bad_file_is_a_message(tmp_path):
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"not a zip at all")
    result = CliRunner().invoke(
        main,
        [
            "outline",
            str(DATA / "t02_kindergarten_unmarked.txt"),
            str(bad),
            str(DATA / "d08_calendar_only.docx"),
            "--json",
        ],
    )
    assert result.exit_code == 1
    assert f"错误：无法读取 {bad}：不是有效的 .docx 文件" in result.output
    payload = result.output[result.output.index("[") :]
    data = json.loads(payload)
    assert [Path(d["file"]).name for d in data] == [
        "t02_kindergarten_unmarked.txt",
        "d08_calendar_only.docx",
    ]
    assert "Traceback" not in result.output


def test_missing_file_and_no_file():
    result = run("没有这个文件.txt")
    assert result.exit_code == 1
    assert "文件不存在" in result.output
    result = run()
    assert result.exit_code == 2 and "缺少参数" in result.output


def test_outline_reads_what_import_stores(tmp_path):
    """The headings outline shows are the titles corpus import cuts its sections at."""
    from wenshu.generator.importing import import_file

    result = import_file(DATA / "t17_summary_middle.txt")
    titles = {s.title for s in result.sections}
    out = json.loads(run(str(DATA / "t17_summary_middle.txt"), "--json").output)
    shown = {
        h["text"].split("、", 1)[-1].split("）", 1)[-1].split(".", 1)[-1]
        for h in out["documents"][0]["headings"]
    }
    assert {"落实班主任例会制度", "抓好学生习惯养成", "存在的不足", "下学期打算"} <= titles & shown
