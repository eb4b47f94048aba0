"""The template library: built-in 工作计划 templates, user directories (--templates and the
spec's 模板目录) that override or add templates, and errors from broken templates."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from helpers_docx import invoke, plan, stderr_of, texts, write_spec  # noqa: E402

from wenshu.generator.errors import TemplateError  # noqa: E402
from wenshu.generator.templating import TemplateLibrary  # noqa: E402

GOOD = """\
{#- 说明：我的测试模板 -#}
{{ title(单位 ~ "自定义计划") }}
{{ h1("思想") }}
{{ text(指导思想) }}
{{ h1("目标") }}
{{ items(工作目标) }}
{{ signature(落款.单位, 落款.日期) }}
"""


def template_dir(root: Path, name: str, text: str, kind: str = "工作计划") -> Path:
    d = root / kind
    d.mkdir(parents=True, exist_ok=True)
    (d / f"{name}.j2").write_text(text, encoding="utf-8")
    return root


def build(tmp_path: Path, data, *extra):
    spec = write_spec(tmp_path / "spec" / "计划.yaml", data)
    return invoke(["build", spec, *extra]), spec


def test_builtin_plan_templates_are_listed():
    infos = {t.name: t for t in TemplateLibrary().list() if t.kind == "工作计划"}
    assert {"通用", "教科室", "教研组"} <= set(infos)
    for info in infos.values():
        assert info.builtin
        assert info.path.is_file()
        assert info.description


def test_templates_dir_overrides_a_builtin(tmp_path):
    mine = template_dir(tmp_path / "mine", "通用", GOOD)
    result, spec = build(tmp_path, plan(), "--templates", mine)
    assert result.exit_code == 0, stderr_of(result)
    body = texts(spec.with_suffix(".docx"))
    assert body[0] == "城南中学自定义计划"
    assert body[1:3] == ["一、思想", "坚持以学生发展为本，提高课堂教学效率。"]


def test_templates_dir_adds_a_template_and_lists_it(tmp_path):
    mine = template_dir(tmp_path / "mine", "新的", GOOD)
    result = invoke(["templates", "list", "--tsv", "--templates", mine])
    rows = [r.split("\t") for r in result.stdout.splitlines()]
    mine_rows = [r for r in rows if r[:2] == ["工作计划", "新的"]]
    assert len(mine_rows) == 1
    assert mine_rows[0][2] != "内置" and mine_rows[0][3] == "我的测试模板"
    assert any(r[:3] == ["工作计划", "通用", "内置"] for r in rows)

    result, spec = build(tmp_path, plan(模板="新的"), "--templates", mine)
    assert result.exit_code == 0, stderr_of(result)
    assert texts(spec.with_suffix(".docx"))[0] == "城南中学自定义计划"
    # Without the directory the template is unknown, and the message lists the known ones.
    spec.with_suffix(".docx").unlink()
    result = invoke(["build", spec])
    assert result.exit_code == 4
    err = stderr_of(result)
    assert "新的" in err and "通用" in err and "教科室" in err


def test_user_template_hides_builtin_in_list(tmp_path):
    mine = template_dir(tmp_path / "mine", "通用", GOOD)
    rows = [
        r.split("\t")
        for r in invoke(["templates", "list", "--tsv", "--templates", mine]).stdout.splitlines()
    ]
    general = [r for r in rows if r[:2] == ["工作计划", "通用"]]
    assert len(general) == 1 and general[0][2] != "内置"


def test_first_templates_dir_wins(tmp_path):
    a = template_dir(tmp_path / "a", "通用", GOOD.replace("自定义计划", "甲"))
    b = template_dir(tmp_path / "b", "通用", GOOD.replace("自定义计划", "乙"))
    result, spec = build(tmp_path, plan(), "--templates", a, "--templates", b)
    assert result.exit_code == 0, stderr_of(result)
    assert texts(spec.with_suffix(".docx"))[0] == "城南中学甲"


def test_spec_template_dir_is_relative_to_the_spec_file(tmp_path, monkeypatch):
    template_dir(tmp_path / "spec" / "我的模板", "新的", GOOD)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result, spec = build(tmp_path, plan(模板="新的", 模板目录="我的模板"))
    assert result.exit_code == 0, stderr_of(result)
    assert texts(spec.with_suffix(".docx"))[0] == "城南中学自定义计划"


def test_templates_option_comes_before_spec_template_dir(tmp_path):
    template_dir(tmp_path / "spec" / "我的模板", "通用", GOOD.replace("自定义计划", "来自文件"))
    cli = template_dir(tmp_path / "cli", "通用", GOOD.replace("自定义计划", "来自命令行"))
    result, spec = build(tmp_path, plan(模板目录="我的模板"), "--templates", cli)
    assert result.exit_code == 0, stderr_of(result)
    assert texts(spec.with_suffix(".docx"))[0] == "城南中学来自命令行"


@pytest.mark.parametrize("where", ["option", "spec"])
def test_missing_template_dir_is_an_error(tmp_path, where):
    if where == "option":
        result, _ = build(tmp_path, plan(), "--templates", tmp_path / "没有")
    else:
        result, _ = build(tmp_path, plan(模板目录="没有"))
    assert result.exit_code == 4
    assert "没有" in stderr_of(result)


# ---- broken templates -------------------------------------------------------------------------

BROKEN = [
    ("syntax", '{{ title("x") }}\n{{ h1("甲") }}\n{{ p("没闭合" }}\n{{ h1("乙") }}\n', 3, "语法"),
    (
        "unclosed block",
        '{{ title("x") }}\n{% for g in 工作目标 %}\n{{ p(g.内容) }}\n',
        None,
        "语法",
    ),
    ("unknown filter", '{{ title("x") }}\n\n{{ p(单位 | 没有的过滤器) }}\n', 3, "没有的过滤器"),
    (
        "undefined variable",
        '{{ title("x") }}\n{{ h1("甲") }}\n{{ p(不存在的变量) }}\n',
        3,
        "不存在的变量",
    ),
    (
        "undefined in if",
        '{{ title("x") }}\n{% if 未定义 %}\n{{ p("a") }}\n{% endif %}\n',
        2,
        "未定义",
    ),
    (
        "undefined attribute",
        '{{ title("x") }}\n{{ h1("甲") }}\n{{ h1("乙") }}\n{{ p(落款.印章) }}\n',
        4,
        "印章",
    ),
    ("bad heading level", '{{ title("x") }}\n{{ heading(9, "甲") }}\n', 2, "9"),
    ("missing argument", '{{ title("x") }}\n{{ h1("甲") }}\n{{ p() }}\n', 3, None),
    ("stray text", '{{ title("x") }}\n这是正文\n', None, "这是正文"),
]


@pytest.mark.parametrize(("case", "text", "line", "needle"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_template_names_file_and_line(tmp_path, case, text, line, needle):
    mine = template_dir(tmp_path / "mine", "坏的", text)
    result, spec = build(tmp_path, plan(模板="坏的"), "--templates", mine)
    assert result.exit_code == 4, stderr_of(result)
    err = stderr_of(result)
    assert err.startswith("错误：")
    assert "坏的.j2" in err, err
    if line is not None:
        assert f"第{line}行" in err, err
    if needle is not None:
        assert needle in err, err
    assert not spec.with_suffix(".docx").exists()


def test_render_raises_template_error_naming_the_variable(tmp_path):
    mine = template_dir(tmp_path / "mine", "坏的", "{{ title(没有这个) }}\n")
    lib = TemplateLibrary([mine])
    with pytest.raises(TemplateError) as info:
        lib.render("工作计划", "坏的", {"单位": "x"})
    assert "没有这个" in info.value.message
    assert "第1行" in info.value.message


def test_template_with_non_utf8_bytes_is_an_error_not_a_crash(tmp_path):
    d = tmp_path / "mine" / "工作计划"
    d.mkdir(parents=True)
    (d / "坏的.j2").write_bytes("{{ title('标题') }}\n".encode("gb18030"))
    result, _ = build(tmp_path, plan(模板="坏的"), "--templates", tmp_path / "mine")
    assert result.exit_code == 4, stderr_of(result)
    assert "坏的.j2" in stderr_of(result)
