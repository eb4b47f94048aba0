"""`wenshu import-spec`: real web-page seeds and wenshu's own .docx files back to specs."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from functools import cache
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from helpers_seeds import seeds_dir

from wenshu.generator.build import build, render_loaded
from wenshu.generator.cli_import_spec import import_spec_cmd
from wenshu.generator.demo import demo_spec, demo_specs
from wenshu.generator.importing import ImportedDocument, import_file, iter_nodes
from wenshu.generator.importspec import import_spec
from wenshu.generator.importspec.keys import norm_key
from wenshu.generator.importspec.meta import clean_title, read_meta
from wenshu.generator.spec.loader import load_spec

SEEDS = seeds_dir()
TODAY = dt.date(2026, 11, 22)


def cli():
    """The real `wenshu` group once import-spec is registered there, else a test group."""
    from wenshu.cli import WenshuGroup, main

    if main.get_command(click.Context(main), "import-spec") is not None:
        return main

    @click.group(cls=WenshuGroup)
    def group() -> None:
        pass

    group.add_command(import_spec_cmd)
    return group


def run(*args: str):
    return CliRunner().invoke(cli(), ["import-spec", *args])


def seed(prefix: str) -> Path:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


@cache
def seed_docs(prefix: str) -> list[ImportedDocument]:
    return import_file(seed(prefix)).documents


def source_sentences(doc: ImportedDocument) -> list[str]:
    """Sentences of a document's cleaned text (markers are not part of node titles)."""
    texts = [clean_title(doc), doc.preamble]
    for node in iter_nodes(doc.nodes):
        texts += [node.title, node.text]
    for table in (t.rows for t in doc.tables):
        texts += [cell for row in table for cell in row]
    return [s for t in texts for s in re.split(r"[。！？；;!?\n]", t) if norm_key(s)]


def assert_all_kept(doc: ImportedDocument, item, texts: list[str]) -> None:
    """Every source sentence is in the built texts, except headings the template's own
    heading replaces (reported as 识别 lines) — compared without markers/punctuation."""
    hay = "|".join(norm_key(t) for t in texts)
    relabelled = {norm_key(t) for t in item.draft.relabelled}
    missing = [
        s for s in source_sentences(doc) if norm_key(s) not in hay and norm_key(s) not in relabelled
    ]
    assert missing == []


# ---- seeds ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_specs(tmp_path_factory):
    """Every seed file imported once into its own folder."""
    out = {}
    for prefix in ("000", "001", "002", "003", "004"):
        folder = tmp_path_factory.mktemp(f"seed{prefix}")
        out[prefix] = import_spec(seed(prefix), folder, today=TODAY)
    return out


@pytest.mark.parametrize("index", range(15))
def test_each_seed_plan_loads_builds_and_keeps_every_sentence(seed_specs, index):
    item = seed_specs["001"][index]
    assert item.path.name.startswith(seed("001").stem + "-篇")
    loaded = load_spec(item.path)
    assert loaded.kind == "工作计划"
    result = build(item.path)
    assert result.docx.is_file()
    assert_all_kept(seed_docs("001")[index], item, result.document.texts())


@pytest.mark.parametrize(("prefix", "count"), [("000", 15), ("002", 9), ("003", 8), ("004", 2)])
def test_other_seeds_load_and_keep_every_sentence(seed_specs, prefix, count):
    items = seed_specs[prefix]
    assert len(items) == count
    for doc, item in zip(seed_docs(prefix), items):
        texts = render_loaded(load_spec(item.path)).texts()
        assert_all_kept(doc, item, texts)


def test_seed_duty_lists_become_duty_specs(seed_specs):
    kinds = {item.kind for item in seed_specs["000"]}
    assert kinds == {"工作职责"}
    first = load_spec(seed_specs["000"][0].path).spec
    assert len(first.duties) >= 10


def test_seed_month_calendar_becomes_xingshili(seed_specs):
    # 篇五 of 001 lists “9月份：” … “12月份：” with numbered activities.
    spec = load_spec(seed_specs["001"][4].path).spec
    assert [m.month for m in spec.calendar] == [9, 10, 11, 12]
    assert spec.calendar[0].activities[0].content == "制定学校本学期教科室工作计划。"
    assert spec.term == 1


def test_spring_months_choose_the_second_term(seed_specs):
    # 003 篇2 has 二月份 … 五月份 nested under “主要工作：”.
    item = seed_specs["003"][1]
    spec = load_spec(item.path).spec
    assert spec.term == 2
    assert [m.month for m in spec.calendar][:2] == [2, 3]


