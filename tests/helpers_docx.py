"""Shared helpers for the CLI/plan tests: writing specs, running the CLI and reading the
body of a generated .docx (word/document.xml through zipfile + lxml)."""

from __future__ import annotations

import copy
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result
from lxml import etree
from ruamel.yaml import YAML

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


# ---- specs ------------------------------------------------------------------------------

MINIMAL_PLAN: dict[str, Any] = {
    "文种": "工作计划",
    "单位": "城南中学",
    "部门": "教务处",
    "学年": "2025—2026",
    "学期": "第一学期",
    "指导思想": "坚持以学生发展为本，提高课堂教学效率。",
    "工作目标": ["教学常规检查覆盖全体任课教师"],
    "主要工作": [{"标题": "抓好教学常规管理", "内容": "落实月查制度。"}],
}


def plan(**changes: Any) -> dict[str, Any]:
    """A valid minimal 工作计划 spec with top-level keys replaced (None deletes a key)."""
    return changed(MINIMAL_PLAN, changes)


def changed(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """A copy of spec `base` with top-level keys replaced (None deletes a key)."""
    data = copy.deepcopy(base)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def dump_yaml(data: Any) -> str:
    y = YAML(typ="rt")  # keeps key order, so keys stand where a person would write them
    y.default_flow_style = False
    y.allow_unicode = True
    buf = io.StringIO()
    y.dump(data, buf)
    return buf.getvalue()


def write_spec(path: Path, data: Any) -> Path:
    """Write `data` (a dict, dumped as block YAML, or YAML text as is) to `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = data if isinstance(data, str) else dump_yaml(data)
    path.write_text(text, encoding="utf-8")
    return path


# ---- CLI --------------------------------------------------------------------------------


def runner() -> CliRunner:
    try:
        return CliRunner(mix_stderr=False)  # click < 8.2
    except TypeError:
        return CliRunner()


def invoke(args: list[str], **kw: Any) -> Result:
    """Run `wenshu ARGS`; always asserts that no traceback escaped."""
    from wenshu.cli import main

    result = runner().invoke(main, [str(a) for a in args], catch_exceptions=True, **kw)
    assert_no_traceback(result)
    return result


def stderr_of(result: Result) -> str:
    try:
        return result.stderr
    except ValueError:
        return result.output


def assert_no_traceback(result: Result) -> None:
    out = result.output + stderr_of(result)
    assert "Traceback" not in out, out
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"unexpected exception {result.exception!r}\n{out}"
    )


# ---- reading a .docx --------------------------------------------------------------------


@dataclass
class Para:
    text: str
    style: str | None
    xml: etree._Element = field(repr=False)


@dataclass
class TableCell:
    text: str
    vmerge: str | None  # None, "restart" or "continue"


@dataclass
class Tbl:
    rows: list[list[TableCell]]

    @property
    def header(self) -> list[str]:
        return [c.text for c in self.rows[0]]

    def column(self, name: str) -> list[TableCell]:
        i = self.header.index(name)
        return [r[i] for r in self.rows[1:]]


def document_xml(path: Path | bytes) -> etree._Element:
    src = io.BytesIO(path) if isinstance(path, bytes) else path
    with zipfile.ZipFile(src) as z:
        return etree.fromstring(z.read("word/document.xml"))


def _para_text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(q("t")))


def _para(p: etree._Element) -> Para:
    style = p.find("w:pPr/w:pStyle", NS)
    return Para(_para_text(p), style.get(q("val")) if style is not None else None, p)


def body_blocks(path: Path | bytes) -> list[Para | Tbl]:
    """Top-level paragraphs and tables of the body, in order."""
    body = document_xml(path).find("w:body", NS)
    out: list[Para | Tbl] = []
    for child in body:
        if child.tag == q("p"):
            out.append(_para(child))
        elif child.tag == q("tbl"):
            rows = []
            for tr in child.findall("w:tr", NS):
                cells = []
                for tc in tr.findall("w:tc", NS):
                    vm = tc.find("w:tcPr/w:vMerge", NS)
                    vmerge = None
                    if vm is not None:
                        vmerge = vm.get(q("val")) or "continue"
                    text = "\n".join(_para_text(p) for p in tc.findall("w:p", NS))
                    cells.append(TableCell(text, vmerge))
                rows.append(cells)
            out.append(Tbl(rows))
    return out


def paragraphs(path: Path | bytes) -> list[Para]:
    return [b for b in body_blocks(path) if isinstance(b, Para)]


def texts(path: Path | bytes) -> list[str]:
    """Texts of the non-empty top-level paragraphs."""
    return [p.text for p in paragraphs(path) if p.text]


def tables(path: Path | bytes) -> list[Tbl]:
    return [b for b in body_blocks(path) if isinstance(b, Tbl)]


def table_with_header(path: Path | bytes, first: str, *more: str) -> Tbl:
    """The table whose header row contains all of the given column names."""
    for t in tables(path):
        if first in t.header and all(m in t.header for m in more):
            return t
    raise AssertionError(
        f"no table with columns {first, *more}: {[t.header for t in tables(path)]}"
    )


def headings(path: Path | bytes) -> list[tuple[str, str]]:
    """(style id, text) of every heading-styled paragraph."""
    return [
        (p.style, p.text) for p in paragraphs(path) if p.style and p.style.startswith("Heading")
    ]
