"""The pages as LibreOffice lays them out, read back with pdftotext -bbox-layout.

* No line inside a table cell holds a lone character (unless that character is the
  whole cell, like the week number 1 of a 校历).
* In the `school` profile no page starts with the last line of a multi-line paragraph,
  and no page ends with the first line of one (widow and orphan control).
* No page ends with a heading (keep with next, also before a table).
* The TOC's page numbers are the pages the headings are on.

These tests need soffice and pdftotext; they fail (never skip) when either is missing.
"""

from __future__ import annotations

import bisect
import re
import shutil
from pathlib import Path

import pytest
from helpers_docx import NS, invoke, paragraphs, stderr_of
from helpers_layout import library, spec_sources, tables_of, template_of
from helpers_pdf import Line, pdf_lines, pdf_words

from wenshu.generator.doctree import Cell, Document, Heading, Paragraph, Table
from wenshu.generator.docx import write_docx
from wenshu.generator.pdf import convert_to_pdf

PT_PER_MM = 72 / 25.4
# Table text is 小四 (12 pt): its lines are lower than body lines (三号, 16 pt).
TABLE_LINE_MAX_PT = 17.0


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def page_lines(lines: list[Line], page_height: float) -> dict[int, list[Line]]:
    """Lines of each page from top to bottom, without the page number under the text block."""
    bottom = page_height - 35 * PT_PER_MM
    pages: dict[int, list[Line]] = {}
    for ln in sorted(lines, key=lambda ln: (ln.page, ln.y_min)):
        if ln.y_min < bottom and squeeze(ln.text):
            pages.setdefault(ln.page, []).append(ln)
    return pages


def is_body(line: Line) -> bool:
    """Body text (三号) rather than table text (小四)."""
    return line.height > TABLE_LINE_MAX_PT


def widows_and_orphans(pdf: Path, docx: Path) -> list[str]:
    """Pages starting with the last line of a paragraph begun on the page before, or
    ending with the first line of one continued on the next."""
    lines, _, height = pdf_lines(pdf)
    pages = page_lines(lines, height)
    paras = [squeeze(p.text) for p in paragraphs(docx) if squeeze(p.text)]
    found = []
    numbers = sorted(pages)
    for page in numbers:
        first, last = pages[page][0], pages[page][-1]
        head, tail = squeeze(first.text), squeeze(last.text)
        if page != numbers[0] and is_body(first):
            for p in paras:
                if p.endswith(head) and len(p) > len(head) and not p.startswith(head):
                    found.append(f"第{page}页首行“{first.text}”是上一页段落的末行")
                    break
        nxt = pages.get(page + 1)
        if nxt and is_body(last) and is_body(nxt[0]):
            for p in paras:
                if p.startswith(tail + squeeze(nxt[0].text)) and not p.endswith(tail):
                    found.append(f"第{page}页末行“{last.text}”是下一页段落的首行")
                    break
    return found


def headings_at_page_foot(pdf: Path, docx: Path) -> list[str]:
    lines, _, height = pdf_lines(pdf)
    pages = page_lines(lines, height)
    heads = {
        squeeze(p.text)
        for p in paragraphs(docx)
        if p.style and p.style.startswith("Heading") and len(p.xml.findall("w:r", NS)) == 1
    }
    out = []
    for page in sorted(pages)[:-1]:
        last = pages[page][-1]
        if squeeze(last.text) in heads:
            out.append(f"第{page}页以标题“{last.text}”结束")
    return out


def table_cell_lines(pdf: Path, docx: Path) -> list[tuple[int, str]]:
    """(page, text) of every line inside a table cell as laid out.

    pdftotext may join the lines of neighbouring cells; words are put back into their
    cells with the column edges of the table (found by its header row, which starts the
    table on every page) taken from the .docx.
    """
    _, _, height = pdf_lines(pdf)
    bottom = height - 35 * PT_PER_MM
    left = 28 * PT_PER_MM  # tables span the text block
    tables = tables_of(docx)
    rows: dict[tuple[int, float], list[Line]] = {}
    for w in pdf_words(pdf):
        if w.height <= TABLE_LINE_MAX_PT and w.y_min < bottom:
            rows.setdefault((w.page, round(w.y_min)), []).append(w)
    out: list[tuple[int, str]] = []
    edges: list[float] | None = None
    last_page = 0
    for (page, _), words in sorted(rows.items()):
        if page != last_page:
            # A table going on to a new page repeats its header there.
            edges, last_page = None, page
        words.sort(key=lambda w: w.x_min)
        joined = "".join(w.text for w in words)
        header = next((t for t in tables if joined == "".join(c.text for c in t.header)), None)
        if header is not None:
            edges = [left + sum(header.widths[: i + 1]) / 20 for i in range(len(header.widths))]
            if header.is_form:
                edges = None  # cells span columns: see test_ledger_layout.py
            continue
        if edges is None:
            continue
        cells: dict[int, str] = {}
        for w in words:
            col = bisect.bisect(edges, (w.x_min + w.x_max) / 2)
            cells[col] = cells.get(col, "") + w.text
        out.extend((page, text) for _, text in sorted(cells.items()))
    return out


