"""Pieces shared by the click commands: the "-o FILE or the screen" output option pair."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from .fsutil import write_text_atomic


def output_options(func: Callable) -> Callable:
    """Add `-o/--output FILE` (default: print to the screen) and `--force`."""
    func = click.option("--force", is_flag=True, help="覆盖已存在的输出文件。")(func)
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        help="写入文件（默认输出到屏幕）。",
    )(func)


def emit_text(text: str, output: Path | None, force: bool, done: str | None = None) -> None:
    """Print `text`, or write it atomically to `output` (never over a file without force)."""
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    path = write_text_atomic(Path(output), text, force=force)
    click.echo(done or f"已写入 {path}", err=True)
