"""Column widths that keep rows low: where the split by amount of text leaves one cell
much taller than the others (eight names deep beside a one-line topic), width moves to
the column that makes the row tall. The tallest row never grows; tokens and names are
never broken (checked as LibreOffice lays the tables out, read back with pdftotext).
"""

from __future__ import annotations

import pytest
from helpers_docx import invoke, plan, stderr_of, write_spec
from helpers_layout import tables_of
from helpers_pdf import pdf_words

from wenshu.generator.doctree import Cell, Table
from wenshu.generator.docx import colwidths, get_profile
from wenshu.generator.docx.tables import _cell_texts, _row_lines, table_columns, table_layout

PT_PER_MM = 72 / 25.4
TABLE_WORD_MAX_PT = 17.0
GROUP_HEADER = ["教研组", "组长", "成员", "活动时间", "研究主题"]
DUTY_HEADER = ["姓名", "职务", "联系年级", "工作职责"]
EIGHT = "周婷、许晴、马骏、唐薇、李明、王芳、赵刚、孙丽"
SHAPES = {
    # A long member list beside short topics: the split by amount starves the list.
    "long lists, short topics": (
        GROUP_HEADER,
        [
            ["语文组", "周婷", EIGHT, "每周二下午第三节", "大单元教学，阅读任务设计"],
            ["数学组", "孙浩", "孙浩、林静、杨帆", "每周三下午第三节", "分层作业，设计与实施研究"],
            ["英语组", "吴蕾", "吴蕾、郭敏", "每周四下午第三节", "读写结合，单元整体教学"],
        ],
    ),
    "short lists, long topics": (
        GROUP_HEADER,
        [
            ["语文组", "周婷", "周婷、许晴、马骏", "每周二下午第三节",
             "基于核心素养的初中语文大单元阅读任务设计与评价研究"],
            ["数学组", "孙浩", "孙浩、林静", "每周三下午第三节",
             "双减背景下初中数学分层作业设计的实践研究"],
        ],
    ),
    "long duties": (
        DUTY_HEADER,
        [
            ["陈立新", "教务处主任", "初一、初二、初三",
             "1.全面负责教学管理工作，组织制订和落实教学工作计划，指导各教研组开展教学研究\n"
             "2.负责质量监测与分析、初三复习备考工作的统筹安排"],
            ["张丽", "教务处副主任", "初一", "1.负责教学常规检查和作业管理\n2.负责考务、学籍和课表编排"],
        ],
    ),
    "several wrapping columns": (
        ["目标", "指标", "实际", "完成情况"],
        [
            ["学生行为习惯明显改善，文明班级达到八成", "文明班级占比不低于80%",
             "全校32个班级中27个获评文明班级", "已完成"],
            ["家校共育活动常态化", "每学期家长会两次，家访覆盖全部学生",
             "家长会两次，家访覆盖率96%", "部分完成"],
        ],
    ),
}  # fmt: skip


def _table(header: list[str], rows: list[list[str]]) -> Table:
    return Table("表", header, [[Cell(text) for text in row] for row in rows])


def tallest_row(table: Table) -> int:
    """The estimated height (lines) of the tallest body row, as the writer lays it out."""
    columns = table_columns(table)
    layout = table_layout(table, get_profile("school"), columns)
    return max(_row_lines(layout, columns, row) for row in _cell_texts(table, layout, columns))


@pytest.mark.parametrize("shape", list(SHAPES))
def test_the_tallest_row_is_never_taller_than_with_widths_by_amount(monkeypatch, shape):
    table = _table(*SHAPES[shape])
    now = tallest_row(table)
    with monkeypatch.context() as m:
        m.setattr(colwidths, "_lowest_widths", lambda *args: None)
        by_amount = tallest_row(table)
    assert now <= by_amount
    if shape == "long lists, short topics":  # eight names three deep become two
        assert (by_amount, now) == (3, 2)


def _column_lines(pdf, header: list[str], widths: list[int], col: int) -> list[str]:
    """Laid-out lines of column `col` of the table under `header`: the table's rows run
    from its header line to the next line of larger (body) text."""
    rows: dict[tuple[int, int], list] = {}
    for w in pdf_words(pdf):
        rows.setdefault((w.page, round(w.y_min)), []).append(w)
    left = 28 * PT_PER_MM + sum(widths[:col]) / 20
    right = left + widths[col] / 20
    out, inside = [], False
    for _, words in sorted(rows.items()):
        words.sort(key=lambda w: w.x_min)
        if "".join(w.text for w in words) == "".join(header):
            inside = True
            continue
        if any(w.height > TABLE_WORD_MAX_PT for w in words):
            inside = False
        if inside:
            cell = [w.text for w in words if left < (w.x_min + w.x_max) / 2 < right]
            out.extend(["".join(cell)] if cell else [])
    return out


@pytest.mark.parametrize("profile", ["school", "gbt9704"])
def test_no_token_or_name_breaks_once_widths_follow_row_heights(tmp_path, profile):
    from wenshu.generator.pdf import find_soffice

    find_soffice()
    _, rows = SHAPES["long lists, short topics"]
    groups = [
        {"名称": r[0], "组长": r[1], "成员": r[2], "活动时间": r[3], "研究主题": r[4]} for r in rows
    ]
    _, duties = SHAPES["long duties"]
    tasks = [{"姓名": r[0], "职务": r[1], "联系": r[2], "职责": r[3].split("\n")} for r in duties]
    spec = write_spec(tmp_path / "计划.yaml", plan(教研组=groups, 具体分工=tasks))
    result = invoke(["build", spec, "--profile", profile, "--pdf"])
    assert result.exit_code == 0, stderr_of(result)
    docx, pdf = spec.with_suffix(".docx"), spec.with_suffix(".pdf")

    for header, data in ((GROUP_HEADER, rows), (["姓名", "职务"], duties)):
        table = next(t for t in tables_of(docx) if [c.text for c in t.header][:2] == header[:2])
        heads = [c.text for c in table.header]
        for col, head in enumerate(heads):
            shown = _column_lines(pdf, heads, table.widths, col)
            assert shown, head
            if head in ("教研组", "组长", "活动时间", "姓名", "职务"):  # tokens: one line each
                want = {r[col] for r in data}
                assert want <= set(shown), (head, shown)
            if head in ("成员", "联系年级"):  # lists: whole names on every line
                names = {n for r in data for n in r[col].split("、")}
                for line in shown:
                    assert {n for n in line.split("、") if n} <= names, (head, line)
    # The eight names now stand on two lines, four a line.
    group_table = next(t for t in tables_of(docx) if t.header[0].text == "教研组")
    assert len(group_table.rows[0][2].lines) == 2, group_table.rows[0][2].lines
