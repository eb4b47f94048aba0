"""The forms of a 教研组台帐 as a 教研组长 prints them, in both profiles: full-width ruled
tables whose labels never wrap, header rows repeated, short rows kept whole, rows of set
height to write in, one page per form; and, as LibreOffice lays them out, every form
title on the page its 目录 entry names, no lone character on a line of a cell, no page
number on the cover.

Checked on the built-in demo (数学教研组台帐, with its linked plan) and on a large group
whose sign-in sheet runs in two columns.
"""

from __future__ import annotations

import functools
import re
import shutil
from pathlib import Path

import pytest
from helpers_docx import NS, paragraphs, q, write_spec
from helpers_layout import GTable, table_font_em_twips, tables_of
from helpers_ledger import ledger
from helpers_pdf import Line, pdf_lines, pdf_words

from wenshu.generator.build import build
from wenshu.generator.demo import demo_spec
from wenshu.generator.docx import get_profile
from wenshu.generator.docx.colwidths import is_token, text_em
from wenshu.generator.docx.forms import ROW_TWIPS, SIGN_INDENT_EM, laid_out
from wenshu.generator.forms import Form

PT_PER_MM = 72 / 25.4
LEFT_PT = 28 * PT_PER_MM  # forms span the text block from the left margin
TABLE_LINE_MAX_PT = 17.0  # 小四 lines; body lines are 三号
LINE_GAP_PT = 20.0  # lines of one paragraph in a form cell are 18 pt apart, rows 28 pt


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module", params=["school", "gbt9704"])
def built(request, tmp_path_factory):
    """(profile, {name: BuildResult}) for the demo and a large group, with PDFs."""
    from wenshu.generator.pdf import find_soffice

    assert shutil.which("pdftotext"), "pdftotext 未安装（apt-get install poppler-utils）"
    find_soffice()
    folder = tmp_path_factory.mktemp(f"ledger-{request.param}")
    for source in ("数学教研组工作计划.yaml", "数学教研组台帐.yaml"):
        (folder / source).write_bytes(demo_spec(source).read_bytes())
    many = [{"姓名": f"教师{n:02d}", "任教": "初一数学"} for n in range(1, 41)]
    write_spec(folder / "大组台帐.yaml", ledger(成员=many, 组长="教师01", 目录=True))
    results = {
        name: build(folder / f"{name}.yaml", profile=request.param, pdf=True, force=True)
        for name in ("数学教研组台帐", "大组台帐")
    }
    return request.param, results


def forms_of(result, profile: str) -> list[tuple[Form, GTable]]:
    """Each Form of the document, with the rows the writer gave it (stretched to fill
    its page), and its table in the .docx (the cover is no form)."""
    blocks = [
        Form(b.kind, b.columns, laid_out(b, get_profile(profile))[1])
        for b in result.document.blocks
        if isinstance(b, Form)
    ]
    tables = [t for t in tables_of(result.docx) if t.is_form and not t.is_cover]
    assert len(blocks) == len(tables)
    for form, table in zip(blocks, tables):
        assert len(form.rows) == 1 + len(table.rows), form.kind
    return list(zip(blocks, tables))


def cells_with_edges(form: Form, table: GTable):
    """(cell as written, cell as built, left twips, width twips) of every cell."""
    for row, written in zip(form.rows, [table.header, *table.rows]):
        col = 0
        assert len(row.cells) == len(written)
        for cell, got in zip(row.cells, written):
            left = sum(table.widths[:col])
            yield got, cell, left, sum(table.widths[col : col + cell.span])
            col += cell.span


# ---- the .docx --------------------------------------------------------------------------


def test_forms_span_the_text_width_and_every_row_fills_the_grid(built):
    profile, results = built
    for result in results.values():
        for form, table in forms_of(result, profile):
            assert abs(sum(table.widths) - round(156 * 1440 / 25.4)) <= 2, form.kind
            for row in [table.header, *table.rows]:
                assert sum(c.span for c in row) == len(table.widths), form.kind


