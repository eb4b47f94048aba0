"""Library tests for the term calendar: weeks, official holidays, overrides."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wenshu.generator.calendar import (
    CalendarError,
    DateFormatError,
    HolidayOverride,
    SchoolYearError,
    build_term_calendar,
    calendar_to_document,
    calendar_to_json,
    check_holiday_override,
    load_holiday_override,
    parse_date,
    parse_date_range,
    parse_holiday_override,
    parse_school_year,
    parse_term,
    parse_weekday,
)
from wenshu.generator.doctree import Table, Title
from wenshu.generator.errors import SpecError, WenshuError

D = dt.date


@pytest.fixture(scope="module")
def cal2025():
    return build_term_calendar(2025, 1, D(2025, 9, 1))


@pytest.mark.parametrize(
    "text", ["2025-2026", "2025—2026", "2025-26", "2025–2026", "2025—2026学年", " 2025 - 2026 "]
)
def test_parse_school_year(text):
    assert parse_school_year(text) == 2025


@pytest.mark.parametrize("text", ["2025-2027", "2025", "二〇二五", "2025-24", ""])
def test_parse_school_year_rejects(text):
    with pytest.raises(SchoolYearError, match="学年"):
        parse_school_year(text)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("1", 1),
        ("第一学期", 1),
        ("上学期", 1),
        ("秋季学期", 1),
        ("2", 2),
        ("第二学期", 2),
        ("下学期", 2),
        ("２", 2),
    ],
)
def test_parse_term(text, term):
    assert parse_term(text) == term


def test_parse_term_rejects():
    with pytest.raises(SchoolYearError, match="学期“3”"):
        parse_term("3")


@pytest.mark.parametrize(
    "text", ["2025-09-01", "2025/9/1", "2025.09.01", "2025年9月1日", "２０２５-09-01"]
)
def test_parse_date_formats(text):
    assert parse_date(text) == D(2025, 9, 1)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("2027-02-30", "只有28天"),
        ("2027-13-01", "没有13月"),
        ("明天", "不是有效日期"),
        ("0999-01-01", "年份"),
    ],
)
def test_parse_date_rejects(text, fragment):
    with pytest.raises(DateFormatError, match=fragment):
        parse_date(text)


@pytest.mark.parametrize("sep", ["~", "～", "至", "—"])
def test_parse_date_range(sep):
    assert parse_date_range(f"2027-05-01{sep}2027-05-05") == (D(2027, 5, 1), D(2027, 5, 5))


def test_parse_date_range_reversed():
    with pytest.raises(DateFormatError, match="结束日期早于开始日期"):
        parse_date_range("2027-05-05~2027-05-01")


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2199, 12, 31)))
def test_parse_date_roundtrip(day):
    assert parse_date(day.isoformat()) == day
    assert parse_date(f"{day.year}年{day.month}月{day.day}日") == day


@pytest.mark.parametrize(
    ("value", "iso"), [(3, 3), ("3", 3), ("周三", 3), ("星期日", 7), ("周天", 7), ("礼拜一", 1)]
)
def test_parse_weekday(value, iso):
    assert parse_weekday(value) == iso


def test_national_day_weeks(cal2025):
    assert [cal2025.week_of(D(2025, 10, d)) for d in range(1, 6)] == [5] * 5
    assert [cal2025.week_of(D(2025, 10, d)) for d in range(6, 9)] == [6] * 3
    assert cal2025.is_holiday(D(2025, 10, 1)) == (True, "国庆节")
    assert cal2025.is_holiday(D(2025, 10, 6)) == (True, "中秋节")
    assert cal2025.is_holiday(D(2025, 10, 9)) == (False, None)
    week5 = cal2025.weeks[4]
    assert [h.date.day for h in week5.holidays] == [1, 2, 3, 4, 5]
    assert {h.name for h in cal2025.weeks[5].holidays} == {"国庆节", "中秋节"}


def test_makeup_workdays(cal2025):
    assert cal2025.is_makeup_workday(D(2025, 9, 28))
    assert cal2025.week_of(D(2025, 9, 28)) == 4
    assert cal2025.is_makeup_workday(D(2025, 10, 11))
    assert cal2025.week_of(D(2025, 10, 11)) == 6
    assert not cal2025.is_makeup_workday(D(2025, 10, 12))
    assert cal2025.weeks[3].makeup_days == [D(2025, 9, 28)]


def test_default_length_and_ranges(cal2025):
    # 第一学期 runs through the week holding 31 January 2026 (a Saturday).
    assert len(cal2025.weeks) == 22
    assert cal2025.week_range(1) == (D(2025, 9, 1), D(2025, 9, 7))
    assert cal2025.week_range(22) == (D(2026, 1, 26), D(2026, 2, 1))
    assert cal2025.week_of(D(2025, 8, 31)) is None
    assert cal2025.week_of(D(2026, 2, 2)) is None
    assert cal2025.date_of(6, "周六") == D(2025, 10, 11)
    assert cal2025.date_of(1, 1) == D(2025, 9, 1)
    assert cal2025.unknown_years == []
    assert cal2025.warnings == []
    assert cal2025.label == "2025—2026学年第一学期"


def test_second_term_default_ends_mid_july():
    cal = build_term_calendar(2025, 2, D(2026, 3, 2))
    assert cal.end == D(2026, 7, 19)
    assert cal.is_holiday(D(2026, 5, 1)) == (True, "劳动节")


@pytest.mark.parametrize("n", [0, 23, -1])
def test_week_range_out_of_term(cal2025, n):
    with pytest.raises(CalendarError, match="共22周"):
        cal2025.week_range(n)


def test_date_of_bad_weekday(cal2025):
    with pytest.raises(CalendarError, match="星期几"):
        cal2025.date_of(1, "周八")


def test_sunday_weeks():
    cal = build_term_calendar(2025, 1, D(2025, 9, 1), week_start="sun")
    assert cal.week_range(1) == (D(2025, 8, 31), D(2025, 9, 6))
    assert cal.week_of(D(2025, 9, 28)) == 5
    assert [cal.week_of(D(2025, 10, d)) for d in (1, 4, 5, 8, 11)] == [5, 5, 6, 6, 6]
    assert cal.date_of(1, "周日") == D(2025, 8, 31)
    assert cal.date_of(1, "周六") == D(2025, 9, 6)


def test_weeks_option():
    cal = build_term_calendar(2025, 1, D(2025, 9, 1), weeks=20)
    assert len(cal.weeks) == 20
    assert cal.end == D(2026, 1, 18)


@pytest.mark.parametrize(
    ("year", "term", "start", "weeks", "fragment"),
    [
        (2026, 1, D(2025, 9, 1), None, "不在2026—2027学年第一学期内"),
        (2025, 2, D(2025, 9, 1), None, "第二学期应在2026年1月至6月之间"),
        (2025, 1, D(2025, 9, 1), 0, "周数"),
        (2025, 1, D(2025, 9, 1), 99, "周数"),
    ],
)
def test_build_rejects(year, term, start, weeks, fragment):
    with pytest.raises(CalendarError, match=fragment):
        build_term_calendar(year, term, start, weeks=weeks)


@given(
    start=st.dates(min_value=D(2010, 8, 1), max_value=D(2030, 12, 31)).filter(
        lambda d: d.month >= 8
    ),
    week_start=st.sampled_from(["mon", "sun"]),
    offset=st.integers(min_value=0, max_value=200),
)
def test_week_numbering_properties(start, week_start, offset):
    cal = build_term_calendar(start.year, 1, start, week_start=week_start)
    assert cal.week_of(start) == 1
    first = cal.weeks[0].start
    assert first.isoweekday() == (1 if week_start == "mon" else 7)
    day = first + dt.timedelta(days=offset)
    n = cal.week_of(day)
    if day > cal.end:
        assert n is None
        return
    lo, hi = cal.week_range(n)
    assert lo <= day <= hi and (hi - lo).days == 6
    assert cal.date_of(n, day.isoweekday()) == day


def test_unknown_year_warns_and_invents_nothing():
    cal = build_term_calendar(2026, 2, D(2027, 3, 1))
    assert cal.unknown_years == [2027]
    assert all(not w.holidays and not w.makeup_days for w in cal.weeks)
    assert cal.is_holiday(D(2027, 5, 1)) == (False, None)
    [warning] = cal.warnings
    assert "2027年" in warning and "--holidays" in warning


def test_unknown_year_with_override():
    override = parse_holiday_override(
        {
            "假日": ["2027-04-05", {"日期": "2027-05-01~2027-05-05", "名称": "劳动节"}],
            "调休上班": ["2027-04-25"],
        }
    )
    cal = build_term_calendar(2026, 2, D(2027, 3, 1), override=override)
    assert cal.unknown_years == []
    assert cal.is_holiday(D(2027, 4, 5)) == (True, None)
    assert cal.is_holiday(D(2027, 5, 3)) == (True, "劳动节")
    assert cal.is_makeup_workday(D(2027, 4, 25))
    assert [h.date for h in cal.weeks[cal.week_of(D(2027, 5, 1)) - 1].holidays][:1] == [
        D(2027, 5, 1)
    ]


def test_override_changes_known_year():
    override = parse_holiday_override(
        {"假日": [{"日期": "2025-10-11", "名称": "校庆"}], "调休上班": ["2025-10-08"]}
    )
    cal = build_term_calendar(2025, 1, D(2025, 9, 1), override=override)
    assert cal.is_holiday(D(2025, 10, 11)) == (True, "校庆")
    assert not cal.is_makeup_workday(D(2025, 10, 11))
    assert cal.is_makeup_workday(D(2025, 10, 8))
    assert cal.is_holiday(D(2025, 10, 8)) == (False, None)
    # Days the override does not mention keep their official status.
    assert cal.is_holiday(D(2025, 10, 1)) == (True, "国庆节")


def test_override_accepts_loaded_dates_and_single_values():
    override = parse_holiday_override({"假日": D(2027, 1, 1), "调休上班": None})
    assert override.holidays == {D(2027, 1, 1): None}
    assert override.makeup_days == {}
    assert override.years == {2027}


def test_check_override_reports_with_prefix_and_lines():
    lines = {("假日", 1): 12, ("调休上班",): 14}
    _, problems = check_holiday_override(
        {"假日": ["2027-01-01", "2027-02-30"], "调休上班": ["x"]},
        "计划.yaml",
        lambda path: lines.get(tuple(path)),
        path_prefix="假期",
    )
    assert [(p.file, p.line, p.path) for p in problems] == [
        ("计划.yaml", 12, "假期.假日[2]"),
        ("计划.yaml", 14, "假期.调休上班[1]"),
    ]


def test_override_merged():
    a = HolidayOverride({D(2027, 1, 1): None}, {D(2027, 1, 2): None})
    b = HolidayOverride({D(2027, 1, 2): "元旦"}, {})
    merged = a.merged(b)
    assert merged.holidays == {D(2027, 1, 1): None, D(2027, 1, 2): "元旦"}
    assert merged.makeup_days == {}


def test_load_override_file(tmp_path):
    path = tmp_path / "调休.yaml"
    path.write_text(
        "# 2027 年\n假日: [2027-04-05, 2027-05-01~2027-05-05, {日期: 2027-10-01~2027-10-07, 名称: 国庆节}]\n"
        "调休上班:\n  - 2027-04-25\n",
        encoding="utf-8",
    )
    override = load_holiday_override(path)
    assert len(override.holidays) == 1 + 5 + 7
    assert override.holidays[D(2027, 10, 3)] == "国庆节"
    assert override.makeup_days == {D(2027, 4, 25): None}


BAD_FILES = [
    ("假日: [2027-02-30]\n", 1, "2月只有28天"),
    ("调休上班: []\n假日:\n  - 2027-04-05\n  - 2027-05-05~2027-05-01\n", 4, "结束日期早于开始日期"),
    ("假日: []\n节假日: [2027-04-05]\n", 2, "不认识的键“节假日”。是不是“假日”"),
    ("假日:\n  - {日期: 2027-10-01, 名字: 国庆节}\n", 2, "是不是“名称”"),
    ("假日:\n  - {名称: 国庆节}\n", 2, "缺少“日期”"),
    ("假日: [2027-04-05\n调休上班: x\n", 1, "YAML 格式错误"),
    ("假日: [2027-01-01]\n调休上班: [2027-01-01]\n", 2, "同时写在“假日”（第1行）和“调休上班”"),
    ("假日: [2027-01-01]\n假日: [2027-01-02]\n", 2, "重复"),
    ("- 2027-01-01\n", 1, "应当写成"),
    ("假日: {2027-01-01: 元旦}\n", 1, "应当是一个列表"),
    ("假日: [2027-01-01~2027-03-01]\n", 1, "跨度超过31天"),
    ("假日:\n  - {日期: 2027-10-01, 名称: [国庆]}\n", 2, "节日名称"),
]


@pytest.mark.parametrize(("text", "line", "fragment"), BAD_FILES)
def test_load_override_errors(tmp_path, text, line, fragment):
    path = tmp_path / "调休.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SpecError) as info:
        load_holiday_override(path)
    matching = [p for p in info.value.problems if fragment in p.message]
    assert matching, info.value.message
    assert matching[0].line == line
    assert matching[0].file == str(path)
    assert f"第{line}行" in info.value.message


def test_load_override_missing_and_empty(tmp_path):
    with pytest.raises(WenshuError, match="找不到节假日文件"):
        load_holiday_override(tmp_path / "无.yaml")
    empty = tmp_path / "空.yaml"
    empty.write_text("# 只有注释\n", encoding="utf-8")
    with pytest.raises(SpecError, match="文件是空的"):
        load_holiday_override(empty)
    # Files saved by Windows Notepad in GBK are read too.
    gbk = tmp_path / "gbk.yaml"
    gbk.write_bytes("假日: [2027-01-01]\n".encode("gbk"))
    assert dt.date(2027, 1, 1) in load_holiday_override(gbk).holidays
    binary = tmp_path / "bin.yaml"
    binary.write_bytes(b"\x80\x81\xff\xfe")
    with pytest.raises(WenshuError, match="不是文本文件"):
        load_holiday_override(binary)
    # A UTF-16 byte-order mark followed by bytes that are not UTF-16 says so.
    broken = tmp_path / "broken16.yaml"
    broken.write_bytes(b"\xff\xfe\x00\xd8a\x00")
    with pytest.raises(WenshuError, match="UTF-16 编码，但内容不是有效的 UTF-16"):
        load_holiday_override(broken)


def test_json_shape(cal2025):
    data = calendar_to_json(cal2025)
    assert data["学期"] == "2025—2026学年第一学期"
    assert "警告" not in data
    week5 = data["weeks"][4]
    assert week5["周次"] == 5 and week5["开始"] == "2025-09-29" and week5["结束"] == "2025-10-05"
    assert week5["假日"][0] == {"日期": "2025-10-01", "名称": "国庆节"}
    assert data["weeks"][3]["调休上班"] == ["2025-09-28"]


def test_document(cal2025):
    doc = calendar_to_document(cal2025)
    assert doc.kind == "校历"
    title, table = doc.blocks[:2]
    assert isinstance(title, Title) and title.text == "2025—2026学年第一学期校历"
    assert isinstance(table, Table) and table.header == ["周次", "日期", "节假日与调休", "备注"]
    assert len(table.rows) == 22
    assert [c.text for c in table.rows[4]] == [
        "5",
        "9月29日—10月5日",
        "国庆节：10月1日—5日放假",
        "",
    ]
    assert (
        table.rows[5][2].text
        == "中秋节：10月6日放假；国庆节：10月7日—8日放假；10月11日（周六）调休上班"
    )
    assert table.rows[0][3].text == "9月1日开学"


def test_document_notes_unknown_year():
    doc = calendar_to_document(build_term_calendar(2026, 2, D(2027, 3, 1)))
    assert any("2027年" in t and "未收录" in t for t in doc.texts())