def lone_characters_in_tables(pdf: Path, docx: Path) -> list[str]:
    whole_cells = set()
    for table in tables_of(docx):
        for row in [table.header, *table.rows]:
            for cell in row:
                whole_cells.update(squeeze(line) for line in cell.lines)
    return [
        f"第{page}页表格中单独一行的“{text}”"
        for page, text in table_cell_lines(pdf, docx)
        if len(squeeze(text)) == 1 and squeeze(text) not in whole_cells
    ]


@pytest.fixture(scope="module")
def soffice() -> None:
    assert shutil.which("pdftotext"), "pdftotext 未安装（apt-get install poppler-utils）"
    from wenshu.generator.pdf import find_soffice

    find_soffice()


@pytest.fixture(scope="module", params=["school", "gbt9704"])
def rendered(
    request, soffice, rendered_builds, tmp_path_factory
) -> tuple[str, dict[str, tuple[Path, Path]]]:
    """(profile, name → (.docx, .pdf)) for the demo and the realistic specs, each template
    they do not use, and a 校历."""
    results = rendered_builds(request.param)
    docs = {name: (r.docx, r.pdf) for name, r in results.items()}
    cal = tmp_path_factory.mktemp(f"calendar-{request.param}") / "校历.docx"
    result = invoke(
        ["calendar", "2026-2027", "--term", "1", "--start", "2026-09-01", "--unit", "滨江实验学校"]
        + ["-o", cal, "--profile", request.param, "--pdf"]
    )
    assert result.exit_code == 0, stderr_of(result)
    docs["校历"] = (cal, cal.with_suffix(".pdf"))
    return request.param, docs


def test_every_document_has_a_pdf(rendered):
    _, docs = rendered
    # The demos, the test specs, each template none of them uses, the 校历.
    unused = set(library()) - {template_of(p) for p in spec_sources()}
    assert unused and len(docs) == len(spec_sources()) + len(unused) + 1
    for docx, pdf in docs.values():
        assert pdf.is_file() and pdf.stat().st_size > 0, docx


def test_no_lone_character_on_a_line_inside_a_table_cell(rendered):
    _, docs = rendered
    problems = [p for docx, pdf in docs.values() for p in lone_characters_in_tables(pdf, docx)]
    assert not problems, problems


def test_no_page_ends_with_a_heading(rendered):
    _, docs = rendered
    problems = [p for docx, pdf in docs.values() for p in headings_at_page_foot(pdf, docx)]
    assert not problems, problems


def test_school_pages_never_start_or_end_with_a_lone_line_of_a_paragraph(rendered):
    profile, docs = rendered
    if profile != "school":
        return  # gbt9704 keeps its 22-line grid instead (see README)
    problems = [p for docx, pdf in docs.values() for p in widows_and_orphans(pdf, docx)]
    assert not problems, problems


def test_the_signature_never_stands_alone_on_a_page(rendered):
    _, docs = rendered
    for name, (docx, pdf) in docs.items():
        filled = [p.text for p in paragraphs(docx) if p.text]
        if not re.match(r"^\d{4}年\d+月\d+日$", filled[-1]):
            continue  # no signature (校历)
        unit = squeeze(filled[-2])
        lines, _, height = pdf_lines(pdf)
        pages = page_lines(lines, height)
        last = pages[max(pages)]
        at = next(i for i, ln in enumerate(last) if squeeze(ln.text) == unit)
        assert at > 0, f"{name}: 落款单独在第{max(pages)}页"


