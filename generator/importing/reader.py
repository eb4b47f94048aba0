"""One reader for every command that reads a user's old document (`corpus import`,
`import-spec`, `outline`): the same checks, the same refusals (ImportFailure with a
Chinese reason), the same text.

Out comes a RawText: lines with each table as a token line where it stood, and the
tables. Text files: decoded, Markdown syntax dropped, tab-separated rows (a web table
copied as text) gathered into tables. Traditional characters become simplified."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..fsutil import link_trouble
from .decoding import UndecodableError, decode_bytes
from .docx_reader import DocxRejected, read_docx_content
from .markers import match_marker
from .model import ImportFailure
from .script import is_traditional, to_simplified
from .table_model import Cell, Table, strip_token_chars, token

MAX_TEXT_BYTES = 20 * 1024 * 1024
# No paragraph of a real document is this long; a longer line is not a document's text.
MAX_LINE_CHARS = 50_000
SUFFIXES = (".txt", ".md", ".docx")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_BULLET = re.compile(r"^\s{0,3}[-*+]\s+")
_MD_EMPHASIS = re.compile(r"\*\*|__")
# A column header copied without tabs: "周次 日期 主要工作安排 备注".
_HEADER_WORDS = re.compile(r"^\S{1,8}(?:[ \u3000]+\S{1,8}){2,7}$")
_ROW_GAP = 1  # a short line without tabs between two rows is a row of one cell


@dataclass
class RawText:
    """A file's lines (tables as token lines) and its tables."""

    lines: list[str]
    tables: list[Table] = field(default_factory=list)
    # Lines as written when the text was converted from traditional characters.
    original: list[str] = field(default_factory=list)


def read_source(path: str | Path) -> RawText:
    """Read one .txt/.md/.docx file; raise ImportFailure when it cannot be used."""
    path = Path(path)
    name = str(path)
    suffix = path.suffix.lower()
    trouble = link_trouble(path)
    if trouble:
        raise ImportFailure(name, trouble)
    if suffix not in SUFFIXES:
        raise ImportFailure(name, "不支持的文件类型，只能导入 .txt、.md、.docx 文件")
    try:
        if not path.exists():
            raise ImportFailure(name, "文件不存在，请检查文件名和路径")
        if path.is_dir():
            raise ImportFailure(name, "这是一个文件夹，请给出文件")
        if not path.is_file():
            raise ImportFailure(name, "这不是普通文件（可能是设备或管道），无法导入")
        size = path.stat().st_size
    except OSError as exc:
        raise ImportFailure(name, f"无法读取文件：{exc.strerror or exc}") from exc
    if size == 0:
        raise ImportFailure(name, "文件是空的")
    if suffix == ".docx":
        try:
            content = read_docx_content(path)
        except DocxRejected as exc:
            raise ImportFailure(name, exc.reason) from exc
        return _finish(RawText(content.lines, content.tables), name)
    if size > MAX_TEXT_BYTES:
        raise ImportFailure(name, f"文件超过 {MAX_TEXT_BYTES // (1024 * 1024)} MB，拒绝导入")
    try:
        text = decode_bytes(path.read_bytes())
    except UndecodableError as exc:
        raise ImportFailure(name, exc.reason) from exc
    except OSError as exc:
        raise ImportFailure(name, f"无法读取文件：{exc.strerror or exc}") from exc
    return text_source(text, markdown=suffix == ".md", name=name)


def text_source(text: str, markdown: bool = False, name: str = "") -> RawText:
    """A RawText from a string (tab-separated rows become tables)."""
    if markdown:
        text = _strip_markdown(text)
    lines = strip_token_chars(text).splitlines()
    return _finish(_text_tables(lines), name)


def _finish(raw: RawText, name: str) -> RawText:
    for number, line in enumerate(raw.lines, 1):
        if len(line) > MAX_LINE_CHARS:
            raise ImportFailure(name, _too_long(number, len(line)))
    cells = (p for t in raw.tables[:20] for row in t.cells for c in row for p in c.paragraphs)
    sample = "\n".join([*raw.lines[:2000], *cells])
    if is_traditional(sample):
        raw.original = list(raw.lines)
        raw.lines = to_simplified(raw.lines)
        for table in raw.tables:
            for row in table.cells:
                for cell in row:
                    cell.paragraphs = to_simplified(cell.paragraphs)
    return raw


def _too_long(number: int, length: int) -> str:
    return (
        f"第{number}行（段）有 {length} 个字符，超过每行 {MAX_LINE_CHARS} 个字符的上限，"
        "不像是文档的正文；请检查文件内容，或在段落之间换行后再导入"
    )


def _strip_markdown(text: str) -> str:
    """Drop Markdown syntax ("## ", "- ", "**") so only the document's words remain."""
    out = []
    for line in text.splitlines():
        line = _MD_BULLET.sub("", _MD_HEADING.sub("", line))
        out.append(_MD_EMPHASIS.sub("", line))
    return "\n".join(out)


def _is_row(line: str) -> bool:
    """A line of a web table copied as text: cells separated by tabs."""
    if "\t" not in line.strip(" \u3000\r"):
        return False
    cells = [c.strip() for c in line.split("\t")]
    filled = [c for c in cells if c]
    if not filled:
        return False
    first = match_marker(filled[0])
    # "1.\t抓好备课" is a numbered paragraph with a tab after its number, not a row.
    return not (first is not None and not first.rest.strip() and cells[0] == filled[0])


def _text_tables(lines: list[str]) -> RawText:
    rows_at = [_is_row(line) for line in lines]
    out = RawText([])
    i = 0
    n = len(lines)
    while i < n:
        if not rows_at[i]:
            out.lines.append(lines[i])
            i += 1
            continue
        j, block = i, []
        while j < n:
            if rows_at[j]:
                block.append(lines[j])
                j += 1
            elif not lines[j].strip():
                j += 1
            elif _row_leftover(lines, rows_at, j):
                block.append(lines[j])
                j += 1
            else:
                break
        if sum(1 for line in block if "\t" in line.strip()) < 2:
            out.lines.extend(lines[i:j])
            i = j
            continue
        header = _header_before(out.lines)
        cells = [
            [Cell([c.strip()], k) for k, c in enumerate(line.strip().split("\t"))] for line in block
        ]
        if header is not None:
            cells.insert(0, [Cell([w], k) for k, w in enumerate(header.split())])
        cells = [[c for c in row if c.text] or row[:1] for row in cells]
        out.lines.append(token(len(out.tables)))
        out.tables.append(Table(cells))
        i = j
    return out


def _row_leftover(lines: list[str], rows_at: list[bool], j: int) -> bool:
    """A short line without tabs between two rows: what is left of a row whose first
    cells were merged with the row above."""
    if len(lines[j].strip()) > 40:
        return False
    prev = next((k for k in range(j - 1, -1, -1) if lines[k].strip()), None)
    nxt = next((k for k in range(j + 1, len(lines)) if lines[k].strip()), None)
    return (
        prev is not None
        and nxt is not None
        and rows_at[prev]
        and rows_at[nxt]
        and nxt - j <= _ROW_GAP + 1
    )


def _header_before(kept: list[str]) -> str | None:
    """The column header right above a table when it was copied without tabs."""
    k = len(kept) - 1
    while k >= 0 and not kept[k].strip():
        k -= 1
    if k < 0:
        return None
    line = kept[k].strip()
    if (
        _HEADER_WORDS.match(line)
        and match_marker(line) is None
        and not re.search(r"[，。；、]", line)
    ):
        kept[k:] = []
        return line
    return None
