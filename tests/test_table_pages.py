"""Tables across page breaks, as LibreOffice lays them out (read back with pdftotext).

A vertically merged cell (the 月份 of a 行事历) shows its text in its first row only:
every page must still show the label of each row on it. Groups that fit on a page stay
on one page; a taller group is cut, and its continuation is labelled 3月（续）.

These tests need soffice and pdftotext; they fail (never skip) when either is missing.
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
import re
from pathlib import Path

import pytest
from helpers_docx import NS, invoke, plan, q, stderr_of, write_spec
from helpers_layout import tables_of
from helpers_pdf import pdf_lines, pdf_words

from wenshu.generator.doctree import Cell, Document, Heading, Table
from wenshu.generator.docx import write_docx
from wenshu.generator.docx.rowgroups import CONTINUED
from wenshu.generator.pdf import convert_to_pdf

PT_PER_MM = 72 / 25.4
TABLE_WORD_MAX_PT = 17.0  # 小四 table text; body text (三号) is taller
_CONTENTS = [
    "组织全体教师学习新课程标准并交流心得体会",
    "青年教师汇报课",
    "集体备课",
    "教学常规检查，重点查看作业批改和课后辅导记录",
    "课题中期汇报",
    "校级公开课展示周",
    "学科竞赛辅导",
    "家长开放日",
    "期中质量分析会，各备课组长汇报本组情况",
    "读书交流",
]
# Activities per month: some groups fit on a page only if moved to the next one, one
# (the fourth month) is taller than any page.
_COUNTS = [3, 14, 4, 36, 6, 2, 9, 5, 12, 3, 4, 2]


def busy_plan(annual: bool) -> dict:
    """A plan whose 行事历 runs over several pages, every activity dated."""
    months = list(range(1, 13)) if annual else [9, 10, 11, 12, 1]
    calendar = []
    for k, month in enumerate(months):
        year = 2026 if annual or month < 9 else 2025
        calendar.append(
            {
                "月份": month,
                "活动": [
                    {
                        "内容": _CONTENTS[(i + k) % len(_CONTENTS)],
                        "负责人": "教务处",
                        "日期": dt.date(year, month, 1 + i % 28).isoformat(),
                    }
                    for i in range(_COUNTS[k])
                ],
            }
        )
    period = {"年度": 2026, "学年": None, "学期": None} if annual else {}
    return plan(**period, 行事历=calendar)


def month_rows_by_page(pdf: Path, docx: Path) -> list[tuple[int, set[int], list[int]]]:
    """For each page showing the 行事历: the month labels in its 月份 column and the
    month of each row (from its 日期 cell), as laid out."""
    table = next(t for t in tables_of(docx) if t.header[0].text == "月份")
    header = "".join(c.text for c in table.header)
    date_col = [c.text for c in table.header].index("日期")
    left = 28 * PT_PER_MM
    edges = [left + sum(table.widths[: i + 1]) / 20 for i in range(len(table.widths))]
    _, _, height = pdf_lines(pdf)
    rows: dict[tuple[int, int], list] = {}
    for w in pdf_words(pdf):
        if w.height <= TABLE_WORD_MAX_PT and w.y_min < height - 35 * PT_PER_MM:
            rows.setdefault((w.page, round(w.y_min)), []).append(w)
    pages: dict[int, tuple[set[int], list[int]]] = {}
    in_table: set[int] = set()
    for (page, _), words in sorted(rows.items()):
        words.sort(key=lambda w: w.x_min)
        if "".join(w.text for w in words) == header:
            in_table.add(page)
            continue
        if page not in in_table:
            continue  # another table, before the 行事历 on this page
        cells: dict[int, str] = {}
        for w in words:
            col = bisect.bisect(edges, (w.x_min + w.x_max) / 2)
            cells[col] = cells.get(col, "") + w.text
        labels, months = pages.setdefault(page, (set(), []))
        labels.update(int(m) for m in re.findall(r"(\d+)月", cells.get(0, "")))
        date = re.match(r"(\d+)月\d+日", cells.get(date_col, ""))
        if date:
            months.append(int(date.group(1)))
    return [(page, labels, months) for page, (labels, months) in sorted(pages.items())]


@pytest.fixture(scope="module")
def soffice() -> None:
    from wenshu.generator.pdf import find_soffice

    find_soffice()


@pytest.mark.parametrize("profile", ["school", "gbt9704"])
@pytest.mark.parametrize("annual", [False, True], ids=["学期", "年度"])
def test_every_page_of_a_long_calendar_labels_its_rows_with_their_month(
    soffice, tmp_path, profile, annual
):
    spec = write_spec(tmp_path / "计划.yaml", busy_plan(annual))
    result = invoke(["build", spec, "--profile", profile, "--pdf"])
    assert result.exit_code == 0, stderr_of(result)
    docx, pdf = spec.with_suffix(".docx"), spec.with_suffix(".pdf")

    pages = month_rows_by_page(pdf, docx)
    assert len(pages) >= 3, pages  # the table really runs over several pages
    counted = sum(len(months) for _, _, months in pages)
    assert counted == sum(_COUNTS[: 12 if annual else 5])
    for page, labels, months in pages:
        missing = sorted(set(months) - labels)
        assert not missing, f"第{page}页的{missing}月的活动没有月份标签（标签：{labels}）"
    # The month taller than a page is cut, its continuation marked.
    (table,) = [t for t in tables_of(docx) if t.header[0].text == "月份"]
    continued = [row[0].text for row in table.rows if CONTINUED in row[0].text]
    big = 4 if annual else 12
    assert continued and all(t == f"{big}月\n{CONTINUED}" for t in continued)
    assert sum(1 for _, labels, _ in pages if big in labels) == len(continued) + 1


def _keeps(tr) -> bool:
    return all(
        p.find("w:pPr/w:keepNext", NS) is not None
        and p.find("w:pPr/w:keepNext", NS).get(q("val")) != "0"
        for p in tr.iter(q("p"))
    )


def merged_groups_doc(sizes: list[int]) -> Document:
    """One heading and a table of groups of `sizes` rows, each merged on its first column."""
    rows = []
    for g, size in enumerate(sizes, 1):
        for i in range(size):
            rows.append([Cell(f"第{g}组", merge_up=i > 0), Cell(f"第{g}组的第{i + 1}项工作")])
    return Document(blocks=[Heading(1, "分组", "一、"), Table("分组", ["组别", "工作"], rows)])


def test_rows_of_a_merged_group_keep_with_the_next_but_groups_do_not(tmp_path):
    from helpers_docx import document_xml

    docx = write_docx(merged_groups_doc([9, 1, 8]), tmp_path / "分组.docx")
    trs = document_xml(docx).findall(".//w:tbl/w:tr", NS)[1:]
    keeps = [_keeps(tr) for tr in trs]
    assert keeps == [True] * 8 + [False] + [False] + [True] * 7 + [False]
    assert all(tr.find("w:trPr/w:cantSplit", NS) is not None for tr in trs)


def test_a_group_taller_than_a_page_is_cut_into_labelled_even_chunks(soffice, tmp_path):
    docx = write_docx(merged_groups_doc([2, 80]), tmp_path / "分组.docx", profile="school")
    (table,) = tables_of(docx)
    labels = [(i, row[0].text) for i, row in enumerate(table.rows) if not row[0].merged]
    starts = [i for i, _ in labels]
    assert [t for _, t in labels] == ["第1组", "第2组"] + [f"第2组\n{CONTINUED}"] * (
        len(labels) - 2
    )
    sizes = [b - a for a, b in zip(starts[1:], starts[2:] + [len(table.rows)])]
    assert len(sizes) >= 3 and max(sizes) - min(sizes) <= 1, sizes
    # Laid out, every page that shows rows of group 2 shows its label beside them.
    pdf = convert_to_pdf(docx)
    label_right = 28 * PT_PER_MM + table.widths[0] / 20
    words = [w for w in pdf_words(pdf) if w.height <= TABLE_WORD_MAX_PT]
    # (pdftotext cuts 第2组的第5项工作 into words at the digits.)
    pages = {w.page for w in words if w.x_min > label_right}
    assert len(pages) >= 3
    for page in pages:
        labels = "".join(w.text for w in words if w.page == page and w.x_max < label_right)
        assert "第2组" in labels, f"第{page}页没有“第2组”"


# ---- member lists ------------------------------------------------------------------------

_SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
_COMPOUND = ["欧阳", "司马", "诸葛", "上官", "东方"]
_GIVEN = "芳明静华丽强军敏杰涛晓燕新立轩红秀英宇浩然子涵雨欣"


def member_names(rng: random.Random, count: int) -> list[str]:
    """`count` different names of 2 to 4 characters."""
    names: list[str] = []
    while len(names) < count:
        length = rng.choice([2, 3, 3, 4])
        surname = rng.choice(_COMPOUND) if length == 4 else rng.choice(_SURNAMES)
        name = surname + "".join(rng.choice(_GIVEN) for _ in range(length - len(surname)))
        if name not in names:
            names.append(name)
    return names


def groups_plan(seed: int) -> dict:
    """A plan whose 教研组 table lists groups of 5 to 12 members."""
    rng = random.Random(seed)
    subjects = ["语文", "数学", "英语", "物理", "化学", "道德与法治", "历史", "体育与健康"]
    groups = []
    for size, subject in zip(range(5, 13), subjects):
        members = member_names(rng, size)
        groups.append(
            {
                "名称": f"{subject}组",
                "组长": members[0],
                "成员": members,
                "活动时间": rng.choice(["每周二下午第三节", "每周四上午", "双周周三下午"]),
                "研究主题": rng.choice(
                    ["整本书阅读的任务设计与评价", "单元整体教学", "实验探究能力的培养"]
                ),
            }
        )
    return plan(教研组=groups)


def member_column_lines(pdf: Path, docx: Path) -> list[str]:
    """The lines of text in the 成员 column, as laid out."""
    table = next(t for t in tables_of(docx) if "成员" in [c.text for c in t.header])
    col = [c.text for c in table.header].index("成员")
    left = 28 * PT_PER_MM + sum(table.widths[:col]) / 20
    right = left + table.widths[col] / 20
    lines: dict[tuple[int, int], list] = {}
    for w in pdf_words(pdf):
        centre = (w.x_min + w.x_max) / 2
        if w.height <= TABLE_WORD_MAX_PT and left < centre < right:
            lines.setdefault((w.page, round(w.y_min)), []).append(w)
    out = []
    for key in sorted(lines):
        out.append("".join(w.text for w in sorted(lines[key], key=lambda w: w.x_min)))
    return [line for line in out if line != "成员"]


@pytest.mark.parametrize(("profile", "seed"), [("school", 1), ("gbt9704", 2)])
def test_member_lists_wrap_between_names_in_a_column_wide_enough(soffice, tmp_path, profile, seed):
    data = groups_plan(seed)
    names = {n for g in data["教研组"] for n in g["成员"]}
    spec = write_spec(tmp_path / "计划.yaml", data)
    result = invoke(["build", spec, "--profile", profile, "--pdf"])
    assert result.exit_code == 0, stderr_of(result)
    docx, pdf = spec.with_suffix(".docx"), spec.with_suffix(".pdf")

    table = next(t for t in tables_of(docx) if "成员" in [c.text for c in t.header])
    col = [c.text for c in table.header].index("成员")
    # Written: every line of a member cell holds whole names; lines are evened out, so
    # a last name is not left alone under lines of three or more.
    for row, group in zip(table.rows, data["教研组"]):
        cell = row[col]
        assert "".join(cell.lines) == "、".join(group["成员"])
        per_line = [len([n for n in line.split("、") if n]) for line in cell.lines]
        assert not (len(per_line) > 1 and per_line[-1] == 1 and per_line[-2] >= 3), cell.lines
    # The column shows at least two names of average length side by side.
    mean = sum(len(n) + 1 for n in names) / len(names)
    em = 240  # 小四
    assert table.content_twips(col) >= 2 * mean * em, table.widths

    # Laid out: no name is cut across two lines.
    lines = member_column_lines(pdf, docx)
    assert len(lines) >= sum(len(r[col].lines) for r in table.rows)
    for line in lines:
        broken = [part for part in line.split("、") if part and part not in names]
        assert not broken, f"成员一栏中的行“{line}”把姓名断开了"


def test_a_short_member_list_beside_token_columns_shows_two_names_a_line():
    from wenshu.generator.docx.colwidths import Column, break_list_line, layout_columns

    header = ["中心组", "组长", "成员", "活动时间", "研究主题"]
    rows = [
        [
            "初中数学中心组",
            "李静",
            "孙浩、林静、周敏、黄磊",
            "每月第二周周三下午",
            "单元整体教学设计",
        ],
        [
            "小学语文中心组",
            "陈斌",
            "许晴、高洁、朱莉、宋雨",
            "每月第三周周四下午",
            "学习任务群教学",
        ],
    ]
    columns = [Column(h) for h in header]
    for row in rows:
        for column, text in zip(columns, row):
            column.lines.append(text)
    layout = layout_columns(columns, 8844, 240)
    for row in rows:
        assert break_list_line(row[2], layout.content_em(2, slack=True)) == [
            "、".join(row[2].split("、")[:2]) + "、",
            "、".join(row[2].split("、")[2:]),
        ]
    for col in (0, 1, 3, 4):  # the tokens still stand on one line
        assert layout.content_em(col) >= columns[col].longest_em


def test_school_names_between_enumeration_commas_stay_whole_and_leave_room_to_text():
    from wenshu.generator.docx.colwidths import Column, break_list_line, layout_columns

    duty = "1.负责小学语文学科教研和教学视导\n2.负责新教师培训和骨干教师研修班"
    rows = [
        ["王海", "教研室主任", "城南中学、城南区实验小学", duty],
        ["陈斌", "小学语文教研员", "城南区实验小学、城东小学、育才小学、滨江实验学校", duty],
    ]
    columns = [Column(h) for h in ["教研员", "职务", "联系学校", "工作职责"]]
    for row in rows:
        for column, text in zip(columns, row):
            column.lines.extend(text.split("\n"))
    layout = layout_columns(columns, 8844, 240)
    schools = {s for row in rows for s in row[2].split("、")}
    for row in rows:
        for line in break_list_line(row[2], layout.content_em(2, slack=True)):
            assert {s for s in line.split("、") if s} <= schools, line
    # The list does not take the whole of its longest line from the duties.
    assert layout.content_em(2) < columns[2].longest_em and layout.content_em(3) >= 12
    # A clause list keeps its old, shorter item limit: this is prose, not a list.
    assert break_list_line("组织全校教师开展听课评课，并在学期末汇总", 6.0) == [
        "组织全校教师开展听课评课，并在学期末汇总"
    ]