def test_toc_page_numbers_are_the_pages_of_the_headings(rendered):
    _, docs = rendered
    docx, pdf = docs["春季教科室计划"]
    entries = []
    for p in paragraphs(docx):
        if p.style in ("TOC1", "TOC2"):
            number = p.xml.findall(".//w:tab", NS)
            assert number, f"目录条目“{p.text}”没有页码"
            head, page = re.match(r"^(.*?)(\d+)$", p.text).groups()
            entries.append((head, int(page)))
    assert len(entries) >= 10
    lines, _, height = pdf_lines(pdf)
    body = [ln for ln in lines if is_body(ln)]
    for head, page in entries:
        on = [ln.page for ln in body if squeeze(ln.text) == squeeze(head) and ln.page > 1]
        assert on and on[0] == page, (head, page, on)
    # The PDF shows the filled TOC on the title page.
    toc_lines = [squeeze(ln.text) for ln in body if ln.page == 1]
    assert any(t.startswith("一、指导思想") and t.endswith(str(entries[0][1])) for t in toc_lines)


# ---- a document made to put paragraph ends at page tops --------------------------------------

_SENTENCES = [
    "教研组每周组织一次集体备课，围绕单元目标讨论教学重点和学生可能遇到的困难。",
    "青年教师每学期上两节汇报课，课后由师傅和同组教师当场评议并提出改进建议。",
    "课题组按月整理课堂观察记录，用数据说明学生学习方式发生了哪些变化。",
    "学校为每个教研组订阅两种专业期刊，并在学期末组织一次读书交流活动。",
]


def widow_bait() -> Document:
    """Paragraphs and headings laid out so that, in the `school` profile (22 lines of 27
    characters a page), a heading falls on the last line of page 1 unless it keeps with
    the next paragraph, and, further on, paragraphs of 2 to 6 lines with short last lines
    leave one of those last lines at the top of some page unless widow control is on."""
    pool = "".join(_SENTENCES) * 4
    # Seven paragraphs of three lines (25 + 27 + 10 characters): 21 lines.
    blocks: list = [Paragraph.plain(pool[i * 7 : i * 7 + 61] + "。") for i in range(7)]
    for i in range(40):
        if i % 2 == 0:
            marker = f"（{'一二三四五六七八九十'[i // 2 % 10]}）"
            blocks.append(Heading(2, f"第{i // 2 + 1}项工作", marker))
        lines = 2 + i % 5
        text = "".join(_SENTENCES[(i + k) % 4] for k in range(lines))[: 27 * lines - 20]
        blocks.append(Paragraph.plain(text + "。"))
    return Document(blocks=blocks)


def test_widow_control_keeps_paragraph_ends_off_page_tops(soffice, tmp_path):
    docx = write_docx(widow_bait(), tmp_path / "分页.docx", profile="school")
    pdf = convert_to_pdf(docx)
    assert widows_and_orphans(pdf, docx) == []
    assert headings_at_page_foot(pdf, docx) == []


def crowded_rotation() -> Document:
    """A 轮值表 of nine grades whose subjects cannot all stand on one line."""
    grades = [
        "一年级",
        "二年级",
        "三年级",
        "四年级",
        "五年级",
        "六年级",
        "七年级",
        "八年级",
        "九年级",
    ]
    subjects = [
        "道德与法治",
        "语文",
        "数学",
        "英语",
        "科学",
        "音乐",
        "美术",
        "体育与健康",
        "信息科技",
    ]
    rows = [
        [Cell(f"第{w}周"), *(Cell(subjects[(i + w) % 9]) for i in range(9))] for w in range(1, 10)
    ]
    return Document(
        blocks=[Heading(1, "轮值安排", "一、"), Table("轮值表", ["周次", *grades], rows)]
    )


def test_a_crowded_table_breaks_long_tokens_evenly_and_keeps_short_ones(soffice, tmp_path):
    docx = write_docx(crowded_rotation(), tmp_path / "轮值.docx", profile="school")
    (table,) = tables_of(docx)
    assert all(len(row[0].lines) == 1 for row in table.rows)  # 第N周 stays whole
    broken = {tuple(c.lines) for row in table.rows for c in row[1:] if len(c.lines) > 1}
    assert broken == {("道德与", "法治"), ("体育与", "健康"), ("信息", "科技")}
    pdf = convert_to_pdf(docx)
    assert lone_characters_in_tables(pdf, docx) == []
    cells = {squeeze(text) for _, text in table_cell_lines(pdf, docx)}
    assert {"第1周", "语文", "道德与", "法治"} <= cells
