"""Read a .docx safely: the archive is checked (size, ratio, DTD/entities, encryption)
before python-docx sees it, then paragraphs and tables are read in body order."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

# Limits checked on the zip directory before anything is decompressed.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024
MAX_MEMBER_RATIO = 100  # uncompressed / compressed, for members bigger than RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
MAX_MEMBERS = 5000

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DTD_MARKERS = ("<!DOCTYPE", "<!ENTITY")


class DocxRejected(ValueError):
    """The .docx cannot be read safely; `reason` is a Chinese sentence."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class DocxContent:
    """Paragraph lines in body order, data tables, and for each table the number of lines
    that preceded it (so tables can be attached to the right document)."""

    lines: list[str] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)
    table_positions: list[int] = field(default_factory=list)


def check_docx_bytes(data: bytes) -> None:
    """Raise DocxRejected unless `data` is a plain, reasonably sized OOXML zip without DTDs."""
    if not data.strip(b"\x00 \t\r\n"):
        raise DocxRejected("文件是空的")
    if data.startswith(OLE_SIGNATURE):
        raise DocxRejected(
            "文件是加密的 Word 文档或旧版 .doc 格式（OLE 复合文档），无法读取；"
            "请在 Word 中取消密码并另存为 .docx"
        )
    if len(data) > MAX_FILE_BYTES:
        raise DocxRejected(f"文件超过 {MAX_FILE_BYTES // (1024 * 1024)} MB，拒绝导入")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise DocxRejected("不是有效的 .docx 文件（无法作为 zip 压缩包打开）") from exc
    with archive:
        infos = archive.infolist()
        _check_sizes(infos)
        names = {info.filename for info in infos}
        if "[Content_Types].xml" not in names:
            raise DocxRejected("压缩包里没有 Word 正文（word/document.xml），不是 .docx 文档")
        for info in infos:
            if info.filename.endswith((".xml", ".rels")):
                _check_no_dtd(info.filename, _read_member(archive, info))


def _check_sizes(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise DocxRejected("压缩包内文件数量异常，疑似压缩炸弹，拒绝导入")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise DocxRejected("文档内容已加密，无法读取；请取消密码后再导入")
        total += info.file_size
        if total > MAX_TOTAL_UNCOMPRESSED:
            raise DocxRejected("解压后体积过大，疑似压缩炸弹，拒绝导入")
        if info.file_size > RATIO_FLOOR:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > MAX_MEMBER_RATIO:
                raise DocxRejected(f"压缩比异常（{info.filename}），疑似压缩炸弹，拒绝导入")


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, EOFError) as exc:
        raise DocxRejected(f"压缩包已损坏（{info.filename} 无法解压）") from exc


def _check_no_dtd(name: str, part: bytes) -> None:
    for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
        for marker in _DTD_MARKERS:
            needle = marker.encode(encoding)
            if needle in part or needle.lower() in part:
                raise DocxRejected(
                    f"文档部件 {name} 含有 DTD/实体声明（可能是 XML 实体攻击），拒绝导入"
                )


def read_docx_content(path: str | Path) -> DocxContent:
    """Check and read a .docx: paragraph lines (layout tables flattened) and data tables."""
    data = Path(path).read_bytes()
    check_docx_bytes(data)
    import docx  # python-docx; imported lazily, it is slow to import

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many types for broken packages
        raise DocxRejected(f"无法解析 Word 文档：{type(exc).__name__}") from exc
    content = DocxContent()
    _walk(document.element.body, document, content)
    return content


def read_docx(path: str | Path) -> tuple[list[str], list[list[list[str]]]]:
    """Lines (paragraphs in body order) and tables (rows of cell texts) of a .docx."""
    content = read_docx_content(path)
    return content.lines, content.tables


def _walk(container, parent, content: DocxContent) -> None:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in container.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, parent)
            if paragraph.style is not None and paragraph.style.style_id == "Title":
                # A long title broken over two lines (wenshu does so) is one title.
                content.lines.append(paragraph.text.replace("\n", ""))
            else:
                content.lines.extend(paragraph.text.splitlines())
        elif tag == "tbl":
            rows = _table_rows(Table(child, parent))
            if rows and all(len(row) == 1 for row in rows):
                # One-column tables are page layout (a plan typed inside a frame): text.
                for row in rows:
                    content.lines.extend(row[0].splitlines())
            elif rows:
                content.table_positions.append(len(content.lines))
                content.tables.append(rows)
        elif tag == "sdt":
            for inner in child.iterchildren():
                if inner.tag.rsplit("}", 1)[-1] == "sdtContent":
                    _walk(inner, parent, content)


def _table_rows(table) -> list[list[str]]:
    rows: list[list[str]] = []
    for row in table.rows:
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            # Merged cells are returned once per grid column; keep one copy.
            if previous is not None and cell._tc is previous:
                continue
            previous = cell._tc
            cells.append(cell.text.strip())
        if any(cells):
            rows.append(cells)
    return rows
