"""Read a .docx safely and as a reader sees it.

The archive is checked (size, ratio, DTD/entities, encryption, every XML part must
decompress) before anything is parsed; the parts are then read with lxml (no python-docx):
paragraphs in body order with Word's list numbers rendered from numbering.xml, and
tables with their merged cells, each table left as a token line where it stood."""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from pathlib import Path

from .docx_numbering import Numbering
from .docx_xml import PKG_REL, W, attr, child, local, parse_xml
from .table_model import Cell, Table, strip_token_chars, token

# Limits checked on the zip directory before anything is decompressed.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024
MAX_MEMBER_RATIO = 100  # uncompressed / compressed, for members bigger than RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
MAX_MEMBERS = 5000

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DTD_MARKERS = ("<!DOCTYPE", "<!ENTITY")
_OFFICE_DOCUMENT = "/officeDocument"
# Containers whose runs are part of the paragraph's text (tracked insertions, links, fields).
_RUN_CONTAINERS = {
    "hyperlink", "ins", "smartTag", "fldSimple", "customXml", "sdt", "sdtContent", "moveTo", "dir",
    "bdo",
}  # fmt: skip
_BLOCK_CONTAINERS = {"sdt", "sdtContent", "customXml", "ins", "moveTo"}


class DocxRejected(ValueError):
    """The .docx cannot be read safely; `reason` is a Chinese sentence."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class DocxText:
    """Lines of a .docx in body order (each table a token line) and its tables."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.tables: list[Table] = []


def check_docx_bytes(data: bytes) -> dict[str, bytes]:
    """The XML parts of `data` by name; raise DocxRejected unless it is a plain, reasonably
    sized OOXML zip without DTDs whose parts all decompress."""
    return check_ooxml_bytes(data, "docx")


# What the checks call a file of each OOXML format.
_FORMATS = {
    "docx": ("Word 文档或旧版 .doc 格式", "Word 中取消密码并另存为 .docx", ".docx 文件", "Word 正文（word/document.xml），不是 .docx 文档"),
    "xlsx": ("表格或旧版 .xls 格式", "Excel 或 WPS 表格中取消密码并另存为 .xlsx", ".xlsx 文件", "工作表（xl/workbook.xml），不是 .xlsx 表格"),
}  # fmt: skip


def check_ooxml_bytes(data: bytes, fmt: str = "docx") -> dict[str, bytes]:
    """check_docx_bytes for any OOXML format (`fmt` "docx" or "xlsx"): the same limits,
    with messages naming the format."""
    old, fix, name, body = _FORMATS[fmt]
    if not data.strip(b"\x00 \t\r\n"):
        raise DocxRejected("文件是空的")
    if data.startswith(OLE_SIGNATURE):
        raise DocxRejected(f"文件是加密的{old}（OLE 复合文档），无法读取；请在{fix}")
    if len(data) > MAX_FILE_BYTES:
        raise DocxRejected(f"文件超过 {MAX_FILE_BYTES // (1024 * 1024)} MB，拒绝导入")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, zlib.error) as exc:
        raise DocxRejected(f"不是有效的 {name}（无法作为 zip 压缩包打开）") from exc
    parts: dict[str, bytes] = {}
    with archive:
        infos = archive.infolist()
        _check_sizes(infos)
        names = {info.filename for info in infos}
        if "[Content_Types].xml" not in names:
            raise DocxRejected(f"压缩包里没有{body}")
        for info in infos:
            if info.filename.endswith((".xml", ".rels")):
                part = _read_member(archive, info)
                _check_no_dtd(info.filename, part)
                parts[info.filename] = part
    return parts


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
    except (
        zipfile.BadZipFile,
        RuntimeError,
        NotImplementedError,
        OSError,
        EOFError,
        ValueError,
        zlib.error,
    ) as exc:
        raise DocxRejected(f"压缩包已损坏（{info.filename} 无法解压）") from exc


def _check_no_dtd(name: str, part: bytes) -> None:
    for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
        for marker in _DTD_MARKERS:
            needle = marker.encode(encoding)
            if needle in part or needle.lower() in part:
                raise DocxRejected(
                    f"文档部件 {name} 含有 DTD/实体声明（可能是 XML 实体攻击），拒绝导入"
                )


