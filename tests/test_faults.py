"""Faults lose nothing: a read-only or full disk, a locked output file, an output path that
is a folder, and `kill -9` in the middle of `corpus import` or `build --force`.

Disk faults are simulated in-process for every command that writes (the file system
call fails with the errno a real disk gives); where this machine lets tests mount a small
tmpfs (root on Linux), the same is also done for real.
"""

from __future__ import annotations

import errno
import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from helpers_docx import invoke, plan, stderr_of, write_spec  # noqa: E402

from wenshu.generator.demo import demo_specs  # noqa: E402


@pytest.fixture
def inputs(tmp_path):
    """A plan and a text file to import, and a folder `out` for the outputs."""
    src = tmp_path / "src"
    src.mkdir()
    for f in demo_specs():
        (src / f.name).write_bytes(f.read_bytes())
    (src / "旧计划.txt").write_text(
        "城南中学教务处工作计划\n一、指导思想\n坚持以学生发展为本。\n二、工作目标\n（一）提高课堂效率。\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    out.mkdir()
    return src, out


def writing_commands(src: Path, out: Path) -> dict[str, tuple[list, Path]]:
    """Every command that writes a file, and the file it writes."""
    plan_spec = src / "教科室工作计划.yaml"
    return {
        "build": (["build", plan_spec, "-o", out / "计划.docx"], out / "计划.docx"),
        "demo": (["demo", "-o", out / "示例"], out / "示例" / "教科室工作计划.yaml"),
        "new": (["new", "工作计划", "-o", out / "新.yaml"], out / "新.yaml"),
        "schema": (["schema", "工作计划", "-o", out / "s.json"], out / "s.json"),
        "calendar": (
            [
                "calendar",
                "2025-2026",
                "--term",
                "1",
                "--start",
                "2025-09-01",
                "-o",
                out / "校历.docx",
            ],
            out / "校历.docx",
        ),
        "import-spec": (
            ["import-spec", src / "旧计划.txt", "-o", out / "导入.yaml"],
            out / "导入.yaml",
        ),
        "rollover": (
            ["rollover", plan_spec, "--to", "2026-2027", "-o", out / "滚动.yaml"],
            out / "滚动.yaml",
        ),
        "summary-init": (
            ["summary", "init", plan_spec, "-o", out / "总结.yaml"],
            out / "总结.yaml",
        ),
        "corpus-export": (
            ["corpus", "export", "--builtin", "-o", out / "导出.yaml"],
            out / "导出.yaml",
        ),
    }


COMMANDS = list(writing_commands(Path("s"), Path("o")))


def _corpus(tmp_path, monkeypatch):
    monkeypatch.setenv("WENSHU_CORPUS", str(tmp_path / "语料库.db"))


# ---- simulated: every command, every errno ---------------------------------------------------

FAULTS = [
    ("mkstemp", errno.EROFS, "只读"),
    ("mkstemp", errno.EACCES, "没有权限"),
    ("mkstemp", errno.ENOSPC, "磁盘空间已满"),
    ("write", errno.ENOSPC, "磁盘空间已满"),
    ("write", errno.EDQUOT if hasattr(errno, "EDQUOT") else errno.ENOSPC, "磁盘"),
    ("replace", errno.EACCES, "Word 或 WPS"),
    ("replace", errno.EISDIR, "文件夹"),
]


def _inject(monkeypatch, where: str, code: int) -> None:
    import tempfile

    import wenshu.generator.fsutil as fsutil

    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    if where == "mkstemp":
        monkeypatch.setattr(tempfile, "mkstemp", fail)
    elif where == "write":
        real = Path.write_bytes

        def half_then_fail(self, data):
            real(self, data[: len(data) // 2])
            fail()

        monkeypatch.setattr(Path, "write_bytes", half_then_fail)
    else:
        monkeypatch.setattr(fsutil.os, "replace", fail)


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    ("where", "code", "needle"), FAULTS, ids=[f"{w}-{errno.errorcode[c]}" for w, c, _ in FAULTS]
)
def test_disk_faults_are_messages_and_leave_files_as_they_were(
    tmp_path, monkeypatch, inputs, command, where, code, needle
):
    _corpus(tmp_path, monkeypatch)
    src, out = inputs
    args, target = writing_commands(src, out)[command]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(b"old content")
    args = [*args, "--force"]
    before = {
        p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file() and "语料库" not in p.name
    }
    _inject(monkeypatch, where, code)
    result = invoke(args)
    err = stderr_of(result)
    assert result.exit_code == 1, (result.exit_code, err)
    assert err.startswith("错误：无法写入 "), err
    assert needle in err, err
    assert target.read_bytes() == b"old content"
    after = {
        p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file() and "语料库" not in p.name
    }
    assert after == before  # nothing changed, no temporary file left behind


def test_output_path_that_is_a_folder_is_a_message(tmp_path, inputs):
    src, out = inputs
    # -o FOLDER writes FOLDER/<spec name>.docx; here that name is taken by a folder.
    (out / "教科室工作计划.docx").mkdir()
    result = invoke(["build", src / "教科室工作计划.yaml", "-o", out, "--force"])
    assert result.exit_code == 1
    assert "是一个文件夹，不能作为输出文件" in stderr_of(result)
    (out / "总结.yaml").mkdir()
    result = invoke(
        ["summary", "init", src / "教科室工作计划.yaml", "-o", out / "总结.yaml", "--force"]
    )
    assert result.exit_code == 2  # refused by the option itself
    assert "是文件夹" in stderr_of(result)


def test_output_name_too_long_is_a_message(tmp_path, inputs):
    src, _ = inputs
    out = tmp_path / ("长" * 200 + ".docx")
    result = invoke(["build", src / "教科室工作计划.yaml", "-o", out])
    assert result.exit_code == 1, stderr_of(result)
    assert "文件名或路径太长" in stderr_of(result)


def test_full_stdout_is_a_message(tmp_path):
    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full (Linux)")
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "wenshu", "new", "工作计划"], stdout=full, stderr=subprocess.PIPE
        )
    assert proc.returncode == 1
    assert "输出结果（标准输出）时出错：磁盘空间已满" in proc.stderr.decode("utf-8")


