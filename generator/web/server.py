"""Running the web application with uvicorn on a local socket."""

from __future__ import annotations

import socket
import threading
import webbrowser
from pathlib import Path

import click

from ..errors import WenshuError
from .workspace import Workspace

DEFAULT_PORT = 8765
PORT_TRIES = 10


def _bind(host: str, port: int | None) -> socket.socket:
    """A listening socket: `port`, or the default and the few after it, or any (0)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    candidates = [port] if port is not None else [DEFAULT_PORT + i for i in range(PORT_TRIES)]
    last: OSError | None = None
    for candidate in candidates:
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, candidate))
        except OSError as exc:
            sock.close()
            last = exc
            continue
        sock.listen(64)
        sock.set_inheritable(True)
        return sock
    import errno

    from ..fsutil import os_reason

    if last is not None and last.errno == errno.EADDRINUSE:
        why = "端口已被占用。可能已有一个 wenshu serve 在运行；请用 --port 换一个端口"
    elif last is not None and last.errno == errno.EADDRNOTAVAIL:
        why = "本机没有这个地址，请检查 --host"
    else:
        why = os_reason(last) if last is not None else "原因不明"
    raise WenshuError(f"无法在 {host} 的端口 {candidates[0]} 上启动网页：{why}。")


def serve(
    ws: Workspace,
    host: str = "127.0.0.1",
    port: int | None = None,
    open_browser: bool = True,
    corpus_path: Path | None = None,
) -> None:
    """Serve the workspace until interrupted; print (and open) the entry address."""
    import uvicorn

    from .app import Settings, create_app
    from .security import new_key

    sock = _bind(host, port)
    actual = sock.getsockname()[1]
    shown_host = f"[{host}]" if ":" in host else host
    hosts = {f"{shown_host}:{actual}", f"localhost:{actual}", f"127.0.0.1:{actual}"}
    key = new_key()
    app = create_app(Settings(ws, key, corpus_path), hosts)
    url = f"http://{shown_host}:{actual}/open?key={key}"
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    server = uvicorn.Server(config)

    def announce() -> None:
        while not server.started and not server.should_exit:
            threading.Event().wait(0.02)
        if not server.started:
            return
        click.echo(f"文书已启动，工作文件夹：{ws.root}")
        click.echo(f"在浏览器中打开：{url}")
        click.echo("按 Ctrl+C 停止。")
        if open_browser:
            webbrowser.open(url)

    threading.Thread(target=announce, daemon=True).start()
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
    click.echo("文书已停止。")
