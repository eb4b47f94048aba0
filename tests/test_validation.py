"""Spec validation through `wenshu build`: every problem at once, in Chinese, with file,
line and path; warnings that --strict turns into errors; never a traceback."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))
from helpers_docx import dump_yaml, invoke, plan, stderr_of, texts, write_spec  # noqa: E402

from wenshu.generator.errors import SpecError  # noqa: E402
from wenshu.generator.spec.loader import load_spec_text  # noqa: E402

LINE = re.compile(
    r"^(错误|警告)：(?P<file>\S+?)(?: 第(?P<line>\d+)行)?(?: (?P<path>\S+))?: (?P<msg>.+)$"
)


def run_build(tmp_path: Path, data, *extra: str):
    spec = write_spec(tmp_path / "计划.yaml", data)
    return invoke(["build", spec, *extra]), spec


def errors_of(result) -> list[str]:
    return [ln for ln in stderr_of(result).splitlines() if ln.startswith("错误：")]


def warnings_of(result) -> list[str]:
    return [ln for ln in stderr_of(result).splitlines() if ln.startswith("警告：")]


def fails(tmp_path: Path, data, *extra: str) -> list[str]:
    """Build must fail with exit 2 and no output; returns the error lines."""
    result, spec = run_build(tmp_path, data, *extra)
    assert result.exit_code == 2, stderr_of(result)
    assert not spec.with_suffix(".docx").exists()
    errs = errors_of(result)
    assert errs, stderr_of(result)
    n = len(errs)
    assert f"共 {n} 处错误" in stderr_of(result)
    return errs


def passes(tmp_path: Path, data, *extra: str):
    result, spec = run_build(tmp_path, data, *extra)
    assert result.exit_code == 0, stderr_of(result)
    assert spec.with_suffix(".docx").is_file()
    return result


def one_error(tmp_path: Path, data) -> str:
    errs = fails(tmp_path, data)
    assert len(errs) == 1, errs
    return errs[0]


# ---- unknown keys ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "path", "wrong", "right"),
    [
        (plan(工作目的=["x"]), "工作目的", "工作目的", "工作目标"),
        (plan(指导思路="x"), "指导思路", "指导思路", "指导思想"),
        (plan(主要工作=[{"标提": "常规", "内容": "x"}]), "主要工作[1].标提", "标提", "标题"),
        (plan(行事历=[{"月份": 9, "活功": ["x"]}]), "行事历[1].活功", "活功", "活动"),
        (plan(落款={"单未": "城南中学"}), "落款.单未", "单未", "单位"),
        (plan(工作目标=[{"内容": "x", "指票": "y"}]), "工作目标[1].指票", "指票", "指标"),
    ],
)
def test_unknown_key_is_an_error_with_a_suggestion(tmp_path, data, path, wrong, right):
    errs = fails(tmp_path, data)
    unknown = [e for e in errs if "未知的键" in e]
    assert len(unknown) == 1, errs
    # A mistyped required key may also be reported as missing; nothing else.
    assert all("未知的键" in e or f"缺少必填项“{right}”" in e for e in errs), errs
    m = LINE.match(unknown[0])
    assert m, unknown[0]
    assert m["path"] == path
    assert m["line"] is not None
    assert f"未知的键“{wrong}”" in m["msg"]
    assert f"是不是“{right}”" in m["msg"]


def test_unknown_key_without_close_match_lists_allowed_keys(tmp_path):
    err = one_error(tmp_path, plan(落款={"abcdefgh": 1}))
    assert "未知的键“abcdefgh”" in err
    assert "单位" in err and "日期" in err


# ---- types, required fields, empty sections -------------------------------------------------


@pytest.mark.parametrize(
    ("data", "path", "needle"),
    [
        (plan(工作目标="一句话"), "工作目标", "应为列表"),
        (plan(主要工作={"标题": "x"}), "主要工作", "列表"),
        (plan(年度="明年", 学年=None, 学期=None), "年度", "整数"),
        (plan(行事历=[{"月份": "十三月", "活动": ["x"]}]), "行事历[1].月份", "不是有效的月份"),
        (
            plan(行事历=[{"月份": 9, "活动": [{"内容": "x", "周次": 0}]}]),
            "行事历[1].活动[1].周次",
            "周次",
        ),
        (
            plan(行事历=[{"月份": 9, "活动": [{"内容": "x", "周次": "5-3"}]}]),
            "行事历[1].活动[1].周次",
            "周次",
        ),
        (
            plan(教研组=[{"名称": "语文组", "组长": "陈静", "成员": {"a": 1}}]),
            "教研组[1].成员",
            "列表",
        ),
        (plan(落款="城南中学"), "落款", "键: 值"),
    ],
)
def test_wrong_types(tmp_path, data, path, needle):
    err = one_error(tmp_path, data)
    m = LINE.match(err)
    assert m and m["path"] == path, err
    assert needle in m["msg"]


@pytest.mark.parametrize("key", ["单位", "指导思想", "工作目标", "主要工作"])
def test_missing_required_field(tmp_path, key):
    err = one_error(tmp_path, plan(**{key: None}))
    assert f"缺少必填项“{key}”" in err


@pytest.mark.parametrize(
    ("data", "path"),
    [
        (plan(主要工作=[]), "主要工作"),
        (plan(工作目标=[]), "工作目标"),
        (plan(行事历=[]), "行事历"),
        (plan(行事历=[{"月份": 9, "活动": []}]), "行事历[1].活动"),
        (plan(具体分工=[{"姓名": "王老师", "职责": []}]), "具体分工[1].职责"),
        (plan(指导思想=""), "指导思想"),
        (plan(工作目标=["  "]), "工作目标[1].内容"),
        (plan(指导思想="   "), "指导思想"),
        (plan(主要工作=["  "]), "主要工作[1].内容"),
        (plan(主要工作=[{}]), "主要工作[1]"),
    ],
)
def test_empty_sections_are_errors(tmp_path, data, path):
    err = one_error(tmp_path, data)
    m = LINE.match(err)
    assert m and m["path"] == path, err
    assert "空" in m["msg"] or "没有" in m["msg"]


def test_missing_period(tmp_path):
    assert "时段" in one_error(tmp_path, plan(学年=None, 学期=None))


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"学期": None}, "学期"),
        ({"学年": None}, "学年"),
        ({"年度": 2026}, "年度"),
    ],
)
def test_period_combinations(tmp_path, changes, path):
    err = one_error(tmp_path, plan(**changes))
    assert LINE.match(err)["path"] == path, err


# ---- 学期, 学年, months, dates --------------------------------------------------------------


@pytest.mark.parametrize(
    ("term", "name"),
    [
        ("第一学期", "第一学期"),
        ("第二学期", "第二学期"),
        (1, "第一学期"),
        (2, "第二学期"),
        ("1", "第一学期"),
        ("2", "第二学期"),
    ],
)
def test_term_values_accepted(tmp_path, term, name):
    passes(tmp_path, plan(学期=term))
    assert texts(tmp_path / "计划.docx")[0] == f"城南中学教务处2025—2026学年{name}工作计划"


@pytest.mark.parametrize("term", ["第三学期", 3, 0, True, "春秋"])
def test_term_values_rejected(tmp_path, term):
    err = one_error(tmp_path, plan(学期=term))
    assert LINE.match(err)["path"] == "学期"
    assert "第一学期" in err and "第二学期" in err


@pytest.mark.parametrize(
    "year",
    ["2025—2026", "2025-2026", "2025-26", "2025–2026", "2025 - 2026", "2025～2026", "2025至2026"],
)
def test_school_year_forms_accepted(tmp_path, year):
    passes(tmp_path, plan(学年=year))
    assert "2025—2026学年" in texts(tmp_path / "计划.docx")[0]


@pytest.mark.parametrize(
    "year", ["2025-2027", "2025-27", "2026-2025", "2025-2025", "2025", 2025, "25-26", "二〇二五"]
)
def test_school_year_forms_rejected(tmp_path, year):
    err = one_error(tmp_path, plan(学年=year))
    assert LINE.match(err)["path"] == "学年", err
    assert "2025—2026" in err or "学年" in err


@given(
    st.integers(1990, 2098),
    st.sampled_from(["{a}-{b}", "{a}—{b}", "{a}-{b2:02d}", "{a}–{b}", "{a} - {b}"]),
)
def test_school_year_property(a, form):
    text = form.format(a=a, b=a + 1, b2=(a + 1) % 100)
    data = plan(学年=text)
    loaded = load_spec_text(dump_yaml(data))
    assert loaded.spec.school_year == f"{a}—{a + 1}"
    bad = dump_yaml(plan(学年=f"{a}-{a + 2}"))
    with pytest.raises(SpecError):
        load_spec_text(bad)


TERM1 = [9, 10, 11, 12, 1]
TERM2 = [2, 3, 4, 5, 6, 7]


@pytest.mark.parametrize(
    ("period", "month", "ok"),
    [({"学期": "第一学期"}, m, m in TERM1) for m in range(1, 13)]
    + [({"学期": "第二学期"}, m, m in TERM2) for m in range(1, 13)]
    + [({"学年": None, "学期": None, "年度": 2026}, m, True) for m in (1, 6, 12)],
)
def test_calendar_months_inside_the_period(tmp_path, period, month, ok):
    data = plan(**period, 行事历=[{"月份": month, "活动": ["x"]}])
    if ok:
        passes(tmp_path, data)
    else:
        err = one_error(tmp_path, data)
        m = LINE.match(err)
        assert m["path"] == "行事历[1].月份"
        assert f"不包含{month}月" in m["msg"]


@pytest.mark.parametrize(
    ("period", "month", "date", "ok"),
    [
        ({"学期": "第一学期"}, 9, "2025-09-01", True),
        ({"学期": "第一学期"}, 1, "2026-01-20", True),
        ({"学期": "第一学期"}, 1, "2025-01-20", False),
        ({"学期": "第一学期"}, 9, "2026-09-01", False),
        ({"学期": "第二学期"}, 3, "2026-03-02", True),
        ({"学期": "第二学期"}, 3, "2025-03-02", False),
        ({"学年": None, "学期": None, "年度": 2026}, 5, "2026-05-04", True),
        ({"学年": None, "学期": None, "年度": 2026}, 5, "2027-05-04", False),
        ({"学期": "第一学期"}, 9, "2025-10-08", False),  # date not in its month
    ],
)
def test_calendar_dates_inside_the_period(tmp_path, period, month, date, ok):
    data = plan(**period, 行事历=[{"月份": month, "活动": [{"内容": "x", "日期": date}]}])
    if ok:
        passes(tmp_path, data)
    else:
        err = one_error(tmp_path, data)
        assert LINE.match(err)["path"] == "行事历[1].活动[1].日期"
        assert date in err


@pytest.mark.parametrize(
    "date",
    [
        "2025-02-30",
        "2025-13-01",
        "2025-09-31",
        "2025-02-29",
        "2025/2/30",
        "2025年2月30日",
        "明天",
        "2025-9",
    ],
)
def test_impossible_dates_are_errors(tmp_path, date):
    err = one_error(tmp_path, plan(落款={"日期": date}))
    m = LINE.match(err)
    assert m["path"] == "落款.日期"
    assert "日期" in m["msg"]


def test_leap_day_is_a_real_date(tmp_path):
    passes(tmp_path, plan(落款={"日期": "2028-02-29"}))


def test_unquoted_impossible_date_names_its_line(tmp_path):
    text = "\n".join(
        [
            "文种: 工作计划",
            "单位: 城南中学",
            "学年: 2025-2026",
            "学期: 1",
            "指导思想: 以学生发展为本。",
            "工作目标:",
            "  - 教学常规检查全覆盖",
            "主要工作:",
            "  - 抓好常规",
            "落款:",
            "  日期: 2025-02-30",
            "",
        ]
    )
    err = one_error(tmp_path, text)
    m = LINE.match(err)
    assert (m["line"], m["path"]) == ("11", "落款.日期"), err
    assert "2025-02-30" in m["msg"]


# ---- messages: file, line, path, all at once ------------------------------------------------

SPEC_WITH_PROBLEMS = """\
文种: 工作计划
单位: 城南中学
学年: 2025-2027
学期: 第一学期
指导思想: 以学生发展为本。
工作目的:
  - 教学常规检查全覆盖