def test_sections_map_to_spec_keys(seed_specs):
    # 篇十五: 一、指导思想 二、目标任务 三、具体措施 四、具体安排（九月份……）
    data = load_spec(seed_specs["001"][14].path).source.data
    assert data["指导思想"].startswith("本学期我校的教科研工作")
    assert len(data["工作目标"]) == 4
    assert data["主要工作"][0]["标题"] == "校本培训与教师读书工程"
    assert [m["月份"] for m in data["行事历"]] == [9, 10, 11, 12, 1]


def test_unknown_period_gets_default_and_review_comment(seed_specs):
    item = seed_specs["001"][0]
    text = item.path.read_text(encoding="utf-8")
    assert "# 待核对：原文未写学年学期" in text
    assert "学年: 2026—2027" in text and "学期: 第一学期" in text
    assert "单位: 【待填写】" in text
    assert any("待核对：原文未写学年学期" in line for line in item.draft.review)


# ---- round trip through wenshu's own .docx --------------------------------------------


@pytest.mark.parametrize(
    "name", ["教科室工作计划", "教研组长工作职责", "教科室工作总结"], ids=["计划", "职责", "总结"]
)
def test_wenshu_docx_round_trip_gives_the_same_text(tmp_path, name):
    for spec in demo_specs():  # the summary links the plan
        shutil.copy(spec, tmp_path)
    original = build(tmp_path / f"{name}.yaml")
    result = run(str(original.docx), "-o", str(tmp_path / "back" / "导入.yaml"))
    assert result.exit_code == 0, result.output
    again = build(tmp_path / "back" / "导入.yaml")
    assert again.document.texts() == original.document.texts()


def test_wenshu_plan_tables_map_back_to_their_keys(tmp_path):
    shutil.copy(demo_spec("教科室工作计划.yaml"), tmp_path)
    docx = build(tmp_path / "教科室工作计划.yaml").docx
    (item,) = import_spec(docx, tmp_path / "导入.yaml")
    data = item.loaded.source.data
    original = load_spec(demo_spec("教科室工作计划.yaml")).source.data
    assert item.template == "教科室"
    assert [m["月份"] for m in data["行事历"]] == [m["月份"] for m in original["行事历"]]
    assert data["行事历"][0]["活动"][0] == {
        "内容": "制订教科室学期工作计划，召开课题组长会议",
        "负责人": "周明",
        "周次": 1,
    }
    assert [a["姓名"] for a in data["具体分工"]] == ["周明", "林晓"]
    assert data["具体分工"][0]["职责"] == original["具体分工"][0]["职责"]
    assert [g["名称"] for g in data["教研组"]] == ["语文组", "数学组"]
    assert data["教研组"][1]["成员"] == "刘强、黄芳、吴涛"
    assert (data["单位"], data["部门"], data["学年"], data["学期"]) == (
        "城南中学",
        "教科室",
        "2025—2026",
        "第一学期",
    )
    assert data["落款"] == {"单位": "城南中学教科室", "日期": "2025-09-01"}
    assert data["工作目标"][0] == {
        "内容": "规范课题过程管理，在研课题按期完成阶段任务",
        "指标": "在研区级以上课题中期检查通过率100%",
    }


