"""`wenshu rollover`: a spec carried over to a new period keeps its comments and layout,
moves dates and period mentions, and lists what it could not decide."""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from wenshu.generator.calendar import build_term_calendar
from wenshu.generator.cli_rollover import rollover_cmd
from wenshu.generator.rollover import ReviewItem, rollover
from wenshu.generator.rollover.annotate import MARKER
from wenshu.generator.rollover.dates import DateMover, format_like, parse_like
from wenshu.generator.rollover.period import make_period
from wenshu.generator.spec.loader import load_spec

COMMENTED = """\
# 2024秋 教务处计划（注释要保留）
文种: 工作计划
单位: 城南中学
学年: "2024-2025"   # 行尾注释
学期: 第一学期
标题: 城南中学2024—2025学年第一学期教务工作计划

指导思想: |
  以“十四五”教育发展规划为指引，落实2024年秋季学期各项任务。
  回顾2019年以来的课改经验，继续推进。20xx年目标待定。

工作目标:
  - 内容: 2024年9月完成常规检查，2025年1月完成期末考试
    编号: G1
  - 引用自2024-2025学年的经验   # 第二个目标

主要工作:
  - 标题: 抓好常规
    内容: 2024年10月15日开展期中检查。
    条目:
      - 参加2025年寒假培训，学习2024-25学年新课标。

行事历:
  - 月份: 9
    活动:
      - 内容: 教师节表彰
        日期: 2024/9/10
  - 月份: 12
    活动:
      - 内容: 元旦文艺汇演
        日期: 2024年12月31日

落款:
  单位: 城南中学教务处
  日期: 2024-09-01
"""


def _main():
    from wenshu.cli import main

    if "rollover" in main.commands:
        return main
    from wenshu.cli import WenshuGroup

    group = WenshuGroup(name="wenshu")
    group.add_command(rollover_cmd)
    return group


def run(*args: object):
    """Run `wenshu rollover ARGS`; never a traceback."""
    result = CliRunner().invoke(_main(), ["rollover", *map(str, args)], catch_exceptions=True)
    out = result.output
    assert "Traceback" not in out, out
    assert result.exception is None or isinstance(result.exception, SystemExit), out
    return result


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def content_lines(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if not ln.lstrip().startswith(MARKER)]


def review_lines(output: str) -> dict[str, int]:
    """Map each reviewed reason fragment to the line the report gives."""
    found = {}
    for line in output.splitlines():
        m = re.search(r"\.yaml:(\d+) ", line)
        if m:
            found[line] = int(m.group(1))
    return found


def test_commented_spec_keeps_layout_and_updates_period(tmp_path: Path) -> None:
    src = write(tmp_path / "2024秋计划.yaml", COMMENTED)
    result = run(src, "--to", "2025-2026", "--annotate")
    assert result.exit_code == 0, result.output
    out = tmp_path / "2025秋计划.yaml"
    text = out.read_text(encoding="utf-8")
    assert src.read_text(encoding="utf-8") == COMMENTED  # input untouched

    new = content_lines(text)
    old = COMMENTED.splitlines()
    assert len(new) == len(old)  # nothing re-wrapped, nothing reordered
    changed = {i for i, (a, b) in enumerate(zip(old, new)) if a != b}
    expected = {
        '学年: "2025-2026"   # 行尾注释',
        "标题: 城南中学2025—2026学年第一学期教务工作计划",
        "  以“十四五”教育发展规划为指引，落实2025年秋季学期各项任务。",
        "  - 内容: 2025年9月完成常规检查，2026年1月完成期末考试",
        "  - 引用自2025-2026学年的经验   # 第二个目标",
        "    内容: 2025年10月14日开展期中检查。",
        "      - 参加2026年寒假培训，学习2025-26学年新课标。",
        "        日期: 2025/9/9",
        "        日期: 2025年12月30日",
        "  日期: 2025-09-07",  # 2025-08-31 would leave September: kept in it, same weekday
    }
    assert {new[i] for i in changed} == expected
    assert new[0] == "# 2024秋 教务处计划（注释要保留）"

    spec = load_spec(out).spec
    assert spec.school_year == "2025—2026" and spec.term == 1
    assert spec.signature.date == dt.date(2025, 9, 7)

    # Review: 十四五, 2019, 20xx on the lines (of the new file) that hold them.
    lines = text.splitlines()
    report = review_lines(result.output)
    for needle in ("十四五", "2019年", "20xx", "2025-09-07"):
        hits = [(ln, n) for ln, n in report.items() if needle in ln]
        assert hits, (needle, result.output)
        for _, n in hits:
            assert needle in lines[n - 1] or needle.strip("年") in lines[n - 1], (needle, n)
    # --annotate: a marker comment right above the key of each reviewed value.
    guide = lines.index("指导思想: |")
    above = lines[guide - 3 : guide]
    assert all(ln.startswith(MARKER) for ln in above)
    assert any("十四五" in ln for ln in above) and any("20xx" in ln for ln in above)
    assert any("2019" in ln for ln in above)


