"""The template library for departments and kinds of unit (学校 处室, 区县教研室, 医院科室),
and 年度 documents (units that plan by calendar year) with every template.

Each built-in template is built twice, for a term (学年 + 学期) and for a year (年度),
from a spec that fills every part the 文种 has; the wording of the period, the default
title, the 行事历 months, the summary linked to a 年度 plan, rollover and summary init of
a 年度 plan, the `templates list` view and the 落款 date checks are checked on what is built.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers_docx import (
    body_blocks,
    invoke,
    stderr_of,
    table_with_header,
    tables,
    texts,
    write_spec,
)
from ruamel.yaml import YAML

from wenshu.generator import template_list
from wenshu.generator.demo import demo_spec
from wenshu.generator.templating import UNIT_ORDER, TemplateLibrary

# The 文种 of the department templates; the forms of a 教研组台帐 are tested in
# test_ledger*.py (its template for 年度 too).
KINDS = ("工作计划", "工作职责", "工作总结")
EVERY = [t for t in TemplateLibrary().list() if t.builtin]
LIBRARY = [t for t in EVERY if t.kind in KINDS]
IDS = [f"{t.kind}-{t.name}" for t in LIBRARY]
# The 文种 written for a 学期 or a 年度 (制度 and 通知 name no period).
PERIODIC = [t for t in LIBRARY if t.kind in ("工作计划", "工作职责", "工作总结")]

TERM = {"学年": "2025—2026", "学期": "第一学期"}
YEAR = {"年度": 2026}
PERIODS = {"学期": TERM, "年度": YEAR}

# User text without any word for a period, so that every 学期/年度 in a built document
# comes from the template.
PLAN = {
    "文种": "工作计划",
    "单位": "城东人民医院",
    "部门": "检验科",
    "指导思想": "坚持以患者为中心，持续改进质量。",
    "工作目标": [
        {"内容": "检验报告及时准确", "指标": "急诊报告30分钟内发出率≥95%", "编号": "A1"},
        {"内容": "室间质评全部合格", "指标": "合格率100%", "编号": "A2"},
    ],
    "主要工作": [
        {"标题": "质量控制", "内容": "每天做室内质控，失控时停发报告并查找原因。"},
        {"标题": "人员培训", "条目": ["新进人员岗前培训。", "每月组织一次业务学习。"]},
    ],
    "保障措施": [{"标题": "制度保障", "内容": "落实标本交接和危急值报告制度。"}],
    "具体分工": [
        {"姓名": "周敏", "职务": "科主任", "联系": "门诊、病区", "职责": ["全面负责科室工作"]},
        {"姓名": "吴刚", "职务": "质控员", "职责": ["负责室内质控和室间质评"]},
    ],
    "教研组": [{"名称": "生化组", "组长": "吴刚", "成员": "吴刚、孙丽", "活动时间": "每周三下午"}],
    "轮值表": {
        "年级": ["白班", "夜班"],
        "安排": [{"周次": [1, 2], "年级": {"白班": "周敏", "夜班": "吴刚"}}],
    },
    "结束语": "全科人员要同心协力，完成各项任务。",
}
DUTY = {
    "文种": "工作职责",
    "单位": "城东人民医院",
    "岗位": "质控员",
    "职责": [{"类别": "日常质控", "条目": ["每天检查室内质控结果", "每月汇总质控数据"]}],
    "落款": {"单位": "城东人民医院检验科"},
}
SUMMARY = {
    "文种": "工作总结",
    "计划": "计划.yaml",
    "目标完成": [
        {"编号": "A1", "完成情况": "已完成", "实际": "急诊报告及时率97%"},
        {"编号": "A2", "完成情况": "部分完成", "实际": "一项不合格", "说明": "已整改"},
    ],
    "主要工作及成效": [{"标题": "质量控制", "内容": "室内质控全年无漏做。"}],
    "存在问题": ["个别人员操作不够规范。"],
    "努力方向": ["加强操作考核。"],
}
# Months written out of order: the 行事历 lists them in the order of the period.
TERM_CALENDAR = [
    {"月份": 1, "活动": [{"内容": "年终质控总结", "日期": "2026-01-15"}]},
    {"月份": 9, "活动": [{"内容": "制订工作计划", "负责人": "周敏"}]},
    {"月份": 11, "活动": [{"内容": "室间质评", "负责人": "吴刚"}]},
]
YEAR_CALENDAR = [
    {"月份": 12, "活动": [{"内容": "年终质控总结", "日期": "2026-12-15"}]},
    {"月份": 1, "活动": [{"内容": "制订工作计划", "负责人": "周敏"}]},
    {"月份": 7, "活动": [{"内容": "室间质评", "负责人": "吴刚"}]},
    {"月份": 3, "活动": [{"内容": "手卫生考核", "日期": "2026-03-10"}]},
]


def _plan(period: str, template: str) -> dict:
    data = {**PLAN, **PERIODS[period], "模板": template}
    data["行事历"] = TERM_CALENDAR if period == "学期" else YEAR_CALENDAR
    sign = "2025-09-01" if period == "学期" else "2026-01-05"
    data["落款"] = {"日期": sign}
    return data


def _build(tmp_path: Path, kind: str, template: str, period: str) -> Path:
    """Write the specs for (kind, template, period) into tmp_path and build; the .docx."""
    plan_template = template if kind == "工作计划" else "通用"
    write_spec(tmp_path / "计划.yaml", _plan(period, plan_template))
    if kind == "工作计划":
        spec = tmp_path / "计划.yaml"
    elif kind == "工作职责":
        spec = write_spec(tmp_path / "职责.yaml", {**DUTY, **PERIODS[period], "模板": template})
    else:
        end = "2026-01-20" if period == "学期" else "2026-12-28"
        data = {**SUMMARY, "模板": template, "落款": {"日期": end}}
        spec = write_spec(tmp_path / "总结.yaml", data)
    result = invoke(["build", spec, "--force"])
    assert result.exit_code == 0, stderr_of(result)
    assert "警告" not in stderr_of(result), stderr_of(result)
    return spec.with_suffix(".docx")


@pytest.mark.parametrize("period", PERIODS)
@pytest.mark.parametrize("info", PERIODIC, ids=lambda t: f"{t.kind}-{t.name}")
def test_every_template_builds_for_a_term_and_for_a_year(tmp_path, info, period):
    docx = _build(tmp_path, info.kind, info.name, period)
    lines = [line.replace("\n", "") for line in texts(docx)]
    shown = "2025—2026学年第一学期" if period == "学期" else "2026年度"
    other = "学期" if period == "年度" else "年度"
    if info.kind != "工作职责":
        assert shown in lines[0], lines[0]  # the default title names the period
        assert lines[0].startswith("城东人民医院") and lines[0].endswith(info.kind[-2:])
    # Every word for the period comes from the spec's own: no 本学期 in a 年度 plan.
    assert not any(other in line for line in lines), [ln for ln in lines if other in ln]
    # Every piece of user text is there.
    cells = [c.text for t in tables(docx) for row in t.rows for c in row]
    body = "".join(lines + cells)
    source = {"工作计划": PLAN, "工作职责": DUTY, "工作总结": SUMMARY}[info.kind]
    for text in _texts(source):
        assert text.rstrip("。") in body, text


def _texts(data) -> list[str]:
    """User sentences of a spec (values of 内容, 标题, list items …), not names or keys."""
    out = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("内容", "标题", "指导思想", "结束语", "实际", "说明", "职责", "条目"):
                out += [value] if isinstance(value, str) else _texts(value)
            elif isinstance(value, (dict, list)):
                out += _texts(value)
    elif isinstance(data, list):
        for item in data:
            out += [item] if isinstance(item, str) and len(item) > 6 else _texts(item)
    return out


@pytest.mark.parametrize("period", PERIODS)
@pytest.mark.parametrize("info", [t for t in LIBRARY if t.kind == "工作计划"], ids=lambda t: t.name)
def test_plan_parts_in_order_and_calendar_months_in_the_period_order(tmp_path, info, period):
    docx = _build(tmp_path, "工作计划", info.name, period)
    blocks = body_blocks(docx)
    heads = [b.text for b in blocks if getattr(b, "style", "") == "Heading1"]
    # 保障措施 follows 主要工作 and comes before the tables, which close the plan.
    safeguards = next(i for i, h in enumerate(heads) if h.endswith("保障措施"))
    work_head = heads[safeguards - 1]
    lines = texts(docx)
    assert lines[lines.index(work_head) + 1].endswith("质量控制")
    assert len(heads) - safeguards - 1 == 4  # 行事历, 具体分工, 教研组, 轮值表
    tables = [i for i, b in enumerate(blocks) if hasattr(b, "rows")]
    after = [i for i, b in enumerate(blocks) if getattr(b, "text", "") == work_head]
    schedule = [i for i in tables if i > after[0]]
    assert len(schedule) == 4
    cal = table_with_header(docx, "月份")
    months = [c.text for c in cal.column("月份") if c.text]
    want = ["9月", "11月", "1月"] if period == "学期" else ["1月", "3月", "7月", "12月"]
    assert months == want
    assert "周次" not in cal.header  # no activity has a week: the column is left out


@pytest.mark.parametrize(
    ("template", "header"),
    [("教研室", "联系学校"), ("德育处", "联系年级"), ("总务处", "负责区域"), ("通用", "分管联系")],
)
def test_templates_name_the_linked_column_for_their_unit(tmp_path, template, header):
    docx = _build(tmp_path, "工作计划", template, "年度")
    table = table_with_header(docx, "工作职责")
    assert header in table.header
    assert [c.text for c in table.column(header)] == ["门诊、病区", ""]


def test_hospital_goals_with_indicators_are_a_table_else_a_list(tmp_path):
    docx = _build(tmp_path, "工作计划", "科室", "年度")
    goals = table_with_header(docx, "序号")
    assert goals.header == ["序号", "目标", "指标"]
    assert [c.text for c in goals.column("指标")] == ["急诊报告30分钟内发出率≥95%", "合格率100%"]
    data = _plan("年度", "科室")
    data["工作目标"] = [*data["工作目标"], "环境整洁有序"]
    spec = write_spec(tmp_path / "无指标.yaml", data)
    assert invoke(["build", spec]).exit_code == 0
    lines = texts(spec.with_suffix(".docx"))
    assert "（三）环境整洁有序。" in lines
    with pytest.raises(AssertionError, match="no table"):
        table_with_header(spec.with_suffix(".docx"), "序号")


def test_a_week_in_a_year_plan_is_an_error(tmp_path):
    data = _plan("年度", "通用")
    data["行事历"] = [{"月份": 3, "活动": [{"内容": "考核", "周次": 3}]}]
    result = invoke(["build", write_spec(tmp_path / "计划.yaml", data)])
    assert result.exit_code == 2
    assert "年度计划的行事历不写周次" in stderr_of(result) and "周次" in stderr_of(result)


@pytest.mark.parametrize(
    ("period", "kind", "date", "message"),
    [
        ("年度", "工作计划", "2025-01-05", "相隔四个月以上"),
        ("年度", "工作计划", "2027-01-05", "晚于2026年度的结束"),
        ("学期", "工作计划", "2025-02-20", "相隔四个月以上"),
        ("年度", "工作总结", "2025-12-30", "早于2026年度的开始"),
        ("年度", "工作总结", "2027-06-30", "相隔四个月以上"),
        ("学期", "工作总结", "2026-08-31", "相隔四个月以上"),
    ],
)
def test_signature_dates_far_from_the_period_are_warnings(tmp_path, period, kind, date, message):
    plan = _plan(period, "通用")
    if kind == "工作计划":
        plan["落款"] = {"日期": date}
        spec = write_spec(tmp_path / "计划.yaml", plan)
    else:
        plan["落款"] = {"日期": "2025-06-01" if date < "2026" else "2025-09-01"}
        if period == "年度":
            plan["落款"] = {"日期": "2025-12-01"}
        write_spec(tmp_path / "计划.yaml", plan)
        spec = write_spec(tmp_path / "总结.yaml", {**SUMMARY, "落款": {"日期": date}})
    result = invoke(["build", spec])
    assert result.exit_code == 0, stderr_of(result)
    assert message in stderr_of(result) and "落款" in stderr_of(result), stderr_of(result)
    assert invoke(["build", spec, "--strict", "--force"]).exit_code == 2


def test_summary_of_a_year_plan_inherits_the_year_and_reads_as_a_year(tmp_path):
    docx = _build(tmp_path, "工作总结", "科室", "年度")
    lines = texts(docx)
    assert lines[0].replace("\n", "") == "城东人民医院检验科2026年度工作总结"
    assert "2026年度，检验科在医院领导" in lines[1]
    assert "年初确定的质量与安全目标" in lines[1]
    assert "四、下一年度工作打算" in lines
    assert "2项目标中已完成1项、部分完成1项。" in lines


def test_summary_init_and_rollover_of_a_year_plan(tmp_path):
    plan = tmp_path / "科室计划.yaml"
    plan.write_text(
        demo_spec("医院科室年度工作计划.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    out = tmp_path / "科室总结.yaml"
    result = invoke(["summary", "init", plan, "-o", out])
    assert result.exit_code == 0, stderr_of(result)
    text = out.read_text(encoding="utf-8")
    assert "单位、部门、年度沿用关联的计划" in text and "学期" not in text
    assert re.search(r"# 日期: 2026-12-25 +# 年末", text), text
    assert '编号: "K6"' in text
    built = invoke(["build", out])
    assert built.exit_code == 0, stderr_of(built)
    assert texts(out.with_suffix(".docx"))[0].replace("\n", "").endswith("2026年度工作总结")

    rolled = tmp_path / "科室计划2027.yaml"
    result = invoke(["rollover", plan, "--to", "2027", "-o", rolled])
    assert result.exit_code == 0, stderr_of(result)
    yaml = YAML(typ="safe")
    data = yaml.load(rolled.read_text(encoding="utf-8"))
    assert data["年度"] == 2027 and str(data["落款"]["日期"]).startswith("2027-01")
    # A bare “2026年” is left for a person to check, and listed.
    assert "2026年是医院" in data["前言"] and "2026年是医院" in result.output
    built = invoke(["build", rolled])
    assert built.exit_code == 0, stderr_of(built)
    lines = texts(rolled.with_suffix(".docx"))
    assert lines[0].replace("\n", "") == "城南区人民医院心血管内科2027年度工作计划"
    assert "2027年，心血管内科把医务人员手卫生依从率" in "".join(lines)
    cal = table_with_header(rolled.with_suffix(".docx"), "月份")
    assert [c.text for c in cal.column("月份") if c.text] == [f"{m}月" for m in range(1, 13)]


# ---- templates list -------------------------------------------------------------------------


@pytest.mark.parametrize("info", EVERY, ids=lambda t: f"{t.kind}-{t.name}")
def test_every_builtin_template_says_what_and_whom_it_is_for(info):
    assert info.description and info.department, info.path
    assert info.unit_type in UNIT_ORDER, info.path


def test_templates_list_groups_the_library_by_kind_and_department():
    result = invoke(["templates", "list"])
    assert result.exit_code == 0, stderr_of(result)
    out = result.stdout
    kinds = [line for line in out.splitlines() if re.match(r"^\S+（\d+个模板）$", line)]
    assert [k.split("（")[0] for k in kinds][:3] == ["工作计划", "工作职责", "工作总结"]
    blocks = dict(re.findall(r"(?m)^(\S+)（\d+个模板）\n((?:  .*\n?|(?: {20,}.*\n?))*)", out))
    for info in EVERY:
        row = next(
            line
            for line in blocks[info.kind].splitlines()
            if line.startswith(f"  {info.name} ") and template_list.audience(info) in line
        )
        assert info.description[:6] in row
    plan_rows = out.split("工作职责（")[0]
    for audience in ("学校·德育处", "学校·教务处（教导处）", "区县教研室", "医院·科室", "通用"):
        assert audience in plan_rows
    # 通用 first, then schools, the district office, the hospital.
    order = [plan_rows.index(f"  {name} ") for name in ("通用", "德育处", "教研室", "科室")]
    assert order == sorted(order)


@pytest.mark.parametrize("width", [60, 80, 120])
def test_templates_list_fits_the_terminal(width):
    text = template_list.table(TemplateLibrary().list(), width)
    assert max(template_list.display_width(line) for line in text.splitlines()) <= width
    for info in EVERY:  # wrapped, but nothing of the 说明 is lost
        assert info.description.replace(" ", "") in text.replace(" ", "").replace("\n", "")


def test_templates_list_tsv_and_user_templates(tmp_path):
    mine = tmp_path / "mine" / "工作计划"
    mine.mkdir(parents=True)
    (mine / "护理部.j2").write_text(
        "{#- 说明：护理部年度计划 -#}\n{#- 部门：护理部；单位：医院 -#}\n{{ title('x') }}\n",
        encoding="utf-8",
    )
    (mine / "无说明.j2").write_text("{{ title('x') }}\n", encoding="utf-8")
    rows = [
        line.split("\t")
        for line in invoke(
            ["templates", "list", "--tsv", "--templates", tmp_path / "mine"]
        ).stdout.splitlines()
    ]
    assert [
        "工作计划",
        "护理部",
        str(tmp_path / "mine"),
        "护理部年度计划",
        "护理部",
        "医院",
    ] in rows
    assert all(len(r) == 6 for r in rows)
    table = invoke(["templates", "list", "--templates", tmp_path / "mine"]).stdout
    assert "来源" in table and "医院·护理部" in table and "（未注明）" in table
