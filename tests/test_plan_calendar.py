"""Plans with a term start (开学): 周次 and 日期 derive each other, out-of-term weeks and
mismatches are errors, holidays warn; the 轮值表 in both forms and its checks."""

from __future__ import annotations

import pytest
from helpers_docx import invoke, plan, stderr_of, table_with_header, write_spec

TERM = {"学年": "2025—2026", "学期": "第一学期", "开学": "2025-09-01"}


def build(tmp_path, data, *extra):
    spec = write_spec(tmp_path / "计划.yaml", data)
    return invoke(["build", spec, *extra]), tmp_path / "计划.docx"


def test_week_and_date_fill_each_other(tmp_path):
    data = plan(
        **TERM,
        行事历=[
            {
                "月份": 9,
                "活动": [{"内容": "开学典礼", "日期": "2025-09-01"}, {"内容": "听课周", "周次": 3}],
            },
            {"月份": 10, "活动": [{"内容": "期中研讨", "周次": "8-9"}]},
        ],
    )
    result, out = build(tmp_path, data)
    assert result.exit_code == 0, stderr_of(result)
    table = table_with_header(out, "月份", "周次", "日期", "工作内容")
    rows = [[c.text for c in row] for row in table.rows[1:]]
    assert rows[0][1:4] == ["第1周", "9月1日", "开学典礼"]
    assert rows[1][1:4] == ["第3周", "9月15日—21日", "听课周"]
    assert rows[2][1:4] == ["第8—9周", "10月20日—11月2日", "期中研讨"]


@pytest.mark.parametrize(
    "activity, fragment",
    [
        ({"内容": "x", "周次": 30}, "第30周超出本学期（按开学日期共22周）"),
        ({"内容": "x", "周次": 7, "日期": "2025-10-09"}, "在第6周，与第7周不符"),
    ],
)
def test_week_errors(tmp_path, activity, fragment):
    result, _ = build(tmp_path, plan(**TERM, 行事历=[{"月份": 10, "活动": [activity]}]))
    assert result.exit_code == 2
    assert fragment in stderr_of(result)
    assert "计划.yaml 第" in stderr_of(result)


def test_date_on_holiday_warns_and_strict_fails(tmp_path):
    data = plan(**TERM, 行事历=[{"月份": 10, "活动": [{"内容": "教研活动", "日期": "2025-10-02"}]}])
    result, out = build(tmp_path, data)
    assert result.exit_code == 0
    assert "警告" in stderr_of(result) and "国庆节" in stderr_of(result)
    strict, _ = build(tmp_path, data, "--strict", "--force")
    assert strict.exit_code == 2


def test_holiday_override_in_spec_and_its_errors(tmp_path):
    data = plan(
        **TERM,
        假期={"假日": ["2025-09-10"]},
        行事历=[{"月份": 9, "活动": [{"内容": "教师节活动", "日期": "2025-09-10"}]}],
    )
    result, _ = build(tmp_path, data)
    assert result.exit_code == 0 and "2025-09-10 是" in stderr_of(result)
    bad = plan(**TERM, 假期={"假日": ["2025-02-30"]})
    result, _ = build(tmp_path, bad, "--force")
    assert result.exit_code == 2 and "假期.假日[1]" in stderr_of(result)


def test_term_start_outside_term_is_an_error(tmp_path):
    result, _ = build(tmp_path, plan(学年="2025—2026", 学期="第一学期", 开学="2026-03-01"))
    assert result.exit_code == 2 and "开学" in stderr_of(result)


def test_without_term_start_behaviour_is_unchanged(tmp_path):
    data = plan(行事历=[{"月份": 9, "活动": [{"内容": "听课周", "周次": 3}]}])
    result, out = build(tmp_path, data)
    assert result.exit_code == 0
    row = table_with_header(out, "月份", "周次").rows[1]
    assert [c.text for c in row][:3] == ["9月", "第3周", "听课周"]


