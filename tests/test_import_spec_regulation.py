"""import-spec of 制度: wenshu's own 制度 come back the same; old rule sets written as .txt
(with chapters, without, numbered 一、) map to 章/条/款/附则 and keep every sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers_import_kinds import KIND_DIR, assert_round_trip, assert_sentences_kept, import_txt

from wenshu.generator.importing.classify import kind_of

REGULATION = KIND_DIR / "regulation"
SPECS = sorted((REGULATION / "demo").glob("*.yaml")) + [REGULATION / "starter.yaml"]


@pytest.mark.parametrize("spec", SPECS, ids=[p.stem for p in SPECS])
def test_wenshu_regulation_comes_back_the_same(tmp_path, spec):
    item = assert_round_trip(tmp_path, spec)
    assert item.kind == "制度"
    assert item.draft.unplaced == []


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("城北小学教师请假管理办法", "制度"),
        ("实验室安全操作规程", "制度"),
        ("学生宿舍管理细则（试行）", "制度"),
        ("图书室借阅规定", "制度"),
        ("关于做好寒假安全工作的通知", "通知"),
        ("教务处工作计划", "工作计划"),
        ("教研组长工作职责", "工作职责"),
    ],
)
def test_kind_from_title(title, kind):
    assert kind_of(title) == kind


CHAPTERED = """\
城北小学教师请假管理办法
为规范教师请假程序，保障正常教学秩序，结合我校情况，制定本办法。
第一章 总则
第一条 本办法适用于学校全体在编教师和聘用教师。
第二条 请假须事先办理手续，不得先离岗后补假。
特殊情况电话请假的，返校后两日内补办手续。
第二章 请假审批
第三条 请假审批权限如下：
（一）一天以内由年级组长批准；
（二）三天以内由分管校长批准；
（三）三天以上由校长批准。
第四条 请假期间的课务由教务处统一调整。
第三章 附则
第五条 本办法自发布之日起执行。
第六条 本办法由校长办公室负责解释。
城北小学校长办公室
2024年3月5日
"""

FLAT = """\
城北小学图书室借阅规定
第一条 学生凭借书证借阅图书，每次限借两册。
第二条 借期为两周，到期可续借一次。
第三条 损坏或遗失图书的，按原价赔偿。
附则
第四条 本规定自本学期起执行。
"""

NUMBERED = """\
城北小学实验室安全守则
为保证师生在实验室学习的安全，特制定本守则。
一、进入实验室前
（一）穿好实验服，长发束起。
（二）未经教师允许不得触碰仪器。
二、实验过程中
（一）严格按照操作步骤进行实验。
（二）发现仪器损坏立即报告教师。
三、附则
（一）本守则由科学组负责解释。
"""


def test_chaptered_rules_map_to_chapters_clauses_and_supplementary(tmp_path):
    item = import_txt(tmp_path, "请假办法.txt", CHAPTERED)
    data = item.loaded.source.data
    assert item.kind == "制度" and data["单位"] == "城北小学"
    assert data["前言"].startswith("为规范教师请假程序")
    assert [c["标题"] for c in data["章"]] == ["总则", "请假审批"]
    first, second = data["章"][0]["条"]
    assert first == "本办法适用于学校全体在编教师和聘用教师。"
    assert second["内容"].split("\n") == [
        "请假须事先办理手续，不得先离岗后补假。",
        "特殊情况电话请假的，返校后两日内补办手续。",
    ]
    assert data["章"][1]["条"][0]["款"][2] == "三天以上由校长批准。"
    assert data["附则"] == ["本办法自发布之日起执行。", "本办法由校长办公室负责解释。"]
    assert data["落款"] == {"单位": "城北小学校长办公室", "日期": "2024-03-05"}
    assert_sentences_kept(item, CHAPTERED)


def test_flat_rules_with_an_unnumbered_supplementary_heading(tmp_path):
    item = import_txt(tmp_path, "借阅规定.txt", FLAT)
    data = item.loaded.source.data
    assert "章" not in data and len(data["条"]) == 3
    assert data["条"][1] == "借期为两周，到期可续借一次。"
    assert data["附则"] == ["本规定自本学期起执行。"]
    assert_sentences_kept(item, FLAT, headings=("附则",))  # 附则 is the key


def test_rules_numbered_like_a_plan_keep_that_numbering(tmp_path):
    item = import_txt(tmp_path, "安全守则.txt", NUMBERED)
    data = item.loaded.source.data
    assert data["编号"] == "条目"
    assert data["前言"] == "为保证师生在实验室学习的安全，特制定本守则。"
    assert [c["标题"] for c in data["章"]] == ["进入实验室前", "实验过程中"]
    assert data["章"][1]["条"] == ["严格按照操作步骤进行实验。", "发现仪器损坏立即报告教师。"]
    assert data["附则"] == ["本守则由科学组负责解释。"]
    assert_sentences_kept(item, NUMBERED)


def test_text_between_chapters_is_kept_as_unplaced(tmp_path):
    text = CHAPTERED.replace("第二章 请假审批\n", "第二章 请假审批\n本章说明审批的权限。\n")
    item = import_txt(tmp_path, "请假办法.txt", text)
    chapters = item.loaded.source.data["章"]
    assert chapters[-1]["标题"] == "【未归类】原文内容"
    assert chapters[-1]["条"] == ["本章说明审批的权限。"]
    assert_sentences_kept(item, text)


def test_kind_option_lists_regulation():
    from wenshu.generator.importspec import importable_kinds

    assert "制度" in importable_kinds()
    assert Path(REGULATION / "__init__.py").is_file()


def test_a_kind_import_spec_cannot_map_yet_falls_back_to_a_plan(tmp_path):
    text = "关于做好午餐管理工作的通知\n一、各班按时就餐。\n二、保持餐厅整洁。\n"
    item = import_txt(tmp_path, "午餐通知.txt", text)
    assert item.kind == "工作计划"
    assert any("原文是通知" in line for line in item.draft.review)
    assert_sentences_kept(item, text)
