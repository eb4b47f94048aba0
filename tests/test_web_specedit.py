"""Saving the page's data back into a spec's YAML text: only what changed changes."""

from __future__ import annotations

import difflib

from wenshu.generator.web.editing import editor_state, spec_data
from wenshu.generator.web.specedit import updated_text
from wenshu.generator.yamlio import parse_yaml

TEXT = """\
# 教务处计划（手写）
文种: 工作计划
单位: 城南中学          # 全称
学年: 2025-2026
学期: 第一学期
指导思想: |
  第一段，
  接着写。
工作目标:
  - 常规检查全覆盖     # 目标一
  - {内容: 公开课人人上, 编号: G2}
主要工作:
  - 标题: 常规
    内容: 每月检查。
    条目:
      - 查教案
行事历:
  # 开学月
  - 月份: 九月
    活动:
      - 开学检查
      - {内容: 教师会, 周次: 1}
  - 月份: 10
    活动: [月查]
落款: {单位: 城南中学教务处, 日期: 2025-09-01}
"""


def _state():
    return editor_state(parse_yaml(TEXT, "x.yaml").data)


def _save(state) -> str:
    original = parse_yaml(TEXT, "x.yaml").data
    return updated_text(TEXT, spec_data(state, original).data, "x.yaml")


def _changed(new: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(TEXT.splitlines(), new.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_unchanged_page_data_gives_the_file_back_byte_for_byte():
    assert _save(_state()) == TEXT


def test_one_field_changes_one_line():
    state = _state()
    state["单位"] = "城北中学"
    assert _changed(_save(state)) == [
        "-单位: 城南中学          # 全称",
        "+单位: 城北中学          # 全称",
    ]


def test_grid_edit_keeps_short_forms_and_comments_elsewhere():
    state = _state()
    state["行事历"][2]["内容"] = "常规月查"  # the 10月 row
    state["行事历"].append({"月份": "10", "内容": "期中考试", "周次": "9"})
    new = _save(state)
    assert "  # 开学月\n  - 月份: 九月" in new
    assert "      - 开学检查\n" in new  # short form kept
    data = parse_yaml(new, "x").data
    assert data["行事历"][1]["活动"] == ["常规月查", {"内容": "期中考试", "周次": 9}]


def test_new_key_goes_where_the_page_put_it_and_text_blocks_stay_blocks():
    state = _state()
    items = list(state.items())
    items.insert(2, ("部门", "教务处"))
    state = dict(items)
    state["指导思想"] = "第一段，\n接着写。\n再加一句。"
    new = _save(state)
    assert "单位: 城南中学          # 全称\n部门: 教务处\n学年" in new
    # The text area gives the text without its final line break; the block stays "|".
    assert "指导思想: |\n  第一段，\n  接着写。\n  再加一句。\n" in new


def test_removed_list_item_and_typed_values():
    state = _state()
    del state["工作目标"][0]
    state["落款"]["日期"] = "2025-09-02"
    new = _save(state)
    data = parse_yaml(new, "x").data
    assert data["工作目标"] == [{"内容": "公开课人人上", "编号": "G2"}]
    assert str(data["落款"]["日期"]) == "2025-09-02"
    assert "日期: 2025-09-02" in new  # a date, not quoted text