主要工作:
  - 标题: 抓好常规
    条目:
      - 标提: 月查
行事历:
  - 月份: 9
    活动:
      - 制订计划
  - 月份: 13
    活动:
      - 总结
落款:
  日期: 2025-02-30
"""


def test_all_problems_are_reported_at_once_with_file_line_and_path(tmp_path):
    errs = fails(tmp_path, SPEC_WITH_PROBLEMS)
    parsed = [LINE.match(e) for e in errs]
    assert all(parsed), errs
    got = {(m["line"], m["path"]) for m in parsed}
    assert got == {
        ("3", "学年"),
        ("6", "工作目的"),
        (None, "工作目标"),  # missing: no line of its own
        ("11", "主要工作[1].条目[1].标提"),
        ("16", "行事历[2].月份"),
        ("20", "落款.日期"),
    } or got == {
        ("3", "学年"),
        ("6", "工作目的"),
        ("1", "工作目标"),
        ("11", "主要工作[1].条目[1].标提"),
        ("16", "行事历[2].月份"),
        ("20", "落款.日期"),
    }, got
    assert all(m["file"].endswith("计划.yaml") for m in parsed)
    assert any("是不是“工作目标”" in m["msg"] for m in parsed)


def test_cross_field_errors_are_all_reported(tmp_path):
    """A duplicate goal 编号 must not hide a calendar month outside the term."""
    data = plan(
        工作目标=[{"内容": "甲", "编号": "G1"}, {"内容": "乙", "编号": "G1"}],
        行事历=[{"月份": 3, "活动": ["x"]}],
    )
    errs = fails(tmp_path, data)
    paths = {LINE.match(e)["path"] for e in errs}
    assert paths == {"工作目标[2].编号", "行事历[1].月份"}, errs


def test_structural_and_cross_field_errors_are_reported_together(tmp_path):
    """An unknown key elsewhere must not hide a calendar month outside the term."""
    data = plan(工作目的=["x"], 行事历=[{"月份": 3, "活动": ["x"]}])
    errs = fails(tmp_path, data)
    paths = {LINE.match(e)["path"] for e in errs}
    assert paths == {"工作目的", "行事历[1].月份"}, errs


@pytest.mark.parametrize(
    ("text", "line", "needle"),
    [
        ('文种: 工作计划\n单位: 城南中学\n指导思想: "没有闭合\n工作目标: []\n', 3, "YAML"),
        ("文种: 工作计划\n单位: 城南中学\n学年:2025-2026\n  学期: 1\n", 3, "YAML"),
        ("文种: 工作计划\n单位: 城南中学\n\t学期: 1\n", 3, "Tab"),
        ("文种: 工作计划\n单位: 城南中学\n单位: 城北中学\n", 3, "重复"),
        ("文种: 工作计划\n工作目标:\n  - a\n - b\n", 4, "YAML"),
    ],
)
def test_malformed_yaml_names_file_and_line(tmp_path, text, line, needle):
    err = one_error(tmp_path, text)
    assert err.startswith("错误：")
    assert "计划.yaml" in err
    assert f"第{line}行" in err, err
    assert needle in err


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("", "空"),
        ("- a\n- b\n", "顶层"),
        ("单位: 城南中学\n", "文种"),
        ("文种: 工作计画\n", "是不是“工作计划”"),
    ],
)
def test_not_a_spec(tmp_path, text, needle):
    assert needle in one_error(tmp_path, text)


def test_gb18030_file_is_read(tmp_path):
    spec = tmp_path / "计划.yaml"
    spec.write_bytes(dump_yaml(plan()).encode("gb18030"))
    result = invoke(["build", spec])
    assert result.exit_code == 0, stderr_of(result)


def test_binary_file_is_a_clear_error(tmp_path):
    spec = tmp_path / "计划.yaml"
    spec.write_bytes(bytes(range(256)) * 4)
    result = invoke(["build", spec])
    assert result.exit_code in (1, 2)
    assert "计划.yaml" in stderr_of(result)


# ---- shorthand ------------------------------------------------------------------------------


def test_plain_strings_are_shorthand_for_content(tmp_path):
    data = plan(
        工作目标=["目标甲", {"内容": "目标乙", "指标": "100%"}],
        主要工作=["直接写一句话", {"标题": "常规", "条目": ["子项一", {"内容": "子项二"}]}],
        行事历=[{"月份": 9, "活动": ["制订计划", {"内容": "开学检查"}]}],
        具体分工=[{"姓名": "王老师", "职责": "统筹常规"}],
    )
    passes(tmp_path, data)
    body = texts(tmp_path / "计划.docx")
    for expected in [
        "（一）目标甲。",
        "（二）目标乙（指标：100%）。",
        "（一）直接写一句话",
        "1.子项一",
        "2.子项二",
    ]:
        assert expected in body, body


# ---- warnings -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "20xx年工作",
        "20XX年",
        "XX学校",
        "xx老师",
        "××中学",
        "某某同志",
        "时间：___",
        "地点＿＿＿",
        "【待定】",
        "【待补充：人数】",
        "XXX老师",
    ],
)
def test_leftover_placeholders_warn_and_strict_makes_them_errors(tmp_path, text):
    result = passes(tmp_path, plan(指导思想=f"坚持育人为本。{text}"))
    warns = warnings_of(result)
    assert len(warns) == 1, stderr_of(result)
    m = LINE.match(warns[0])
    assert m["path"] == "指导思想" and m["line"]
    assert "占位" in m["msg"]
    (tmp_path / "计划.docx").unlink()
    errs = fails(tmp_path, plan(指导思想=f"坚持育人为本。{text}"), "--strict")
    assert len(errs) == 1 and "占位" in errs[0]


@pytest.mark.parametrize(
    "text", ["2025年工作", "Xbox游戏", "XXL码校服", "1_2", "下划线_", "【通知】", "某校"]
)
def test_ordinary_text_is_not_a_placeholder(tmp_path, text):
    result = passes(tmp_path, plan(指导思想=f"坚持育人为本。{text}"), "--strict")
    assert not warnings_of(result)


def test_placeholders_in_nested_values_name_their_path(tmp_path):
    data = plan(行事历=[{"月份": 9, "活动": ["制订计划", {"内容": "某某活动"}]}])
    result = passes(tmp_path, data)
    warns = warnings_of(result)
    assert [LINE.match(w)["path"] for w in warns] == ["行事历[1].活动[2].内容"]


ASSIGN = [{"姓名": "王老师", "职务": "教务主任", "职责": ["统筹"]}]
GROUPS = [{"名称": "语文组", "组长": "陈静", "成员": "陈静、王磊"}]


@pytest.mark.parametrize(
    ("owner", "unknown"),
    [
        ("王老师", None),
        ("教务主任", None),
        ("陈静", None),
        ("王磊", None),
        ("各教研组长", None),
        ("语文组", None),
        ("王老师、陈静", None),
        ("张三", "张三"),
        ("王老师、张三", "张三"),
        ("王老师和李四", "李四"),
    ],
)
def test_calendar_owner_not_in_assignments_or_groups_warns(tmp_path, owner, unknown):
    data = plan(
        行事历=[{"月份": 9, "活动": [{"内容": "x", "负责人": owner}]}],
        具体分工=ASSIGN,
        教研组=GROUPS,
    )
    result = passes(tmp_path, data)
    warns = warnings_of(result)
    if unknown is None:
        assert not warns, warns
    else:
        assert len(warns) == 1
        m = LINE.match(warns[0])
        assert m["path"] == "行事历[1].活动[1].负责人"
        assert f"“{unknown}”" in m["msg"]
        errs = fails(tmp_path / "strict", data, "--strict")
        assert len(errs) == 1 and unknown in errs[0]


def test_warnings_are_shown_alongside_errors(tmp_path):
    errs_and_warns = run_build(tmp_path, plan(指导思想="某某学校", 学年="2025-2027"))[0]
    assert errs_and_warns.exit_code == 2
    assert len(errors_of(errs_and_warns)) == 1
    assert len(warnings_of(errs_and_warns)) == 1
    assert "共 1 处错误" in stderr_of(errs_and_warns)
