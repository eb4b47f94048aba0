"""build → import-spec → build gives the same document: wenshu's own tables (行事历 with 开学,
轮值表, 具体分工), its closing paragraph in any wording, and run-in titles come back to
their keys."""

from __future__ import annotations

import pytest

from wenshu.generator.build import build, render_loaded
from wenshu.generator.importspec import import_spec
from wenshu.generator.spec.loader import load_spec

PLAN = """\
文种: 工作计划
单位: 城南中学
部门: 教务处
学年: 2025—2026
学期: 第一学期
{extra}
开学: {start}
指导思想: 坚持立德树人，以课堂教学为中心，全面提高教学质量。
工作目标:
  - {{内容: 教学常规检查全覆盖, 指标: 每月一次}}
  - 期末质量稳中有升
主要工作:
  - 标题: 抓实教学常规
    内容: 每月检查教案和作业，检查结果及时反馈。
    条目:
      - 标题: 规范备课
        条目:
          - 标题: 集体备课
            内容: 每周一次，定时间、定地点、定主讲人。
          - 个人二次备课要写出修改意见。
      - 规范作业布置与批改。
  - 标题: 推进课堂改革
    条目:
      - 每位教师每学期上一节研究课。
保障措施:
  - 标题: 组织保障
    内容: 成立教学工作领导小组。
行事历:
  - 月份: 9
    活动:
      - {{内容: 开学常规检查, 负责人: 王明, 周次: 1}}
      - {{内容: 教师节表彰, 日期: 2025-09-10}}
  - 月份: 10
    活动:
      - {{内容: 期中考试, 周次: 9}}
      - {{内容: 青年教师汇报课, 周次: 6-7}}
{rotation}
具体分工:
  - {{姓名: 王明, 职务: 教务主任, 职责: [全面负责教务工作, 主持教学常规检查]}}
结束语: {closing}
落款: {{单位: 城南中学教务处, 日期: 2025-09-01}}
"""

RULE = """\
轮值表:
  标题: 公开课轮值表
  年级: [初一, 初二, 初三]
  学科: [语文, 数学, 英语]
  周次: [3, 7, 13]"""

ROWS = """\
轮值表:
  年级: [高一, 高二]
  安排:
    - {周次: [4, 5], 年级: {高一: 物理, 高二: 化学}}
    - {周次: 8, 年级: {高一: 生物, 高二: 物理}}"""

CASES = {
    "规则轮值表": dict(
        extra="", start="2025-09-01", rotation=RULE, closing="新的学期，全体教师将团结协作。"
    ),
    "逐行轮值表": dict(
        extra="模板: 教科室", start="2025-09-03", rotation=ROWS, closing="让我们共同努力。"
    ),
    "周日起始": dict(
        extra="周起始: 周日", start="2025-08-31", rotation=RULE, closing="望各部门遵照执行。"
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_plan_comes_back_the_same(tmp_path, name):
    spec = tmp_path / "计划.yaml"
    spec.write_text(PLAN.format(**CASES[name]), encoding="utf-8")
    original = build(spec, tmp_path / "原.docx")
    (item,) = import_spec(original.docx, tmp_path / "导入.yaml")
    data = item.loaded.source.data
    assert item.draft.unplaced == []
    assert "开学" in data and "轮值表" in data
    assert data["结束语"] == CASES[name]["closing"]
    again = render_loaded(load_spec(tmp_path / "导入.yaml"))
    assert again.texts() == original.document.texts()


def test_run_in_titles_lose_the_full_stop_the_build_adds(tmp_path):
    spec = tmp_path / "计划.yaml"
    spec.write_text(PLAN.format(**CASES["规则轮值表"]), encoding="utf-8")
    (item,) = import_spec(build(spec, tmp_path / "原.docx").docx, tmp_path / "导入.yaml")
    work = item.loaded.source.data["主要工作"]
    assert work[0]["条目"][0]["条目"][0] == {
        "标题": "集体备课",
        "内容": "每周一次，定时间、定地点、定主讲人。",
    }


def test_calendar_weeks_and_days_come_back_as_written(tmp_path):
    spec = tmp_path / "计划.yaml"
    spec.write_text(PLAN.format(**CASES["周日起始"]), encoding="utf-8")
    (item,) = import_spec(build(spec, tmp_path / "原.docx").docx, tmp_path / "导入.yaml")
    data = item.loaded.source.data
    assert (data["开学"], data["周起始"]) == ("2025-08-31", "周日")
    september, october = data["行事历"]
    assert september["活动"][0] == {"内容": "开学常规检查", "负责人": "王明", "周次": 1}
    assert september["活动"][1] == {"内容": "教师节表彰", "日期": "2025-09-10"}
    assert october["活动"][1] == {"内容": "青年教师汇报课", "周次": "6-7"}


def test_a_rotation_without_title_keeps_the_default_heading(tmp_path):
    spec = tmp_path / "计划.yaml"
    spec.write_text(PLAN.format(**CASES["逐行轮值表"]), encoding="utf-8")
    (item,) = import_spec(build(spec, tmp_path / "原.docx").docx, tmp_path / "导入.yaml")
    rotation = item.loaded.source.data["轮值表"]
    assert "标题" not in rotation
    assert rotation["年级"] == ["高一", "高二"]
    assert rotation["安排"][0] == {"周次": 4, "年级": {"高一": "物理", "高二": "化学"}}