def test_output_builds(tmp_path: Path) -> None:
    from wenshu.generator.build import build

    src = write(tmp_path / "计划.yaml", COMMENTED)
    res = rollover(src, "2025-2026", annotate=True)
    assert res.output == tmp_path / "计划-2025-2026.yaml"
    built = build(res.output, output=tmp_path / "新计划.docx")
    assert built.docx.exists()


def test_library_result(tmp_path: Path) -> None:
    src = write(tmp_path / "计划.yaml", COMMENTED)
    res = rollover(src, "2025—2026", term=None, start=None, output=tmp_path / "x.yaml")
    assert res.output == tmp_path / "x.yaml"
    assert all(isinstance(r, ReviewItem) for r in res.review)
    by_reason = {r.reason: r for r in res.review}
    fyp = next(r for r in res.review if "十四五" in r.reason)
    assert fyp.line == 9 and "十四五" in fyp.text and fyp.path == "指导思想"
    assert any("2019年" in reason for reason in by_reason)
    assert any(c.path == "学年" and c.after == "2025-2026" for c in res.changes)


TERM2 = """\
文种: 工作计划
单位: 城南中学
学年: 2024—2025
学期: 第二学期
标题: 2024—2025学年第二学期计划
指导思想: 做好2025年春季学期工作，2025年3月开展读书月；回顾2024年成绩。
工作目标: [落实“双减”]
主要工作: [抓常规]
行事历:
  - 月份: 3
    活动:
      - 内容: 读书月启动
        日期: 2025-03-05
  - 月份: 七月
    活动: [期末考试]
落款:
  日期: 2025-02-14
"""


def test_term2_keeps_term_and_moves_to_next_calendar_year(tmp_path: Path) -> None:
    src = write(tmp_path / "2025春计划.yaml", TERM2)
    res = rollover(src, "2025-2026")
    assert res.output.name == "2026春计划.yaml"
    text = res.output.read_text(encoding="utf-8")
    assert "2026年春季学期" in text and "2026年3月" in text and "学年: 2025—2026" in text
    assert "2025—2026学年第二学期计划" in text
    assert "日期: 2026-03-04" in text  # 52 weeks later, still a Wednesday
    assert any("2024年" in r.reason for r in res.review)
    assert load_spec(res.output).spec.term == 2


def test_term2_to_term1(tmp_path: Path) -> None:
    src = write(tmp_path / "计划.yaml", TERM2)
    result = run(src, "--to", "2025-2026", "--term", "1", "-o", tmp_path / "秋.yaml")
    assert result.exit_code == 0, result.output
    text = (tmp_path / "秋.yaml").read_text(encoding="utf-8")
    spec = load_spec(tmp_path / "秋.yaml").spec
    assert spec.term == 1 and spec.school_year == "2025—2026"
    assert "学期: 第一学期" in text and "2025—2026学年第一学期计划" in text
    # Months map by position: 3月 (2nd of 第二学期) → 10月; 七月 (6th) → the last, 一月.
    assert [mp.month for mp in spec.calendar] == [10, 1]
    assert "月份: 一月" in text
    act = spec.calendar[0].activities[0].date
    assert act.month == 10 and act.weekday() == dt.date(2025, 3, 5).weekday()
    # “2025年春季学期” names the plan's own term, so it follows it; a year–month of the old
    # term cannot be mapped by rule and is left for a person.
    assert "做好2025年秋季学期工作，2025年3月开展读书月" in text
    assert re.search(r"秋\.yaml:6 .*2025年3月.*新学期为第一学期", result.output), result.output


