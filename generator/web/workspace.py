"""The workspace folder the page works in: every document is a spec file there, beside
the .docx and .pdf it builds.

Every path the page sends is relative to the workspace and is checked before use: no
absolute paths, no `..`, no hidden names, nothing that resolves (through a symlink)
outside the folder. Saves are atomic and refuse to overwrite a file that changed on
disk since the page loaded it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..errors import WenshuError
from ..fsutil import read_user_file, write_bytes_atomic
from ..yamlio import MAX_YAML_BYTES, decode_text

SPEC_SUFFIXES = (".yaml", ".yml")
# How deep below the workspace documents are looked for (folders per 学年 and so on).
MAX_DEPTH = 3
MAX_LISTED = 500
_BAD_NAME = re.compile(r'[\x00-\x1f<>:"|?*\\]')


class PathRefused(WenshuError):
    """A path the page sent is not a file inside the workspace."""


class Conflict(WenshuError):
    """The file changed on disk since the page loaded it."""


def default_workspace() -> Path:
    """文书 in the user's documents folder."""
    from platformdirs import user_documents_dir

    return Path(user_documents_dir()) / "文书"


def version_of(data: bytes) -> str:
    """A short fingerprint of a file's bytes (what the page must have seen to save)."""
    return hashlib.sha256(data).hexdigest()[:16]


@dataclass
class DocInfo:
    """A spec in the workspace as the home page lists it."""

    path: str  # relative, with / separators
    name: str
    modified: dt.datetime


class Workspace:
    """The folder and the checked ways in and out of it."""

    def __init__(self, root: Path):
        root = Path(root)
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            from ..fsutil import os_reason

            raise WenshuError(f"无法创建工作文件夹 {root}：{os_reason(exc)}。") from None
        self.root = root.resolve()

    # ------------------------------------------------------------------- paths

    def path(self, rel: str, suffixes: tuple[str, ...] | None = None) -> Path:
        """The absolute path of `rel`, or PathRefused when it is not a file name inside
        the workspace (optionally with one of `suffixes`)."""
        if not isinstance(rel, str) or not rel.strip() or len(rel) > 400:
            raise PathRefused("文件名不能为空。")
        if _BAD_NAME.search(rel) or rel.startswith("/") or re.match(r"^[A-Za-z]:", rel):
            raise PathRefused(f"“{rel}”不是工作文件夹中的文件名。")
        parts = PurePosixPath(rel).parts
        if any(p in ("..", ".") or p.startswith(".") for p in parts):
            raise PathRefused(f"“{rel}”不是工作文件夹中的文件名。")
        if suffixes and PurePosixPath(rel).suffix.lower() not in suffixes:
            raise PathRefused(f"“{rel}”应以 {'、'.join(suffixes)} 结尾。")
        full = self.root.joinpath(*parts)
        try:
            real = full.resolve()
        except (OSError, RuntimeError):
            raise PathRefused(f"“{rel}”无法访问。") from None
        if real != self.root and self.root not in real.parents:
            raise PathRefused(f"“{rel}”指向工作文件夹之外，不能打开。")
        return full

    def relative(self, path: Path) -> str:
        """`path` (inside the workspace) as the page names it."""
        return Path(path).resolve().relative_to(self.root).as_posix()

    def free_name(self, stem: str, suffix: str = ".yaml", folder: str = "") -> str:
        """A file name not yet taken: 计划.yaml, 计划（2）.yaml …"""
        stem = _BAD_NAME.sub("", stem).strip().strip(".") or "未命名"
        base = f"{folder.rstrip('/')}/" if folder else ""
        for n in range(1, 1000):
            name = f"{base}{stem}{suffix}" if n == 1 else f"{base}{stem}（{n}）{suffix}"
            if not os.path.lexists(self.path(name)):
                return name
        raise WenshuError("同名文件太多，请换一个名称。")

    # ---------------------------------------------------------------- listing

    def documents(self) -> list[DocInfo]:
        """The spec files in the workspace (hidden names skipped), newest first."""
        found: list[DocInfo] = []
        root_depth = len(self.root.parts)
        for folder, dirs, files in os.walk(self.root):
            depth = len(Path(folder).parts) - root_depth
            dirs[:] = sorted(d for d in dirs if not d.startswith(".")) if depth < MAX_DEPTH else []
            for name in files:
                if name.startswith(".") or not name.lower().endswith(SPEC_SUFFIXES):
                    continue
                full = Path(folder) / name
                try:
                    if full.is_symlink() or not full.is_file():
                        continue
                    mtime = dt.datetime.fromtimestamp(full.stat().st_mtime)
                except OSError:
                    continue
                found.append(DocInfo(self.relative(full), full.stem, mtime))
                if len(found) >= MAX_LISTED:
                    break
        found.sort(key=lambda d: d.modified, reverse=True)
        return found

    # ------------------------------------------------------------- read/save

    def read_spec(self, rel: str) -> tuple[str, str]:
        """The text of a spec and its version."""
        path = self.path(rel, SPEC_SUFFIXES)
        data = read_user_file(path, "输入文件", MAX_YAML_BYTES)
        return decode_text(data, rel, "输入文件"), version_of(data)

    def current_version(self, rel: str) -> str | None:
        path = self.path(rel, SPEC_SUFFIXES)
        if not path.exists():
            return None
        return version_of(read_user_file(path, "输入文件", MAX_YAML_BYTES))

    def save_spec(self, rel: str, text: str, base_version: str | None) -> str:
        """Write `text` atomically unless the file changed since `base_version` (None: the
        file must not exist yet). Returns the new version."""
        path = self.path(rel, SPEC_SUFFIXES)
        now = self.current_version(rel)
        if now != base_version:
            raise Conflict(
                f"{rel} 在本页面打开之后被其他程序修改过，没有保存，以免覆盖那些修改。"
                if now is not None
                else f"{rel} 已被删除或改名。"
            )
        data = text.encode("utf-8")
        if len(data) > MAX_YAML_BYTES:
            raise WenshuError("内容太多（超过 5 MB），没有保存。")
        write_bytes_atomic(path, data, force=True)
        return version_of(data)

    def create_spec(self, rel: str, text: str) -> str:
        """Write a new spec (never over an existing file); returns its version."""
        path = self.path(rel, SPEC_SUFFIXES)
        data = text.encode("utf-8")
        write_bytes_atomic(path, data, force=False)
        return version_of(data)
