"""What keeps the local server the user's own: the Host it answers to, a per-session
key, a token and a same-origin check on every request that changes something, and a
limit on what a request may upload.

* The browser is opened at /open?key=KEY; that sets an HttpOnly, SameSite=Strict
  cookie. Every other request without that cookie gets a page saying how to get in
  (another user of the machine, or a page on the web, cannot read the workspace).
* Requests other than GET/HEAD must also carry the key in the X-Wenshu-Token header
  (pages read it from their own <meta>) and come from the server's own origin
  (Origin, else Referer). A web page elsewhere can do neither.
* The Host header must name this server (no DNS rebinding).
"""

from __future__ import annotations

import hmac
import secrets
from urllib.parse import urlsplit

from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

COOKIE = "wenshu_session"
TOKEN_HEADER = "x-wenshu-token"
# A spec is at most 5 MB; an uploaded .docx or .xlsx at most 20 MB.
MAX_JSON_BYTES = 6 * 1024 * 1024
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
_SAFE_METHODS = {"GET", "HEAD"}
_OPEN_PATHS = ("/open", "/static/", "/favicon.ico")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)

_LOCKED_PAGE = """<!doctype html><html lang="zh-CN"><meta charset="utf-8">
<title>文书</title><body style="font-family:sans-serif;max-width:36em;margin:4em auto">
<h1>请从 wenshu serve 打开的链接进入</h1>
<p>为了保护你的文件，这个页面只对启动它的浏览器开放。请回到运行 <code>wenshu serve</code>
的窗口，打开其中显示的网址（含 <code>/open?key=</code> 的那一行）。</p></body></html>"""


def new_key() -> str:
    """A fresh per-session key."""
    return secrets.token_urlsafe(24)


def _same(a: str | None, b: str) -> bool:
    return a is not None and hmac.compare_digest(a.encode(), b.encode())


class Guard:
    """ASGI middleware enforcing the rules in the module docstring."""

    def __init__(self, app: ASGIApp, key: str, hosts: set[str]):
        self.app = app
        self.key = key
        self.hosts = hosts  # "127.0.0.1:8765", "localhost:8765"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        host = headers.get("host", "")
        if host not in self.hosts:
            await PlainTextResponse("Host not allowed", status_code=400)(scope, receive, send)
            return
        path = scope.get("path", "")
        method = scope.get("method", "GET")
        if not path.startswith(_OPEN_PATHS):
            cookie = _cookie(headers.get("cookie", ""), COOKIE)
            if not _same(cookie, self.key):
                response = (
                    JSONResponse({"error": "请从 wenshu serve 显示的网址重新打开页面。"}, 403)
                    if path.startswith("/api/")
                    else HTMLResponse(_LOCKED_PAGE, status_code=403)
                )
                await response(scope, receive, send)
                return
        if method not in _SAFE_METHODS:
            if not _same(headers.get(TOKEN_HEADER), self.key) or not self._same_origin(headers):
                await JSONResponse(
                    {"error": "请求被拒绝：不是从本页面发出的。请刷新页面后重试。"}, 403
                )(scope, receive, send)
                return
            limit = MAX_UPLOAD_BYTES if path.startswith("/api/upload/") else MAX_JSON_BYTES
            length = headers.get("content-length")
            if length is not None and (not length.isdigit() or int(length) > limit):
                await JSONResponse(
                    {"error": f"文件太大（超过 {limit // (1024 * 1024)} MB），没有接收。"}, 413
                )(scope, receive, send)
                return
            receive = _limited(receive, limit)
        await self.app(scope, receive, _with_headers(send))

    def _same_origin(self, headers: dict[str, str]) -> bool:
        origin = headers.get("origin") or headers.get("referer")
        if not origin:
            return False
        parts = urlsplit(origin)
        return parts.scheme == "http" and parts.netloc in self.hosts


class BodyTooLarge(Exception):
    """The request body went past its limit while being read."""


def _limited(receive: Receive, limit: int) -> Receive:
    seen = 0

    async def wrapped():
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLarge()
        return message

    return wrapped


def _with_headers(send: Send) -> Send:
    async def wrapped(message):
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            headers += [
                (b"content-security-policy", CSP.encode()),
                (b"x-content-type-options", b"nosniff"),
                (b"referrer-policy", b"same-origin"),
                (b"x-frame-options", b"DENY"),
                (b"cache-control", b"no-store"),
            ]
            message = {**message, "headers": headers}
        await send(message)

    return wrapped


def _cookie(header: str, name: str) -> str | None:
    for part in header.split(";"):
        k, _, v = part.strip().partition("=")
        if k == name:
            return v
    return None
