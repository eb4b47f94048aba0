"""Click's own words in help output (Usage:, Options, [default: …], PATH) in Simplified Chinese.

Click looks most of these up through ``gettext.gettext`` bound at import time in its modules,
so the lookup is replaced there; metavars and usage pieces are plain strings, mapped on their
way out. Any text not in the tables passes through unchanged.
"""

from __future__ import annotations

import re
import unicodedata

import click.core
import click.formatting
from click._compat import strip_ansi

HELP_WORDS = {
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "参数",
    "default: {default}": "默认：{default}",
    "env var: {var}": "环境变量：{var}",
    "required": "必填",
    "(dynamic)": "（动态）",
    "Aborted!": "已中断。",
    "deprecated": "已弃用",
    "Missing command.": "缺少命令。",
}


# Metavars click derives from parameter types, and the usage line's placeholders.
METAVARS = {
    "[OPTIONS]": "[选项]",
    "COMMAND [ARGS]...": "命令 [参数]...",
    "PATH": "路径",
    "FILE": "文件",
    "DIRECTORY": "文件夹",
    "TEXT": "文字",
    "INTEGER RANGE": "整数",
    "FLOAT RANGE": "数字",
    "INTEGER": "整数",
    "FLOAT": "数字",
    "FILENAME": "文件",
    "BOOLEAN": "是/否",
}
_METAVAR_WORD = re.compile("|".join(re.escape(k) for k in sorted(METAVARS, key=len, reverse=True)))


def _metavar_cn(text: str) -> str:
    return _METAVAR_WORD.sub(lambda m: METAVARS[m[0]], text)


def display_width(text: str) -> int:
    """Columns a text takes in a terminal: CJK characters take two."""
    text = strip_ansi(text)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _mapped_metavar(method):
    # make_metavar takes ctx since click 8.2; whatever arrives is passed on.
    def make_metavar(self, *args, **kwargs):
        return _metavar_cn(method(self, *args, **kwargs))

    return make_metavar


def _mapped_pieces(method):
    def collect_usage_pieces(self, ctx):
        return [_metavar_cn(p) for p in method(self, ctx)]

    return collect_usage_pieces


def translate(message: str) -> str:
    """The Chinese for one of click's help words, or the message itself."""
    return HELP_WORDS.get(message, message)


def install() -> None:
    """Make click print its help words in Chinese (idempotent)."""
    if getattr(click.core, "_wenshu_cn", False):
        return
    click.core._wenshu_cn = True  # type: ignore[attr-defined]
    click.core._ = translate  # type: ignore[attr-defined]
    click.formatting._ = translate  # type: ignore[attr-defined]

    formatter = click.formatting.HelpFormatter
    write_usage = formatter.write_usage

    # Options take Parameter's metavar; Argument and Group have their own methods.
    for cls in (click.core.Parameter, click.core.Argument):
        cls.make_metavar = _mapped_metavar(cls.make_metavar)
    for cls in (click.core.Command, click.core.Group):
        cls.collect_usage_pieces = _mapped_pieces(cls.collect_usage_pieces)
    formatter.write_usage = lambda self, prog, args="", prefix=None: write_usage(
        self, prog, args, "用法：" if prefix is None else prefix
    )
    # Option names and their Chinese metavars line up by display width, not characters.
    click.formatting.term_len = display_width
    formatter.write_heading = lambda self, heading: self.write(
        f"{'':>{self.current_indent}}{heading}：\n"
    )
