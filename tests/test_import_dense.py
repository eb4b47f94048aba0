"""A long plan with a heading every few lines is read whole: every heading, at its level,
in order, through `outline --json` and into `import-spec`'s YAML (the case the 20 MB
benchmark times)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from wenshu.cli import main
from wenshu.generator.numbering import chinese_number

TOPICS = ["课堂教学", "课题研究", "校本研修", "质量监测", "教师培养", "作业管理", "家校沟通"]


def _dense_plan(parts: int, sections: int, items: int) -> tuple[str, list[tuple[int, str]]]:
    lines = ["城北实验学校教务处工作计划", ""]
    expected: list[tuple[int, str]] = []
    for a in range(1, parts + 1):
        head = f"{chinese_number(a)}、{TOPICS[a % len(TOPICS)]}第{a}部分"
        lines.append(head)
        expected.append((1, head))
        for b in range(1, sections + 1):
            sub = f"（{chinese_number(b)}）第{a}部分的第{b}项重点"
            lines += [sub, f"围绕第{a}部分第{b}项，组内逐月落实，学期末检查。"]
            expected.append((2, sub))
            for c in range(1, items + 1):
                item = f"{c}.落实第{a}.{b}.{c}项任务"
                lines += [item, "每位教师按要求完成，教研组长记录情况。"]
                expected.append((3, item))
    return "\n".join(lines) + "\n", expected


def test_every_heading_of_a_dense_plan_is_read_at_its_level(tmp_path):
    text, expected = _dense_plan(parts=12, sections=15, items=6)
    src = tmp_path / "密集计划.txt"
    src.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["outline", str(src), "--json"])
    assert result.exit_code == 0, result.output
    docs = json.loads(result.output)["documents"]
    assert len(docs) == 1
    got = [(h["level"], h["text"]) for h in docs[0]["headings"]]
    assert got == expected
    assert len(expected) == 12 + 12 * 15 + 12 * 15 * 6


def test_import_spec_keeps_every_heading_of_a_dense_plan(tmp_path):
    text, expected = _dense_plan(parts=8, sections=10, items=4)
    src = tmp_path / "密集计划.txt"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "计划.yaml"
    result = CliRunner().invoke(main, ["import-spec", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    yaml_text = out.read_text(encoding="utf-8")
    # Typed markers are stripped on import; the heading words stay, each once, in order.
    positions = []
    for _, heading in expected:
        words = heading.split("、", 1)[-1].split("）", 1)[-1].split(".", 1)[-1]
        pos = yaml_text.find(words, positions[-1] if positions else 0)
        assert pos >= 0, words
        positions.append(pos)
