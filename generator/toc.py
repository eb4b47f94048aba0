"""目录: put a table of contents after the title and fill in its page numbers.

WPS never refreshes fields and Word only on request, so the TOC field's shown result
must already be right when the file is opened. Page numbers need a layout: the document
is converted once with LibreOffice, whose PDF carries a bookmark for every heading with
the page it is on. Reading those bookmarks needs no PDF tool beyond LibreOffice itself.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from .doctree import Document, Heading, TableOfContents, Title, toc_entries
from .errors import WenshuError

NO_NUMBERS_NOTE = (
    "提示：本机没有 LibreOffice，目录只列出了标题，没有页码。"
    "在 Word 中右键单击目录，选择“更新域”即可补上页码（WPS：右键“更新目录”）。"
)


def insert_toc(document: Document, levels: int = 2) -> TableOfContents:
    """Put a TableOfContents right after the title (at the start when there is none)."""
    toc = TableOfContents(levels=levels)
    at = next((i + 1 for i, b in enumerate(document.blocks) if isinstance(b, Title)), 0)
    document.blocks.insert(at, toc)
    return toc


def fill_toc_pages(document: Document, profile: str) -> str | None:
    """Lay `document` out with LibreOffice and store each TOC entry's page number.

    Returns a note for the user when the numbers could not be found (None when they were).
    """
    from .errors import ToolMissingError

    tocs = [b for b in document.blocks if isinstance(b, TableOfContents)]
    if not tocs:
        return None
    toc = tocs[0]
    entries = toc_entries(document.blocks, toc.levels)
    # Same digits as the final numbers, so the TOC takes the same room in both layouts.
    toc.pages = [8] * len(entries)
    try:
        marks = laid_out_bookmarks(document, profile)
    except ToolMissingError:
        toc.pages = None
        return NO_NUMBERS_NOTE
    except WenshuError as exc:
        toc.pages = None
        return f"提示：LibreOffice 排版失败，目录没有页码（{exc.message.splitlines()[0]}）。"
    pages = match_pages(entries, marks)
    if pages is None:
        toc.pages = None
        return (
            "提示：没能在排版结果中找到全部标题，目录没有页码；可在 Word 中右键目录选择“更新域”。"
        )
    toc.pages = pages
    return None


def laid_out_bookmarks(document: Document, profile: str) -> list[tuple[str, int]]:
    """Lay `document` out with LibreOffice: (title, page) of every outline entry (every
    heading) of the PDF. ToolMissingError without LibreOffice, WenshuError when it fails."""
    from .docx import build_docx
    from .pdf import convert_to_pdf

    with tempfile.TemporaryDirectory(prefix="wenshu-layout-") as work:
        docx_path = Path(work) / "layout.docx"
        build_docx(document, profile).save(str(docx_path))
        pdf = convert_to_pdf(docx_path, Path(work) / "layout.pdf")
        return pdf_bookmarks(pdf.read_bytes())


def match_pages(entries: list[Heading], marks: list[tuple[str, int]]) -> list[int] | None:
    """The page of each entry: the next bookmark, in order, whose title starts with the
    entry's text. None when one is not found."""
    pages = []
    pos = 0
    for heading in entries:
        want = _squeeze(heading.full_text)
        for k in range(pos, len(marks)):
            if _squeeze(marks[k][0]).startswith(want):
                pages.append(marks[k][1])
                pos = k + 1
                break
        else:
            return None
    return pages


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


# ---- reading the bookmarks of a PDF that LibreOffice wrote ---------------------------------

_OBJ = re.compile(rb"(\d+)\s+0\s+obj\b(.*?)\bendobj", re.S)


def _ref(body: bytes, key: bytes) -> int | None:
    m = re.search(rb"/" + key + rb"\s+(\d+)\s+0\s+R", body)
    return int(m.group(1)) if m else None


def pdf_bookmarks(data: bytes) -> list[tuple[str, int]]:
    """(title, page number from 1) of every bookmark, in reading order."""
    objects = {int(m.group(1)): m.group(2) for m in _OBJ.finditer(data)}
    catalog = next((b for b in objects.values() if re.search(rb"/Type\s*/Catalog", b)), None)
    if catalog is None:
        return []
    page_numbers = {num: i for i, num in enumerate(_pages(objects, _ref(catalog, b"Pages")), 1)}
    outlines = _ref(catalog, b"Outlines")
    if outlines is None or outlines not in objects:
        return []
    out: list[tuple[str, int]] = []
    _walk(objects, _ref(objects[outlines], b"First"), page_numbers, out, set())
    return out


def _pages(objects: dict[int, bytes], num: int | None) -> list[int]:
    """Object numbers of the page leaves under page-tree node `num`, in order."""
    if num is None or num not in objects:
        return []
    body = objects[num]
    kids = re.search(rb"/Kids\s*\[([^\]]*)\]", body)
    if not kids:
        return [num]
    leaves: list[int] = []
    for kid in re.findall(rb"(\d+)\s+0\s+R", kids.group(1)):
        leaves.extend(_pages(objects, int(kid)))
    return leaves


def _walk(
    objects: dict[int, bytes],
    num: int | None,
    page_numbers: dict[int, int],
    out: list[tuple[str, int]],
    seen: set[int],
) -> None:
    while num is not None and num in objects and num not in seen:
        seen.add(num)
        body = objects[num]
        dest = re.search(rb"/D(?:est)?\s*\[\s*(\d+)\s+0\s+R", body)
        title = re.search(rb"/Title\s*(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))", body, re.S)
        if dest and title and int(dest.group(1)) in page_numbers:
            out.append((_pdf_string(title.group(1)), page_numbers[int(dest.group(1))]))
        _walk(objects, _ref(body, b"First"), page_numbers, out, seen)
        num = _ref(body, b"Next")


def _pdf_string(token: bytes) -> str:
    """Text of a PDF string token: <FEFF…> hex (UTF-16) or a (literal) string."""
    if token.startswith(b"<"):
        raw = bytes.fromhex(re.sub(rb"\s", b"", token[1:-1]).decode("ascii"))
    else:
        raw = re.sub(
            rb"\\([0-7]{1,3}|.)",
            lambda m: (
                bytes([int(m.group(1), 8)])
                if m.group(1)[:1].isdigit()
                else {b"n": b"\n", b"r": b"\r", b"t": b"\t"}.get(m.group(1), m.group(1))
            ),
            token[1:-1],
            flags=re.S,
        )
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", errors="replace")
    return raw.decode("latin-1")