ANNUAL = """\
文种: 工作计划
单位: 城南中学
年度: 2025
标题: 城南中学2025年度工作计划
指导思想: 谋划2025年工作与2025年上半年重点，对照2024年成绩。
工作目标: [2025年3月完成课题申报]
主要工作: [抓常规]
落款:
  日期: 2025年1月6日
"""


def test_annual_plan(tmp_path: Path) -> None:
    src = write(tmp_path / "2025年度计划.yaml", ANNUAL)
    result = run(src, "--to", "2026")
    assert result.exit_code == 0, result.output
    out = tmp_path / "2026年度计划.yaml"
    text = out.read_text(encoding="utf-8")
    assert "年度: 2026" in text and "2026年度工作计划" in text
    assert "谋划2026年工作与2026年上半年重点，对照2024年成绩" in text
    assert "2026年3月完成课题申报" in text and "日期: 2026年1月5日" in text
    assert load_spec(out).spec.year == 2026
    assert "2024年" in result.output


WEEKLY = """\
文种: 工作计划
单位: 城南中学
学年: 2024-2025
学期: 1
开学: 2024-09-02
指导思想: 本学期工作。
工作目标: [目标]
主要工作: [工作]
行事历:
  - 月份: 9
    活动:
      - 内容: 第三周周三教研
        周次: 3
        日期: 2024-09-18
  - 月份: 11
    活动:
      - 内容: 期中考试
        周次: 10
        日期: '2024-11-07'
"""


def test_dates_follow_week_numbers_with_start(tmp_path: Path) -> None:
    src = write(tmp_path / "计划.yaml", WEEKLY)
    result = run(src, "--to", "2025-26", "--start", "2025-09-03", "-o", tmp_path / "新.yaml")
    assert result.exit_code == 0, result.output
    spec = load_spec(tmp_path / "新.yaml").spec
    assert spec.term_start == dt.date(2025, 9, 3)
    old_cal = build_term_calendar(2024, 1, dt.date(2024, 9, 2))
    new_cal = build_term_calendar(2025, 1, dt.date(2025, 9, 3))
    old_dates = [dt.date(2024, 9, 18), dt.date(2024, 11, 7)]
    new_dates = [mp.activities[0].date for mp in spec.calendar]
    assert new_dates == [dt.date(2025, 9, 17), dt.date(2025, 11, 6)]
    for old, new in zip(old_dates, new_dates):
        assert old_cal.week_of(old) == new_cal.week_of(new)
        assert old.weekday() == new.weekday()
    text = (tmp_path / "新.yaml").read_text(encoding="utf-8")
    assert "日期: '2025-11-06'" in text and "学年: 2025-2026" in text  # quotes/form kept
    assert "按周次对应" in result.output


def test_start_derived_from_old_start_is_reported(tmp_path: Path) -> None:
    src = write(tmp_path / "计划.yaml", WEEKLY)
    res = rollover(src, "2025-2026")
    assert load_spec(res.output).spec.term_start == dt.date(2025, 9, 1)
    assert any(r.path == "开学" and "--start" in r.reason for r in res.review)


def test_refuses_to_overwrite_input_even_with_force(tmp_path: Path) -> None:
    src = write(tmp_path / "计划.yaml", COMMENTED)
    result = run(src, "--to", "2025-2026", "-o", src, "--force")
    assert result.exit_code != 0
    assert "输入文件" in result.output
    assert src.read_text(encoding="utf-8") == COMMENTED


def test_refuses_existing_output_without_force(tmp_path: Path) -> None:
    src = write(tmp_path / "计划.yaml", COMMENTED)
    out = write(tmp_path / "新.yaml", "旧内容\n")
    result = run(src, "--to", "2025-2026", "-o", out)
    assert result.exit_code == 3 and "已存在" in result.output
    assert out.read_text(encoding="utf-8") == "旧内容\n"
    assert run(src, "--to", "2025-2026", "-o", out, "--force").exit_code == 0
    assert "2025—2026学年" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("spec", "args", "message"),
    [
        (COMMENTED, ["--to", "abc"], "无法识别"),
        (COMMENTED, ["--to", "2026"], "只有一个年份"),
        (COMMENTED, ["--to", "2025-2027"], "相邻"),
        (COMMENTED, ["--to", "2024-2025"], "相同"),
        (COMMENTED, ["--to", "2025-2026", "--term", "3"], "--term"),
        (COMMENTED, ["--to", "2025-2026", "--start", "2025-13-01"], "--start"),
        (COMMENTED, ["--to", "2025-2026", "--start", "2026-03-01"], "开学日期"),
        (ANNUAL, ["--to", "2026-2027"], "不是年份"),
        (ANNUAL, ["--to", "2026", "--term", "1"], "没有学期"),
    ],
)
def test_bad_arguments_give_chinese_errors(
    tmp_path: Path, spec: str, args: list[str], message: str
) -> None:
    src = write(tmp_path / "计划.yaml", spec)
    result = run(src, *args)
    assert result.exit_code != 0
    assert "错误" in result.output and message in result.output, result.output
    assert [p.name for p in tmp_path.iterdir()] == ["计划.yaml"]


