"""工作职责 and 工作总结: starters, numbering, validation, plan links, scaffold, demo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers_docx import dump_yaml, invoke, stderr_of, table_with_header, texts, write_spec

from wenshu.generator.demo import demo_specs

DUTY_FLAT = {
    "文种": "工作职责",
    "单位": "城南中学",
    "岗位": "教务主任",
    "职责": ["一、编排课程表", "2.组织考试", "管理学籍档案"],
}

DUTY_GROUPED = {
    "文种": "工作职责",
    "单位": "城南中学",
    "部门": "教科室",
    "模板": "教科室",
    "职责": [
        {"类别": "常规工作", "条目": ["制订计划", "整理档案"]},
        {"类别": "教学研究", "条目": ["组织课题研究", "指导论文撰写", "组织评比"]},
    ],
}

PLAN = {
    "文种": "工作计划",
    "单位": "城南中学",
    "部门": "教科室",
    "学年": "2025—2026",
    "学期": "第一学期",
    "指导思想": "以研促教。",
    "工作目标": [
        {"内容": "课题中期检查全部通过", "指标": "通过率100%"},
        {"内容": "论文获奖不少于12篇"},
        "青年教师人人上汇报课",
    ],
    "主要工作": [
        {"标题": "课题研究", "条目": [{"标题": "中期检查", "内容": "十月完成。"}]},
        {"标题": "青年教师培养", "内容": "师徒结对。"},
    ],
    "落款": {"单位": "城南中学教科室", "日期": "2025-09-01"},
}


def summary(**changes):
    data = {
        "文种": "工作总结",
        "计划": "计划.yaml",
        "目标完成": [
            {"编号": "G1", "完成情况": "已完成", "实际": "6项全部通过"},
            {"编号": "G2", "完成情况": "部分完成", "实际": "10篇", "说明": "两篇未按时提交"},
            {"编号": "G3", "完成情况": "未完成", "实际": "完成80%"},
        ],
        "主要工作及成效": [{"标题": "课题管理更规范", "内容": "建立月报制度。"}],
        "存在问题": ["成果转化不足"],
        "努力方向": ["推行课堂观察"],
        "落款": {"日期": "2026-01-20"},
    }
    for k, v in changes.items():
        if v is None:
            data.pop(k)
        else:
            data[k] = v
    return data


def build(path: Path, *extra: str):
    return invoke(["build", path, *extra])


@pytest.mark.parametrize("kind", ["工作职责", "工作总结"])
def test_new_starter_builds_without_warnings(tmp_path, kind):
    result = invoke(["new", kind])
    assert result.exit_code == 0
    spec = write_spec(tmp_path / "s.yaml", result.output)
    built = build(spec, "--strict")
    assert built.exit_code == 0, stderr_of(built)
    assert (tmp_path / "s.docx").is_file()


@pytest.mark.parametrize("kind", ["工作职责", "工作总结"])
def test_schema(kind):
    result = invoke(["schema", kind])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert "文种" in schema["properties"]


def test_flat_duties_numbered_and_typed_numbers_stripped(tmp_path):
    spec = write_spec(tmp_path / "职责.yaml", DUTY_FLAT)
    assert build(spec).exit_code == 0
    lines = texts(tmp_path / "职责.docx")
    assert lines[0] == "城南中学教务主任工作职责"
    assert lines[1:4] == ["1.编排课程表", "2.组织考试", "3.管理学籍档案"]


def test_grouped_duties_restart_per_group(tmp_path):
    spec = write_spec(tmp_path / "职责.yaml", DUTY_GROUPED)
    assert build(spec).exit_code == 0
    lines = texts(tmp_path / "职责.docx")
    assert lines[0] == "城南中学教科室工作职责"
    start = lines.index("一、常规工作")
    assert lines[start:] == [
        "一、常规工作",
        "1.制订计划",
        "2.整理档案",
        "二、教学研究",
        "1.组织课题研究",
        "2.指导论文撰写",
        "3.组织评比",
    ]


@pytest.mark.parametrize(
    "duties, line, fragment",
    [
        ([{"类别": "常规工作", "条目": ["甲"]}, "乙"], 8, "不能混用"),
        ([{"类别": "常规工作", "条目": []}], 6, "不能为空"),
        ([{"类别": "常规工作", "条木": ["甲"]}], 6, "是不是“条目”"),
    ],
)
def test_duty_validation(tmp_path, duties, line, fragment):
    spec = write_spec(tmp_path / "职责.yaml", {**DUTY_FLAT, "职责": duties})
    result = build(spec)
    assert result.exit_code == 2
    err = stderr_of(result)
    assert fragment in err
    assert f"职责.yaml 第{line}行" in err
    assert "引用" not in err  # the other union member's complaints are not shown


def _linked(tmp_path, plan=PLAN, **changes):
    write_spec(tmp_path / "计划.yaml", plan)
    return write_spec(tmp_path / "总结.yaml", summary(**changes))


def test_summary_goal_table_and_tally(tmp_path):
    spec = _linked(tmp_path)
    result = build(spec)
    assert result.exit_code == 0, stderr_of(result)
    out = tmp_path / "总结.docx"
    lines = texts(out)
    assert lines[0] == "城南中学教科室2025—2026学年第一学期工作总结"
    assert "3项目标中已完成1项、部分完成1项、未完成1项。" in lines
    table = table_with_header(out, "目标", "指标", "实际", "完成情况")
    assert [[c.text for c in row] for row in table.rows[1:]] == [
        ["课题中期检查全部通过", "通过率100%", "6项全部通过", "已完成"],
        ["论文获奖不少于12篇", "", "10篇", "部分完成"],
        ["青年教师人人上汇报课", "", "完成80%", "未完成"],
    ]
    assert lines[-2:] == ["城南中学教科室", "2026年1月20日"]


def test_summary_unknown_goal_id_is_error(tmp_path):
    spec = _linked(tmp_path, 目标完成=[{"编号": "G9", "完成情况": "已完成"}])
    result = build(spec)
    assert result.exit_code == 2
    assert "计划中没有编号为“G9”的目标" in stderr_of(result)


def test_summary_missing_goal_warns_and_strict_fails(tmp_path):
    spec = _linked(tmp_path, 目标完成=[{"编号": "G1", "完成情况": "已完成"}])
    ok = build(spec)
    assert ok.exit_code == 0
    assert "警告" in stderr_of(ok) and "G2" in stderr_of(ok)
    strict = build(spec, "--strict", "--force")
    assert strict.exit_code == 2


@pytest.mark.parametrize(
    "changes, fragment",
    [
        ({"单位": "城北中学"}, "与关联的计划不一致"),
        ({"学期": "第二学期"}, "与关联的计划不一致"),
        ({"落款": {"日期": "2025-08-01"}}, "早于计划日期"),
        ({"计划": "没有这个.yaml"}, "找不到关联的计划文件"),
    ],
)
def test_summary_link_errors(tmp_path, changes, fragment):
    spec = _linked(tmp_path, **changes)
    result = build(spec)
    assert result.exit_code == 2
    assert fragment in stderr_of(result)


def test_summary_reports_plan_errors_with_plan_file(tmp_path):
    bad_plan = {**PLAN, "工作目的": ["x"]}
    spec = _linked(tmp_path, plan=bad_plan)
    result = build(spec)
    assert result.exit_code == 2
    err = stderr_of(result)
    assert "关联的计划 计划.yaml 有问题" in err and "工作目的" in err and "计划.yaml 第" in err


def test_summary_init_scaffold(tmp_path):
    write_spec(tmp_path / "计划.yaml", PLAN)
    out = tmp_path / "总结" / "总结.yaml"
    result = invoke(["summary", "init", tmp_path / "计划.yaml", "-o", out])
    assert result.exit_code == 0, stderr_of(result)
    text = out.read_text(encoding="utf-8")
    assert '计划: "../计划.yaml"' in text
    for gid, goal in [
        ("G1", "课题中期检查全部通过"),
        ("G2", "论文获奖"),
        ("G3", "青年教师人人上汇报课"),
    ]:
        assert f'编号: "{gid}"' in text and goal in text
    assert '标题: "课题研究"' in text and '标题: "中期检查"' in text
    # Unfilled placeholders: a warning, an error with --strict.
    loose = build(out)
    assert loose.exit_code == 0 and "【待填写】" in stderr_of(loose)
    strict = build(out, "--strict", "--force")
    assert strict.exit_code == 2
    again = invoke(["summary", "init", tmp_path / "计划.yaml", "-o", out])
    assert again.exit_code == 3


def test_demo_builds_all_three_kinds(tmp_path):
    result = invoke(["demo", "-o", tmp_path / "demo"])
    assert result.exit_code == 0, stderr_of(result)
    names = sorted(p.name for p in (tmp_path / "demo").glob("*.docx"))
    assert names == sorted(p.with_suffix(".docx").name for p in demo_specs())
    assert {"教研组长工作职责.docx", "教科室工作总结.docx", "教科室工作计划.docx"} <= set(names)
    summary_lines = texts(tmp_path / "demo" / "教科室工作总结.docx")
    assert any(line.startswith("4项目标中") for line in summary_lines)
    again = invoke(["demo", "-o", tmp_path / "demo"])
    assert again.exit_code == 3


def test_summary_without_plan_needs_goal_text(tmp_path):
    data = summary(计划=None, 单位="城南中学", 学年="2025—2026", 学期="第一学期")
    spec = write_spec(tmp_path / "总结.yaml", data)
    result = build(spec)
    assert result.exit_code == 2
    assert "请写出这项目标的“内容”" in stderr_of(result)


def test_plan_without_ids_prints_generated_ids(tmp_path):
    spec = write_spec(tmp_path / "计划.yaml", PLAN)
    result = build(spec)
    assert result.exit_code == 0
    assert "G1、G2、G3" in stderr_of(result)


def test_dump_helper_roundtrip_is_yaml(tmp_path):
    # Guards the fixtures above: what they write is what the models read.
    assert "文种: 工作职责" in dump_yaml(DUTY_FLAT)
