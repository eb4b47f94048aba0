"""PDF conversion with LibreOffice, checked with poppler's pdftotext.

These tests need soffice and pdftotext; they fail (never skip) when either is missing.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from helpers_pdf import first_missing, pdf_lines, pdf_text

from wenshu.generator import pdf
from wenshu.generator.doctree import (
    Cell,
    Document,
    Heading,
    Paragraph,
    Run,
    Signature,
    Table,
    Title,
)
from wenshu.generator.docx import PROFILES, get_profile, write_docx
from wenshu.generator.errors import OutputExistsError, ToolMissingError, WenshuError

PT_PER_MM = 72 / 25.4


def require(tool: str) -> str:
    found = shutil.which(tool)
    assert found, (
        f"{tool} is not installed (apt-get install libreoffice-writer-nogui poppler-utils)"
    )
    return found


def text_document() -> Document:
    """Short document with every kind of text (sample sentences written for these tests)."""
    return Document(
        title="2025年秋季学期德育处工作总结",
        kind="工作总结",
        blocks=[
            Title("2025年秋季学期德育处工作总结", subtitle="（2026年1月）"),
            Paragraph.plain("本学期德育处以养成教育为抓手，扎实开展主题班会和志愿服务活动。"),
            Heading(1, "主要成绩", "一、"),
            Heading(2, "班主任队伍建设", "（一）"),
            Paragraph([Run("1.开展班主任沙龙。", level=3), Run("全学期共组织六次专题交流。")]),
            Paragraph.plain("参与 A&B 项目的学生达到 120 人，满意率为 98.5%。"),
            Table(
                kind="目标完成情况",
                header=["目标", "完成情况"],
                rows=[
                    [Cell("文明班级评比"), Cell("已完成")],
                    [Cell("家长学校授课"), Cell("完成四次")],
                ],
                caption="目标完成情况表",
            ),
            Heading(1, "存在问题", "二、"),
            Paragraph.plain("个别班级卫生保持不够稳定，下学期将加强检查。"),
            Signature("城南小学德育处", dt.date(2026, 1, 20)),
        ],
    )


def grid_document() -> Document:
    """Enough plain body text for several full pages."""
    sentence = "学校坚持以学生发展为本，全面落实课程方案，加强教学常规管理，提高课堂效率，"
    return Document(blocks=[Paragraph.plain(sentence * 12) for _ in range(6)])


@pytest.fixture(scope="module")
def soffice() -> str:
    require("pdftotext")
    return pdf.find_soffice()


@pytest.fixture(scope="module", params=sorted(PROFILES))
def text_pdf(request, soffice, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp(f"text-{request.param}")
    docx_path = write_docx(text_document(), folder / "总结.docx", profile=request.param)
    return pdf.convert_to_pdf(docx_path)


@pytest.fixture(scope="module")
def grid_pdf(soffice, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("grid")
    docx_path = write_docx(grid_document(), folder / "版心.docx", profile="gbt9704")
    return pdf.convert_to_pdf(docx_path, folder / "输出" / "版心.pdf")


def test_every_text_appears_in_order(text_pdf):
    assert text_pdf.suffix == ".pdf" and text_pdf.stem == "总结"
    missing = first_missing(pdf_text(text_pdf), text_document().texts())
    assert missing is None, f"{missing!r} missing or out of order"


def test_gbt9704_full_page_is_22_lines_of_28_characters(grid_pdf):
    lines, _, height = pdf_lines(grid_pdf)
    block_bottom = height - 35 * PT_PER_MM
    pages = sorted({ln.page for ln in lines})
    assert len(pages) >= 3
    for page in pages[:-1]:  # every page but the last is full
        body = [ln for ln in lines if ln.page == page and ln.y_min < block_bottom]
        assert len(body) == 22, f"page {page}: {len(body)} lines"
        assert max(len(ln.text) for ln in body) == 28
        full = [ln for ln in body if len(ln.text) == 28]
        assert len(full) >= 18, f"page {page}: only {len(full)} lines of 28 characters"


def test_page_numbers_outside_text_block_odd_right_even_left(grid_pdf):
    lines, width, height = pdf_lines(grid_pdf)
    block_bottom = height - 35 * PT_PER_MM
    left_edge, right_edge = 28 * PT_PER_MM, width - 26 * PT_PER_MM
    one_char = 16.0
    numbers = {ln.page: ln for ln in lines if ln.y_min > block_bottom}
    assert numbers[1].text == "—1—" and numbers[2].text == "—2—"
    for page, ln in numbers.items():
        if page % 2:
            assert abs(right_edge - ln.x_max - one_char) < 3, (page, ln)
        else:
            assert abs(ln.x_min - left_edge - one_char) < 3, (page, ln)


def test_no_overwrite_without_force(text_pdf):
    before = text_pdf.read_bytes()
    with pytest.raises(OutputExistsError):
        pdf.convert_to_pdf(text_pdf.with_suffix(".docx"))
    assert text_pdf.read_bytes() == before


def test_broken_docx_reports_libreoffice_output(soffice, tmp_path):
    broken = tmp_path / "坏文件.docx"
    broken.write_bytes(b"PK\x03\x04 this is not really a zip file")
    with pytest.raises(WenshuError) as err:
        pdf.convert_to_pdf(broken)
    assert "LibreOffice" in err.value.message and "坏文件.docx" in err.value.message
    assert not broken.with_suffix(".pdf").exists()


def test_missing_docx_is_a_user_error(tmp_path):
    with pytest.raises(WenshuError, match="找不到"):
        pdf.convert_to_pdf(tmp_path / "没有.docx")


def test_missing_libreoffice_says_how_to_install(tmp_path, monkeypatch):
    source = write_docx(text_document(), tmp_path / "a.docx")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr(pdf, "_KNOWN_LOCATIONS", ())
    with pytest.raises(ToolMissingError) as err:
        pdf.convert_to_pdf(source)
    assert "LibreOffice" in err.value.message and "安装" in err.value.message


def test_timeout_stops_libreoffice(soffice, tmp_path):
    source = write_docx(text_document(), tmp_path / "a.docx")
    with pytest.raises(WenshuError, match="秒"):
        pdf.convert_to_pdf(source, timeout=0.01)
    assert not source.with_suffix(".pdf").exists()


@pytest.mark.parametrize("name", sorted(PROFILES))
def test_missing_fonts_lists_profile_fonts_not_installed(name, monkeypatch):
    profile = get_profile(name)
    installed = {profile.body.east_asia, "Noto Serif CJK SC"}
    monkeypatch.setattr(pdf, "installed_font_families", lambda: installed)
    missing = pdf.missing_fonts(name)
    assert profile.body.east_asia not in missing
    assert set(missing) == set(profile.font_names()) - installed


def test_missing_fonts_reads_fc_list():
    require("fc-list")
    families = pdf.installed_font_families()
    assert families  # fonts-noto-cjk is installed where the tests run
    missing = pdf.missing_fonts("gbt9704")
    assert set(missing) <= set(get_profile("gbt9704").font_names())
    assert "方正小标宋简体" in missing or "方正小标宋简体" in families


def test_missing_fc_list_is_tool_missing(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(ToolMissingError, match="fc-list"):
        pdf.missing_fonts("school")