def read_docx_content(path: str | Path) -> DocxText:
    """Check and read a .docx: lines in body order (tables as token lines) and tables."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise DocxRejected(f"无法读取文件：{exc.strerror or exc}") from exc
    parts = check_docx_bytes(data)
    main = _main_part(parts)
    if main not in parts:
        raise DocxRejected("压缩包里没有 Word 正文（word/document.xml），不是 .docx 文档")
    rels = _relations(parts, main)
    try:
        root = parse_xml(parts[main])
        styles = _Styles(parse_xml(parts[rels["styles"]]) if "styles" in rels else None)
        numbering_root = parse_xml(parts[rels["numbering"]]) if "numbering" in rels else None
    except Exception as exc:  # lxml raises XMLSyntaxError and friends for broken parts
        raise DocxRejected(f"无法解析 Word 文档：{type(exc).__name__}") from exc
    body = child(root, "body")
    if body is None:
        raise DocxRejected("Word 正文（document.xml）里没有正文内容，不是有效的 .docx 文档")
    reader = _BodyReader(Numbering(numbering_root, styles.numbering_links), styles)
    reader.walk(body)
    return reader.out


def _main_part(parts: dict[str, bytes]) -> str:
    """Name of the main document part, from the package relationships."""
    data = parts.get("_rels/.rels")
    if data:
        try:
            for rel in parse_xml(data).iter(f"{PKG_REL}Relationship"):
                if (rel.get("Type") or "").endswith(_OFFICE_DOCUMENT):
                    return (rel.get("Target") or "").lstrip("/") or "word/document.xml"
        except Exception:  # a broken .rels: fall back to the usual name
            pass
    return "word/document.xml"


def _relations(parts: dict[str, bytes], main: str) -> dict[str, str]:
    """Part names of the main part's styles and numbering (by relationship type)."""
    folder, name = posixpath.split(main)
    data = parts.get(posixpath.join(folder, "_rels", f"{name}.rels"))
    out: dict[str, str] = {}
    if data:
        try:
            for rel in parse_xml(data).iter(f"{PKG_REL}Relationship"):
                kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
                target = rel.get("Target") or ""
                if kind in ("styles", "numbering") and rel.get("TargetMode") != "External":
                    full = (
                        target.lstrip("/")
                        if target.startswith("/")
                        else posixpath.join(folder, target)
                    )
                    out[kind] = posixpath.normpath(full)
        except Exception:  # a broken .rels: read the text without styles and numbering
            return {}
    return {k: v for k, v in out.items() if v in parts}


class _Styles:
    """Paragraph styles: the numbering a style carries (through w:basedOn)."""

    def __init__(self, root) -> None:
        self.based_on: dict[str, str] = {}
        self.num: dict[str, tuple[str | None, int | None]] = {}
        self.numbering_links: dict[str, str] = {}  # numbering style id → numId
        if root is None:
            return
        for style in root.iterchildren(f"{W}style"):
            sid = attr(style, "styleId") or ""
            based = child(style, "basedOn")
            if based is not None and attr(based, "val"):
                self.based_on[sid] = attr(based, "val") or ""
            ppr = child(style, "pPr")
            num = child(ppr, "numPr") if ppr is not None else None
            if num is not None:
                ref = _num_ref(num)
                self.num[sid] = ref
                if attr(style, "type") == "numbering" and ref[0]:
                    self.numbering_links[sid] = ref[0]

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """(numId, ilvl) a paragraph style gives its paragraphs, following basedOn."""
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            if style_id in self.num:
                return self.num[style_id]
            style_id = self.based_on.get(style_id)
        return None, None


def _num_ref(num_pr) -> tuple[str | None, int | None]:
    num_id = child(num_pr, "numId")
    ilvl = child(num_pr, "ilvl")
    level = None
    if ilvl is not None:
        try:
            level = int(attr(ilvl, "val") or 0)
        except ValueError:
            level = 0
    return (attr(num_id, "val") if num_id is not None else None), level


