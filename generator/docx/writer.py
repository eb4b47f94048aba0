"""Turn a doctree.Document into a styled Word document."""

from __future__ import annotations

import copy
import datetime as dt
import functools
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
from docx.document import Document as DocxDocument

from ..doctree import (
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Signature,
    Table,
    TableOfContents,
    Title,
    format_cn_date,
    toc_entries,
)
from ..fsutil import check_writable, write_bytes_atomic
from .ooxml import (
    clean_text,
    esc,
    font_props_xml,
    indent_xml,
    paragraph_xml,
    parse_body_xml,
    run_xml,
    text_run_xml,
    text_width_chars,
)
from .page import setup_section
from .profiles import DEFAULT_PROFILE, FontSpec, Profile, get_profile
from .styles import (
    BODY,
    SUBTITLE,
    TITLE,
    TOC_TITLE,
    heading_style_id,
    install_styles,
    toc_style_id,
)
from .tables import table_xml
from .titles import set_title

_JC = {"justify": "both", "left": "left", "center": "center", "right": "right"}

# Writers of block types defined outside doctree.py (the 通知's 版头, a 制度's 条 …), by
# exact type: `fn(builder, block)` appends the block's XML through the builder. Modules
# holding such writers register them with @block_writer and are imported by the package.
BLOCK_WRITERS: dict[type, Callable[[_Builder, Any], None]] = {}


def block_writer(block_type: type) -> Callable:
    """Register the decorated function as the writer of `block_type`."""

    def register(fn: Callable[[_Builder, Any], None]) -> Callable[[_Builder, Any], None]:
        BLOCK_WRITERS[block_type] = fn
        return fn

    return register


def build_docx(doc: Document, profile: str | Profile = DEFAULT_PROFILE) -> DocxDocument:
    """Lay out `doc` in memory with the named profile and return the python-docx document."""
    prof = get_profile(profile)
    out = copy.deepcopy(_styled_template(prof))
    _set_core_properties(out, doc)
    _set_app_properties(out, doc)
    builder = _Builder(prof)
    builder.add_blocks(doc.blocks)
    body = out.element.body
    sect_pr = body.sectPr
    body.extend(list(parse_body_xml(builder.xml())))
    if sect_pr is not None:
        body.append(sect_pr)  # moves it back to the end, after the new content
    for finish in builder.finishers:
        finish(out)
    return out


@functools.lru_cache(maxsize=8)
def _styled_template(prof: Profile) -> DocxDocument:
    """python-docx's default document with the styles, settings and page of `prof`.

    Built once per profile and process; each document starts from a deep copy,
    which is several times cheaper than reading and restyling the template again.
    Only the XML parts and package objects are held here (no python-docx proxies
    of inner elements), so a deep copy is fully independent of the original.
    """
    out = docx.Document()
    install_styles(out, prof)
    setup_section(out.sections[0], prof)
    # The template's thumbnail is a picture of some other page: file browsers that
    # show it would preview the wrong document.
    rels = out.part.package.rels
    for rid, rel in list(rels.items()):
        if rel.reltype.endswith("/metadata/thumbnail"):
            rels.pop(rid)
    return out


def write_docx(
    doc: Document,
    path: str | Path,
    profile: str | Profile = DEFAULT_PROFILE,
    force: bool = False,
) -> Path:
    """Build `doc` and save it to `path` atomically; never overwrite without `force`."""
    path = Path(path)
    check_writable(path, force)  # fail before the work, not after
    out = build_docx(doc, profile)

    # Zipped in memory, then written in one go: a full disk then fails in our write, not
    # inside a half-closed ZipFile (whose __del__ used to print a traceback).
    buffer = io.BytesIO()
    out.save(buffer)
    return write_bytes_atomic(path, buffer.getvalue(), force)


