"""The `wenshu` command. Each command parses options, calls one library function and
prints the result; WenshuGroup turns domain errors into a message and an exit code."""

from __future__ import annotations

import sys

import click

from wenshu import __version__
from wenshu.generator.errors import WenshuError


class WenshuGroup(click.Group):
    """A click group that maps every WenshuError to a Chinese message and its exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except WenshuError as exc:
            click.echo(f"错误：{exc.message}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("已中断。", err=True)
            sys.exit(130)


CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(cls=WenshuGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "-V", "--version", message="wenshu %(version)s")
@click.option(
    "--corpus",
    "corpus_path",
    type=click.Path(dir_okay=False),
    envvar="WENSHU_CORPUS",
    help="语料库数据库文件（默认在用户数据目录；也可用环境变量 WENSHU_CORPUS）。",
)
@click.pass_context
def main(ctx: click.Context, corpus_path: str | None) -> None:
    """文书：由结构化的 YAML 生成格式规范的工作计划、工作职责、工作总结 Word 文档。"""
    ctx.ensure_object(dict)
    ctx.obj["corpus_path"] = corpus_path