def test_invalid_input_is_reported_not_rolled(tmp_path: Path) -> None:
    src = write(tmp_path / "计划.yaml", COMMENTED.replace("学期: 第一学期", "学期: 第三学期"))
    result = run(src, "--to", "2025-2026")
    assert result.exit_code == 2 and "学期" in result.output


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("2024秋计划.yaml", "2025秋计划.yaml"),
        ("2024-2025教务计划.yaml", "2025-2026教务计划.yaml"),
        ("计划2024.yaml", "计划2025.yaml"),
        ("计划.yaml", "计划-2025-2026.yaml"),
    ],
)
def test_default_output_name(tmp_path: Path, name: str, expected: str) -> None:
    res = rollover(write(tmp_path / name, COMMENTED), "2025-2026")
    assert res.output == tmp_path / expected


def test_second_rollover_replaces_old_annotations(tmp_path: Path) -> None:
    first = rollover(write(tmp_path / "计划.yaml", COMMENTED), "2025-2026", annotate=True)
    second = rollover(first.output, "2026-2027", annotate=True)
    text = second.output.read_text(encoding="utf-8")
    assert text.count("十四五”，请确认") == 1
    assert content_lines(text)[3] == '学年: "2026-2027"   # 行尾注释'


TERM1 = make_period(school_start=2024, term=1)


@settings(max_examples=200, deadline=None)
@given(
    day=st.dates(dt.date(2024, 9, 1), dt.date(2025, 1, 31)),
    years=st.integers(min_value=-3, max_value=6).filter(bool),
)
def test_offset_move_keeps_weekday_and_month(day: dt.date, years: int) -> None:
    new = make_period(school_start=2024 + years, term=1)
    moved = DateMover(TERM1, new, None, None).move(day)
    assert moved.date.weekday() == day.weekday()
    assert (moved.date.year, moved.date.month) == (day.year + years, day.month)
    assert ((moved.date - day).days % 7) == 0


@functools.cache
def _mover_and_calendars(start: dt.date):
    # Building a term calendar reads the holiday tables: do it once per start date.
    new = make_period(school_start=2025, term=1)
    mover = DateMover(TERM1, new, dt.date(2024, 9, 2), start)
    old_cal = build_term_calendar(2024, 1, dt.date(2024, 9, 2))
    return mover, old_cal, build_term_calendar(2025, 1, start)


@settings(max_examples=150, deadline=None)
@given(
    day=st.dates(dt.date(2024, 9, 2), dt.date(2025, 1, 26)),
    start=st.sampled_from(
        [dt.date(2025, 8, d) for d in (25, 28, 31)]
        + [dt.date(2025, 9, d) for d in (1, 3, 7, 10, 20)]
    ),
)
def test_week_move_keeps_week_and_weekday(day: dt.date, start: dt.date) -> None:
    mover, old_cal, new_cal = _mover_and_calendars(start)
    moved = mover.move(day)
    assert moved.date.weekday() == day.weekday()
    if moved.note is None:
        assert old_cal.week_of(day) == new_cal.week_of(moved.date)
    else:
        assert moved.date.month == day.month  # pulled back into its month, and said so


@given(
    day=st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)),
    form=st.sampled_from(["2024-09-01", "2024/9/1", "2024.09.01", "2024年9月1日", "2024-9-1"]),
)
def test_dates_keep_their_written_form(day: dt.date, form: str) -> None:
    written = format_like(form, day)
    assert written is not None and parse_like(written) == day
    assert ("年" in written) == ("年" in form)