class _Builder:
    """Writes blocks as body XML, one method per block type."""

    def __init__(self, profile: Profile):
        self.profile = profile
        self.page_break_pending = False
        # Whether the last block written ends in a table: a block writer that writes one
        # (a form) sets it, so that a paragraph separates it from the next table.
        self.last_was_table = False
        self.parts: list[str] = []
        self._font_props: dict[tuple[FontSpec, bool], str] = {}
        # Run on the whole document once the body is in place (sections, footers …).
        self.finishers: list[Callable[[DocxDocument], None]] = []

    def xml(self) -> str:
        return "".join(self.parts)

    def add_blocks(self, blocks) -> None:
        self.last_was_table = False
        for block in blocks:
            if isinstance(block, PageBreak):
                self.page_break_pending = True
                continue
            if isinstance(block, Table):
                if self.last_was_table and not block.caption:
                    # Adjacent w:tbl elements would be merged into one table by Word.
                    self._paragraph(BODY)
                if self.page_break_pending and not block.caption:
                    self._paragraph(BODY)
                self.parts.append(table_xml(block, self.profile))
                self.last_was_table = True
                continue
            if (
                self.last_was_table
                and not isinstance(block, Signature)
                and not self.page_break_pending
            ):
                # One blank line between a table and the text after it (the signature
                # brings its own).
                self._paragraph(BODY)
            self.last_was_table = False
            write = BLOCK_WRITERS.get(type(block))
            if write is not None:
                write(self, block)
            elif isinstance(block, Title):
                self._title(block)
            elif isinstance(block, Heading):
                self._heading(block)
            elif isinstance(block, Paragraph):
                self._body(block)
            elif isinstance(block, Signature):
                self._signature(block)
            elif isinstance(block, TableOfContents):
                self._toc(block, toc_entries(blocks, block.levels))
            else:
                raise TypeError(f"unknown block {type(block).__name__}")
        if self.last_was_table:
            # Word wants a paragraph after a table at the end of the body.
            self._paragraph(BODY)

    def _paragraph(
        self,
        style_id: str,
        runs: str = "",
        *,
        ind: str = "",
        jc: str = "",
        keep_next: bool | None = None,
    ) -> None:
        """A new paragraph in `style_id`, taking over a pending page break."""
        self.parts.append(
            paragraph_xml(
                style_id,
                runs,
                page_break=self.page_break_pending,
                ind=ind,
                jc=jc,
                keep_next=keep_next,
            )
        )
        self.page_break_pending = False

    def _heading(self, block: Heading) -> None:
        style_id = heading_style_id(block.level)
        if not block.body:
            self._paragraph(style_id, text_run_xml(block.full_text))
            return
        # Run-in heading: the title in the heading's font, the text after it in the body
        # font. It is a paragraph of text, so it need not stay with the next one.
        body = run_xml(self._props(self.profile.body, False), clean_text(block.body))
        self._paragraph(style_id, text_run_xml(block.full_text) + body, keep_next=False)

    def _title(self, block: Title) -> None:
        self._paragraph(TITLE, text_run_xml(set_title(block.text, self.profile)))
        if block.subtitle:
            self._paragraph(SUBTITLE, text_run_xml(block.subtitle))
        self._paragraph(BODY)  # one blank line between title and body

    def _body(self, block: Paragraph) -> None:
        runs = []
        for piece in block.runs:
            if piece.level is not None:
                font = self.profile.heading(piece.level)
                runs.append(
                    run_xml(self._props(font, font.bold or piece.bold), clean_text(piece.text))
                )
            else:
                runs.append(text_run_xml(piece.text, bold=piece.bold))
        # Justified is the style's own alignment.
        jc = _JC[block.align] if block.align != "justify" else ""
        # A lead-in ("……情况说明如下：") introduces what follows: never last on a page.
        lead_in = block.text.rstrip().endswith(("：", ":")) or None
        self._paragraph(
            BODY,
            "".join(runs),
            ind="" if block.indent else self._indent(0),
            jc=jc,
            keep_next=lead_in,
        )

    def _toc(self, block: TableOfContents, entries: list[Heading]) -> None:
        """目录 as a real TOC field whose shown result is already filled in: WPS and
        LibreOffice show it as written, Word until the user updates the field."""
        self._paragraph(TOC_TITLE, text_run_xml("目\u3000录"))
        pages = block.pages if block.pages and len(block.pages) == len(entries) else None
        begin = (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> TOC \\o "1-{block.levels}" \\u </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        )
        end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        if not entries:
            self._paragraph(toc_style_id(1), begin + end)
        for i, heading in enumerate(entries):
            runs = text_run_xml(heading.full_text)
            if pages is not None:
                runs += f"<w:r><w:tab/><w:t>{pages[i]}</w:t></w:r>"
            first, last = i == 0, i == len(entries) - 1
            self._paragraph(
                toc_style_id(heading.level),
                (begin if first else "") + runs + (end if last else ""),
            )
        self.page_break_pending = True  # the body starts on the next page

    def _props(self, font: FontSpec, bold: bool) -> str:
        key = (font, bold)
        props = self._font_props.get(key)
        if props is None:
            props = self._font_props[key] = font_props_xml(font, bold)
        return props

    def _signature(self, block: Signature) -> None:
        """Unit 2 characters in from the right, date below it (GB/T 9704 7.3.5.2).

        The date starts 2 characters right of the unit's first character; when the
        date is the longer line it sits 2 characters in and the unit moves left.
        """
        unit = clean_text(block.unit)
        date = format_cn_date(block.date) if block.date else ""
        unit_w, date_w = text_width_chars(unit), text_width_chars(date)
        unit_right = 2.0
        date_right = unit_right + unit_w - 2 - date_w
        if date and date_right < 2:
            date_right = 2.0
            unit_right = date_right + date_w + 2 - unit_w
        # The signature never stands alone on a page: the last paragraph of the body,
        # the blank line and the unit keep with what follows them.
        self._keep_last_paragraph_with_next()
        self._paragraph(BODY, keep_next=True)  # one blank line after the body
        self._paragraph(
            BODY,
            text_run_xml(unit),
            ind=self._indent(0, unit_right),
            jc="right",
            keep_next=bool(date),
        )
        if date:
            self._paragraph(BODY, text_run_xml(date), ind=self._indent(0, date_right), jc="right")

    def _keep_last_paragraph_with_next(self) -> None:
        """Give the paragraph written last keep-with-next; after a table, the paragraphs
        of its last row (so that row goes to the next page with what follows)."""
        if self.parts and self.parts[-1].startswith("<w:tbl>"):
            table = self.parts[-1]
            cut = table.rindex("<w:tr>")
            row = re.sub(
                r"(<w:pStyle w:val=\"[^\"]+\"/>)(?!<w:keepNext)", r"\1<w:keepNext/>", table[cut:]
            )
            self.parts[-1] = table[:cut] + row
            return
        if not self.parts or not self.parts[-1].startswith("<w:p><w:pPr><w:pStyle "):
            return
        if "<w:keepNext/>" in self.parts[-1]:
            return
        last = self.parts[-1].replace('<w:keepNext w:val="0"/>', "", 1)
        end = last.index("/>") + 2  # after w:pStyle, where paragraph_xml puts keepNext
        self.parts[-1] = last[:end] + "<w:keepNext/>" + last[end:]

    def _indent(self, first: float, right: float | None = None) -> str:
        return indent_xml(
            first_chars=first, right_chars=right, char_twips=self.profile.body.char_twips
        )


