"""Hostile and broken inputs get a Chinese message naming the file and line, a non-zero
exit, and never an internal error or a hang: recursive and exploding aliases, deep
nesting, huge files and things that are not files, odd paths in 计划, explicit tags the
two YAML loaders must agree on, the parser's English, UTF-16/32 files, a full-width
colon, and what an internal error says."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from helpers_docx import invoke, plan, stderr_of, write_spec  # noqa: E402
from helpers_fuzz import time_limit  # noqa: E402

from wenshu.generator.demo import demo_spec  # noqa: E402
from wenshu.generator.yamlio import MAX_DEPTH, MAX_NODES, MAX_YAML_BYTES  # noqa: E402

DUTY_HEAD = "文种: 工作职责\n单位: 城南中学\n岗位: 教科室主任\n"


def spec_file(tmp_path: Path, text: str, name: str = "输入.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(args, limit: float = 30.0):
    """The CLI, failing (not hanging) when it takes longer than `limit` seconds."""
    with time_limit(limit):
        return invoke(args)


def fails_with(args, code: int, *needles: str, limit: float = 30.0) -> str:
    result = run(args, limit)
    err = stderr_of(result)
    assert result.exit_code == code, (result.exit_code, err)
    for needle in needles:
        assert needle in err, err
    return err


def no_english(err: str) -> None:
    """No English sentence from a parser or library: no two English words in a row (file
    names and the commands we tell users to run aside), no exception names."""
    text = re.sub(r"\S+\.(?:yaml|docx|yml|txt)\b|wenshu [a-z]+", "", err)
    assert not re.search(r"[A-Za-z]{2,} [A-Za-z]{2,}", text), err
    assert not re.search(r"Error|Traceback|Exception", text), err


# ---- 1-3: aliases and nesting -----------------------------------------------------------------

RECURSIVE = DUTY_HEAD + "职责: &c\n  - 类别: x\n    条目: *c\n"


@pytest.mark.parametrize("command", ["build", "rollover", "summary-init"])
def test_recursive_alias_is_a_message_in_every_command(tmp_path, command):
    spec = spec_file(tmp_path, RECURSIVE)
    args = {
        "build": ["build", spec],
        "rollover": ["rollover", spec, "--to", "2026-2027"],
        "summary-init": ["summary", "init", spec],
    }[command]
    err = fails_with(args, 2, "输入.yaml 第6行", "别名“*c”", "自己的锚点“&c”")
    no_english(err)


def test_flow_nesting_up_to_the_cap_is_read_and_deeper_is_refused(tmp_path):
    ok = spec_file(tmp_path, DUTY_HEAD + "职责: [x]\n结束语: " + "[" * 90 + "]" * 90 + "\n")
    err = fails_with(["build", ok], 2, "结束语")
    assert "嵌套" not in err  # an ordinary type complaint, the depth is fine
    for depth in (MAX_DEPTH + 1, 1000, 100_000):
        deep = spec_file(tmp_path, DUTY_HEAD + "职责: [x]\n结束语: " + "[" * depth + "]" * depth)
        for args in (["build", deep], ["rollover", deep, "--to", "2026-2027"]):
            fails_with(args, 2, "输入.yaml 第5行", f"嵌套层次太深（超过 {MAX_DEPTH} 层）")


def test_deep_block_nesting_is_refused_with_the_line(tmp_path):
    lines = ["前言:"] + [" " * (2 * i) + "-" for i in range(1, 200)] + [" " * 400 + "x"]
    spec = spec_file(tmp_path, DUTY_HEAD + "职责: [x]\n" + "\n".join(lines) + "\n")
    fails_with(["build", spec], 2, f"超过 {MAX_DEPTH} 层")


def test_billion_laughs_is_refused_quickly(tmp_path):
    lines = ["炸弹:", '  - &a0 "哈哈"']
    for i in range(1, 9):
        lines.append(f"  - &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    text = DUTY_HEAD + "职责: [x]\n" + "\n".join(lines) + "\n结束语: *a8\n"
    spec = spec_file(tmp_path, text)
    for args in (["build", spec], ["rollover", spec, "--to", "2026-2027"]):
        # Refused where the expansion passes the limit (&a6: 9**6 strings), not later.
        fails_with(args, 2, "第12行", f"超过 {MAX_NODES} 项", limit=10)


def test_aliases_that_stay_small_still_work_and_name_lines(tmp_path):
    text = DUTY_HEAD + "职责:\n  - &d 制订计划\n  - *d\n前言: &p [段一, 段二]\n结束语: *p\n"
    result = invoke(["build", spec_file(tmp_path, text)])
    assert result.exit_code == 0, stderr_of(result)


def test_undefined_alias_and_merge_key_are_explained(tmp_path):
    err = fails_with(["build", spec_file(tmp_path, DUTY_HEAD + "职责: *nowhere\n")], 2)
    assert "第4行" in err and "锚点“&nowhere”" in err
    no_english(err)
    merge = DUTY_HEAD + "基础: &b {类别: x, 条目: [a]}\n职责:\n  - <<: *b\n"
    err = fails_with(["build", spec_file(tmp_path, merge)], 2, "合并键“<<”")
    no_english(err)


# ---- 4: size and kind of file -----------------------------------------------------------------


def test_a_spec_over_the_size_limit_is_refused_before_reading(tmp_path):
    big = tmp_path / "大.yaml"
    with big.open("wb") as f:  # sparse: 2 GB on paper, nothing on disk
        f.truncate(2 * 1024**3)
    err = fails_with(["build", big], 1, "大.yaml", "太大", limit=10)
    assert f"{MAX_YAML_BYTES // (1024 * 1024)} MB" in err
    just_over = spec_file(tmp_path, DUTY_HEAD + "结束语: " + "长" * (MAX_YAML_BYTES // 3 + 10))
    fails_with(["rollover", just_over, "--to", "2026-2027"], 1, "太大")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero (POSIX)")
def test_devices_and_pipes_are_not_read(tmp_path):
    fails_with(["build", "/dev/zero"], 1, "/dev/zero", "不是普通文件", limit=10)
    link = tmp_path / "零.yaml"
    link.symlink_to("/dev/zero")
    fails_with(["summary", "init", link], 1, "不是普通文件", limit=10)
    fifo = tmp_path / "管道.yaml"
    os.mkfifo(fifo)
    fails_with(["rollover", fifo, "--to", "2026-2027"], 1, "不是普通文件", limit=10)


# ---- 5: the 计划 of a 工作总结 ------------------------------------------------------------------


def summary_linking(tmp_path: Path, target: str) -> Path:
    text = demo_spec("教科室工作总结.yaml").read_text(encoding="utf-8")
    text = text.replace("计划: 教科室工作计划.yaml", f"计划: '{target}'")
    return spec_file(tmp_path, text, "总结.yaml")


@pytest.mark.parametrize("command", ["build", "rollover"])
def test_odd_plan_paths_are_messages_naming_the_path(tmp_path, command):
    (tmp_path / "文件夹.yaml").mkdir()
    secret = tmp_path / "秘密.txt"
    secret.write_text("口令=不能出现在消息里\n", encoding="utf-8")
    cases = [
        ("甲" * 3000 + ".yaml", "太长"),
        ("文件夹.yaml", "是文件夹"),
        ("秘密.txt", "未读取"),
        ("/proc/self/environ", "未读取"),
        ("/dev/zero", "未读取"),
        ("没有这个.yaml", "找不到关联的计划文件 没有这个.yaml"),
    ]
    if Path("/dev/zero").exists():
        (tmp_path / "零.yaml").symlink_to("/dev/zero")
        cases.append(("零.yaml", "不是普通文件"))
    for target, needle in cases:
        spec = summary_linking(tmp_path, target)
        args = ["build", spec] if command == "build" else ["rollover", spec, "--to", "2026-2027"]
        err = fails_with(args, 2, "总结.yaml 第3行 计划", needle, limit=10)
        assert "口令" not in err
        no_english(err)


# ---- 6: both YAML loaders agree ---------------------------------------------------------------

REFUSED_BY_BOTH = [
    ("结束语: !!timestamp 2025-13-45", "不是真实存在的日期"),
    ("结束语: !!int abc", "标签 !!int"),
    ("结束语: !!binary aGVsbG8=", "不支持 YAML 标签“!!binary”"),
    ("结束语: !自定义 x", "YAML 标签"),
    ("结束语: !local x", "不支持 YAML 标签“!local”"),
    ("结束语: !!set {a, b}", "不支持 YAML 标签“!!set”"),
    ("结束语: " + "1" * 4500, "数字太长"),
    ("? [a, b]\n: c", "键必须是一段文字"),
]


@pytest.mark.parametrize(("line", "needle"), REFUSED_BY_BOTH, ids=[c[1] for c in REFUSED_BY_BOTH])
def test_build_and_rollover_refuse_the_same_files(tmp_path, line, needle):
    base = demo_spec("教科室工作计划.yaml").read_text(encoding="utf-8")
    spec = spec_file(tmp_path, base + line + "\n")
    for args in (["build", spec], ["rollover", spec, "--to", "2026-2027"]):
        err = fails_with(args, 2, needle)
        no_english(err)


def test_text_that_looks_like_an_impossible_date_is_text_for_both(tmp_path):
    base = demo_spec("教科室工作计划.yaml").read_text(encoding="utf-8")
    spec = spec_file(tmp_path, base + "结束语: 2025-13-45\n")
    assert invoke(["build", spec]).exit_code == 0
    out = tmp_path / "新.yaml"
    result = invoke(["rollover", spec, "--to", "2026-2027", "-o", out])
    assert result.exit_code == 0, stderr_of(result)
    assert "结束语: 2025-13-45\n" in out.read_text(encoding="utf-8")  # kept as written
    # A date field still says what is wrong with it, with its path.
    bad_date = spec_file(tmp_path, base.replace("日期: 2025-09-01", "日期: 2025-02-30"))
    fails_with(["rollover", bad_date, "--to", "2026-2027"], 2, "落款.日期")


# ---- 9: the parser's English, encodings, a full-width colon -----------------------------------

PARSER_CASES = [
    ("结束语: *x\n", "找不到对应的锚点"),
    ("结束语: a\n---\n结束语: b\n", "多个 YAML 文档"),
    ("结束语: @x\n", "字符“@”在 YAML 中有特殊含义"),
    ("结束语: `x\n", "字符“`”在 YAML 中有特殊含义"),
    ('结束语: "\\ud800"\n', "反斜杠"),
    ('结束语: "\\q"\n', "反斜杠"),
    ("结束语: a\x00b\n", "U+0000（NUL"),
    ("结束语: a\x1bb\n", "U+001B（控制字符）"),
    ("结束语: [a, b\n", "没有闭合"),
    ("结束语: 'a\n", "没有闭合"),
    ("结束语:\n\t- x\n", "Tab"),
    ("结束语: |0\n  x\n", "多行文字"),
    ("%YAML 3.0\n---\n结束语: x\n", "指令"),
    ("结束语: !<!x> y\n", "标签"),
    ("结束语: &\n", "锚点"),
    ("结束语: [上午, 8:00-9:30]\n", "加引号（如 \"8:00-9:30\"）"),
    ("结束语: {时间: 8:00}\n", "含有英文冒号（如时间 8:00）"),
]


@pytest.mark.parametrize(("text", "needle"), PARSER_CASES, ids=[c[1] for c in PARSER_CASES])
def test_parser_messages_are_chinese_with_file_and_line(tmp_path, text, needle):
    spec = spec_file(tmp_path, DUTY_HEAD + "职责: [x]\n" + text)
    err = fails_with(["build", spec], 2, "输入.yaml 第", needle)
    assert re.match(r"错误：\S*输入\.yaml 第\d+行: YAML 格式错误：", err), err
    no_english(err)


def test_integer_keys_are_named_not_garbled(tmp_path):
    err = fails_with(["build", spec_file(tmp_path, DUTY_HEAD + "职责: [x]\n1: x\n")], 2)
    assert "第5行 1: 未知的键“1”" in err
    no_english(err)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be"])
def test_utf16_and_utf32_files_with_a_bom_are_read(tmp_path, encoding):
    bom = "" if encoding in ("utf-16", "utf-32") else "\ufeff"  # the others write none
    for name in ("教研组长工作职责.yaml", "教科室工作计划.yaml"):
        text = demo_spec(name).read_text(encoding="utf-8")
        (tmp_path / name).write_bytes((bom + text).encode(encoding))
    result = invoke(["build", tmp_path / "教研组长工作职责.yaml"])
    assert result.exit_code == 0, stderr_of(result)
    out = tmp_path / "新.yaml"
    result = invoke(["rollover", tmp_path / "教科室工作计划.yaml", "--to", "2026-2027", "-o", out])
    assert result.exit_code == 0, stderr_of(result)
    assert out.read_text(encoding="utf-8").startswith("# wenshu")  # written as UTF-8


def test_utf16_without_a_bom_says_which_encoding_to_save_as(tmp_path):
    spec = tmp_path / "职责.yaml"
    spec.write_bytes(
        demo_spec("教研组长工作职责.yaml").read_text(encoding="utf-8").encode("utf-16-le")
    )
    fails_with(["build", spec], 1, "职责.yaml", "UTF-16", "另存为 UTF-8")


@pytest.mark.parametrize(
    ("text", "line", "fixed"),
    [
        ("文种: 工作职责\n单位: 城南中学\n部门：教科室\n职责: [x]\n", 3, "部门: 教科室"),
        ("部门：教科室\n文种: 工作职责\n", 1, "部门: 教科室"),
        (
            "文种: 工作职责\n单位: 城南中学\n职责:\n  - 类别：常规\n    条目: [x]\n",
            4,
            "- 类别: 常规",
        ),
        # Parsed fine, as a text where a mapping belongs: the message still names the fix.
        (
            "文种: 工作计划\n单位: 城南中学\n学年: 2025—2026\n学期: 第一学期\n"
            "指导思想: x\n主要工作: [x]\n行事历:\n  - 月份：10月\n",
            8,
            "月份: 10月",
        ),
    ],
)
def test_full_width_colon_in_a_key_is_named_with_the_fix(tmp_path, text, line, fixed):
    err = fails_with(["build", spec_file(tmp_path, text)], 2, f"第{line}行", "中文冒号“：”")
    assert f"“{fixed}”" in err, err
    assert "少了空格" not in err


# ---- 11: an internal error ---------------------------------------------------------------------


def test_internal_error_message_blames_nobody_and_keeps_files(tmp_path, monkeypatch):
    spec = write_spec(tmp_path / "计划.yaml", plan())
    out = tmp_path / "计划.docx"
    out.write_bytes(b"old")

    def boom(*args, **kwargs):
        raise RuntimeError("something unexpected")

    monkeypatch.setattr("wenshu.generator.build.render_loaded", boom)
    err = fails_with(["build", spec, "--force"], 70, "WENSHU_DEBUG=1", "没有被改动")
    assert "这不是你的输入造成的" not in err
    assert "这份输入" in err and "RuntimeError" in err
    assert out.read_bytes() == b"old"


def test_thousands_of_mistakes_are_counted_not_all_listed(tmp_path):
    items = "".join("  - {类别: 常规, 条目: 不是列表}\n" for _ in range(3000))
    err = fails_with(["build", spec_file(tmp_path, DUTY_HEAD + "职责:\n" + items)], 2)
    assert err.count("\n") < 110, err[-500:]
    assert "另有 2900 处未列出" in err and "共 3000 处错误" in err


def test_plan_without_read_permission_is_a_message(tmp_path, monkeypatch):
    import wenshu.generator.fsutil as fsutil

    (tmp_path / "教科室工作计划.yaml").write_bytes(demo_spec("教科室工作计划.yaml").read_bytes())
    spec = summary_linking(tmp_path, "教科室工作计划.yaml")
    real_open = os.open

    def denied(path, *args, **kwargs):
        if str(path).endswith("教科室工作计划.yaml"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(fsutil.os, "open", denied)
    err = fails_with(["build", spec], 2, "总结.yaml 第3行 计划", "教科室工作计划.yaml", "没有权限")
    no_english(err)


def test_a_thousand_items_at_one_level_are_numbered(tmp_path):
    from helpers_docx import texts

    work = [{"标题": f"第{i}项", "内容": "按月落实。"} for i in range(1, 1012)]
    spec = write_spec(tmp_path / "计划.yaml", plan(主要工作=work))
    result = invoke(["build", spec])  # this was an IndexError (no Chinese number past 999)
    assert result.exit_code == 0, stderr_of(result)
    lines = texts(tmp_path / "计划.docx")
    assert "（一千）第1000项" in lines and "（一千零一十一）第1011项" in lines


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_symlink_loops_are_messages(tmp_path):
    loop = tmp_path / "环"
    loop.symlink_to(loop)
    plan_spec = tmp_path / "计划.yaml"
    plan_spec.write_bytes(demo_spec("教科室工作计划.yaml").read_bytes())
    fails_with(["build", loop], 1, "符号链接形成了循环")
    fails_with(["summary", "init", plan_spec, "-o", loop / "总结.yaml"], 1, "无法创建文件夹")
    fails_with(["build", plan_spec, "-o", loop / "计划.docx"], 1, "无法创建文件夹")
    # A looping (or broken) link is an existing name: not replaced without --force.
    named = tmp_path / "环.yaml"
    named.symlink_to(named)
    fails_with(["rollover", plan_spec, "--to", "2026-2027", "-o", named], 3, "已存在")
    assert named.is_symlink()
    with_dir = plan_spec.read_text(encoding="utf-8") + "模板目录: 环\n"
    fails_with(["build", spec_file(tmp_path, with_dir)], 4, "模板目录")


def test_summary_init_writes_plan_text_safely_into_comments(tmp_path):
    text = demo_spec("教科室工作计划.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "工作目标:\n",
        '工作目标:\n  - 内容: "第一行\\n结束语: 注入\\x07"\n    指标: "多\\r\\n行\\uffff"\n',
        1,
    )
    plan_spec = spec_file(tmp_path, text, "计划.yaml")
    out = tmp_path / "总结.yaml"
    result = invoke(["summary", "init", plan_spec, "-o", out])
    assert result.exit_code == 0, stderr_of(result)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [ln for ln in lines if "第一行" in ln][0].endswith(
        "：第一行 结束语: 注入（指标：多 行）"
    )
    result = invoke(["build", out])
    assert result.exit_code == 0, stderr_of(result)
