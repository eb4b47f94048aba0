"""import_file on real files: encodings, .md, .docx with tables, and every kind of bad file
raising ImportFailure with a Chinese reason (never a crash)."""

from __future__ import annotations

import codecs
import os
import zipfile
from pathlib import Path

import docx
import pytest
from helpers_seeds import seeds_dir

from wenshu.generator.importing import (
    ImportFailure,
    UndecodableError,
    decode_bytes,
    docx_reader,
    import_file,
    import_text,
    iter_nodes,
    read_source,
)
from wenshu.generator.importing.table_model import token_index

SEEDS = seeds_dir()
SEED = next(SEEDS.glob("000_*.txt"))
SAMPLE = "教研组工作计划\n一、指导思想\n坚持以人为本，全面推进素质教育。\n二、工作措施\n1.抓好集体备课。\n"


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: t.encode("gb18030"),
        lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    ],
    ids=["utf-8", "utf-8-bom", "gb18030", "utf-16-bom"],
)
def test_seed_in_every_encoding_imports_the_same(tmp_path, encode):
    text = SEED.read_text(encoding="utf-8")
    path = tmp_path / SEED.name
    path.write_bytes(encode(text))
    assert decode_bytes(path.read_bytes()) == text
    result = import_file(path)
    reference = import_file(SEED)
    assert len(result.documents) == 15
    assert [d.title for d in result.documents] == [d.title for d in reference.documents]
    assert [s.items for s in result.sections] == [s.items for s in reference.sections]


def test_decode_falls_back_to_detection_when_utf8_and_gb18030_fail():
    # 0x80 (€ in cp1252) can start neither a UTF-8 nor a GB18030 character.
    data = "Plan for the term: budget 100€ per class, review in June.".encode("cp1252")
    assert decode_bytes(data).startswith("Plan for the term: budget 100")


def test_markdown_syntax_is_dropped(tmp_path):
    path = tmp_path / "计划.md"
    path.write_text("# 教研组工作计划\n\n## 一、指导思想\n\n**坚持**以人为本。\n\n- 1.抓好备课。\n")
    (doc,) = import_file(path).documents
    assert doc.title == "教研组工作计划"
    assert [(n.marker, n.title) for n in iter_nodes(doc.nodes)] == [
        ("一、", "指导思想"),
        ("1.", "抓好备课。"),
    ]
    assert doc.nodes[0].text == "坚持以人为本。"


def make_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("教科室工作计划")
    document.add_paragraph("一、指导思想")
    document.add_paragraph("坚持以科研为先导，积极开展教育教学研究。")
    document.add_paragraph("二、工作行事历")
    table = document.add_table(rows=3, cols=2)
    for row, cells in zip(
        table.rows, [("月份", "工作内容"), ("九月", "制定计划"), ("十月", "论文评比")]
    ):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    frame = document.add_table(rows=1, cols=1)  # a one-column layout table holds text
    frame.rows[0].cells[0].text = "三、保障措施\n建立考核与奖惩制度。"
    document.save(path)
    return path


def test_docx_paragraphs_and_tables(tmp_path):
    path = make_docx(tmp_path / "计划.docx")
    raw = read_source(path)
    lines = raw.lines
    assert lines[:2] == ["教科室工作计划", "一、指导思想"]
    assert token_index(lines[4]) == 0  # the table stands where it was
    assert "三、保障措施" in lines and "建立考核与奖惩制度。" in lines
    tables = [t.rows for t in raw.tables]
    assert tables == [[["月份", "工作内容"], ["九月", "制定计划"], ["十月", "论文评比"]]]
    result = import_file(path)
    (doc,) = result.documents
    assert doc.title == "教科室工作计划"
    assert [n.title for n in doc.nodes] == ["指导思想", "工作行事历", "保障措施"]
    assert [t.rows for t in doc.tables] == tables
    assert doc.tables[0].kind == "data"
    assert {s.category for s in result.sections} >= {"指导思想", "保障措施"}


def write_zip(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def test_zip_bomb_is_refused_before_extraction(tmp_path, monkeypatch):
    path = write_zip(
        tmp_path / "bomb.docx",
        {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\0" * (20 * 1024 * 1024)},
    )
    assert path.stat().st_size < 100 * 1024
    read_calls = []
    monkeypatch.setattr(zipfile.ZipFile, "read", lambda *a, **k: read_calls.append(a))
    with pytest.raises(ImportFailure, match="压缩炸弹"):
        import_file(path)
    assert read_calls == []


def test_total_uncompressed_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(docx_reader, "MAX_TOTAL_UNCOMPRESSED", 1000)
    path = write_zip(
        tmp_path / "big.docx", {"[Content_Types].xml": b"<Types/>", "a.xml": os.urandom(2000)}
    )
    with pytest.raises(ImportFailure, match="解压后体积过大"):
        import_file(path)


ENTITY_XML = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"""


def entity_docx(tmp_path: Path) -> Path:
    good = make_docx(tmp_path / "good.docx")
    with zipfile.ZipFile(good) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["word/document.xml"] = ENTITY_XML
    return write_zip(tmp_path / "entities.docx", parts)


BAD_FILES = {
    "not_a_zip.docx": lambda tmp: b"this is plain text pretending to be docx",
    "encrypted.docx": lambda tmp: docx_reader.OLE_SIGNATURE + b"\0" * 600,
    "empty.docx": lambda tmp: b"",
    "empty.txt": lambda tmp: b"",
    "blank.txt": lambda tmp: "  \n\t\n\u3000\n".encode(),
    "binary.txt": lambda tmp: bytes(range(256)) * 8,
    "junk.md": lambda tmp: bytes([0xFF, 0xFE, 0x00, 0xD8, 0x00, 0xD8, 0x41]),
    "undecodable.txt": lambda tmp: bytes([0x81, 0x30, 0xFF, 0x80, 0x81]) * 50,
    "noise_only.txt": lambda tmp: "位置: 首页 > 范文 > 计划\n猜你喜欢\n".encode(),
    "entities.docx": lambda tmp: entity_docx(tmp).read_bytes(),
    "no_document.docx": lambda tmp: write_zip(tmp / "z.zip", {"a.txt": b"hello"}).read_bytes(),
    "truncated.docx": lambda tmp: make_docx(tmp / "t.docx").read_bytes()[:2000],
    "plan.pdf": lambda tmp: b"%PDF-1.4",
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_files_raise_import_failure_with_chinese_reason(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(BAD_FILES[name](tmp_path))
    with pytest.raises(ImportFailure) as info:
        import_file(path)
    assert info.value.path == str(path)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in info.value.reason)


def test_entity_part_is_refused_for_its_dtd(tmp_path):
    path = entity_docx(tmp_path)
    with pytest.raises(ImportFailure, match="实体"):
        import_file(path)


def test_missing_file_is_an_import_failure(tmp_path):
    with pytest.raises(ImportFailure, match="文件不存在"):
        import_file(tmp_path / "missing.txt")


@pytest.mark.parametrize(
    "data",
    [b"\x00\x01\x02text", bytes([0xC3, 0x28]) * 10 + b"\x00"],
)
def test_decode_bytes_refuses_binary(data):
    with pytest.raises(UndecodableError):
        decode_bytes(data)


def test_import_text_matches_import_file(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    from_file = import_file(path)
    from_text = import_text(SAMPLE, "plan.txt")
    assert [d.nodes for d in from_file.documents] == [d.nodes for d in from_text.documents]
    assert from_text.documents[0].source == "plan.txt"
    assert from_text.noise_lines_removed == 0
