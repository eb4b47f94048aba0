"""Tables in spreadsheets: flat rows and spec values, reading a workbook (merged cells,
header variants, errors naming sheet, row and column), `wenshu table export`, and a
spec whose table key names a workbook."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from wenshu.cli import main
from wenshu.generator.errors import SpecError
from wenshu.generator.sheets.shapes import flatten, nest, shapes_for
from wenshu.generator.sheets.xlsx import read_table
from wenshu.generator.spec.loader import load_spec

ROOT = Path(__file__).resolve().parent.parent
DEMO_PLAN = ROOT / "generator" / "kinds" / "plan" / "demo" / "教科室工作计划.yaml"
PLAN = shapes_for("工作计划")
CAL = PLAN["行事历"]


def workbook(rows, title="行事历", merges=()) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    for rng in merges:
        ws.merge_cells(rng)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_every_unit_grid_without_nesting_has_a_shape():
    from wenshu.generator import kinds

    for unit in kinds.units():
        shapes = shapes_for(unit.name)
        for grid in unit.grids:
            flat = "." not in grid.key and not grid.maps
            assert (grid.key in shapes) == flat, (unit.name, grid.key)


def test_flatten_then_nest_gives_the_same_objects_back():
    value = [
        {"月份": "九月", "活动": [{"内容": "开学检查", "周次": 1}, "教师会"]},
        {"月份": 10, "活动": ["常规月查"]},
    ]
    rows = flatten(CAL, value)
    assert [r["月份"] for r in rows] == ["九月", "九月", 10]
    again = nest(CAL, rows, value)
    assert again == value
    assert again[0] is value[0] and again[1] is value[1]  # kept as written (九月, short forms)


def test_nest_groups_rows_by_month_and_blank_months_continue():
    rows = [
        {"月份": 9, "内容": "甲"},
        {"月份": "", "内容": "乙", "负责人": "王"},
        {"月份": 10, "内容": "丙", "周次": "6"},
        {"月份": None, "内容": ""},  # blank row
    ]
    paths: list = []
    assert nest(CAL, rows, None, paths) == [
        {"月份": 9, "活动": ["甲", {"内容": "乙", "负责人": "王"}]},
        {"月份": 10, "活动": [{"周次": "6", "内容": "丙"}]},
    ]
    assert paths == [(0, "活动", 0), (0, "活动", 1), (1, "活动", 0), None]


def test_list_columns_and_continuation_rows():
    shape = PLAN["具体分工"]
    rows = [
        {"姓名": "周明", "职务": "主任", "职责": "统筹全局\n课题管理"},
        {"姓名": "", "职务": "", "职责": "档案整理"},
        {"姓名": "林晓", "职责": "青年教师培养"},
    ]
    assert nest(shape, rows) == [
        {"姓名": "周明", "职务": "主任", "职责": ["统筹全局", "课题管理", "档案整理"]},
        {"姓名": "林晓", "职责": "青年教师培养"},
    ]


def test_read_workbook_with_header_variants_and_merged_months():
    data = workbook(
        [
            ["月份", "工作内容", "负责人", "周次"],
            [9, "开学检查", "王", 1],
            [None, "教师会", "", 2],
            [10, "月查", "李", 6],
        ],
        merges=["A2:A3"],
    )
    table = read_table(data, CAL, "行事历.xlsx")
    assert table.label == "行事历.xlsx 工作表“行事历”"
    assert table.value == [
        {
            "月份": 9,
            "活动": [
                {"周次": 1, "内容": "开学检查", "负责人": "王"},
                {"周次": 2, "内容": "教师会"},
            ],
        },
        {"月份": 10, "活动": [{"周次": 6, "内容": "月查", "负责人": "李"}]},
    ]
    assert table.letters["内容"] == "B" and table.where("内容") == "工作内容（B列）"
    assert table.line_of((1, "活动", 0)) == 4


def test_cell_errors_name_sheet_row_and_column():
    data = workbook(
        [["周次", "月份", "内容"], [1, 9, "甲"], ["第x周", "十三月", "乙"], [3, 9, "丙"]]
    )
    with pytest.raises(SpecError) as err:
        read_table(data, CAL, "行事历.xlsx")
    lines = [p.render() for p in err.value.problems]
    assert any(line.startswith("行事历.xlsx 工作表“行事历” 第3行 周次（A列）:") for line in lines)
    assert any(
        line.startswith("行事历.xlsx 工作表“行事历” 第3行 月份（B列）:") and "十三月" in line
        for line in lines
    )


def test_missing_and_unknown_columns():
    with pytest.raises(SpecError) as err:
        read_table(workbook([["月份", "备注"], [9, "x"]]), CAL, "a.xlsx")
    text = str(err.value)
    assert "缺少列“内容”" in text and "第1行" in text
    table = read_table(workbook([["月份", "内容", "备注"], [9, "甲", "x"]]), CAL, "a.xlsx")
    assert [p.severity for p in table.problems] == ["warning"] and "备注" in table.problems[
        0
    ].message


def test_not_a_workbook_is_refused_in_words(tmp_path):
    with pytest.raises(SpecError) as err:
        read_table(b"PK\x03\x04 not really", CAL, "坏.xlsx")
    assert "坏.xlsx" in str(err.value) and ".xlsx" in str(err.value)


def test_table_export_writes_a_formatted_workbook(tmp_path):
    out = tmp_path / "表格.xlsx"
    result = CliRunner().invoke(main, ["table", "export", str(DEMO_PLAN), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "行事历、具体分工、教研组" in result.output
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:3] == ["行事历", "具体分工", "教研组"]
    ws = wb["行事历"]
    assert [c.value for c in ws[1]] == list(CAL.keys)
    assert ws["A1"].font.bold and ws.freeze_panes == "A2"
    assert ws.column_dimensions["D"].width > ws.column_dimensions["A"].width  # 内容 is wide
    lists = {str(dv.sqref)[0]: dv.formula1 for dv in ws.data_validations.dataValidation}
    assert "选项" in lists["A"] and "选项" in lists["E"]  # 月份 and 负责人 drop-downs
    options = wb["选项"]
    assert options.sheet_state == "hidden"
    columns = {col[0].value: [c.value for c in col[1:] if c.value] for col in options.iter_cols()}
    assert columns["月份"] == ["9", "10", "11", "12", "1"]
    assert "周明" in columns["负责人"]
    # Refuses to overwrite, then the round trip: the exported table reads back the same.
    again = CliRunner().invoke(main, ["table", "export", str(DEMO_PLAN), "-o", str(out)])
    assert again.exit_code != 0 and "已存在" in again.output
    spec = load_spec(DEMO_PLAN)
    table = read_table(out.read_bytes(), CAL, out.name)
    assert [m.month for m in spec.spec.calendar] == [m["月份"] for m in table.value]


def test_exported_months_are_merged_over_their_activities_and_read_back(tmp_path):
    out = tmp_path / "行事历.xlsx"
    result = CliRunner().invoke(
        main, ["table", "export", str(DEMO_PLAN), "--table", "行事历", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    original = load_spec(DEMO_PLAN).spec.calendar
    ws = openpyxl.load_workbook(out)["行事历"]
    merged = sorted((r.min_row, r.max_row) for r in ws.merged_cells.ranges)
    assert all(r.min_col == r.max_col == 1 for r in ws.merged_cells.ranges)  # 月份 only
    row = 2
    for month in original:
        count = len(month.activities)
        assert ws.cell(row, 1).value in (month.month, str(month.month))
        if count > 1:
            assert (row, row + count - 1) in merged
        row += count
    assert len(merged) == sum(len(m.activities) > 1 for m in original)
    # The 月份 drop-down still covers the merged column.
    sqrefs = {str(dv.sqref) for dv in ws.data_validations.dataValidation}
    assert any(ref.startswith("A2:") for ref in sqrefs)
    # The spec pointing at the workbook reads the very same 行事历.
    spec = _plan_with_sheet(tmp_path, out.read_bytes())
    read = load_spec(spec).spec.calendar
    assert [m.model_dump() for m in read] == [m.model_dump() for m in original]


def test_group_runs_take_repeats_and_blanks_below_a_value():
    from wenshu.generator.sheets.export import group_runs

    assert group_runs(["9", "9", "10", "", "10", "11"]) == [(0, 1), (2, 4)]
    assert group_runs(["", "9", None, "10"]) == [(1, 2)]
    assert group_runs(["9", "10", "11"]) == []


def test_table_export_names_what_can_be_exported(tmp_path):
    result = CliRunner().invoke(
        main, ["table", "export", str(DEMO_PLAN), "--table", "职责", "-o", str(tmp_path / "x.xlsx")]
    )
    assert result.exit_code != 0 and "可选：行事历、具体分工、教研组" in result.output


def _plan_with_sheet(tmp_path: Path, sheet: bytes, name: str = "行事历.xlsx") -> Path:
    import re

    text = DEMO_PLAN.read_text(encoding="utf-8")
    text = re.sub(r"\n行事历:.*?\n(?=\S)", f"\n行事历: {name}\n", text, flags=re.S)
    (tmp_path / name).write_bytes(sheet)
    path = tmp_path / "计划.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_spec_table_key_naming_a_workbook_builds(tmp_path):
    sheet = workbook(
        [["月份", "内容", "负责人"], [9, "开学工作检查", "周明"], [10, "教学常规检查", "周明"]]
    )
    path = _plan_with_sheet(tmp_path, sheet)
    result = CliRunner().invoke(main, ["build", str(path)])
    assert result.exit_code == 0, result.output
    import docx

    cells = [c.text for t in docx.Document(str(tmp_path / "计划.docx")).tables for c in t._cells]
    assert "开学工作检查" in cells and "教学常规检查" in cells


def test_spec_checks_on_workbook_rows_name_the_sheet_row(tmp_path):
    sheet = workbook([["月份", "内容"], [9, "甲"], [3, "乙"]])
    path = _plan_with_sheet(tmp_path, sheet)
    result = CliRunner().invoke(main, ["build", str(path)])
    assert result.exit_code == 2
    assert "行事历.xlsx 工作表“行事历” 第3行 月份（A列）: 第一学期不包含3月" in result.output


def test_spec_workbook_outside_its_folder_is_refused(tmp_path):
    path = _plan_with_sheet(tmp_path, workbook([["月份", "内容"], [9, "甲"]]))
    path.write_text(
        path.read_text(encoding="utf-8").replace("行事历: 行事历.xlsx", "行事历: ../行事历.xlsx"),
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["build", str(path)])
    assert result.exit_code == 2 and "应放在输入文件所在的文件夹" in result.output
    path.write_text(
        path.read_text(encoding="utf-8").replace("../行事历.xlsx", "没有.xlsx"), encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["build", str(path)])
    assert result.exit_code == 2 and "没有.xlsx" in result.output
