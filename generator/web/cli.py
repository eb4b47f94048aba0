"""`wenshu serve`: the local web page over a workspace folder."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("serve", context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--dir",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    help="工作文件夹：文档（输入文件和生成的 Word、PDF）都放在这里。默认：“文档”中的“文书”文件夹。",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=None,
    help="端口（默认 8765，被占用时依次试后面几个）。",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="监听的地址。默认只允许本机访问；改成其他地址会让局域网中的人也能访问，不建议。",
)
@click.option("--no-browser", is_flag=True, help="不自动打开浏览器。")
@click.pass_context
def serve_cmd(
    ctx: click.Context, folder: Path | None, port: int | None, host: str, no_browser: bool
) -> None:
    """在浏览器中编写和生成文档（本机网页，不需要联网）。

    \b
      wenshu serve
      wenshu serve --dir 我的文书 --port 8765

    启动后自动打开浏览器；关闭这个窗口或按 Ctrl+C 即停止。网页只对本机开放，并且只认启动时
    打开的那个浏览器（网址中带有一次性的密钥）。
    """
    from .server import serve
    from .workspace import Workspace, default_workspace

    obj = ctx.find_root().obj or {}
    corpus = obj.get("corpus_path") if isinstance(obj, dict) else None
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(
            f"警告：--host {host} 让其他电脑也能连到这个网页（仍需要启动时的密钥）。"
            "只在你清楚这样做的后果时使用。",
            err=True,
        )
    ws = Workspace(folder or default_workspace())
    serve(ws, host, port, open_browser=not no_browser, corpus_path=Path(corpus) if corpus else None)
