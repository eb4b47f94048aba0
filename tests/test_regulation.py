"""制度: 条 numbered 第一条… (running on across 章 and into 附则) or 一、（一）1.; 款 （一）（二）;
the number in 黑体 (gbt9704) or bold (school) on the line of its clause; 章 headings centred;
validation with line numbers; corpus sections as 条."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers_docx import NS, invoke, paragraphs, q, stderr_of, texts, write_spec

CHAPTERS = """\
文种: 制度
单位: 城南中学
标题: 城南中学作业管理制度
前言: 为减轻学生过重的作业负担，制定本制度。
章:
  - 标题: 第一章 总则
    条:
      - 作业由备课组统一设计。
      - 内容: 作业设计遵循以下原则：
        款:
          - （一）分层布置
          - 总量控制
  - 标题: 检查
    条:
      - 第三条 教务处每月检查一次作业。
附则:
  - 本制度自发布之日起施行。
落款: {单位: 城南中学教务处, 日期: 2025-09-01}
"""

FLAT = """\
文种: 制度
单位: 城南中学
标题: 城南中学实验室安全制度
条:
  - 进入实验室须穿实验服。
  - 内容: 实验结束后应做到：
    款: [关闭水电, 清洗仪器]
附则: 本制度由总务处负责解释。
"""


def build(tmp_path: Path, text: str, *args: str) -> tuple[int, str, Path]:
    spec = write_spec(tmp_path / "制度.yaml", text)
    result = invoke(["build", spec, "--force", *args])
    return result.exit_code, stderr_of(result), spec.with_suffix(".docx")


def test_articles_run_on_across_chapters_and_into_the_supplementary_chapter(tmp_path):
    code, err, docx = build(tmp_path, CHAPTERS)
    assert code == 0, err
    assert texts(docx) == [
        "城南中学作业管理制度",
        "为减轻学生过重的作业负担，制定本制度。",
        "第一章\u3000总则",
        "第一条\u3000作业由备课组统一设计。",
        "第二条\u3000作业设计遵循以下原则：",
        "（一）分层布置。",
        "（二）总量控制。",
        "第二章\u3000检查",
        "第三条\u3000教务处每月检查一次作业。",  # the typed 第三条 is not doubled
        "第三章\u3000附则",
        "第四条\u3000本制度自发布之日起施行。",
        "城南中学教务处",
        "2025年9月1日",
    ]
    chapters = [p for p in paragraphs(docx) if p.text.startswith("第") and "章" in p.text[:4]]
    for p in chapters:
        assert p.style == "Heading1"  # in the navigation pane and a 目录
        assert p.xml.find("w:pPr/w:jc", NS).get(q("val")) == "center"
        assert p.xml.find("w:pPr/w:ind", NS).get(q("firstLine")) == "0"


def test_without_chapters_the_supplementary_clauses_just_continue(tmp_path):
    code, err, docx = build(tmp_path, FLAT)
    assert code == 0, err
    assert texts(docx)[1:] == [
        "第一条\u3000进入实验室须穿实验服。",
        "第二条\u3000实验结束后应做到：",
        "（一）关闭水电。",
        "（二）清洗仪器。",
        "第三条\u3000本制度由总务处负责解释。",
    ]


def test_item_numbering_uses_the_outline_levels(tmp_path):
    code, err, docx = build(tmp_path, CHAPTERS.replace("前言:", "编号: 条目\n前言:"))
    assert code == 0, err
    lines = texts(docx)
    assert lines[2:11] == [
        "一、总则",
        "（一）作业由备课组统一设计。",
        "（二）作业设计遵循以下原则：",
        "1.分层布置。",
        "2.总量控制。",
        "二、检查",
        "（一）教务处每月检查一次作业。",
        "三、附则",
        "（一）本制度自发布之日起施行。",
    ]
    code, err, docx = build(tmp_path, FLAT.replace("条:", "编号: 条目\n条:", 1))
    assert code == 0, err
    assert texts(docx)[1:] == [
        "一、进入实验室须穿实验服。",
        "二、实验结束后应做到：",
        "（一）关闭水电。",
        "（二）清洗仪器。",
        "三、本制度由总务处负责解释。",
    ]


def _runs(p) -> list[tuple[str, str | None, bool]]:
    """(text, eastAsia font, bold) of each run of a paragraph (None: the style's)."""
    out = []
    for r in p.xml.findall("w:r", NS):
        fonts = r.find("w:rPr/w:rFonts", NS)
        b = r.find("w:rPr/w:b", NS)
        out.append(
            (
                "".join(t.text for t in r.iter(q("t"))),
                fonts.get(q("eastAsia")) if fonts is not None else None,
                b is not None and b.get(q("val"), "1") in ("1", "true"),
            )
        )
    return out


@pytest.mark.parametrize(
    ("profile", "font", "bold"), [("gbt9704", "黑体", False), ("school", "仿宋", True)]
)
def test_the_article_number_stands_out_on_the_line_of_its_clause(tmp_path, profile, font, bold):
    code, err, docx = build(tmp_path, FLAT, "--profile", profile)
    assert code == 0, err
    first = next(p for p in paragraphs(docx) if p.text.startswith("第一条"))
    assert first.style == "Normal"
    label, text = _runs(first)
    assert label == ("第一条\u3000", font, bold)
    assert text[0] == "进入实验室须穿实验服。" and not text[2]


_FLAT_CLAUSES = (
    "条:\n  - 进入实验室须穿实验服。\n  - 内容: 实验结束后应做到：\n    款: [关闭水电, 清洗仪器]\n"
)


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ("条:\n", "章:\n  - 标题: 总则\n    条: [一条]\n条:\n", 7, "“章”和“条”不能同时使用"),
        (_FLAT_CLAUSES, "", None, "缺少条文"),
        ("款: [关闭水电, 清洗仪器]", "款: []", 7, "不能为空列表"),
        ("- 进入实验室须穿实验服。", "- 第三条", 5, "只有编号没有内容"),
        ("款: [关闭水电, 清洗仪器]", "款: [关闭水电, （二）]", 7, "只有编号没有内容"),
        ("- 进入实验室须穿实验服。", '- ""', 5, "不能为空"),
    ],
    ids=["both", "neither", "empty-items", "bare-number", "bare-item", "empty-clause"],
)
def test_invalid_specs_name_the_line_and_the_fix(tmp_path, old, new, line, message):
    assert old in FLAT
    code, err, _ = build(tmp_path, FLAT.replace(old, new, 1))
    assert code == 2, err
    assert message in err, err
    if line:
        assert f"第{line}行" in err, err


def test_a_corpus_section_as_an_article_gives_its_items_as_items(tmp_path):
    corpus = tmp_path / "c.db"
    result = invoke(["--corpus", corpus, "corpus", "export", "--builtin", "--json"])
    assert result.exit_code == 0, stderr_of(result)
    section = next(s for s in json.loads(result.output) if s["id"] == "zt003")
    spec = write_spec(
        tmp_path / "制度.yaml", FLAT.replace("- 进入实验室须穿实验服。", "- {引用: zt003}")
    )
    result = invoke(["--corpus", corpus, "build", spec])
    assert result.exit_code == 0, stderr_of(result)
    lines = texts(spec.with_suffix(".docx"))
    assert lines[1] == f"第一条\u3000{section['text'].strip()}"
    items = section["items"]
    assert lines[2 : 2 + len(items)] == [f"（{n}）{t}" for n, t in zip("一二三四五六七八", items)]
    assert lines[2 + len(items)].startswith("第二条\u3000实验结束后应做到")
