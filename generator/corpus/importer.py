"""`wenshu corpus import`: run the document importer over files and folders and store
the sections it cuts out, one transaction per file."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from ..fsutil import link_trouble
from .models import FailedFile, ImportSummary
from .store import Corpus

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx")


def collect_files(paths: Iterable[Path | str]) -> tuple[list[Path], list[FailedFile]]:
    """Expand folders (recursively) into supported files; report paths that cannot be used."""
    files: list[Path] = []
    failed: list[FailedFile] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            files.append(path)

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                # Skip hidden files and Word's "~$name.docx" lock files.
                if (
                    child.is_file()
                    and child.suffix.lower() in SUPPORTED_SUFFIXES
                    and not child.name.startswith((".", "~$"))
                ):
                    add(child)
        elif trouble := link_trouble(path):
            failed.append(FailedFile(str(path), trouble))
        elif not path.exists():
            failed.append(FailedFile(str(path), "文件不存在，请检查路径"))
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            failed.append(FailedFile(str(path), "不支持的文件类型，只能导入 .txt、.md、.docx 文件"))
        else:
            add(path)
    return files, failed


def _default_importer():
    from ..importing import import_file

    return import_file


def import_paths(
    corpus: Corpus,
    paths: Iterable[Path | str],
    importer: Callable | None = None,
    on_file: Callable[[Path], None] | None = None,
    files: list[Path] | None = None,
) -> ImportSummary:
    """Import every file under `paths`; a file that fails is reported, the rest go on.

    Each file's sections are stored in one transaction, so an interrupted import
    leaves every file either fully imported or not at all. `on_file` is called after
    each file (for a progress bar). `files` may pass an already collected list.
    """
    from ..importing.model import ImportFailure

    importer = importer or _default_importer()
    summary = ImportSummary()
    if files is None:
        files, summary.failed = collect_files(paths)
    for path in files:
        try:
            result = importer(path)
        except ImportFailure as exc:
            summary.failed.append(FailedFile(str(path), exc.reason))
        except Exception as exc:  # an importer bug must not stop the batch either
            summary.failed.append(
                FailedFile(str(path), f"无法解析此文件（{type(exc).__name__}: {exc}）")
            )
        else:
            added, duplicates = corpus.add_candidates(result.sections)
            summary.documents += len(result.documents)
            summary.sections_added += added
            summary.duplicates += duplicates
            summary.noise_lines_removed += result.noise_lines_removed
        if on_file is not None:
            on_file(path)
    return summary