# ---- for real: a small tmpfs, where mounting is allowed -----------------------------------------


def _can_mount() -> bool:
    return sys.platform.startswith("linux") and hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def tiny_disk(tmp_path):
    """A 64 KB tmpfs (root only). Yields the mount point; unmounted afterwards."""
    if not _can_mount():
        pytest.skip("mounting a tmpfs needs root on Linux; the simulated tests above cover this")
    point = tmp_path / "盘"
    point.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(point)])
    if done.returncode != 0:
        pytest.skip("mount -t tmpfs is not allowed here; the simulated tests above cover this")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)])


def _wenshu(*args, env=None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "wenshu", *map(str, args)],
        capture_output=True,
        env={**os.environ, **(env or {})},
        **kw,
    )


def test_real_full_disk_build_and_demo(tmp_path, tiny_disk):
    rng = random.Random(1)
    words = "教学常规检查课题研究校本研修青年教师培养读书活动论文评比集体备课质量监测"
    big = [
        {"标题": f"第{i}项", "内容": "".join(rng.choice(words) for _ in range(60)) + "。"}
        for i in range(1500)
    ]
    spec = write_spec(tmp_path / "大计划.yaml", plan(主要工作=big))
    small = write_spec(tmp_path / "计划.yaml", plan())
    done = _wenshu("build", small, "-o", tiny_disk / "计划.docx")
    assert done.returncode == 0, done.stderr.decode()
    old = (tiny_disk / "计划.docx").read_bytes()
    for args in (
        ("build", spec, "-o", tiny_disk / "计划.docx", "--force"),
        ("demo", "-o", tiny_disk / "示例"),
    ):
        done = _wenshu(*args)
        err = done.stderr.decode("utf-8")
        assert done.returncode == 1, err
        assert "磁盘空间已满" in err and "Traceback" not in err and "Exception" not in err, err
    assert (tiny_disk / "计划.docx").read_bytes() == old
    leftovers = [p.name for p in tiny_disk.rglob(".*.tmp")]
    assert not leftovers


def test_real_read_only_disk_for_every_writing_command(tmp_path, tiny_disk, inputs):
    src, _ = inputs
    commands = writing_commands(src, tiny_disk)
    for _, target in commands.values():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"old")
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)], check=True)
    env = {"WENSHU_CORPUS": str(tmp_path / "语料库.db")}
    for name, (args, target) in commands.items():
        done = _wenshu(*args, "--force", env=env)
        err = done.stderr.decode("utf-8")
        assert done.returncode == 1, (name, err)
        assert "只读" in err and "Traceback" not in err, (name, err)
        assert target.read_bytes() == b"old"