def test_rotation_rule_form(tmp_path):
    data = plan(
        **TERM,
        轮值表={
            "标题": "公开课轮值表",
            "年级": ["初一", "初二", "初三"],
            "学科": ["语文", "数学", "英语"],
            "周次": [3, 7, 13],
        },
    )
    result, out = build(tmp_path, data)
    assert result.exit_code == 0, stderr_of(result)
    table = table_with_header(out, "周次", "初一", "初二", "初三")
    assert [[c.text for c in r] for r in table.rows[1:]] == [
        ["第3周", "语文", "数学", "英语"],
        ["第7周", "数学", "英语", "语文"],
        ["第13周", "英语", "语文", "数学"],
    ]


def test_rotation_explicit_grid(tmp_path):
    data = plan(
        **TERM,
        轮值表={
            "年级": ["初一", "初二"],
            "安排": [
                {"周次": [3, 7], "年级": {"初一": "语文", "初二": "数学"}},
                {"周次": 5, "年级": {"初一": "物理"}},
            ],
        },
    )
    result, out = build(tmp_path, data)
    assert result.exit_code == 0, stderr_of(result)
    table = table_with_header(out, "周次", "初一", "初二")
    assert [[c.text for c in r] for r in table.rows[1:]] == [
        ["第3周", "语文", "数学"],
        ["第5周", "物理", ""],
        ["第7周", "语文", "数学"],
    ]


@pytest.mark.parametrize(
    "rotation, fragment, code",
    [
        ({"年级": ["初一"], "安排": [{"周次": 3, "年级": {"高一": "语文"}}]}, "年级“高一”不在", 2),
        ({"年级": ["初一"], "学科": ["语文"], "周次": [40]}, "第40周超出本学期", 2),
        ({"年级": ["初一", "初二"], "学科": ["语文", "数学", "英语"], "周次": [3]}, "没有轮到", 0),
        ({"年级": ["初一"]}, "轮值表需要“安排”", 2),
    ],
)
def test_rotation_validation(tmp_path, rotation, fragment, code):
    result, _ = build(tmp_path, plan(**TERM, 轮值表=rotation))
    assert result.exit_code == code
    assert fragment in stderr_of(result)


YEAR = {"年度": 2026, "学年": None, "学期": None}
ROTATION = {"年级": ["初一", "初二"], "学科": ["语文", "数学"]}


@pytest.mark.parametrize(
    "period, weeks, message",
    [
        (TERM, [30], "轮值表.周次: 第30周超出本学期（按开学日期共22周）"),
        ({**TERM, "开学": None}, [30], "轮值表.周次: 第30周超出本学期（按学期最长共25周）"),
        (YEAR, [60], "轮值表.周次: 第60周超出本年度（2026年共53周）"),
    ],
)
def test_rotation_weeks_beyond_the_period_name_the_period(tmp_path, period, weeks, message):
    result, _ = build(tmp_path, plan(**period, 轮值表={**ROTATION, "周次": weeks}))
    assert result.exit_code == 2
    assert message in stderr_of(result)
    if "年度" in period:
        assert "学期" not in stderr_of(result)


def test_a_yearly_plan_rotates_through_the_weeks_of_its_year(tmp_path):
    data = plan(**YEAR, 轮值表={**ROTATION, "周次": [10, 30, 53]})
    data["行事历"] = [{"月份": 12, "活动": [{"内容": "年度总结", "日期": "2026-12-28"}]}]
    result, out = build(tmp_path, data)
    assert result.exit_code == 0, stderr_of(result)
    assert "学期" not in stderr_of(result)
    table = table_with_header(out, "周次", "初一", "初二")
    assert [r[0].text for r in table.rows[1:]] == ["第10周", "第30周", "第53周"]


def test_the_weeks_of_a_year_are_counted_from_the_week_of_1_january():
    from wenshu.generator.kinds.plan.weeks import year_weeks

    assert year_weeks(2026) == 53  # Thursday to Thursday
    assert year_weeks(2024) == 53  # Monday to Tuesday, leap year
    assert year_weeks(2012) == 54  # Sunday to Monday, leap year
