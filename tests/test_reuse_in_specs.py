"""{引用: ID} in specs: sections are inlined by `wenshu build`, variables filled from the
spec, problems named by line, and each use recorded in the corpus."""

from __future__ import annotations

import json

from helpers_docx import invoke, stderr_of, texts, write_spec

BASE = """\
文种: 工作计划
单位: 城南中学
部门: 教科室
学年: 2025-2026
学期: 第一学期
指导思想: {引用: zd001}
工作目标:
  - {引用: mb001}
主要工作:
  - 引用: cs001
  - 标题: 自定的一项
    内容: {引用: cs002}
"""


def _section(corpus, section_id):
    result = invoke(["--corpus", corpus, "corpus", "export", "--builtin", "--json"])
    assert result.exit_code == 0, stderr_of(result)
    return next(s for s in json.loads(result.output) if s["id"] == section_id)


def test_references_are_inlined_with_title_items_and_variables(tmp_path):
    corpus = tmp_path / "c.db"
    spec = write_spec(tmp_path / "计划.yaml", BASE)
    result = invoke(["--corpus", corpus, "build", spec])
    assert result.exit_code == 0, stderr_of(result)
    lines = texts(tmp_path / "计划.docx")
    cs001 = _section(corpus, "cs001")
    # A node-level reference: the section title is the heading, its items are numbered.
    assert f"（一）{cs001['title']}" in lines
    first_item = cs001["items"][0]
    assert any(line.startswith("1.") and first_item[:12] in line for line in lines)
    # Variables like {{ 学年 }} never reach the document unfilled.
    assert not any("{{" in line for line in lines)


def test_uses_are_recorded(tmp_path):
    corpus = tmp_path / "c.db"
    spec = write_spec(tmp_path / "计划.yaml", BASE)
    assert invoke(["--corpus", corpus, "build", spec]).exit_code == 0
    shown = invoke(["--corpus", corpus, "corpus", "show", "cs001"])
    assert "使用：1 次" in shown.output
    hits = invoke(["--corpus", corpus, "corpus", "search", "课题过程管理", "--json", "-n", "20"])
    uses = {h["id"]: h["uses"] for h in json.loads(hits.output)}
    assert uses.get("cs001") == 1


def test_corpus_from_environment_variable(tmp_path, monkeypatch):
    corpus = tmp_path / "env.db"
    monkeypatch.setenv("WENSHU_CORPUS", str(corpus))
    spec = write_spec(tmp_path / "计划.yaml", BASE)
    assert invoke(["build", spec]).exit_code == 0
    assert corpus.is_file()


def test_unknown_id_and_unfillable_variable_are_errors_with_lines(tmp_path):
    text = BASE.replace("{引用: zd001}", "{引用: jy019}").replace("引用: cs001", "引用: nosuch")
    spec = write_spec(tmp_path / "计划.yaml", text)
    result = invoke(["--corpus", tmp_path / "c.db", "build", spec])
    assert result.exit_code == 2
    err = stderr_of(result)
    assert "计划.yaml 第6行 指导思想" in err and "岗位" in err
    assert "计划.yaml 第10行" in err and "nosuch" in err
    assert not (tmp_path / "计划.docx").exists()


def test_explicit_variable_fills_the_section(tmp_path):
    text = BASE.replace("{引用: zd001}", "{引用: jy019, 变量: {岗位: 教科室主任}}")
    spec = write_spec(tmp_path / "计划.yaml", text)
    result = invoke(["--corpus", tmp_path / "c.db", "build", spec])
    assert result.exit_code == 0, stderr_of(result)
    assert any("教科室主任" in line for line in texts(tmp_path / "计划.docx"))


def test_misspelt_variable_is_an_error(tmp_path):
    text = BASE.replace("{引用: zd001}", "{引用: jy019, 变量: {岗为: 教科室主任}}")
    spec = write_spec(tmp_path / "计划.yaml", text)
    result = invoke(["--corpus", tmp_path / "c.db", "build", spec])
    assert result.exit_code == 2
    err = stderr_of(result)
    assert "计划.yaml 第6行" in err and "没有变量 岗为" in err and "岗位" in err