# ---- kill -9 ----------------------------------------------------------------------------------


def _text_files(folder: Path, n: int) -> None:
    rng = random.Random(9)
    words = (
        "教学 常规 检查 课题 研究 校本 研修 青年 教师 培养 读书 活动 论文 评比 集体 备课 "
        "公开课 质量 监测 信息 技术 德育 班主任 家校 合作 安全 管理 课堂 改革 作业 设计"
    ).split()
    folder.mkdir()
    for i in range(n):
        lines = ["一、工作目标"]
        lines += [
            f"（{j + 1}）" + "".join(rng.choice(words) for _ in range(12)) + "。" for j in range(30)
        ]
        (folder / f"计划{i:03d}.txt").write_text("\n".join(lines), encoding="utf-8")


def _stats(db: Path) -> dict:
    done = _wenshu("corpus", "stats", "--json", env={"WENSHU_CORPUS": str(db)})
    assert done.returncode == 0, done.stderr.decode()
    return json.loads(done.stdout)


def _integrity(db: Path) -> None:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def _kill_after(args, seconds: float, env=None) -> int:
    proc = subprocess.Popen(
        [sys.executable, "-m", "wenshu", *map(str, args)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
    )
    time.sleep(seconds)
    proc.kill()  # SIGKILL: no cleanup of any kind
    return proc.wait()


def test_kill_9_during_corpus_import_loses_nothing(tmp_path):
    files = tmp_path / "文档"
    _text_files(files, 200)
    reference = tmp_path / "参照.db"
    done = _wenshu("corpus", "import", files, env={"WENSHU_CORPUS": str(reference)})
    assert done.returncode == 0, done.stderr.decode()
    db = tmp_path / "语料库.db"
    env = {"WENSHU_CORPUS": str(db)}
    rng = random.Random(3)
    for _ in range(6):
        _kill_after(["corpus", "import", files], rng.uniform(0.3, 2.5), env)
        if db.exists():
            _integrity(db)  # opens, and SQLite finds nothing broken
    done = _wenshu("corpus", "import", files, env=env)
    assert done.returncode == 0, done.stderr.decode()
    _integrity(db)
    assert _stats(db) == _stats(reference)


def test_kill_9_during_build_force_keeps_old_or_new_file_whole(tmp_path):
    import docx

    items = [
        {"标题": f"第{i}项工作", "内容": "落实常规管理，每月检查教案和作业。" * 3}
        for i in range(2500)
    ]
    spec = write_spec(tmp_path / "计划.yaml", plan(主要工作=items))
    out = tmp_path / "计划.docx"
    out.write_bytes(b"the old file")
    rng = random.Random(4)
    for _ in range(5):
        _kill_after(["build", spec, "-o", out, "--force"], rng.uniform(0.2, 1.5))
        data = out.read_bytes()
        if data != b"the old file":
            docx.Document(str(out))  # complete: opens
    done = _wenshu("build", spec, "-o", out, "--force")
    assert done.returncode == 0, done.stderr.decode()
    assert len(docx.Document(str(out)).paragraphs) > 2500
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.skipif(os.name != "posix", reason="process ids are checked on POSIX only")
def test_temporary_files_of_killed_runs_are_removed_by_the_next_run(tmp_path, inputs):
    src, out = inputs
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()  # a process id that is surely gone
    stale = out / f".计划.docx.{dead.pid}.k9x2_a1b.tmp"
    stale.write_bytes(b"half a file")
    alive = out / ".计划.docx.1.zzzzzzzz.tmp"  # pid 1 is alive: maybe another writer's
    alive.write_bytes(b"in progress")
    other = out / f".别的.docx.{dead.pid}.k9x2_a1b.tmp"  # another output's: not ours to touch
    other.write_bytes(b"x")
    result = invoke(["build", src / "教科室工作计划.yaml", "-o", out / "计划.docx"])
    assert result.exit_code == 0, stderr_of(result)
    assert not stale.exists()
    assert alive.exists() and other.exists()
