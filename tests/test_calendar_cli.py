"""CLI tests for `wenshu calendar`."""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

from wenshu.cli import WenshuGroup
from wenshu.generator.cli_calendar import calendar_cmd

BASE = ["calendar", "2025-2026", "--term", "1", "--start", "2025-09-01"]
TERM_2027 = ["calendar", "2026-2027", "--term", "2", "--start", "2027-03-01"]


@click.group(cls=WenshuGroup)
def cli() -> None:
    """A stand-in for the main group, so errors map to exit codes the same way."""


cli.add_command(calendar_cmd)


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    # Relative paths in the tests (and any stray output) stay inside tmp_path.
    monkeypatch.chdir(tmp_path)


def run(args):
    return CliRunner().invoke(cli, args)


def run_json(args) -> dict:
    result = run([*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_text_output():
    result = run(BASE)
    assert result.exit_code == 0, result.output
    assert "2025—2026学年第一学期校历（每周从周一开始，共22周）" in result.stdout
    assert "第 5周  9月29日—10月5日  国庆节：10月1日—5日放假" in result.stdout
    assert "9月28日（周日）调休上班" in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("year", "term", "label"),
    [
        ("2025—2026", "第一学期", "2025—2026学年第一学期"),
        ("2025-26", "上学期", "2025—2026学年第一学期"),
        ("2025-2026", "1", "2025—2026学年第一学期"),
    ],
)
def test_chinese_values(year, term, label):
    data = run_json(["calendar", year, "--term", term, "--start", "2025-09-01"])
    assert data["学期"] == label


@pytest.mark.parametrize("term", ["第二学期", "2", "下学期"])
def test_second_term_values(term):
    data = run_json(["calendar", "2025-2026", "--term", term, "--start", "2026-03-02"])
    assert data["学期"] == "2025—2026学年第二学期"
    assert data["weeks"][-1]["结束"] == "2026-07-19"


def test_json_shape():
    data = run_json(BASE)
    assert set(data) == {"学期", "开学日期", "每周起始", "周数", "weeks"}
    assert data["周数"] == len(data["weeks"]) == 22
    for week in data["weeks"]:
        assert set(week) == {"周次", "开始", "结束", "假日", "调休上班"}
    week5, week6 = data["weeks"][4], data["weeks"][5]
    assert [h["日期"] for h in week5["假日"]] == [f"2025-10-0{d}" for d in range(1, 6)]
    assert {h["名称"] for h in week5["假日"]} == {"国庆节"}
    assert [h["日期"] for h in week6["假日"]] == ["2025-10-06", "2025-10-07", "2025-10-08"]
    assert week6["假日"][0]["名称"] == "中秋节"
    assert data["weeks"][3]["调休上班"] == ["2025-09-28"]
    assert week6["调休上班"] == ["2025-10-11"]


@pytest.mark.parametrize("value", ["sun", "周日", "SUN"])
def test_week_start_sunday(value):
    data = run_json([*BASE, "--week-start", value])
    assert data["每周起始"] == "周日"
    assert data["weeks"][0]["开始"] == "2025-08-31"
    assert data["weeks"][0]["结束"] == "2025-09-06"
    assert data["weeks"][4]["调休上班"] == ["2025-09-28"]
    assert [h["日期"] for h in data["weeks"][5]["假日"]][:1] == ["2025-10-05"]


def test_weeks_option():
    data = run_json([*BASE, "--weeks", "20"])
    assert len(data["weeks"]) == 20


def test_unknown_year_warns():
    result = run([*TERM_2027, "--json"])
    assert result.exit_code == 0, result.output
    assert "警告：2027年的法定节假日和调休安排尚未收录" in result.stderr
    assert "--holidays" in result.stderr
    data = json.loads(result.stdout)
    assert len(data["警告"]) == 1
    assert all(not w["假日"] and not w["调休上班"] for w in data["weeks"])


def test_unknown_year_with_holidays_file(tmp_path):
    hol = tmp_path / "调休.yaml"
    hol.write_text(
        "假日: [2027-04-05, {日期: 2027-05-01~2027-05-05, 名称: 劳动节}]\n调休上班: [2027-04-25]\n",
        encoding="utf-8",
    )
    result = run([*TERM_2027, "--holidays", str(hol), "--json"])
    assert result.exit_code == 0, result.output
    assert "警告" not in result.stderr
    data = json.loads(result.stdout)
    assert "警告" not in data
    days = {h["日期"]: h["名称"] for w in data["weeks"] for h in w["假日"]}
    assert days == {"2027-04-05": None, **{f"2027-05-0{d}": "劳动节" for d in range(1, 6)}}
    assert [d for w in data["weeks"] for d in w["调休上班"]] == ["2027-04-25"]


def test_holidays_file_overrides_known_year(tmp_path):
    hol = tmp_path / "调休.yaml"
    hol.write_text(
        "假日: [{日期: 2025-09-29, 名称: 校庆}]\n调休上班: [2025-10-08]\n", encoding="utf-8"
    )
    data = run_json([*BASE, "--holidays", str(hol)])
    week5, week6 = data["weeks"][4], data["weeks"][5]
    assert week5["假日"][0] == {"日期": "2025-09-29", "名称": "校庆"}
    assert "2025-10-08" in week6["调休上班"]
    assert "2025-10-08" not in [h["日期"] for h in week6["假日"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("假日: [2027-02-30]\n", "第1行 假日[1]: “2027-02-30”不是真实存在的日期"),
        (
            "假日:\n  - 2027-05-05~2027-05-01\n",
            "第2行 假日[1]: “2027-05-05~2027-05-01”的结束日期早于开始日期",
        ),
        ("假日: []\n调休: [2027-04-25]\n", "第2行 调休: 不认识的键“调休”。是不是“调休上班”"),
        ("假日: [2027-04-05\n", "YAML 格式错误"),
    ],
)
def test_bad_holidays_file(tmp_path, text, expected):
    hol = tmp_path / "调休.yaml"
    hol.write_text(text, encoding="utf-8")
    result = run([*TERM_2027, "--holidays", str(hol)])
    assert result.exit_code == 2
    assert expected in result.stderr
    assert str(hol) in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["calendar", "2025-2026", "--start", "2025-09-01"], "请用 --term 指定学期"),
        (["calendar", "2025-2026", "--term", "1"], "请用 --start 指定开学日期"),
        (["calendar", "2025-2027", "--term", "1", "--start", "2025-09-01"], "两个年份应当相邻"),
        (
            ["calendar", "2025-2026", "--term", "第三学期", "--start", "2025-09-01"],
            "学期“第三学期”无法识别",
        ),
        ([*BASE[:-1], "2025-09-31"], "9月只有30天"),
        ([*BASE, "--weeks", "二十"], "--weeks 应当是周数"),
        ([*BASE, "--weeks", "40"], "周数应在 1～30 之间"),
        ([*BASE, "--week-start", "tue"], "--week-start 只能是"),
        ([*BASE, "--profile", "a4"], "--profile 只能是"),
        ([*BASE, "-o", "校历.pdf"], ".docx"),
        ([*BASE, "--holidays", "无此文件.yaml"], "找不到节假日文件"),
        (
            ["calendar", "2025-2026", "--term", "2", "--start", "2025-09-01"],
            "第二学期应在2026年1月至6月之间开学",
        ),
    ],
)
def test_user_errors(args, fragment):
    result = run(args)
    assert result.exit_code != 0
    assert fragment in result.stderr
    assert "Traceback" not in result.output


def _docx_text(path) -> str:
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


@pytest.mark.parametrize("profile", ["school", "gbt9704"])
def test_docx_output(tmp_path, profile):
    out = tmp_path / "校历.docx"
    result = run([*BASE, "-o", str(out), "--profile", profile])
    assert result.exit_code == 0, result.output
    assert f"已生成 {out}" in result.stdout
    text = _docx_text(out)
    for expected in [
        "2025—2026学年第一学期校历",
        "周次",
        "节假日与调休",
        "备注",
        "9月29日—10月5日",
        "国庆节：10月1日—5日放假",
    ]:
        assert expected in text


def test_docx_no_overwrite_without_force(tmp_path):
    out = tmp_path / "校历.docx"
    out.write_bytes(b"old")
    result = run([*BASE, "-o", str(out)])
    assert result.exit_code == 3
    assert "--force" in result.stderr
    assert out.read_bytes() == b"old"
    result = run([*BASE, "-o", str(out), "--force"])
    assert result.exit_code == 0, result.output
    assert "国庆节" in _docx_text(out)