def test_unknown_word_table_is_kept_as_unplaced(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("城南中学2025—2026学年第二学期工作计划")
    document.add_paragraph("一、指导思想")
    document.add_paragraph("坚持立德树人。")
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate([["项目", "经费"], ["图书", "三千元"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    path = tmp_path / "计划.docx"
    document.save(path)
    result = run(str(path))
    assert result.exit_code == 0, result.output
    assert "未能归类 2 段" in result.output
    data = load_spec(tmp_path / "计划.yaml").source.data
    assert data["主要工作"][-1] == {
        "标题": "【未归类】原文内容",
        "内容": "项目｜经费\n图书｜三千元",
    }
    assert (data["学年"], data["学期"]) == ("2025—2026", "第二学期")


# ---- command line -----------------------------------------------------------------------

PLAN_TXT = """城南中学教务处2025-2026学年第一学期工作计划
一、指导思想
以课堂为主阵地，提高教学质量。
二、工作目标
1.教学常规检查全覆盖。
2.期末质量稳中有升。
三、主要工作
1.抓实教学常规。每月检查教案和作业。
2.开展课堂展示活动。
四、工作安排
本学期按月安排如下：
九月份：
1.制订计划。
2.开学常规检查。
十月份：
1.课堂展示周。
城南中学教务处
2025年9月1日
"""


@pytest.fixture()
def plan_txt(tmp_path) -> Path:
    path = tmp_path / "旧计划.txt"
    path.write_text(PLAN_TXT, encoding="utf-8")
    return path


def test_cli_imports_a_text_plan(plan_txt):
    result = run(str(plan_txt))
    assert result.exit_code == 0, result.output
    out = plan_txt.with_suffix(".yaml")
    assert f"已生成 {out}" in result.output
    assert "识别：指导思想 ← “一、指导思想”" in result.output
    assert "未能归类 1 段" in result.output and "本学期按月安排如下" in result.output
    data = load_spec(out).source.data
    assert (data["单位"], data["部门"], data["学年"], data["学期"]) == (
        "城南中学",
        "教务处",
        "2025—2026",
        "第一学期",
    )
    assert "标题" not in data  # the title is exactly the default one
    assert data["指导思想"] == "以课堂为主阵地，提高教学质量。"
    assert data["工作目标"] == ["教学常规检查全覆盖。", "期末质量稳中有升。"]
    assert data["主要工作"][0] == {"标题": "抓实教学常规", "内容": "每月检查教案和作业。"}
    assert data["行事历"] == [
        {"月份": 9, "活动": ["制订计划。", "开学常规检查。"]},
        {"月份": 10, "活动": ["课堂展示周。"]},
    ]
    assert data["落款"] == {"单位": "城南中学教务处", "日期": "2025-09-01"}
    assert build(out).docx.is_file()


def test_cli_never_overwrites_without_force(plan_txt):
    out = plan_txt.with_suffix(".yaml")
    out.write_text("旧内容", encoding="utf-8")
    result = run(str(plan_txt))
    assert result.exit_code == 3
    assert "已存在" in result.output and "--force" in result.output
    assert "Traceback" not in result.output
    assert out.read_text(encoding="utf-8") == "旧内容"
    assert run(str(plan_txt), "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# 由 wenshu import-spec")


def test_cli_multi_document_file_writes_one_spec_per_document(tmp_path):
    src = tmp_path / "范文.txt"
    shutil.copy(seed("004"), src)
    result = run(str(src), "-o", str(tmp_path / "out" / "职责.yaml"))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "职责-篇1.yaml",
        "职责-篇2.yaml",
    ]
    assert "共导入 2 篇" in result.output


@pytest.mark.parametrize(
    ("doc", "name"), [("1", "教研组长职责"), ("2", "新桥实验小学校本教研制度")]
)
def test_cli_doc_picks_one_document(tmp_path, doc, name):
    src = tmp_path / "范文.txt"
    shutil.copy(seed("004"), src)
    result = run(str(src), "--doc", doc, "-o", str(tmp_path / "一篇.yaml"))
    assert result.exit_code == 0, result.output
    assert name in result.output
    assert [p.name for p in tmp_path.glob("*.yaml")] == ["一篇.yaml"]


def test_cli_kind_overrides_the_guess(tmp_path):
    src = tmp_path / "范文.txt"
    shutil.copy(seed("004"), src)
    result = run(str(src), "--doc", "2", "--kind", "工作职责")
    assert result.exit_code == 0, result.output
    assert load_spec(tmp_path / "范文.yaml").kind == "工作职责"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--doc", "9"], "--doc 9 超出范围"),
        (["-o", "out.txt"], "应以 .yaml 结尾"),
    ],
)
def test_cli_usage_errors_are_chinese_messages(plan_txt, args, message):
    result = run(str(plan_txt), *args)
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("计划.pdf", b"%PDF", "不支持的文件类型"),
        ("空.txt", b"", "文件是空的"),
        ("坏.docx", b"not a zip", "不是有效的 .docx"),
    ],
)
def test_cli_unreadable_files_are_clear_errors(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    result = run(str(path))
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


# ---- title parsing ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "kind", "expected"),
    [
        (
            "城南中学教科室2025—2026学年第一学期工作计划",
            "工作计划",
            ("城南中学", "教科室", None, "2025—2026", 1, None),
        ),
        (
            "实验小学2024-25学年第二学期教导处工作总结",
            "工作总结",
            ("实验小学", "教导处", None, "2024—2025", 2, None),
        ),
        ("城南中学教研组长工作职责", "工作职责", ("城南中学", None, "教研组长", None, None, None)),
        ("2026年春季学期语文组工作计划", "工作计划", (None, "语文组", None, "2025—2026", 2, None)),
        ("人民医院2024年工作计划", "工作计划", ("人民医院", None, None, None, None, 2024)),
        ("教科室工作计划主题", "工作计划", (None, "教科室", None, None, None, None)),
    ],
)
def test_read_meta_from_titles(title, kind, expected):
    meta = read_meta(title, kind, "")
    got = (meta.unit, meta.department, meta.post, meta.school_year, meta.term, meta.year)
    assert got == expected
