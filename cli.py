"""The `wenshu` command. Each command parses options, calls one library function and
prints the result; WenshuGroup turns domain errors into a message and an exit code."""

from __future__ import annotations

import os
import re
import sqlite3
import sys
from pathlib import Path

# pydantic looks for third-party plugins in every installed package's metadata the first
# time a model is built (~0.1 s); wenshu uses none, and start-up time matters for a CLI.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

import click  # noqa: E402

from wenshu import __version__
from wenshu.generator import click_cn
from wenshu.generator.cli_common import emit_text, output_options
from wenshu.generator.errors import SpecError, WenshuError


def _help_option_cn(self: click.Command, ctx: click.Context) -> click.Option | None:
    option = _ORIGINAL_HELP_OPTION(self, ctx)
    if option is not None:
        option.help = "显示本帮助并退出。"
    return option


# Every command, also those defined in feature modules, shows its help option in Chinese.
_ORIGINAL_HELP_OPTION = click.Command.get_help_option
click.Command.get_help_option = _help_option_cn  # type: ignore[method-assign]
click_cn.install()


class WenshuGroup(click.Group):
    """A click group that maps every WenshuError to a Chinese message and its exit code,
    and loads the commands in LAZY_COMMANDS on first use."""

    def main(self, *args, **kwargs):
        kwargs.setdefault("standalone_mode", True)
        if not kwargs["standalone_mode"]:
            return super().main(*args, **kwargs)
        try:
            rv = super().main(*args, **{**kwargs, "standalone_mode": False})
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("已中断。", err=True)
            sys.exit(1)
        except click.UsageError as exc:
            cmd = exc.ctx.command_path if exc.ctx else "wenshu"
            click.echo(f"错误：{_usage_error_cn(exc)}", err=True)
            click.echo(f"用 {cmd} --help 查看用法。", err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            click.echo(f"错误：{_usage_error_cn(exc)}", err=True)
            sys.exit(exc.exit_code)
        # Without standalone mode click returns the code of ctx.exit(n) instead of exiting.
        sys.exit(rv if isinstance(rv, int) else 0)

    def list_commands(self, ctx: click.Context) -> list[str]:
        names = set(super().list_commands(ctx))
        if self is main:
            names.update(n for n in LAZY_COMMANDS if _lazy(n) is not None)
        return sorted(names)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        cmd = super().get_command(ctx, name)
        if cmd is None and self is main and name in LAZY_COMMANDS:
            cmd = _lazy(name)
        return cmd

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except SpecError as exc:
            _echo_problems(exc.problems)
            n_err = sum(1 for p in exc.problems if p.severity != "warning")
            click.echo(f"共 {n_err} 处错误，请修改后重试。", err=True)
            sys.exit(exc.exit_code)
        except WenshuError as exc:
            click.echo(f"错误：{exc.message}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("已中断。", err=True)
            sys.exit(130)
        except BrokenPipeError:
            # Output piped into `head` and the like: stop quietly, as other tools do.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(0)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except sqlite3.Error as exc:
            # The corpus database failed mid-way (disk full, locked, read-only).
            if os.environ.get("WENSHU_DEBUG"):
                raise
            from wenshu.generator.corpus.store import sqlite_reason

            click.echo(
                f"错误：语料库数据库出错：{sqlite_reason(exc)}。已经写入的内容不会丢失；"
                "解决后请重新运行同一命令。",
                err=True,
            )
            sys.exit(6)
        except OSError as exc:
            # The file system refused something no library function put into words.
            if os.environ.get("WENSHU_DEBUG"):
                raise
            from wenshu.generator.fsutil import os_reason, shown_path

            where = f"读写 {shown_path(exc.filename)}" if exc.filename else "输出结果（标准输出）"
            click.echo(f"错误：{where}时出错：{os_reason(exc)}。", err=True)
            sys.exit(1)
        except Exception as exc:  # a bug of ours: say so plainly, keep the details on request
            if os.environ.get("WENSHU_DEBUG"):
                raise
            detail = f"{type(exc).__name__}: {exc}"
            if len(detail) > 200:
                detail = detail[:200] + "…"
            click.echo(
                f"错误：wenshu 处理这份输入时遇到了意料之外的问题（{detail}），没有完成。"
                "你已有的文件没有被改动。设置环境变量 WENSHU_DEBUG=1 后重新运行可看到详细信息；"
                "请把这些信息和输入文件一起反馈给维护者。",
                err=True,
            )
            sys.exit(70)


_CLICK_MESSAGES = [
    (
        r"No such option:? '?([^'\s]+)'?\.?(?:\s*\(?Did you mean(?: one of:)? (.*?)\?\)?)?$",
        lambda m: (
            f"没有选项 {m[1]}" + (f"，是不是 {m[2].replace(chr(39), '')}？" if m[2] else "。")
        ),
    ),
    (r"No such command '([^']+)'\.", lambda m: f"没有命令“{m[1]}”。"),
    (r"Missing argument '([^']+)'\.", lambda m: f"缺少参数 {m[1]}。"),
    (r"Missing option '([^']+)'\.", lambda m: f"缺少选项 {m[1]}。"),
    (r"Option '([^']+)' requires an argument\.", lambda m: f"选项 {m[1]} 后面需要一个值。"),
    (r"Got unexpected extra arguments? \((.*)\)", lambda m: f"多余的参数：{m[1]}。"),
    (
        r"Invalid value for ('[^']+'(?: / '[^']+')*): (.*)",
        lambda m: f"{m[1].replace(chr(39), '')} 的值无效：{_click_value_message(m[2])}",
    ),
]


def _click_value_message(text: str) -> str:
    text = re.sub(r"File '([^']+)' does not exist\.", r"文件 \1 不存在。", text)
    text = re.sub(r"Path '([^']+)' does not exist\.", r"路径 \1 不存在。", text)
    text = re.sub(r"File '([^']+)' is a directory\.", r"\1 是文件夹，不是文件。", text)
    text = re.sub(r"Directory '([^']+)' is a file\.", r"\1 是文件，不是文件夹。", text)
    text = re.sub(r"'([^']+)' is not a valid integer(?: range)?\.", r"“\1”不是整数。", text)
    text = re.sub(r"'([^']+)' is not a valid float(?: range)?\.", r"“\1”不是数字。", text)
    text = re.sub(r"'([^']+)' is not a valid boolean\.", r"“\1”不是 是/否（true/false）。", text)
    text = re.sub(r"(\S+) is not in the range (\S+)\.", r"\1 不在允许的范围 \2 内。", text)
    text = re.sub(r"'([^']+)' is not one of (.*)\.", r"“\1”不在可选值 \2 中。", text)
    return text


def _usage_error_cn(exc: click.ClickException) -> str:
    """Click's own (English) messages in Chinese, for the common cases."""
    text = exc.format_message()
    for pattern, make in _CLICK_MESSAGES:
        m = re.match(pattern, text, re.S)
        if m:
            return make(m)
    return text


CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(cls=WenshuGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(
    __version__, "-V", "--version", message="wenshu %(version)s", help="显示版本号并退出。"
)
@click.option(
    "--corpus",
    "corpus_path",
    type=click.Path(dir_okay=False),
    envvar="WENSHU_CORPUS",
    help="语料库数据库文件（默认在用户数据目录；也可用环境变量 WENSHU_CORPUS）。",
)
@click.pass_context
def main(ctx: click.Context, corpus_path: str | None) -> None:
    """文书：由结构化的 YAML 生成格式规范的工作计划、工作职责、工作总结等 Word 文档。"""
    ctx.ensure_object(dict)
    ctx.obj["corpus_path"] = corpus_path


# A file with thousands of mistakes (a pasted list, a wrong file) lists this many.
MAX_PROBLEMS_SHOWN = 100


def _echo_problems(problems, err: bool = True) -> None:
    for p in problems[:MAX_PROBLEMS_SHOWN]:
        label = "警告" if p.severity == "warning" else "错误"
        click.echo(f"{label}：{p.render()}", err=err)
    if len(problems) > MAX_PROBLEMS_SHOWN:
        click.echo(
            f"……另有 {len(problems) - MAX_PROBLEMS_SHOWN} 处未列出，请先改正上面这些。", err=err
        )


class _KindsCommand(click.Command):
    """A command whose help ends with the 文种 of the registry (looked up only for --help)."""

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        from wenshu.generator import kinds

        super().format_epilog(ctx, formatter)
        formatter.write_paragraph()
        formatter.write_text("可用的文种：" + "、".join(kinds.names()))


@main.command(cls=_KindsCommand)
@click.argument("kind", metavar="文种")
@output_options
def new(kind: str, output: Path | None, force: bool) -> None:
    """输出某一文种带注释的示例输入文件，改写后即可生成。

    \b
    示例：wenshu new 工作计划 > 计划.yaml
    """
    from wenshu.generator import kinds

    emit_text(kinds.get(kind).starter.read_text(encoding="utf-8"), output, force)


@main.command()
@click.argument("spec", type=click.Path(dir_okay=False, path_type=Path), metavar="输入.yaml")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="输出的 .docx 文件或文件夹（默认与输入文件同名同目录）。",
)
@click.option(
    "--profile",
    default="school",
    show_default=True,
    help="版式：school（学校常用）或 gbt9704（公文格式，每页22行×28字）。",
)
@click.option("--pdf", is_flag=True, help="同时用 LibreOffice 转出 PDF。")
@click.option("--force", is_flag=True, help="覆盖已存在的输出文件。")
@click.option("--strict", is_flag=True, help="把警告（如未替换的占位符）也当作错误。")
@click.option(
    "--templates",
    "templates",
    multiple=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="自定义模板目录（优先于内置模板，可多次给出）。",
)
@click.pass_context
def build(
    ctx: click.Context,
    spec: Path,
    output: Path | None,
    profile: str,
    pdf: bool,
    force: bool,
    strict: bool,
    templates: tuple[Path, ...],
) -> None:
    """由输入文件生成 Word 文档。"""
    from wenshu.generator.build import build as run_build

    result = run_build(
        spec,
        output,
        profile=profile,
        force=force,
        pdf=pdf,
        strict=strict,
        templates=list(templates),
        corpus_path=_corpus_path(ctx),
    )
    _echo_problems(result.warnings)
    for note in result.notes:
        click.echo(note, err=True)
    click.echo(f"已生成 {result.docx}")
    if result.pdf:
        click.echo(f"已生成 {result.pdf}")


@main.command()
@click.option(
    "-o",
    "--output",
    default="wenshu-demo",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="输出文件夹。",
)
@click.option("--profile", default="school", show_default=True, help="版式：school 或 gbt9704。")
@click.option("--pdf", is_flag=True, help="同时转出 PDF（需要 LibreOffice）。")
@click.option("--force", is_flag=True, help="覆盖已存在的文件。")
@click.pass_context
def demo(ctx: click.Context, output: Path, profile: str, pdf: bool, force: bool) -> None:
    """用内置示例为每个文种生成文档，并附上它们的输入文件。"""
    from wenshu.generator.demo import build_demo

    for path in build_demo(
        output, profile=profile, pdf=pdf, force=force, corpus_path=_corpus_path(ctx)
    ):
        click.echo(f"已生成 {path}")


@main.command(cls=_KindsCommand)
@click.argument("kind", metavar="文种")
@output_options
def schema(kind: str, output: Path | None, force: bool) -> None:
    """输出某一文种输入文件的 JSON Schema（供编辑器补全和校验）。"""
    from wenshu.generator.spec.schema import schema_json

    emit_text(schema_json(kind) + "\n", output, force)


@main.group()
def templates() -> None:
    """模板库。"""


@templates.command("list")
@click.option(
    "--templates",
    "dirs",
    multiple=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="同时列出这些目录中的自定义模板。",
)
@click.option(
    "--tsv", is_flag=True, help="每个模板一行，制表符分隔：文种、名称、来源、说明、部门、单位。"
)
def templates_list(dirs: tuple[Path, ...], tsv: bool) -> None:
    """按文种和适用部门列出模板库（模板名称、适用部门、说明）。"""
    import shutil

    from wenshu.generator import template_list
    from wenshu.generator.templating import TemplateLibrary

    found = TemplateLibrary(list(dirs)).list()
    if tsv:
        click.echo(template_list.tsv(found), nl=False)
    else:
        width = shutil.get_terminal_size((100, 24)).columns
        click.echo(template_list.table(found, width), nl=False)


@main.group()
def summary() -> None:
    """工作总结相关命令。"""


@summary.command("init")
@click.argument("plan", type=click.Path(dir_okay=False, path_type=Path), metavar="计划.yaml")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="输出的总结输入文件（默认：计划文件名-总结.yaml）。",
)
@click.option("--force", is_flag=True, help="覆盖已存在的输出文件。")
def summary_init(plan: Path, output: Path | None, force: bool) -> None:
    """由工作计划生成工作总结的输入框架：逐项列出计划目标，沿用主要工作的标题。"""
    from wenshu.generator.kinds.summary.scaffold import write_scaffold

    path = write_scaffold(plan, output, force=force)
    click.echo(f"已生成 {path}。把其中的“【待填写】”换成实际内容后运行 wenshu build {path}")


def _lazy(name: str) -> click.Command | None:
    import importlib

    module_name, attr = LAZY_COMMANDS[name]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:  # a command not shipped in this build
            return None
        raise
    return getattr(module, attr)


def _corpus_path(ctx: click.Context) -> Path | None:
    value = (ctx.find_root().obj or {}).get("corpus_path")
    return Path(value) if value else None


# Commands whose modules pull in the importer, the corpus or the calendar are loaded only
# when used, so `wenshu build` does not pay for them at start-up.
LAZY_COMMANDS = {
    "calendar": ("wenshu.generator.cli_calendar", "calendar_cmd"),
    "corpus": ("wenshu.generator.cli_corpus", "corpus"),
    "rollover": ("wenshu.generator.cli_rollover", "rollover_cmd"),
    "import-spec": ("wenshu.generator.cli_import_spec", "import_spec_cmd"),
    "outline": ("wenshu.generator.cli_outline", "outline_cmd"),
    "table": ("wenshu.generator.cli_table", "table"),
    "serve": ("wenshu.generator.web.cli", "serve_cmd"),
}
