"""PDF output through LibreOffice, and a check for fonts LibreOffice would substitute."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from .docx.profiles import Profile, get_profile
from .errors import ToolMissingError, WenshuError
from .fontsubst import conversion_env, installed_font_families, libreoffice_profile
from .fsutil import check_writable, write_atomic

DEFAULT_TIMEOUT = 180.0

_INSTALL_HINT = (
    "请先安装 LibreOffice 后重试："
    "Debian/Ubuntu 运行 sudo apt-get install libreoffice-writer fonts-noto-cjk；"
    "macOS 运行 brew install --cask libreoffice；"
    "Windows 从 https://zh-cn.libreoffice.org/ 下载安装。"
    "安装后确认 soffice 命令可以在终端中运行（或把 LibreOffice 的 program 文件夹加入 PATH）。"
)

# Where installers put soffice when it is not on PATH.
_KNOWN_LOCATIONS = (
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)


def find_soffice() -> str:
    """Path of LibreOffice's soffice; ToolMissingError when it is not installed."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in _KNOWN_LOCATIONS:
        if Path(candidate).is_file():
            return candidate
    raise ToolMissingError(f"未找到 LibreOffice（soffice 命令），无法生成 PDF。{_INSTALL_HINT}")


def convert_to_pdf(
    docx_path: str | Path,
    pdf_path: str | Path | None = None,
    force: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
) -> Path:
    """Convert a .docx to PDF with headless LibreOffice; returns the PDF path.

    `pdf_path` defaults to the .docx path with a .pdf suffix. The PDF is written
    atomically and an existing file is only replaced with `force`.
    """
    src = Path(docx_path)
    dest = Path(pdf_path) if pdf_path is not None else src.with_suffix(".pdf")
    if not src.is_file():
        raise WenshuError(f"找不到要转换的 Word 文件：{src}")
    check_writable(dest, force)
    soffice = find_soffice()

    with tempfile.TemporaryDirectory(prefix="wenshu-pdf-") as work:
        work_dir = Path(work)
        out_dir = work_dir / "out"
        # A private profile: parallel runs (and a running LibreOffice) don't collide.
        profile_url = (work_dir / "profile").resolve().as_uri()
        libreoffice_profile(work_dir / "profile")
        cmd = [
            soffice,
            f"-env:UserInstallation={profile_url}",
            "--headless",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            # Without an explicit filter a broken .docx is "converted" as plain text.
            *(["--infilter=MS Word 2007 XML"] if src.suffix.lower() == ".docx" else []),
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(out_dir),
            str(src.resolve()),
        ]
        stdout, stderr, code = _run(cmd, timeout, src, conversion_env(Path(work)))
        produced = out_dir / f"{src.stem}.pdf"
        if code != 0 or not produced.is_file() or produced.stat().st_size == 0:
            tail = _tail(f"{stdout}\n{stderr}")
            detail = f"\nLibreOffice 输出：\n{tail}" if tail else ""
            raise WenshuError(
                f"LibreOffice 未能把 {src} 转换为 PDF（退出码 {code}）。"
                f"请确认该文件是完整的 Word 文档（.docx），能用 Word 或 LibreOffice 打开。{detail}"
            )
        return write_atomic(dest, lambda tmp: shutil.move(str(produced), tmp), force)


def _run(cmd: list[str], timeout: float, src: Path, env: dict[str, str]) -> tuple[str, str, int]:
    """Run LibreOffice in its own process group so a timeout can stop all of it."""
    kwargs: dict = {}
    if os.name == "posix":
        kwargs["start_new_session"] = True
    try:
        proc = subprocess.Popen(
            cmd,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            errors="replace",
            env=env,
            **kwargs,
        )
    except OSError as exc:
        raise ToolMissingError(f"无法启动 LibreOffice（{cmd[0]}）：{exc}。{_INSTALL_HINT}") from exc
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(proc)
        proc.communicate()
        raise WenshuError(
            f"LibreOffice 转换 {src} 超过 {timeout:.0f} 秒仍未完成，已中止。"
            "请关闭其他 LibreOffice 窗口后重试。"
        ) from None
    return stdout, stderr, proc.returncode


def _kill(proc: subprocess.Popen) -> None:
    if os.name == "posix":
        try:
            os.killpg(proc.pid, signal.SIGKILL)
            return
        except ProcessLookupError:
            return
    proc.kill()


def _tail(text: str, lines: int = 12) -> str:
    kept = [line for line in text.strip().splitlines() if "javaldx" not in line]
    return "\n".join(kept[-lines:])


def missing_fonts(profile: str | Profile) -> list[str]:
    """The profile's font names this machine lacks per fc-list (LibreOffice substitutes them)."""
    families = {name.casefold() for name in installed_font_families()}
    return [name for name in get_profile(profile).font_names() if name.casefold() not in families]