def test_labels_headings_and_signature_lines_never_wrap(built):
    profile, results = built
    for result in results.values():
        em_tw = table_font_em_twips(result.docx)
        for form, table in forms_of(result, profile):
            margins = table.margin_left + table.margin_right
            for _, cell, _, width in cells_with_edges(form, table):
                if cell.merge_up or not cell.text:
                    continue
                need = max(text_em(line) for line in cell.text.split("\n")) * em_tw
                if cell.role == "sign":
                    need += SIGN_INDENT_EM * em_tw
                elif cell.role == "value" and not all(map(is_token, cell.text.split("\n"))):
                    continue  # longer values may wrap
                elif cell.role == "text":
                    continue
                assert width - margins >= need, (form.kind, cell.text, width - margins, need)


def test_header_rows_repeat_rows_have_writing_height_and_short_rows_stay_whole(built):
    profile, results = built
    for result in results.values():
        for form, table in forms_of(result, profile):
            props = table.row_props
            heads = [tr.find("w:tblHeader", NS) is not None for tr in props]
            assert heads == [row.header for row in form.rows], form.kind
            assert heads == sorted(heads, reverse=True)  # header rows come first
            assert heads[0] or form.kind == "工作计划"  # only the ruled plan page has none
            for row, tr in zip(form.rows, props):
                height = tr.find("w:trHeight", NS)
                assert int(height.get(q("val"))) >= round(ROW_TWIPS * row.lines) >= ROW_TWIPS
                assert height.get(q("hRule")) == ("exact" if row.fixed else "atLeast")
                if row.fixed:  # ruled writing space: at most a line of print per cell
                    assert all("\n" not in c.text for c in row.cells), form.kind
            short = [tr for tr in props if int(tr.find("w:trHeight", NS).get(q("val"))) < 2000]
            assert all(tr.find("w:cantSplit", NS) is not None for tr in short), form.kind


def test_forms_look_like_every_other_table(built):
    profile, results = built
    tables = tables_of(results["数学教研组台帐"].docx)
    looks = {t.props for t in tables if not t.is_cover}
    assert len(looks) == 1  # the plan's 行事历 and the forms
    assert any(not t.is_form for t in tables)


def test_alignment_follows_the_role_of_the_cell(built):
    profile, results = built
    want = {
        "label": {"center"},
        "head": {"center"},
        "sign": {"right"},
        "text": {"both"},
        "value": {"center", "left"},
    }
    for result in results.values():
        for form, table in forms_of(result, profile):
            for got, cell, _, _ in cells_with_edges(form, table):
                if not cell.merge_up and cell.text:
                    assert set(got.jcs) <= want[cell.role], (form.kind, cell.text, got.jcs)


def test_members_and_achievements_align_each_column_as_a_whole(built):
    profile, results = built
    for form, table in forms_of(results["数学教研组台帐"], profile):
        if form.kind not in ("成员概况表", "工作实绩"):
            continue
        for col in range(len(table.widths)):
            jcs = {c.jcs[0] for row in table.rows for c in [row[col]] if c.text and not c.merged}
            assert len(jcs) <= 1, (form.kind, col, jcs)


# ---- as LibreOffice lays it out ---------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _words(pdf: Path) -> tuple[Line, ...]:
    return tuple(pdf_words(pdf))


def _table_lines(pdf: Path, x0: float, x1: float) -> list[Line]:
    """Lines of table text whose words fall between x0 and x1 (points), in reading order."""
    rows: dict[tuple[int, int], list[Line]] = {}
    for w in _words(pdf):
        if w.height <= TABLE_LINE_MAX_PT and x0 <= (w.x_min + w.x_max) / 2 <= x1:
            rows.setdefault((w.page, round(w.y_min)), []).append(w)
    out = []
    for (page, y), words in sorted(rows.items()):
        words.sort(key=lambda w: w.x_min)
        out.append(
            Line(page, words[0].x_min, y, words[-1].x_max, y, "".join(w.text for w in words))
        )
    return out


def _letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalnum())


def _one_paragraph(lines: list[Line]) -> bool:
    """Lines one below the other at the line pitch of form text (rows are further apart)."""
    return all(
        a.page == b.page and 0 < b.y_min - a.y_min <= LINE_GAP_PT for a, b in zip(lines, lines[1:])
    )


