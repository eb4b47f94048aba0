"""The web server without a browser: who may use it, which paths it touches, what it
writes back, and that the page gets the library's own answers."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from test_kind_units import minutes_unit  # noqa: F401  (a throwaway 文种 unit)

from wenshu.generator.web.app import Settings, create_app
from wenshu.generator.web.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
DEMO_PLAN = ROOT / "generator" / "kinds" / "plan" / "demo" / "教科室工作计划.yaml"
HOST = "127.0.0.1:8765"
ORIGIN = f"http://{HOST}"
KEY = "test-key-0123456789"


@pytest.fixture
def workspace(tmp_path) -> Path:
    ws = tmp_path / "ws"
    ws.mkdir()
    (ws / "计划.yaml").write_text(DEMO_PLAN.read_text(encoding="utf-8"), encoding="utf-8")
    return ws


@pytest.fixture
def client(workspace, tmp_path) -> TestClient:
    app = create_app(Settings(Workspace(workspace), KEY, tmp_path / "corpus.sqlite"), {HOST})
    c = TestClient(app, base_url=ORIGIN)
    c.cookies.set("wenshu_session", KEY)
    return c


def post(client: TestClient, url: str, body, **headers):
    h = {"X-Wenshu-Token": KEY, "Origin": ORIGIN, "Content-Type": "application/json"}
    h.update(headers)
    data = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode()
    return client.post(url, content=data, headers={k: v for k, v in h.items() if v is not None})


# ------------------------------------------------------------------------ safety


def test_without_the_session_cookie_nothing_is_shown(workspace, tmp_path):
    app = create_app(Settings(Workspace(workspace), KEY), {HOST})
    c = TestClient(app, base_url=ORIGIN)
    r = c.get("/")
    assert r.status_code == 403 and "wenshu serve" in r.text
    assert c.get("/api/doc?path=计划.yaml").status_code == 403
    r = c.get(f"/open?key={KEY}", follow_redirects=False)
    assert r.status_code == 303
    assert "httponly" in r.headers["set-cookie"].lower()
    assert "samesite=strict" in r.headers["set-cookie"].lower()
    assert c.get("/").status_code == 200
    wrong = TestClient(app, base_url=ORIGIN)
    wrong.get("/open?key=guess", follow_redirects=False)
    assert wrong.get("/").status_code == 403


def test_other_hosts_are_refused(client):
    # A name that resolves here by DNS rebinding must not reach the workspace.
    r = client.get("/", headers={"Host": "evil.example:8765"})
    assert r.status_code == 400


def test_state_changing_requests_need_token_and_same_origin(client, workspace):
    body = {"kind": "工作计划", "name": "新计划"}
    assert post(client, "/api/new", body, **{"X-Wenshu-Token": None}).status_code == 403
    assert post(client, "/api/new", body, **{"X-Wenshu-Token": "wrong"}).status_code == 403
    assert post(client, "/api/new", body, Origin="http://evil.example").status_code == 403
    assert post(client, "/api/new", body, Origin=None).status_code == 403
    assert not (workspace / "新计划.yaml").exists()
    r = post(client, "/api/new", body)
    assert r.status_code == 200 and r.json() == {"path": "新计划.yaml"}
    assert (workspace / "新计划.yaml").read_text(encoding="utf-8").startswith("# wenshu 工作计划")


def test_pages_carry_a_strict_content_security_policy(client):
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    assert r.headers["x-frame-options"] == "DENY"
    # Nothing the page loads comes from elsewhere.
    for page in ("/", "/edit?path=计划.yaml", "/calendar"):
        html = client.get(page).text
        assert "http://" not in html and "https://" not in html


@pytest.mark.parametrize(
    "path",
    [
        "../外面.yaml",
        "/etc/passwd.yaml",
        "a/../../外面.yaml",
        ".hidden.yaml",
        "C:/x.yaml",
        "计划.txt",
    ],
)
def test_paths_outside_the_workspace_are_refused(client, path):
    r = client.get("/api/doc", params={"path": path})
    assert r.status_code == 400
    assert "工作文件夹" in r.json()["error"] or "结尾" in r.json()["error"]


def test_symlinks_out_of_the_workspace_are_refused(client, workspace, tmp_path):
    outside = tmp_path / "secret.yaml"
    outside.write_text("文种: 工作计划\n", encoding="utf-8")
    os.symlink(outside, workspace / "link.yaml")
    r = client.get("/api/doc", params={"path": "link.yaml"})
    assert r.status_code == 400 and "之外" in r.json()["error"]
    r = post(client, "/api/save", {"path": "link.yaml", "state": {}, "version": None})
    assert r.status_code == 400
    assert outside.read_text(encoding="utf-8") == "文种: 工作计划\n"


def test_uploads_over_the_limit_are_refused(client):
    from wenshu.generator.web.security import MAX_UPLOAD_BYTES

    big = b"0" * (MAX_UPLOAD_BYTES + 1)
    r = post(
        client, "/api/upload/corpus?name=a.txt", big, **{"Content-Type": "application/octet-stream"}
    )
    assert r.status_code == 413 and "太大" in r.json()["error"]


def test_hostile_workbook_is_refused_like_a_hostile_docx(client):
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>')
    r = post(client, "/api/upload/table?kind=工作计划&key=行事历&name=坏.xlsx", buf.getvalue(),
             **{"Content-Type": "application/octet-stream"})  # fmt: skip
    assert r.status_code == 400 and "DTD" in r.json()["error"]
    r = post(client, "/api/upload/table?kind=工作计划&key=行事历&name=坏.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"0" * 100,
             **{"Content-Type": "application/octet-stream"})  # fmt: skip
    assert r.status_code == 400 and "旧版 .xls" in r.json()["error"]


def test_user_text_is_shown_never_run(client):
    state = client.get("/api/doc", params={"path": "计划.yaml"}).json()["state"]
    state["单位"] = "<script>alert(1)</script>{{ 7*7 }}{% if 1 %}x{% endif %}"
    r = post(client, "/api/preview", {"path": "计划.yaml", "state": state})
    html = r.json()["html"]
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "{{ 7*7 }}" in html and "49" not in html.split("script")[2][:20]
    assert "{% if 1 %}" in html


# ---------------------------------------------------------------- the library's answers


def test_preview_is_the_document_tree_the_writer_gets(client):
    from wenshu.generator.build import render_loaded
    from wenshu.generator.spec.loader import load_spec

    state = client.get("/api/doc", params={"path": "计划.yaml"}).json()["state"]
    html = post(client, "/api/preview", {"path": "计划.yaml", "state": state}).json()["html"]
    import re

    document = render_loaded(load_spec(DEMO_PLAN))
    shown = re.sub(r"<[^>]+>", "", html)
    for text in document.texts():
        assert text.replace("\n", "") in shown
    # Merged month cells: one cell spanning the month's rows.
    assert 'rowspan="3"' in html
    # The writer's column widths (percentages of the table), not the browser's guess.
    assert '<colgroup><col style="width:' in html


@pytest.mark.parametrize("profile", ["school", "gbt9704"])
def test_preview_shows_every_text_of_every_demo_in_order(tmp_path, profile):
    """Every 文种's demo, block types of its own included (制度's 条, 通知's 版头, 附件说明,
    附件 pages, 版记), shows all its texts in the preview, in order."""
    import html as html_lib
    import re
    import shutil

    from helpers_pdf import first_missing

    from wenshu.generator.build import CorpusResolver, render_loaded
    from wenshu.generator.context import section_variables
    from wenshu.generator.demo import demo_specs
    from wenshu.generator.spec.loader import load_spec
    from wenshu.generator.web.preview import render_html

    for source in demo_specs():
        shutil.copy(source, tmp_path / source.name)
    for source in demo_specs():
        loaded = load_spec(tmp_path / source.name)
        resolver = CorpusResolver(tmp_path / "语料库.db", section_variables(loaded.spec), None)
        document = render_loaded(loaded, None, resolver)
        shown = html_lib.unescape(re.sub(r"<[^>]+>", "", render_html(document, profile)))
        missing = first_missing(shown, document.texts())
        assert missing is None, f"{source.name}: “{missing}” not in the preview"


def test_validation_messages_are_the_loaders_mapped_to_fields_and_cells(client):
    state = client.get("/api/doc", params={"path": "计划.yaml"}).json()["state"]
    state["行事历"][0]["月份"] = "3"
    r = post(client, "/api/preview", {"path": "计划.yaml", "state": state}).json()
    assert r["html"] is None
    month = next(p for p in r["problems"] if p.get("cell"))
    assert month["cell"] == {"table": "行事历", "row": 0, "column": "月份"}
    assert "3月" in month["message"]
    state = client.get("/api/doc", params={"path": "计划.yaml"}).json()["state"]
    state["学年"] = "2025-2027"
    r = post(client, "/api/preview", {"path": "计划.yaml", "state": state}).json()
    assert [p["path"] for p in r["problems"]] == [["学年"]]
    assert r["problems"][0]["severity"] == "error" and "学年" in r["problems"][0]["text"]


def test_warnings_are_distinct_from_errors(client):
    state = client.get("/api/doc", params={"path": "计划.yaml"}).json()["state"]
    state["前言"] = "今年是20xx年。"
    r = post(client, "/api/preview", {"path": "计划.yaml", "state": state}).json()
    assert r["html"] is not None
    assert [p["severity"] for p in r["problems"]] == ["warning"]
    assert r["problems"][0]["path"] == ["前言"]


def test_save_keeps_comments_and_refuses_a_file_changed_on_disk(client, workspace):
    path = workspace / "计划.yaml"
    original = path.read_text(encoding="utf-8")
    doc = client.get("/api/doc", params={"path": "计划.yaml"}).json()
    state = doc["state"]
    state["部门"] = "教务处"
    r = post(client, "/api/save", {"path": "计划.yaml", "state": state, "version": doc["version"]})
    assert r.status_code == 200
    saved = path.read_text(encoding="utf-8")
    diff = [(a, b) for a, b in zip(original.splitlines(), saved.splitlines()) if a != b]
    assert len(diff) == 1 and "教务处" in diff[0][1]
    assert len(original.splitlines()) == len(saved.splitlines())
    # Someone edits the file in a text editor; the page's old version must not win.
    path.write_text(saved + "# 手工加的一行\n", encoding="utf-8")
    r = post(client, "/api/save", {"path": "计划.yaml", "state": state, "version": doc["version"]})
    assert r.status_code == 409 and r.json()["conflict"]
    assert path.read_text(encoding="utf-8").endswith("# 手工加的一行\n")
    r = post(
        client,
        "/api/save",
        {"path": "计划.yaml", "state": state, "version": doc["version"], "copy": True},
    )
    assert r.json()["path"] == "计划（网页）.yaml"
    assert (workspace / "计划（网页）.yaml").is_file()


def test_corpus_search_is_the_cli_search(client, tmp_path):
    from click.testing import CliRunner

    from wenshu.cli import main

    hits = client.get("/api/corpus/search", params={"q": "青年教师 培养"}).json()["hits"]
    out = CliRunner().invoke(
        main,
        [
            "--corpus",
            str(tmp_path / "corpus.sqlite"),
            "corpus",
            "search",
            "青年教师 培养",
            "-n",
            "30",
            "--json",
        ],
    )
    assert [h["id"] for h in hits] == [h["id"] for h in json.loads(out.output)]
    section = client.get("/api/corpus/show", params={"id": hits[0]["id"]}).json()
    assert section["id"] == hits[0]["id"] and section["text"]


def test_a_reference_turned_into_text_is_filled_like_an_insert(client):
    # qy040 opens with "{{ 单位 }}将以……": filled from the page, or from the reference's 变量.
    body = {"id": "qy040", "state": {"单位": "城西小学"}}
    text = post(client, "/api/corpus/resolve", body).json()["text"]
    assert "城西小学将" in text and "{{" not in text
    body["变量"] = {"单位": "东湖中学"}
    assert "东湖中学将" in post(client, "/api/corpus/resolve", body).json()["text"]
    missing = post(client, "/api/corpus/resolve", {"id": "qy040", "state": {}})
    assert missing.status_code >= 400 and "单位" in missing.json()["error"], missing.text


def test_calendar_is_the_cli_calendar(client, workspace):
    from wenshu.generator.calendar import build_term_calendar, calendar_to_json

    text = DEMO_PLAN.read_text(encoding="utf-8").replace(
        "学期: 第一学期", "学期: 第一学期\n开学: 2025-09-01", 1
    )
    (workspace / "开学.yaml").write_text(text, encoding="utf-8")
    data = client.get("/api/calendar", params={"path": "开学.yaml"}).json()
    expected = calendar_to_json(
        build_term_calendar(2025, 1, __import__("datetime").date(2025, 9, 1))
    )
    assert [w["开始"] for w in data["weeks"]] == [w["开始"] for w in expected["weeks"]]
    week1 = data["weeks"][0]
    assert any("制订教科室学期工作计划" in a["内容"] for a in week1["活动"])
    national = next(w for w in data["weeks"] if w["假日"])
    assert "国庆节" in national["事项"] or "中秋节" in national["事项"]


def test_calendar_of_a_year_plan_asks_for_a_term(client, workspace):
    year_plan = ROOT / "generator" / "kinds" / "plan" / "demo" / "医院科室年度工作计划.yaml"
    (workspace / "年度.yaml").write_text(year_plan.read_text(encoding="utf-8"), encoding="utf-8")
    data = client.get("/api/calendar", params={"path": "年度.yaml"}).json()
    assert data["need_start"] and data["weeks"] == []
    assert data["年度"] == 2026 and data["title"] == "2026年度"
    term = client.get(
        "/api/calendar",
        params={"path": "年度.yaml", "year": "2025—2026", "term": "2", "start": "2026-03-02"},
    ).json()
    assert term["weeks"] and term["term"] == 2


def test_build_writes_beside_the_spec_and_downloads(client, workspace):
    r = post(client, "/api/build", {"path": "计划.yaml", "format": "docx"})
    assert r.json()["file"] == "计划.docx"
    got = client.get("/download", params={"path": "计划.docx"})
    assert got.status_code == 200 and got.content[:2] == b"PK"
    assert "attachment" in got.headers["content-disposition"]
    assert got.content == (workspace / "计划.docx").read_bytes()


def test_invalid_spec_build_names_the_problems(client, workspace):
    text = DEMO_PLAN.read_text(encoding="utf-8").replace("学年: 2025—2026", "学年: 2025—2027")
    (workspace / "坏.yaml").write_text(text, encoding="utf-8")
    r = post(client, "/api/build", {"path": "坏.yaml", "format": "docx"})
    assert r.status_code == 400
    assert any("学年" in p["text"] for p in r.json()["problems"])


def test_table_export_of_grid_rows(client):
    import io

    import openpyxl

    state = client.get("/api/doc", params={"path": "计划.yaml"}).json()["state"]
    r = post(
        client, "/api/table/export", {"key": "行事历", "rows": state["行事历"], "state": state}
    )
    wb = openpyxl.load_workbook(io.BytesIO(r.content))
    ws = wb["行事历"]
    assert ws["A1"].value == "月份" and ws.max_row == len(state["行事历"]) + 1
    # The same workbook as `wenshu table export`: months merged over their activities,
    # a month typed only on its first row (the grid's merged cell) included.
    months = [row["月份"] for row in state["行事历"]]
    runs = [(r.min_row, r.max_row) for r in ws.merged_cells.ranges]
    assert runs and all(len(set(months[a - 2 : b - 1])) == 1 for a, b in runs)
    rows = [dict(row) for row in state["行事历"]]
    second = next(i for i in range(1, len(rows)) if rows[i]["月份"] == rows[i - 1]["月份"])
    rows[second]["月份"] = ""
    r = post(client, "/api/table/export", {"key": "行事历", "rows": rows, "state": state})
    ws = openpyxl.load_workbook(io.BytesIO(r.content))["行事历"]
    assert any(rng.min_row <= second + 2 <= rng.max_row for rng in ws.merged_cells.ranges)


def test_home_lists_documents_with_their_state(client, workspace):
    (workspace / "坏.yaml").write_text("文种: 工作计划\n单位: 甲\n", encoding="utf-8")
    html = client.get("/").text
    assert "城南中学教科室2025—2026学年第一学期工作计划" in html
    assert "可以生成" in html and "处错误" in html


def test_a_new_unit_gets_its_form_and_preview_without_page_code(minutes_unit, workspace):  # noqa: F811
    """A 文种 dropped into the kinds package is offered, edited and previewed by the page."""
    import test_kind_units as units_test

    templates = minutes_unit
    app = create_app(Settings(Workspace(workspace), KEY), {HOST})
    c = TestClient(app, base_url=ORIGIN)
    c.cookies.set("wenshu_session", KEY)
    assert f"<option>{units_test.KIND}</option>" in c.get("/").text
    rel = post(c, "/api/new", {"kind": units_test.KIND, "name": "纪要"}).json()["path"]
    doc = c.get("/api/doc", params={"path": rel}).json()
    assert doc["schema"]["properties"]["议题"]["description"] == "会议讨论的事项"
    state = doc["state"]
    state["模板目录"] = str(templates)
    state["议题"] = "冬季长跑安排"
    r = post(c, "/api/preview", {"path": rel, "state": state}).json()
    assert r["problems"] == [] and "冬季长跑安排" in r["html"]
    del state["议题"]
    r = post(c, "/api/preview", {"path": rel, "state": state}).json()
    assert r["html"] is None and r["problems"][0]["path"] == ["议题"]


def test_serve_says_in_words_when_the_port_is_taken(tmp_path):
    import socket
    import subprocess
    import sys

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        r = subprocess.run(
            [
                sys.executable,
                "-m",
                "wenshu",
                "serve",
                "--dir",
                str(tmp_path),
                "--port",
                str(port),
                "--no-browser",
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert r.returncode == 1 and "端口已被占用" in r.stderr and "Traceback" not in r.stderr


def test_corpus_import_by_upload_reports_like_the_cli(client):
    text = (
        "城南中学读书活动方案\n一、活动目标\n引导教师每学期精读一本教育专著，撰写读书笔记。\n"
        "二、活动安排\n1.每月举行一次读书沙龙，交流阅读体会。\n2.学期末评选优秀读书笔记。\n"
    )
    r = post(
        client,
        "/api/upload/corpus?name=读书活动.txt",
        text.encode("utf-8"),
        **{"Content-Type": "application/octet-stream"},
    )
    report = r.json()
    assert r.status_code == 200 and report["sections_added"] >= 1 and report["failed"] == []
    again = post(
        client,
        "/api/upload/corpus?name=读书活动.txt",
        text.encode("utf-8"),
        **{"Content-Type": "application/octet-stream"},
    ).json()
    assert again["sections_added"] == 0 and again["duplicates"] >= 1
    bad = post(
        client,
        "/api/upload/corpus?name=坏.docx",
        b"not a zip",
        **{"Content-Type": "application/octet-stream"},
    ).json()
    assert bad["failed"] and bad["failed"][0]["path"] == "坏.docx"


def test_pdf_download_uses_the_chosen_profile(client, workspace):
    r = post(client, "/api/build", {"path": "计划.yaml", "format": "pdf", "profile": "gbt9704"})
    assert r.status_code == 200, r.text
    assert r.json()["file"] == "计划.pdf"
    assert (workspace / "计划.pdf").read_bytes()[:4] == b"%PDF"
    import docx

    section = docx.Document(str(workspace / "计划.docx")).sections[0]
    assert 'w:type="lines"' in section._sectPr.xml  # the 22-line grid of GB/T 9704