class _BodyReader:
    def __init__(self, numbering: Numbering, styles: _Styles) -> None:
        self.numbering = numbering
        self.styles = styles
        self.out = DocxText()

    def walk(self, container) -> None:
        for el in container.iterchildren():
            tag = local(el)
            if tag == "p":
                text = self.paragraph(el)
                if _style_id(el) == "Title":
                    # A long title broken over two lines (wenshu does so) is one title.
                    self.out.lines.append(text.replace("\n", ""))
                else:
                    self.out.lines.extend(text.split("\n"))
            elif tag == "tbl":
                self.table(el)
            elif tag in _BLOCK_CONTAINERS:
                self.walk(el)

    def paragraph(self, p) -> str:
        """The paragraph's text with its list label in front (tabs kept, breaks as \\n)."""
        parts: list[str] = []
        _runs_text(p, parts)
        text = strip_token_chars("".join(parts))
        label = self.label(p)
        return f"{label}{text.lstrip()}" if label and text.strip() else text

    def label(self, p) -> str:
        ppr = child(p, "pPr")
        num_id = ilvl = None
        style = _style_id(p)
        if ppr is not None:
            num = child(ppr, "numPr")
            if num is not None:
                num_id, ilvl = _num_ref(num)
        if num_id is None or ilvl is None:
            style_num, style_lvl = self.styles.numbering(style)
            num_id = num_id if num_id is not None else style_num
            ilvl = ilvl if ilvl is not None else style_lvl
        if num_id is None:
            return ""
        return self.numbering.label(num_id, ilvl or 0)

    def table(self, tbl) -> None:
        cells = self.table_cells(tbl)
        rows = [row for row in cells if any(c.text for c in row)]
        if not rows:
            return
        if all(sum(1 for c in row if c.text and not c.continued) <= 1 for row in rows):
            # A one-column table is page layout (a plan typed inside a frame): text.
            for row in rows:
                for c in row:
                    if not c.continued:
                        self.out.lines.extend(c.paragraphs)
            return
        self.out.lines.append(token(len(self.out.tables)))
        self.out.tables.append(Table(rows))

    def table_cells(self, tbl) -> list[list[Cell]]:
        rows: list[list[Cell]] = []
        for tr in _children(tbl, "tr"):
            row: list[Cell] = []
            col = _grid_before(tr)
            for tc in _children(tr, "tc"):
                tcpr = child(tc, "tcPr")
                span, vmerge, hmerge = 1, None, None
                if tcpr is not None:
                    gs = child(tcpr, "gridSpan")
                    if gs is not None:
                        try:
                            span = max(1, min(int(attr(gs, "val") or 1), 64))
                        except ValueError:
                            span = 1
                    vm = child(tcpr, "vMerge")
                    if vm is not None:
                        vmerge = attr(vm, "val") or "continue"
                    hm = child(tcpr, "hMerge")
                    if hm is not None:
                        hmerge = attr(hm, "val") or "continue"
                paragraphs = self.cell_paragraphs(tc)
                if hmerge == "continue" and row:
                    row[-1].span += span  # legacy horizontal merge: part of the cell before
                    col += span
                    continue
                row.append(Cell(paragraphs, col, span, continued=vmerge == "continue"))
                col += span
            rows.append(_dedupe_repeated(row))
        return rows

    def cell_paragraphs(self, tc) -> list[str]:
        out: list[str] = []
        for el in tc.iterchildren():
            tag = local(el)
            if tag == "p":
                out.extend(line for line in self.paragraph(el).split("\n"))
            elif tag == "tbl":
                # A table inside a cell: its cells in reading order, as paragraphs.
                for row in self.table_cells(el):
                    out.extend(p for c in row if not c.continued for p in c.paragraphs)
            elif tag in _BLOCK_CONTAINERS:
                out.extend(self.cell_paragraphs(el))
        while out and not out[-1].strip():
            out.pop()
        return out


def _style_id(p) -> str | None:
    ppr = child(p, "pPr")
    pstyle = child(ppr, "pStyle") if ppr is not None else None
    return attr(pstyle, "val") if pstyle is not None else None


def _children(el, name: str):
    """w:`name` children, looking through content controls and custom XML wrappers."""
    for c in el.iterchildren():
        tag = local(c)
        if tag == name:
            yield c
        elif tag in ("sdt", "sdtContent", "customXml"):
            yield from _children(c, name)


def _grid_before(tr) -> int:
    trpr = child(tr, "trPr")
    gb = child(trpr, "gridBefore") if trpr is not None else None
    try:
        return int(attr(gb, "val") or 0) if gb is not None else 0
    except ValueError:
        return 0


def _dedupe_repeated(row: list[Cell]) -> list[Cell]:
    """Neighbouring cells with the same text are one merged cell written once per column."""
    out: list[Cell] = []
    for cell in row:
        if out and cell.text and cell.text == out[-1].text and not cell.continued:
            out[-1].span += cell.span
            continue
        out.append(cell)
    return out


def _runs_text(el, parts: list[str]) -> None:
    for c in el.iterchildren():
        tag = local(c)
        if tag == "r":
            for r in c.iterchildren():
                rt = local(r)
                if rt == "t":
                    parts.append(r.text or "")
                elif rt in ("tab", "ptab"):
                    parts.append("\t")
                elif rt in ("br", "cr"):
                    parts.append("\n")
                elif rt == "noBreakHyphen":
                    parts.append("-")
        elif tag in _RUN_CONTAINERS:
            _runs_text(c, parts)
