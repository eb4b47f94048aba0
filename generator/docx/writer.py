"""Turn a doctree.Document into a styled Word document."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.text.paragraph import Paragraph as DocxParagraph

from ..doctree import (
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Signature,
    Table,
    Title,
    format_cn_date,
)
from ..errors import WenshuError
from ..fsutil import check_writable, write_atomic
from .ooxml import (
    PPR_ORDER,
    add_text,
    apply_font_to_run,
    clean_text,
    indent,
    put,
    set_paragraph_style,
    text_width_chars,
)
from .page import setup_section
from .profiles import DEFAULT_PROFILE, Profile, get_profile
from .styles import BODY, SUBTITLE, TITLE, heading_style_id, install_styles
from .tables import add_table

_ALIGN = {
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}


def build_docx(doc: Document, profile: str | Profile = DEFAULT_PROFILE) -> DocxDocument:
    """Lay out `doc` in memory with the named profile and return the python-docx document."""
    prof = get_profile(profile)
    out = docx.Document()
    install_styles(out, prof)
    setup_section(out.sections[0], prof)
    _set_core_properties(out, doc)
    _Builder(out, prof).add_blocks(doc.blocks)
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

    def save(tmp: Path) -> None:
        try:
            out.save(str(tmp))
        except OSError as exc:
            raise WenshuError(f"无法写入 {path}：{exc.strerror or exc}") from exc

    return write_atomic(path, save, force)


class _Builder:
    """Appends blocks to the python-docx document, one method per block type."""

    def __init__(self, out: DocxDocument, profile: Profile):
        self.out = out
        self.profile = profile
        self.page_break_pending = False

    def add_blocks(self, blocks) -> None:
        last_was_table = False
        for block in blocks:
            if isinstance(block, PageBreak):
                self.page_break_pending = True
                continue
            if isinstance(block, Table):
                if last_was_table and not block.caption:
                    # Adjacent w:tbl elements would be merged into one table by Word.
                    self._paragraph(BODY)
                if self.page_break_pending and not block.caption:
                    self._paragraph(BODY)
                add_table(self.out, block, self.profile)
                last_was_table = True
                continue
            last_was_table = False
            if isinstance(block, Title):
                self._title(block)
            elif isinstance(block, Heading):
                para = self._paragraph(heading_style_id(block.level))
                add_text(para, block.full_text)
            elif isinstance(block, Paragraph):
                self._body(block)
            elif isinstance(block, Signature):
                self._signature(block)
            else:
                raise TypeError(f"unknown block {type(block).__name__}")
        if last_was_table:
            # Word wants a paragraph after a table at the end of the body.
            self._paragraph(BODY)

    def _paragraph(self, style_id: str) -> DocxParagraph:
        """A new paragraph in `style_id`, taking over a pending page break."""
        para = self.out.add_paragraph()
        set_paragraph_style(para._p, style_id)
        if self.page_break_pending:
            para.paragraph_format.page_break_before = True
            self.page_break_pending = False
        return para

    def _title(self, block: Title) -> None:
        add_text(self._paragraph(TITLE), block.text)
        if block.subtitle:
            add_text(self._paragraph(SUBTITLE), block.subtitle)
        self._paragraph(BODY)  # one blank line between title and body

    def _body(self, block: Paragraph) -> None:
        para = self._paragraph(BODY)
        if block.align != "justify":  # justified is the style's own alignment
            para.alignment = _ALIGN[block.align]
        if not block.indent:
            self._indent(para, first=0)
        for piece in block.runs:
            run = add_text(para, piece.text)
            if piece.level is not None:
                font = self.profile.heading(piece.level)
                apply_font_to_run(run._r, font, bold=font.bold or piece.bold)
            elif piece.bold:
                run.bold = True

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
        self._paragraph(BODY)  # one blank line after the body
        para = self._paragraph(BODY)
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        self._indent(para, first=0, right=unit_right)
        add_text(para, unit)
        if date:
            para = self._paragraph(BODY)
            para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            self._indent(para, first=0, right=date_right)
            add_text(para, date)

    def _indent(self, para: DocxParagraph, *, first: float, right: float | None = None) -> None:
        ind = indent(first_chars=first, right_chars=right, char_twips=self.profile.body.char_twips)
        put(para._p.get_or_add_pPr(), ind, PPR_ORDER)


def _set_core_properties(out: DocxDocument, doc: Document) -> None:
    props = out.core_properties
    title = doc.title or next((b.text for b in doc.blocks if isinstance(b, Title)), "")
    props.title = clean_text(title)
    props.author = clean_text(doc.author)
    props.last_modified_by = clean_text(doc.author)
    props.subject = clean_text(doc.kind)
    props.category = clean_text(doc.kind)
    props.language = "zh-CN"
    props.comments = ""  # the template says "generated by python-docx"
    props.keywords = ""
    props.revision = 1
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    props.created = now
    props.modified = now