def _prop(text: str) -> str:
    # The OPC format allows 255 characters per property (python-docx raises beyond that).
    return clean_text(text)[:255]


_APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Template>Normal.dotm</Template><TotalTime>0</TotalTime>"
    "<Application>wenshu</Application><DocSecurity>0</DocSecurity>"
    "<ScaleCrop>false</ScaleCrop><Company>{company}</Company>"
    "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)


def _set_app_properties(out: DocxDocument, doc: Document) -> None:
    """docProps/app.xml names wenshu as the application (the template says "Microsoft
    Macintosh Word" and carries stale page and word counts)."""
    company = esc(clean_text(doc.author))
    for part in out.part.package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = _APP_XML.format(company=company).encode("utf-8")


def _set_core_properties(out: DocxDocument, doc: Document) -> None:
    props = out.core_properties
    title = doc.title or next((b.text for b in doc.blocks if isinstance(b, Title)), "")
    props.title = _prop(title)
    props.author = _prop(doc.author)
    props.last_modified_by = _prop(doc.author)
    props.subject = _prop(doc.kind)
    props.category = _prop(doc.kind)
    props.language = "zh-CN"
    props.comments = ""  # the template says "generated by python-docx"
    props.keywords = ""
    props.revision = 1
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    props.created = now
    props.modified = now