def lone_lines(pdf: Path, form: Form, table: GTable) -> list[str]:
    """Paragraphs of wrapped value and text cells that leave one character on a line."""
    found = []
    for _, cell, left, width in cells_with_edges(form, table):
        if cell.merge_up or cell.role not in ("value", "text") or not cell.text.strip():
            continue
        lines = _table_lines(pdf, LEFT_PT + left / 20, LEFT_PT + (left + width) / 20)
        flat, starts = "", []
        for line in lines:
            starts.append(len(flat))
            flat += squeeze(line.text)
        for para in cell.text.split("\n"):
            needle = squeeze(para)
            at = flat.find(needle)
            ends = {s + len(squeeze(ln.text)) for s, ln in zip(starts, lines)}
            while needle and at >= 0:
                end = at + len(needle)
                if at not in starts or end not in ends:  # not the cell's own lines
                    at = flat.find(needle, at + 1)
                    continue
                spans = [
                    (flat[max(s, at) : min(s + len(squeeze(ln.text)), end)], ln)
                    for s, ln in zip(starts, lines)
                    if s < end and s + len(squeeze(ln.text)) > at
                ]
                pieces = [p for p, _ in spans]
                if not _one_paragraph([ln for _, ln in spans]):
                    at = flat.find(needle, at + 1)
                    continue  # lines of different rows that happen to spell the text
                if len(pieces) > 1 and any(_letters(p) == 1 for p in pieces):
                    found.append(f"{form.kind}：“{para}”折行后有单独一字：{pieces}")
                at = flat.find(needle, at + 1)
    return found


def test_no_lone_character_on_a_line_of_a_form_cell(built):
    profile, results = built
    problems = [
        p
        for result in results.values()
        for form, table in forms_of(result, profile)
        for p in lone_lines(result.pdf, form, table)
    ]
    assert not problems, problems


def test_labels_stand_on_one_line(built):
    profile, results = built
    for result in results.values():
        for form, table in forms_of(result, profile):
            for _, cell, left, width in cells_with_edges(form, table):
                if cell.role not in ("label", "head") or cell.merge_up:
                    continue
                lines = _table_lines(result.pdf, LEFT_PT + left / 20, LEFT_PT + (left + width) / 20)
                assert any(squeeze(cell.text) in squeeze(ln.text) for ln in lines), (
                    form.kind,
                    cell.text,
                )


def _title_pages(result) -> dict[str, int]:
    """Page of each form title in the PDF (titles are the only 小二 lines)."""
    titles = [p.text for p in paragraphs(result.docx) if p.style == "Heading1"]
    lines, _, _ = pdf_lines(result.pdf)
    pages: dict[str, int] = {}
    for line in lines:
        text = squeeze(line.text)
        if text in titles and line.page > 2 and text not in pages:
            pages[text] = line.page
    assert list(pages) == titles
    return pages


def test_each_form_title_is_on_the_page_the_toc_names(built):
    profile, results = built
    for result in results.values():
        pages = _title_pages(result)
        toc = [p.text for p in paragraphs(result.docx) if p.style == "TOC1"]
        for entry in toc:
            head, page = re.match(r"^(.*?)(\d+)$", entry).groups()
            assert pages[head] == int(page), (entry, pages[head])


def test_each_form_of_the_demo_fits_its_page(built):
    profile, results = built
    result = results["数学教研组台帐"]
    pages = list(_title_pages(result).items())
    for (title, page), (_, following) in zip(pages, pages[1:]):
        if title != "教研组工作计划":  # the plan itself runs over two pages
            assert following == page + 1, (title, page, following)
    lines, _, _ = pdf_lines(result.pdf)
    assert max(ln.page for ln in lines) == pages[-1][1]  # the last form ends the document


def test_a_sign_in_sheet_too_long_for_a_page_repeats_its_header(built):
    _, results = built
    result = results["大组台帐"]
    lines = _table_lines(result.pdf, 0, 1000)
    heads = {ln.page for ln in lines if squeeze(ln.text) == "序号姓名签名序号姓名签名"}
    # Each of its two sign-in sheets (44 lines in two columns) goes on to a second page.
    assert len(heads) == 4 and sorted(heads)[1] == sorted(heads)[0] + 1


def test_the_cover_has_no_page_number_the_pages_after_it_do(built):
    profile, results = built
    lines, _, height = pdf_lines(results["数学教研组台帐"].pdf)
    foot = height - 35 * PT_PER_MM
    numbers = {ln.page: squeeze(ln.text) for ln in lines if ln.y_min > foot}
    assert 1 not in numbers
    assert numbers[2] == "—2—" and numbers[3] == "—3—"
