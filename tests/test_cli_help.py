"""Every command's --help is Chinese throughout: click's own words, metavars and alignment."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from wenshu.cli import main
from wenshu.generator.click_cn import METAVARS, display_width


def _command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    ctx = click.Context(group)
    paths = [prefix]
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        if isinstance(cmd, click.Group):
            paths += _command_paths(cmd, prefix + (name,))
        else:
            paths.append(prefix + (name,))
    return paths


COMMANDS = _command_paths(main)
ENGLISH = ["Usage:", "Options:", "Commands:", "[default:", "[required]", "env var:", "Arguments:"]


def test_walk_finds_the_nested_commands():
    assert ("corpus", "search") in COMMANDS and ("build",) in COMMANDS
    assert len(COMMANDS) > 15


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "wenshu")
def test_help_has_no_english_of_click(path):
    result = CliRunner().invoke(main, [*path, "--help"], prog_name="wenshu", terminal_width=100)
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("用法：wenshu")
    assert "选项：" in out
    for word in ENGLISH:
        assert word not in out, word
    # Placeholders of click's types and the usage line are Chinese too.
    for word in METAVARS:
        assert not re.search(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", out), word


@pytest.mark.parametrize("path", [("build",), ("corpus", "search"), ()], ids=str)
def test_option_descriptions_start_in_one_column(path):
    out = CliRunner().invoke(main, [*path, "--help"], prog_name="wenshu", terminal_width=100).output
    section = out.split("选项：\n", 1)[1].split("\n\n", 1)[0]
    starts = []
    for line in section.splitlines():
        m = re.match(r"(  \S.*?  +)(\S)", line)
        if m and line.lstrip().startswith("-"):
            starts.append(display_width(m[1]))
    assert len(starts) >= 2
    assert len(set(starts)) == 1, section


def test_usage_error_keeps_chinese_usage_hint():
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 2
    assert "缺少参数 输入.yaml" in result.output
    assert "Usage" not in result.output


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["corpus", "search", "x", "-n", "0"], "0 不在允许的范围 1<=x<=500 内"),
        (["corpus", "search", "x", "-n", "abc"], "“abc”不是整数"),
        (["serve", "--port", "99999", "--no-browser"], "99999 不在允许的范围 0<=x<=65535 内"),
        (["import-spec", "x.txt", "--doc", "0"], "0 不在允许的范围 x>=1 内"),
    ],
    ids=["range", "integer range", "port", "minimum"],
)
def test_bad_option_values_are_told_in_chinese(args, needle):
    result = CliRunner().invoke(main, args, prog_name="wenshu")
    assert result.exit_code == 2
    assert needle in result.output, result.output
    assert not re.search(r"[A-Za-z]{4,} (?:is|not|range)", result.output), result.output
