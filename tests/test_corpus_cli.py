"""`wenshu corpus …` commands through click: output shapes, errors without tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from wenshu.generator.cli_corpus import PROGRESS_MIN_FILES, corpus
from wenshu.generator.corpus import entries as entries_mod

BUILTIN = """\
类别: 工作措施
片段:
  - 编号: cs101
    标题: 青年教师培养
    主题: [青年教师培养]
    文种: [工作计划]
    内容: '{{ 单位 }}实施青蓝结对，骨干教师带教青年教师，每学期听课二十节以上。'
    条目: [每周听课一次, 每月上汇报课]
  - 编号: cs102
    标题: 课题过程管理
    主题: [课题研究]
    文种: [工作计划]
    内容: 规范课题申报、开题、中期检查和结题。
"""

MINE = """\
- 编号: my01
  类别: 前言
  标题: 开篇
  主题: [读书活动]
  内容: 新学年，我们以读书活动凝聚人心。
- 类别: 结束语
  标题: 结尾
  内容: 让我们携手并进，再创佳绩。
"""

DOC = """\
实验小学教研工作计划

一、指导思想
坚持以课堂教学为中心，以校本研修为抓手，促进教师专业成长，全面提高教育教学质量。

二、工作措施
1、加强集体备课，每两周开展一次备课组活动，形成共案后结合班情修改。
2、开展青年教师汇报课活动，骨干教师全程指导，课后及时反思改进。
"""


def _app() -> click.Group:
    """The real `wenshu` group when corpus is registered there, else a stand-in with the
    same --corpus option and error handling."""
    from wenshu.cli import WenshuGroup, main

    if main.get_command(click.Context(main), "corpus") is corpus:
        return main

    @click.group(cls=WenshuGroup)
    @click.option(
        "--corpus", "corpus_path", type=click.Path(dir_okay=False), envvar="WENSHU_CORPUS"
    )
    @click.pass_context
    def app(ctx: click.Context, corpus_path: str | None) -> None:
        ctx.ensure_object(dict)
        ctx.obj["corpus_path"] = corpus_path

    app.add_command(corpus)
    return app


@pytest.fixture(autouse=True)
def small_builtin(tmp_path: Path, monkeypatch):
    folder = tmp_path / "builtin"
    folder.mkdir()
    (folder / "工作措施.yaml").write_text(BUILTIN, encoding="utf-8")
    monkeypatch.setattr(entries_mod, "builtin_dir", lambda: folder)
    return folder


@pytest.fixture
def run(tmp_path: Path):
    runner = CliRunner()
    db = tmp_path / "c.db"

    def invoke(*args: str, code: int = 0):
        result = runner.invoke(
            _app(), ["--corpus", str(db), "corpus", *args], catch_exceptions=False
        )
        assert result.exit_code == code, result.output
        assert "Traceback" not in result.output
        return result

    return invoke


def _json(result):
    return json.loads(result.stdout)


def test_search_json_shape(run):
    hits = _json(run("search", "青年教师", "--json"))
    assert [h["id"] for h in hits] == ["cs101"]
    assert set(hits[0]) == {
        "id",
        "title",
        "text",
        "category",
        "topics",
        "sources",
        "score",
        "uses",
        "matched",
    }
    assert hits[0]["matched"][0]["word"] == "青年教师"
    assert hits[0]["topics"] == ["青年教师培养"] and hits[0]["sources"] == []


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["ktyj"], ["cs102"]),
        (["课题", "--category", "工作措施"], ["cs102"]),
        (["--topic", "课题研究"], ["cs102"]),
        (["青年教师", "培养", "-n", "1"], ["cs101"]),
        (["--kind", "工作总结"], []),
    ],
)
def test_search_options(run, args, expected):
    assert [h["id"] for h in _json(run("search", *args, "--json"))] == expected


def test_search_text_output(run):
    out = run("search", "青年教师").stdout
    assert "cs101" in out and "[工作措施] 青年教师培养" in out
    assert "匹配：青年教师（标题、主题" in out
    assert "匹配：师徒结对→青年教师培养（标题、主题）" in run("search", "师徒结对").stdout
    assert "没有找到" in run("search", "不存在的词").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "请给出要查找的词"),
        (["课题", "--category", "杂项"], "未知的类别“杂项”"),
        (["课题", "--topic", "飞行"], "未知的主题“飞行”"),
        (["课题", "--topic", "院感"], "未知的主题“院感”，是不是“医院感染管理”？"),
        (["课题", "--category", "措施"], "是不是“工作措施”？"),
        (["课题", "--kind", "通告"], "未知的文种“通告”"),
    ],
)
def test_search_errors(run, args, message):
    result = run("search", *args, code=6)
    assert message in result.stderr


def test_show(run):
    out = run("show", "cs101").stdout
    assert "编号：cs101（内置）" in out and "变量：单位" in out and "· 每周听课一次" in out
    data = _json(run("show", "cs101", "--json"))
    assert data["items"] == ["每周听课一次", "每月上汇报课"] and data["origin"] == "builtin"
    assert "语料库中没有编号为 nope 的片段" in run("show", "nope", code=6).stderr


def test_add_remove_stats_export(run, tmp_path: Path):
    mine = tmp_path / "片段.yaml"
    mine.write_text(MINE, encoding="utf-8")
    assert _json(run("add", str(mine), "--json")) == {"added": ["my01", "u0001"]}
    stats = _json(run("stats", "--json"))
    assert stats["sections"] == 4
    assert stats["categories"] == {"前言": 1, "工作措施": 2, "结束语": 1}
    assert stats["topics"] == {"课题研究": 1, "青年教师培养": 1, "读书活动": 1}
    assert "片段共 4 个" in run("stats").stdout

    exported = run("export").stdout
    assert "my01" in exported and "cs101" not in exported
    everything = _json(run("export", "--builtin", "--json"))
    assert {s["id"] for s in everything} == {"cs101", "cs102", "my01", "u0001"}

    backup = tmp_path / "备份.yaml"
    run("export", "-o", str(backup))
    assert "已存在" in run("export", "-o", str(backup), code=3).stderr
    run("export", "-o", str(backup), "--force")

    assert "已删除 my01" in run("remove", "my01").stdout
    assert "内置片段" in run("remove", "cs101", code=6).stderr
    run("remove", "u0001")
    # The backup restores both sections with their ids.
    assert _json(run("add", str(backup), "--json")) == {"added": ["my01", "u0001"]}


def test_add_malformed_file_reports_problems(run, tmp_path: Path):
    bad = tmp_path / "坏.yaml"
    bad.write_text("- 类别: 前言\n  标题: 甲\n  主题: [飞行]\n  内容: 乙\n", encoding="utf-8")
    result = run("add", str(bad), code=2)
    assert "坏.yaml" in result.stderr and "飞行" in result.stderr
    bad.write_text("- 类别: 措施\n  标题: 甲\n  主题: [新课标]\n  内容: 乙\n", encoding="utf-8")
    result = run("add", str(bad), code=2)
    assert "主题“新课标”不在可选范围内，是不是“课程标准”？" in result.stderr
    assert "类别“措施”不在可选范围内，是不是“工作措施”？" in result.stderr
    assert _json(run("stats", "--json"))["sections"] == 2


def test_import_json_shape_and_failures(run, tmp_path: Path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "计划.txt").write_text(DOC, encoding="utf-8")
    (docs / "坏.docx").write_bytes(b"not a zip")
    (docs / "空.txt").write_bytes(b"")
    result = run("import", str(docs), str(tmp_path / "没有.txt"), "--json", code=1)
    summary = json.loads(result.stdout)
    assert set(summary) == {
        "documents",
        "sections_added",
        "duplicates",
        "noise_lines_removed",
        "failed",
    }
    assert summary["documents"] == 1 and summary["sections_added"] >= 1
    failed = {Path(f["path"]).name: f["reason"] for f in summary["failed"]}
    assert set(failed) == {"坏.docx", "空.txt", "没有.txt"}
    assert all(failed.values())

    again = json.loads(run("import", str(docs / "计划.txt"), "--json").stdout)
    assert again["sections_added"] == 0 and again["failed"] == []
    assert again["duplicates"] == summary["sections_added"]

    hits = _json(run("search", "集体备课", "--json"))
    assert hits and hits[0]["sources"]


def test_import_text_output(run, tmp_path: Path):
    doc = tmp_path / "计划.txt"
    doc.write_text(DOC, encoding="utf-8")
    out = run("import", str(doc)).stdout
    assert "1 篇文档" in out and "新增" in out


def test_import_progress_bar_for_many_files(run, tmp_path: Path):
    docs = tmp_path / "many"
    docs.mkdir()
    for i in range(PROGRESS_MIN_FILES + 1):
        (docs / f"{i:02d}.txt").write_text(DOC.replace("实验小学", f"第{i}小学"), encoding="utf-8")
    result = run("import", str(docs), "--json")
    assert "导入中" in result.stderr
    assert json.loads(result.stdout)["documents"] == PROGRESS_MIN_FILES + 1


def test_import_requires_a_path(run):
    result = run("import", code=2)
    assert "缺少参数 文件" in result.output


def test_broken_database_is_reported(tmp_path: Path):
    db = tmp_path / "坏.db"
    db.write_bytes(b"garbage" * 200)
    result = CliRunner().invoke(_app(), ["--corpus", str(db), "corpus", "stats"])
    assert result.exit_code == 6
    assert "坏.db" in result.stderr and "Traceback" not in result.output


def test_corpus_path_from_environment(tmp_path: Path):
    db = tmp_path / "env.db"
    result = CliRunner().invoke(
        _app(), ["corpus", "stats", "--json"], env={"WENSHU_CORPUS": str(db)}
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["sections"] == 2 and db.exists()
