"""File output that never loses what the user already has."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import OutputExistsError, WenshuError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def check_writable(path: Path, force: bool) -> None:
    """Raise OutputExistsError when `path` exists and `force` is false."""
    if path.exists() and not force:
        raise OutputExistsError(path)
    if path.exists() and path.is_dir():
        raise WenshuError(f"{path} 是一个文件夹，不能作为输出文件。请用 -o 指定文件名。")


@contextlib.contextmanager
def atomic_path(path: Path, force: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success it is renamed over `path`.

    The parent folder is created. On any error the temporary file is removed and
    an existing `path` is left untouched.
    """
    path = Path(path)
    check_writable(path, force)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WenshuError(f"无法创建文件夹 {path.parent}：{exc.strerror or exc}") from exc
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    # mkstemp creates 0600; give the file the permissions a normal save would have.
    os.chmod(tmp_path, 0o666 & ~_umask())
    try:
        yield tmp_path
        # Re-check just before the rename: another process may have created it.
        check_writable(path, force)
        os.replace(tmp_path, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp_path.unlink()


def write_atomic(path: Path, writer: Callable[[Path], None], force: bool = False) -> Path:
    """Call `writer(tmp_path)` and move the result to `path` atomically."""
    with atomic_path(path, force) as tmp:
        writer(tmp)
    return Path(path)


def write_text_atomic(path: Path, text: str, force: bool = False) -> Path:
    """Write UTF-8 text to `path` atomically (no overwrite without force)."""
    return write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"), force)
