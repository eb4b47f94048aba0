"""Hostile files through the three commands that read old documents (`corpus import`,
`import-spec`, `outline`): arbitrary bytes, and real .docx files with flipped bytes,
cut short, or with mutated XML parts. Whatever comes in, wenshu answers with an exit
code of its own (0–6), never a traceback or an internal error (70), and what it writes
opens (the YAML loads, the JSON parses, the corpus database passes its integrity check)."""

from __future__ import annotations

import io
import json
import random
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wenshu.cli import main
from wenshu.generator.yamlio import parse_yaml

DATA = Path(__file__).resolve().parent / "data" / "import"
DOCX = sorted(DATA.glob("*.docx"))
EXIT_CODES = set(range(7))
FUZZ = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    """One corpus for all runs (a new one would load the built-in sections each time)."""
    return tmp_path_factory.mktemp("fuzz") / "语料.db"


def run_all(folder: Path, name: str, data: bytes, db: Path) -> None:
    """Write `data` as `name` and read it with every command; check the property."""
    path = folder / name
    path.write_bytes(data)
    runner = CliRunner()
    out = folder / "导入.yaml"
    runs = {
        "outline": ["outline", str(path), "--json"],
        "import-spec": ["import-spec", str(path), "-o", str(out), "--force"],
        "corpus": ["--corpus", str(db), "corpus", "import", str(path), "--json"],
    }
    for what, args in runs.items():
        result = runner.invoke(main, args)
        text = result.output
        assert result.exit_code in EXIT_CODES, (what, result.exit_code, text[-500:])
        assert "Traceback" not in text and "程序内部出错" not in text, (what, text[-500:])
        if result.exception is not None:
            assert isinstance(result.exception, SystemExit), (what, repr(result.exception))
        if what == "outline" and result.exit_code == 0:
            data_out = json.loads(text)
            assert data_out["file"] == str(path)
            assert all(isinstance(d["headings"], list) for d in data_out["documents"])
    for spec in folder.glob("导入*.yaml"):
        parse_yaml(spec.read_text(encoding="utf-8"), str(spec))
        spec.unlink()
    if db.exists():
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@FUZZ
@given(
    data=st.one_of(
        st.binary(max_size=3000),
        st.text(max_size=1500).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.lists(
            st.sampled_from(
                [
                    "一、",
                    "（一）",
                    "1.",
                    "⑴",
                    "附件：",
                    "各位教工：",
                    "\t",
                    "周次\t日期",
                    "九月：",
                    "關於印發",
                    "通知",
                    "岗 位 说 明 书",
                    "来源：本站 作者：x",
                    "\n",
                    "。",
                    "\ue000",
                ]
            ),  # fmt: skip
            max_size=60,
        ).map(lambda parts: "".join(parts).encode("utf-8")),
    ),
    suffix=st.sampled_from([".txt", ".md", ".docx"]),
)
def test_arbitrary_bytes_never_break_the_readers(db, data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        run_all(Path(tmp), f"旧文档{suffix}", data, db)


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zip(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buf.getvalue()


_XML_BITS = [
    b"<w:p>", b"</w:p>", b"<w:tbl>", b"<w:tc>", b'<w:gridSpan w:val="99999"/>',
    b'<w:vMerge w:val="continue"/>', b'<w:numPr><w:ilvl w:val="-3"/><w:numId w:val="7"/></w:numPr>',
    b'<w:lvlText w:val="%9%1%%"/>', b'<w:start w:val="-5"/>', b'<w:numFmt w:val="bogus"/>',
    b"&amp;", b"&#0;", b"\xe4\xb8\x80\xe3\x80\x81", b"\xff\xfe", b"<!-- x -->", "<w:t>\ue000</w:t>".encode(),
]  # fmt: skip


def _mutate_xml(part: bytes, rnd: random.Random) -> bytes:
    data = bytearray(part)
    for _ in range(rnd.randint(1, 4)):
        if not data:
            break
        at = rnd.randrange(len(data))
        choice = rnd.random()
        if choice < 0.4:
            data[at : at + rnd.randint(1, 40)] = b""
        elif choice < 0.8:
            data[at:at] = rnd.choice(_XML_BITS)
        else:
            data[at] = rnd.randrange(256)
    return bytes(data)


@FUZZ
@given(
    source=st.sampled_from(DOCX),
    how=st.sampled_from(["flip", "cut", "xml", "drop"]),
    seed=st.integers(min_value=0, max_value=2**32 - 1),
)
def test_mutated_docx_files_never_break_the_readers(db, source, how, seed):
    rnd = random.Random(seed)
    raw = source.read_bytes()
    if how == "flip":
        data = bytearray(raw)
        for _ in range(rnd.randint(1, 8)):
            data[rnd.randrange(len(data))] ^= 1 << rnd.randrange(8)
        data = bytes(data)
    elif how == "cut":
        data = raw[: rnd.randrange(len(raw))]
    else:
        parts = _parts(source)
        xml = [n for n in parts if n.endswith(".xml")]
        name = rnd.choice(xml)
        if how == "xml":
            parts[name] = _mutate_xml(parts[name], rnd)
        else:
            del parts[name]
        data = _zip(parts)
    with tempfile.TemporaryDirectory() as tmp:
        run_all(Path(tmp), "旧文档.docx", data, db)


def test_a_docx_with_a_broken_deflate_stream_is_one_clear_refusal(tmp_path):
    raw = bytearray((DATA / "d01_numbering_chinese.docx").read_bytes())
    info = zipfile.ZipFile(io.BytesIO(bytes(raw))).getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for k in range(20, 60):
        raw[start + k] ^= 0xFF
    path = tmp_path / "坏.docx"
    path.write_bytes(bytes(raw))
    runner = CliRunner()
    reason = "压缩包已损坏（word/document.xml 无法解压）"
    for args in (
        ["outline", str(path)],
        ["import-spec", str(path)],
        ["--corpus", str(tmp_path / "c.db"), "corpus", "import", str(path)],
    ):
        result = runner.invoke(main, args)
        assert result.exit_code == 1, (args, result.output)
        assert reason in result.output and "Traceback" not in result.output
