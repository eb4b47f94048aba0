"""The local web application: pages and a small JSON API over the same library the
command line uses. Each handler checks its input, calls one library function and
returns its result; nothing here knows how a document is laid out or validated.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..errors import SpecError, WenshuError
from .security import COOKIE, BodyTooLarge, Guard
from .workspace import SPEC_SUFFIXES, Conflict, PathRefused, Workspace

HERE = Path(__file__).resolve().parent
PROFILES = {"school": "学校常用", "gbt9704": "公文格式（GB/T 9704）"}


@dataclass
class Settings:
    """What one server works with."""

    workspace: Workspace
    key: str
    corpus_path: Path | None = None


def _pages() -> Environment:
    # Page templates are ours; everything the user wrote reaches them as data and is
    # escaped (autoescape), never as template source.
    return Environment(
        loader=FileSystemLoader(str(HERE / "pages")),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
    )


class ApiError(Exception):
    """An answer to the page that is a message, not a result."""

    def __init__(self, message: str, status: int = 400, **extra: Any):
        super().__init__(message)
        self.message = message
        self.status = status
        self.extra = extra


async def _json(request: Request) -> dict[str, Any]:
    try:
        data = json.loads(await request.body())
    except (ValueError, UnicodeDecodeError):
        raise ApiError("页面发来的数据格式不对，请刷新页面。") from None
    if not isinstance(data, dict):
        raise ApiError("页面发来的数据格式不对，请刷新页面。")
    return data


def _str(data: dict[str, Any], key: str, required: bool = True) -> str:
    value = data.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ApiError(f"缺少“{key}”。")
        return ""
    if not isinstance(value, str):
        raise ApiError(f"“{key}”应是文字。")
    return value.strip()


def _profile(data: dict[str, Any]) -> str:
    """The layout profile the page asked for; the default for anything else."""
    return data["profile"] if data.get("profile") in PROFILES else "school"


def _upload_name(request: Request, suffixes: tuple[str, ...]) -> str:
    name = PurePosixPath(request.query_params.get("name", "").replace("\\", "/")).name
    if not name or PurePosixPath(name).suffix.lower() not in suffixes:
        raise ApiError(f"只能上传 {'、'.join(suffixes)} 文件。")
    return name


def create_app(settings: Settings, hosts: set[str]) -> Any:
    """The ASGI application for `settings`, answering only to `hosts`."""
    ws = settings.workspace
    pages = _pages()

    def page(name: str, **context: Any) -> HTMLResponse:
        html = pages.get_template(name).render(token=settings.key, **context)
        return HTMLResponse(html)

    # ------------------------------------------------------------------ pages

    async def open_session(request: Request) -> Response:
        from .security import _same

        if not _same(request.query_params.get("key"), settings.key):
            return RedirectResponse("/", status_code=303)
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(COOKIE, settings.key, httponly=True, samesite="strict")
        return response

    async def home(request: Request) -> Response:
        from .home import home_context

        return page("home.html", **home_context(ws, settings.corpus_path))

    async def editor(request: Request) -> Response:
        rel = request.query_params.get("path", "")
        ws.path(rel, SPEC_SUFFIXES)
        return page("editor.html", path=rel, profiles=PROFILES)

    async def calendar(request: Request) -> Response:
        return page("calendar.html", path=request.query_params.get("path", ""))

    # -------------------------------------------------------------------- api

    async def api_doc(request: Request) -> Response:
        from .documents import document_payload

        return JSONResponse(document_payload(ws, request.query_params.get("path", "")))

    async def api_preview(request: Request) -> Response:
        from .documents import original_data
        from .editing import preview

        data = await _json(request)
        rel = _str(data, "path")
        path = ws.path(rel, SPEC_SUFFIXES)
        state = data.get("state")
        profile = _profile(data)
        result = preview(state, path, original_data(ws, rel), profile, settings.corpus_path)
        return JSONResponse(result)

    async def api_save(request: Request) -> Response:
        from .documents import save_document

        data = await _json(request)
        return JSONResponse(
            save_document(
                ws,
                _str(data, "path"),
                data.get("state"),
                data.get("version") or None,
                as_copy=bool(data.get("copy")),
            )
        )

    async def api_new(request: Request) -> Response:
        from .documents import new_document

        data = await _json(request)
        rel = new_document(
            ws, _str(data, "kind"), _str(data, "template", False), _str(data, "name", False)
        )
        return JSONResponse({"path": rel})

    async def api_build(request: Request) -> Response:
        from .documents import build_document

        data = await _json(request)
        fmt = data.get("format") if data.get("format") in ("docx", "pdf") else "docx"
        profile = _profile(data)
        out = build_document(ws, _str(data, "path"), fmt, profile, settings.corpus_path)
        return JSONResponse(out)

    async def download(request: Request) -> Response:
        rel = request.query_params.get("path", "")
        path = ws.path(rel, (".docx", ".pdf", ".xlsx"))
        if not path.is_file():
            raise ApiError(f"找不到 {rel}。", 404)
        return FileResponse(
            path,
            filename=path.name,
            content_disposition_type="attachment",
        )

    async def api_rollover(request: Request) -> Response:
        from .documents import rollover_document

        data = await _json(request)
        return JSONResponse(
            rollover_document(
                ws,
                _str(data, "path"),
                _str(data, "to"),
                _str(data, "term", False),
                _str(data, "start", False),
            )
        )

    async def api_summary(request: Request) -> Response:
        from .documents import summary_from_plan

        data = await _json(request)
        return JSONResponse(summary_from_plan(ws, _str(data, "path")))

    async def upload_import_spec(request: Request) -> Response:
        from .documents import import_old_document

        name = _upload_name(request, (".docx", ".txt", ".md"))
        body = await request.body()
        return JSONResponse(import_old_document(ws, name, body))

    async def upload_corpus(request: Request) -> Response:
        from .corpus_api import import_upload

        name = _upload_name(request, (".docx", ".txt", ".md"))
        body = await request.body()
        return JSONResponse(import_upload(settings.corpus_path, name, body))

    async def upload_table(request: Request) -> Response:
        from .tables_api import rows_from_upload

        name = _upload_name(request, (".xlsx", ".xlsm"))
        key = request.query_params.get("key", "")
        kind = request.query_params.get("kind", "")
        body = await request.body()
        return JSONResponse(rows_from_upload(kind, key, name, body))

    async def api_table_export(request: Request) -> Response:
        from .tables_api import workbook_for_rows

        data = await _json(request)
        key = _str(data, "key")
        body = workbook_for_rows(key, data.get("rows"), data.get("state"))
        return Response(
            body,
            media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            headers={"content-disposition": f"attachment; filename*=UTF-8''{quote(key + '.xlsx')}"},
        )

    async def api_corpus_search(request: Request) -> Response:
        from .corpus_api import search

        q = request.query_params
        return JSONResponse(
            search(
                settings.corpus_path,
                q.get("q", ""),
                q.get("category"),
                q.get("topic"),
                q.get("kind"),
            )
        )

    async def api_corpus_show(request: Request) -> Response:
        from .corpus_api import show

        return JSONResponse(show(settings.corpus_path, request.query_params.get("id", "")))

    async def api_corpus_resolve(request: Request) -> Response:
        from .corpus_api import resolved_text

        data = await _json(request)
        return JSONResponse(
            resolved_text(
                settings.corpus_path, _str(data, "id"), data.get("state"), data.get("变量")
            )
        )

    async def api_calendar(request: Request) -> Response:
        from .calendar_api import calendar_payload

        q = request.query_params
        return JSONResponse(
            calendar_payload(
                ws, q.get("path", ""), q.get("year", ""), q.get("term", ""), q.get("start", "")
            )
        )

    # ---------------------------------------------------------------- errors

    async def api_error(request: Request, exc: Exception) -> Response:
        if isinstance(exc, ApiError):
            return _error(request, exc.message, exc.status, exc.extra)
        if isinstance(exc, Conflict):
            return _error(request, exc.message, 409, {"conflict": True})
        if isinstance(exc, PathRefused):
            return _error(request, exc.message, 400)
        if isinstance(exc, SpecError):
            from .editing import problem_json

            problems = [problem_json(p) for p in exc.problems]
            return _error(request, exc.problems[0].render(), 400, {"problems": problems})
        if isinstance(exc, WenshuError):
            return _error(request, exc.message, 400)
        if isinstance(exc, BodyTooLarge):
            return _error(request, "文件太大，没有接收。", 413)
        return _error(request, "出现了意料之外的问题，没有完成。你的文件没有被改动。", 500)

    async def favicon(request: Request) -> Response:
        return FileResponse(HERE / "static" / "favicon.svg", media_type="image/svg+xml")

    routes = [
        Route("/", home),
        Route("/favicon.ico", favicon),
        Route("/open", open_session),
        Route("/edit", editor),
        Route("/calendar", calendar),
        Route("/download", download),
        Route("/api/doc", api_doc),
        Route("/api/preview", api_preview, methods=["POST"]),
        Route("/api/save", api_save, methods=["POST"]),
        Route("/api/new", api_new, methods=["POST"]),
        Route("/api/build", api_build, methods=["POST"]),
        Route("/api/rollover", api_rollover, methods=["POST"]),
        Route("/api/summary", api_summary, methods=["POST"]),
        Route("/api/upload/import-spec", upload_import_spec, methods=["POST"]),
        Route("/api/upload/corpus", upload_corpus, methods=["POST"]),
        Route("/api/upload/table", upload_table, methods=["POST"]),
        Route("/api/table/export", api_table_export, methods=["POST"]),
        Route("/api/corpus/search", api_corpus_search),
        Route("/api/corpus/show", api_corpus_show),
        Route("/api/corpus/resolve", api_corpus_resolve, methods=["POST"]),
        Route("/api/calendar", api_calendar),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    handlers = {
        Exception: api_error,
        ApiError: api_error,
        WenshuError: api_error,
        BodyTooLarge: api_error,
    }
    app = Starlette(routes=routes, exception_handlers=handlers)
    return Guard(app, settings.key, hosts)


def _error(request: Request, message: str, status: int, extra: dict | None = None) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message, **(extra or {})}, status_code=status)
    from markupsafe import escape

    return HTMLResponse(
        '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>文书</title>'
        '<link rel="stylesheet" href="/static/wenshu.css"><body class="message-page">'
        f'<h1>无法打开</h1><p>{escape(message)}</p><p><a href="/">返回首页</a></p></body></html>',
        status_code=status,
    )


def temp_upload(name: str, body: bytes) -> tempfile.TemporaryDirectory:
    """A temporary folder holding `body` as `name` (for library functions that read
    files); the caller removes it."""
    folder = tempfile.TemporaryDirectory(prefix="wenshu-upload-")
    (Path(folder.name) / name).write_bytes(body)
    return folder
