"""File input and output that never lose what the user already has, and that explain
every failure of the file system in Chinese, naming the file."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import OutputExistsError, WenshuError

_REASONS = {
    errno.ENOENT: "不存在",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.EISDIR: "这是一个文件夹",
    errno.ENOTDIR: "路径中有一部分不是文件夹",
    errno.ENAMETOOLONG: "文件名或路径太长",
    errno.EROFS: "所在的磁盘或文件夹是只读的",
    errno.ENOSPC: "磁盘空间已满",
    errno.EFBIG: "文件超过了系统允许的大小",
    errno.EBUSY: "正被其他程序占用",
    errno.ETXTBSY: "正被其他程序占用",
    errno.ELOOP: "符号链接形成了循环",
    errno.EIO: "读写出错（磁盘或设备故障）",
    errno.EMFILE: "同时打开的文件太多",
    errno.ENFILE: "同时打开的文件太多",
    errno.EINVAL: "文件名不合法",
    errno.ENXIO: "设备不存在",
    errno.ENODEV: "设备不存在",
    errno.EEXIST: "已有同名的文件或链接",
    errno.EXDEV: "不能跨磁盘移动",
    errno.ENOMEM: "内存不足",
    errno.EAGAIN: "暂时无法访问，请稍后再试",
    errno.ETIMEDOUT: "访问超时（网络磁盘？）",
}
if hasattr(errno, "ESTALE"):
    _REASONS[errno.ESTALE] = "网络磁盘上的文件已失效，请重新打开所在文件夹"
if hasattr(errno, "EDQUOT"):
    _REASONS[errno.EDQUOT] = "磁盘配额已用完"


def os_reason(exc: OSError) -> str:
    """Why an OSError happened, in a few Chinese words."""
    if getattr(exc, "winerror", None) in (32, 33):  # sharing / lock violation on Windows
        return "正被其他程序（如 Word、WPS）打开"
    reason = _REASONS.get(exc.errno or 0)
    if reason is None:  # no English from the system: its code, for a search or a report
        code = errno.errorcode.get(exc.errno or 0) or getattr(exc, "winerror", None)
        reason = f"操作系统报告的错误（{code or type(exc).__name__}）"
    return reason


def _advice(exc: OSError, file: bool = True) -> str:
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1), errno.EFBIG):
        return "请清理磁盘空间，或用 -o 写到其他磁盘。"
    if code == errno.EROFS:
        return "请用 -o 另选一个可写的位置（如自己的文档文件夹）。"
    locked = code in (errno.EACCES, errno.EPERM, errno.EBUSY, errno.ETXTBSY) or getattr(
        exc, "winerror", None
    ) in (32, 33)
    if locked and file:
        return "如果它正在 Word 或 WPS 中打开，请先关闭；否则请用 -o 另选一个可写的位置。"
    if locked:
        return "请用 -o 另选一个可写的位置。"
    if code == errno.ENAMETOOLONG:
        return "请用较短的文件名或路径。"
    return "请用 -o 另选输出文件。"


def shown_path(path: Path | str) -> str:
    """A path as given, shortened in the middle when it is too long to read in a message."""
    text = str(path)
    return text if len(text) <= 160 else f"{text[:100]}…{text[-50:]}"


def write_failed(path: Path, exc: OSError) -> WenshuError:
    """The message for an output file that could not be written (the old file is kept)."""
    try:
        kept = "原有文件未改动。" if Path(path).exists() else ""
    except OSError:
        kept = ""
    return WenshuError(f"无法写入 {shown_path(path)}：{os_reason(exc)}。{kept}{_advice(exc)}")


def link_trouble(path: Path | str) -> str | None:
    """Why `path` leads nowhere because of a symbolic link: a loop of links, or a link to
    a file that is gone (the reason and what to do, worded once for every command that
    reads a user's file); None when no link is at fault."""
    try:
        os.stat(path)
        return None
    except ValueError:  # a NUL character in the name
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return (
                f"{_REASONS[errno.ELOOP]}（链接经过一串链接又指回了自己），无法打开；"
                "请删除这个链接，或让它指向实际的文件"
            )
        if exc.errno != errno.ENOENT:
            return None
    try:
        if not stat.S_ISLNK(os.lstat(path).st_mode):
            return None
        target = os.readlink(path)
    except (OSError, ValueError):
        return None
    return (
        f"符号链接指向的文件不存在（链接指向 {shown_path(target)}）；"
        "请检查那个文件是否已被移动、改名或删除，或直接给出文件本身的路径"
    )


def read_failed(path: Path, exc: OSError, what: str = "文件") -> WenshuError:
    """The message for an input file that could not be opened or read."""
    shown = shown_path(path)
    if exc.errno in (errno.ENOENT, errno.ELOOP) and (trouble := link_trouble(path)):
        return WenshuError(f"无法读取{what} {shown}：{trouble}。")
    if exc.errno == errno.ENOENT:
        return WenshuError(f"找不到{what} {shown}。请检查文件名和路径。")
    if exc.errno == errno.EISDIR:
        return _is_folder(path, what)
    return WenshuError(f"无法读取{what} {shown}：{os_reason(exc)}。")


def _is_folder(path: Path, what: str) -> WenshuError:
    return WenshuError(f"{shown_path(path)} 是文件夹，请给出{what}的文件名。")


def read_user_file(path: Path, what: str, max_bytes: int) -> bytes:
    """The bytes of a user-named regular file of at most `max_bytes`.

    Devices, pipes, folders and files over the limit are refused before anything is read,
    so that `/dev/zero` or a 2 GB file cannot exhaust memory; every OSError becomes a
    message naming the path.
    """
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise read_failed(path, exc, what) from None
    except ValueError:  # a NUL character in the name
        raise WenshuError(f"{what}的文件名 {shown_path(path)} 含有不允许的字符。") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _is_folder(path, what)
        if not stat.S_ISREG(info.st_mode):
            raise WenshuError(
                f"{shown_path(path)} 不是普通文件（而是设备、管道或套接字），不能作为{what}。请给出一个文件。"
            )
        if info.st_size > max_bytes:
            raise _too_big(path, what, max_bytes)
        chunks, total = [], 0
        while total <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > max_bytes:  # files that report no size (/proc) but keep giving data
            raise _too_big(path, what, max_bytes)
        return b"".join(chunks)
    except OSError as exc:
        raise read_failed(path, exc, what) from None
    finally:
        os.close(fd)


def _too_big(path: Path, what: str, max_bytes: int) -> WenshuError:
    limit = f"{max_bytes // (1024 * 1024)} MB" if max_bytes >= 1 << 20 else f"{max_bytes} 字节"
    return WenshuError(
        f"{what} {shown_path(path)} 太大（超过 {limit}），不予读取。输入文件一般只有几十 KB，请检查是否选错了文件。"
    )


def names_folder(value: Path | str) -> bool:
    """An output the user means as a folder: one that is a folder, or written with a
    trailing slash (a folder not made yet)."""
    return str(value).endswith(("/", "\\")) or Path(value).is_dir()


def check_writable(path: Path, force: bool) -> None:
    """Raise OutputExistsError when `path` exists and `force` is false."""
    try:
        exists = os.path.lexists(path)  # a broken or looping symlink is something too
        is_dir = exists and path.is_dir()
    except OSError as exc:  # e.g. a name too long to even look up
        raise write_failed(path, exc) from None
    if exists and not force:
        raise OutputExistsError(path)
    if is_dir:
        raise WenshuError(
            f"{shown_path(path)} 是一个文件夹，不能作为输出文件。请用 -o 指定文件名。"
        )


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, but belongs to someone else
        return True
    return True


def _remove_stale_temporaries(path: Path) -> None:
    """Delete temporary files of `path` left by a wenshu process that was killed.

    Temporary names carry the writer's process id; only those whose process is gone are
    removed (on systems where that can be asked safely).
    """
    if os.name != "posix":
        return
    pattern = re.compile(rf"^\.{re.escape(path.name)}\.(\d+)\.[^.]+\.tmp$")
    with contextlib.suppress(OSError):
        for entry in os.scandir(path.parent):
            m = pattern.match(entry.name)
            if m and int(m.group(1)) != os.getpid() and not _pid_alive(int(m.group(1))):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


@contextlib.contextmanager
def atomic_path(path: Path, force: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success it is renamed over `path`.

    The parent folder is created. On any error the temporary file is removed, an
    existing `path` is left untouched, and a file-system failure (read-only, full disk,
    a file locked by Word) becomes a WenshuError naming `path`.
    """
    path = Path(path)
    check_writable(path, force)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WenshuError(
            f"无法创建文件夹 {shown_path(path.parent)}：{os_reason(exc)}。{_advice(exc, file=False)}"
        ) from None
    _remove_stale_temporaries(path)
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent
        )
        os.close(fd)
    except OSError as exc:
        raise write_failed(path, exc) from None
    tmp_path = Path(tmp)
    # mkstemp creates 0600; give the file the permissions a normal save would have.
    with contextlib.suppress(OSError):
        os.chmod(tmp_path, 0o666 & ~_umask())
    try:
        try:
            yield tmp_path
        except OSError as exc:
            raise write_failed(path, exc) from None
        # Re-check just before the rename: another process may have created it.
        check_writable(path, force)
        try:
            os.replace(tmp_path, path)
        except OSError as exc:
            raise write_failed(path, exc) from None
    finally:
        with contextlib.suppress(OSError):
            tmp_path.unlink()


def write_atomic(path: Path, writer: Callable[[Path], None], force: bool = False) -> Path:
    """Call `writer(tmp_path)` and move the result to `path` atomically."""
    with atomic_path(path, force) as tmp:
        writer(tmp)
    return Path(path)


def write_bytes_atomic(path: Path, data: bytes, force: bool = False) -> Path:
    """Write `data` to `path` atomically (no overwrite without force)."""
    return write_atomic(path, lambda tmp: tmp.write_bytes(data), force)


def write_text_atomic(path: Path, text: str, force: bool = False) -> Path:
    """Write UTF-8 text to `path` atomically (no overwrite without force)."""
    return write_bytes_atomic(path, text.encode("utf-8"), force)
