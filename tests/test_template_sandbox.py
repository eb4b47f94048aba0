"""Templates run in a sandbox and text never runs: user templates cannot reach Python
internals or exhaust memory; text from specs, corpus sections and 变量 values comes out
literally; template directories are read only at <dir>/<文种>/<名称>.j2."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from helpers_docx import invoke, plan, stderr_of, texts, write_spec  # noqa: E402
from helpers_fuzz import time_limit  # noqa: E402

from wenshu.generator import kinds  # noqa: E402
from wenshu.generator.templating import TemplateLibrary  # noqa: E402

PAYLOADS = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{% for x in range(10) %}重复{% endfor %}",
    "{{ 单位 }}{{ 7 * 7 }}",
    "{# 注释 #}{%- raw %}",
]


def template_dir(root: Path, name: str, text: str, kind: str = "工作计划") -> Path:
    d = root / kind
    d.mkdir(parents=True, exist_ok=True)
    (d / f"{name}.j2").write_text(text, encoding="utf-8")
    return root


# ---- text is data -------------------------------------------------------------------------------


def test_spec_text_is_never_compiled_as_a_template(tmp_path):
    spec = write_spec(
        tmp_path / "计划.yaml",
        plan(
            标题=PAYLOADS[2],
            指导思想=PAYLOADS[0],
            工作目标=[PAYLOADS[1]],
            主要工作=[{"标题": PAYLOADS[3], "内容": PAYLOADS[2]}],
            结束语=PAYLOADS[1],
        ),
    )
    result = invoke(["build", spec])
    assert result.exit_code == 0, stderr_of(result)
    lines = texts(tmp_path / "计划.docx")
    assert lines[0] == PAYLOADS[2]  # the title, as written

    def starting(text: str) -> list[str]:  # items may get a closing 。
        return [line for line in lines if line.startswith(text)]

    assert starting(PAYLOADS[0])
    assert starting(f"（一）{PAYLOADS[1]}") and len(starting(PAYLOADS[1])) == 1  # 结束语
    assert starting(f"（一）{PAYLOADS[3]}")


def _user_section(tmp_path: Path, corpus: Path, text: str) -> str:
    """Add a section of our own with `corpus add`; returns its id."""
    import re

    entry = tmp_path / "片段.yaml"
    entry.write_text(
        "类别: 工作措施\n片段:\n  - 标题: 带花括号的片段\n    主题: [教学常规]\n"
        f"    文种: [工作计划]\n    内容: '{text}'\n    条目: ['{{% if 1 %}}条目{{% endif %}}']\n",
        encoding="utf-8",
    )
    result = invoke(["--corpus", corpus, "corpus", "add", entry])
    assert result.exit_code == 0, stderr_of(result)
    return re.search(r"u\d{4}", result.output + stderr_of(result)).group()


def test_corpus_text_and_variable_values_are_never_compiled(tmp_path):
    corpus = tmp_path / "语料库.db"
    section = _user_section(
        tmp_path, corpus, "{{ 部门 }}每月检查。{% for x in y %}循环{% endfor %}{{ 部门 }}"
    )
    work = [{"引用": section, "变量": {"部门": "{{ 学年 }}{% if 1 %}是{% endif %}"}}]
    spec = write_spec(tmp_path / "计划.yaml", plan(主要工作=work))
    result = invoke(["--corpus", corpus, "build", spec])
    assert result.exit_code == 0, stderr_of(result)
    body = "\n".join(texts(tmp_path / "计划.docx"))
    # The variable is filled with the value as written; nothing in either is evaluated.
    value = "{{ 学年 }}{% if 1 %}是{% endif %}"
    assert f"{value}每月检查。{{% for x in y %}}循环{{% endfor %}}{value}" in body, body
    assert "{% if 1 %}条目{% endif %}" in body
    assert "2025—2026每月" not in body


# ---- the sandbox --------------------------------------------------------------------------------

HOSTILE_TEMPLATES = [
    ("{{ title(''.__class__.__mro__) }}", "内部属性"),
    ("{{ title(cycler.__init__.__globals__) }}", "内部属性"),
    ("{% for i in range(10**9) %}{% endfor %}", "range"),
    ('{{ title("哈" * 10**9) }}', "太长"),
    ("{{ title((2 ** 100000000)|string) }}", "指数"),
    ("{{ title((((10 ** 60) ** 60) ** 60)|string) }}", "指数"),
    ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "递归"),
    ("{{ title(1 / 0) }}", "出错"),
]


@pytest.mark.parametrize(
    ("text", "needle"), HOSTILE_TEMPLATES, ids=[n for _, n in HOSTILE_TEMPLATES]
)
def test_user_templates_run_in_a_sandbox(tmp_path, text, needle):
    mine = template_dir(tmp_path / "mine", "坏的", text)
    spec = write_spec(tmp_path / "计划.yaml", plan(模板="坏的"))
    with time_limit(20):
        result = invoke(["build", spec, "--templates", mine])
    err = stderr_of(result)
    assert result.exit_code == 4, err
    assert "坏的.j2" in err and needle in err, err
    assert not (tmp_path / "计划.docx").exists()


# ---- where templates are read from --------------------------------------------------------------


def test_only_template_folders_of_each_kind_are_looked_into(tmp_path, monkeypatch):
    root = tmp_path / "模板"
    template_dir(root, "我的", "{{ title('x') }}\n")
    (root / "工作计划" / "子目录").mkdir()
    (root / "工作计划" / "子目录" / "深处.j2").write_text("x", encoding="utf-8")
    (root / "别的").mkdir()
    (root / "别的" / "旁边.j2").write_text("x", encoding="utf-8")
    seen: list[str] = []
    real = os.scandir

    def spy(path="."):
        seen.append(str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", spy)
    names = [t.name for t in TemplateLibrary([root]).list() if not t.builtin]
    assert names == ["我的"]
    looked = {Path(p).relative_to(root).as_posix() for p in seen if p.startswith(str(root))}
    assert looked <= set(kinds.names()), looked


@pytest.mark.parametrize("folder", ["/", "/proc"])
def test_system_folders_as_template_dirs_are_not_walked(tmp_path, folder):
    if not Path(folder).is_dir():
        pytest.skip(f"{folder} does not exist here")
    spec = write_spec(tmp_path / "计划.yaml", plan())
    with time_limit(20):
        listed = invoke(["templates", "list", "--templates", folder])
        built = invoke(["build", spec, "--templates", folder])
    assert listed.exit_code == 0 and "通用" in listed.stdout
    assert built.exit_code == 0, stderr_of(built)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero (POSIX)")
def test_a_template_that_is_a_device_or_huge_is_refused(tmp_path):
    root = tmp_path / "模板"
    (root / "工作计划").mkdir(parents=True)
    (root / "工作计划" / "零.j2").symlink_to("/dev/zero")
    with (root / "工作计划" / "大.j2").open("wb") as f:
        f.truncate(50 * 1024**2)
    for name, needle in (("零", "不是普通文件"), ("大", "太大")):
        spec = write_spec(tmp_path / "计划.yaml", plan(模板=name))
        with time_limit(20):
            result = invoke(["build", spec, "--templates", root])
        assert result.exit_code == 4, stderr_of(result)
        assert f"{name}.j2" in stderr_of(result) and needle in stderr_of(result)


@pytest.mark.parametrize("name", ["../../../etc/passwd", "/etc/passwd", ".隐藏", "a\\b"])
def test_template_names_cannot_leave_the_template_folder(tmp_path, name):
    spec = write_spec(tmp_path / "计划.yaml", plan(模板=name))
    result = invoke(["build", spec])
    assert result.exit_code == 4, stderr_of(result)
    assert "找不到工作计划模板" in stderr_of(result)
    assert "root:" not in stderr_of(result)


def test_unreadable_template_folder_is_a_message(tmp_path, monkeypatch):
    root = template_dir(tmp_path / "模板", "我的", "{{ title('x') }}\n")

    def denied(path="."):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "scandir", denied)
    result = invoke(["templates", "list", "--templates", root])
    assert result.exit_code == 4
    assert "无法读取模板目录" in stderr_of(result) and "没有权限" in stderr_of(result)
