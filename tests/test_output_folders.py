"""`-o 文件夹/` means a folder, made if needed, for every command that writes a file; the
file inside takes the input's name (校历.docx for the calendar)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from wenshu.cli import main

ROOT = Path(__file__).resolve().parent.parent
DEMO_PLAN = ROOT / "generator" / "kinds" / "plan" / "demo" / "教科室工作计划.yaml"


@pytest.fixture
def plan(tmp_path) -> Path:
    return Path(shutil.copy(DEMO_PLAN, tmp_path / "计划.yaml"))


def _run(tmp_path, args):
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize(
    ("command", "made"),
    [
        (["build", "{plan}"], "计划.docx"),
        (["table", "export", "{plan}"], "计划.xlsx"),
        (["calendar", "2025-2026", "--term", "1", "--start", "2025-09-01"], "校历.docx"),
    ],
    ids=["build", "table export", "calendar"],
)
def test_a_trailing_slash_names_a_new_folder(tmp_path, plan, command, made):
    folder = tmp_path / "输出"
    args = [a.replace("{plan}", str(plan)) for a in command]
    _run(tmp_path, [*args, "-o", f"{folder}/"])
    assert (folder / made).is_file()
    assert not folder.with_suffix(".docx").exists()


def test_import_spec_into_a_new_folder(tmp_path, plan):
    built = tmp_path / "旧计划.docx"
    _run(tmp_path, ["build", str(plan), "-o", str(built)])
    folder = tmp_path / "导入"
    _run(tmp_path, ["import-spec", str(built), "-o", f"{folder}/"])
    assert (folder / "旧计划.yaml").is_file()


def test_table_export_defaults_beside_the_spec_and_keeps_the_suffix_rule(tmp_path, plan):
    _run(tmp_path, ["table", "export", str(plan)])
    assert (tmp_path / "计划.xlsx").is_file()
    result = CliRunner().invoke(main, ["table", "export", str(plan), "-o", "表.docx"])
    assert result.exit_code != 0 and "应以 .xlsx 结尾" in result.output
    result = CliRunner().invoke(main, ["table", "export", str(plan)])
    assert result.exit_code == 3 and "--force" in result.output


def test_table_export_names_a_mistyped_table_and_a_file_that_is_no_spec(tmp_path, plan):
    result = CliRunner().invoke(main, ["table", "export", str(plan), "--table", "行事例"])
    assert result.exit_code == 1 and "是不是“行事历”" in result.output, result.output
    other = tmp_path / "旧文件.docx"
    other.write_text("不是输入文件", encoding="utf-8")
    result = CliRunner().invoke(main, ["table", "export", str(other)])
    assert result.exit_code == 1 and "不是 wenshu 的输入文件" in result.output, result.output
    assert not (tmp_path / "旧文件.xlsx").exists()
