"""A symbolic link that loops or points at a missing file, given to a command that reads
an old document, is named for what it is (not "文件不存在" or "不支持的文件类型"), with the
path and what to do; the exit code is non-zero and no traceback escapes."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from helpers_docx import invoke, stderr_of  # noqa: E402

pytestmark = pytest.mark.skipif(os.name != "posix", reason="symlinks")

LOOP = "符号链接形成了循环"
DANGLING = "符号链接指向的文件不存在"


def _loop(tmp_path: Path) -> tuple[Path, str]:
    """`ln -s a b; ln -s b a`: the name has no suffix, as such links usually have."""
    a, b = tmp_path / "a", tmp_path / "b"
    b.symlink_to(a)
    a.symlink_to(b)
    return a, "删除这个链接"


def _loop_with_suffix(tmp_path: Path) -> tuple[Path, str]:
    link = tmp_path / "计划.docx"
    link.symlink_to(link)
    return link, "删除这个链接"


def _dangling(tmp_path: Path) -> tuple[Path, str]:
    link = tmp_path / "旧计划.txt"
    link.symlink_to(tmp_path / "已删除" / "旧计划.txt")
    return link, "已删除"  # the message names where the link points


def _dangling_without_suffix(tmp_path: Path) -> tuple[Path, str]:
    link = tmp_path / "最新"
    link.symlink_to("旧计划.docx")
    return link, "旧计划.docx"


CASES = {
    "loop": (_loop, LOOP),
    "loop .docx": (_loop_with_suffix, LOOP),
    "dangling .txt": (_dangling, DANGLING),
    "dangling, no suffix": (_dangling_without_suffix, DANGLING),
}


def _args(command: str, path: Path, tmp_path: Path) -> list:
    if command == "import-spec":
        return ["import-spec", path, "-o", tmp_path / "计划.yaml"]
    if command == "outline":
        return ["outline", path]
    return ["--corpus", tmp_path / "语料.db", "corpus", "import", path]


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("command", ["import-spec", "outline", "corpus import"])
def test_broken_links_are_named(tmp_path, command, case):
    make, reason = CASES[case]
    path, detail = make(tmp_path)
    result = invoke(_args(command, path, tmp_path))
    err = stderr_of(result)
    assert result.exit_code != 0, err
    assert reason in err and detail in err, err
    assert str(path) in err or path.name in err, err
    for wrong in ("文件不存在，请检查", "不支持的文件类型"):
        assert wrong not in err, err
    assert not (tmp_path / "计划.yaml").exists()


def test_build_names_a_dangling_spec_link(tmp_path):
    link = tmp_path / "计划.yaml"
    link.symlink_to(tmp_path / "去年" / "计划.yaml")
    result = invoke(["build", link])
    err = stderr_of(result)
    assert result.exit_code == 1, err
    assert f"无法读取输入文件 {link}：{DANGLING}" in err, err


def test_a_link_to_a_real_file_still_imports(tmp_path):
    real = tmp_path / "原件.txt"
    real.write_text(
        "城南中学教科室工作计划\n一、指导思想\n以课题研究带动教师成长。\n", encoding="utf-8"
    )
    link = tmp_path / "链接.txt"
    link.symlink_to(real)
    result = invoke(["outline", link])
    assert result.exit_code == 0, stderr_of(result)
    assert "指导思想" in result.output
