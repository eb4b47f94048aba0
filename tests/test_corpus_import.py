"""Importing into the corpus: near-duplicate merging, re-imports, bad files in a batch,
one transaction per file, and the known duplicates among the seed documents."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from helpers_seeds import seeds_dir

from wenshu.generator.corpus import collect_files, import_paths, open_corpus
from wenshu.generator.corpus.dedupe import index_sketch
from wenshu.generator.corpus.textnorm import normalise
from wenshu.generator.importing.model import (
    CandidateSection,
    ImportedDocument,
    ImportFailure,
    ImportResult,
)

SEEDS = seeds_dir()

BASE = (
    "教研组每两周开展一次集体备课，确定中心发言人，围绕单元目标、重难点和作业设计进行研讨，"
    "形成共案后由每位教师结合班情修改成个案，课后及时撰写反思，并在下次活动时交流改进情况。"
)
OTHER = (
    "学校成立课后服务工作小组，统筹安排看护、作业辅导和兴趣社团三类活动，"
    "家长自愿报名，教师轮流值守，每学期末开展一次满意度调查，根据反馈调整活动内容。"
)


def section(text: str, source: str, title: str = "集体备课", items=()) -> CandidateSection:
    return CandidateSection(
        title=title,
        text=text,
        items=list(items),
        category="工作措施",
        topics=["集体备课"],
        kind="工作计划",
        source=source,
    )


@pytest.fixture
def corpus(tmp_path: Path):
    with open_corpus(tmp_path / "c.db", builtin_dir=None) as store:
        yield store


# ------------------------------------------------------------------ near-duplicates


@pytest.mark.parametrize(
    "variant",
    [
        BASE,
        BASE.replace("，", ",").replace("。", "."),  # half-width punctuation
        "一、" + BASE,  # numbering marker
        "（1）" + BASE.replace("每两周", "每 两 周"),  # marker and spacing
        "2023年" + BASE,  # a year
        BASE.replace("中心发言人", "主备人"),  # a few words changed
        BASE.replace("并在下次活动时交流改进情况。", "下次活动交流改进。"),  # shortened a little
    ],
    ids=["same", "punctuation", "marker", "spacing", "year", "words", "shorter"],
)
def test_near_duplicate_is_stored_once_with_both_sources(corpus, variant):
    assert corpus.add_candidate(section(BASE, "甲.txt"))[1] is True
    sid, added = corpus.add_candidate(section(variant, "乙.txt#篇二"))
    assert added is False
    stored = corpus.get(sid)
    assert stored.text == BASE  # the first copy is kept
    assert stored.sources == ["甲.txt", "乙.txt#篇二"]
    assert corpus.stats()["sections"] == 1


@pytest.mark.parametrize(
    "different",
    [
        OTHER,
        BASE[: len(BASE) // 2] + OTHER[: len(OTHER) // 2],  # same start, different rest
        BASE.replace("集体备课", "听课评课")
        .replace("共案", "评课记录")
        .replace("个案", "改进方案")
        .replace("单元目标、重难点和作业设计", "教学目标达成、学生参与和课堂效率"),
        BASE + OTHER,  # one contains the other
    ],
    ids=["other", "half", "reworded", "contains"],
)
def test_distinct_sections_are_not_merged(corpus, different):
    corpus.add_candidate(section(BASE, "甲.txt"))
    assert corpus.add_candidate(section(different, "乙.txt"))[1] is True
    assert corpus.stats()["sections"] == 2


def test_items_count_for_duplicates(corpus):
    items = ["每周听课一次", "每月上一节汇报课", "每学期读一本专著"]
    corpus.add_candidate(section("青年教师要做到：", "a.txt", items=items))
    assert corpus.add_candidate(section("青年教师要做到：", "b.txt", items=items))[1] is False
    other = ["每学期开一次家长会", "每月家访两户", "建立家校联系册"]
    assert corpus.add_candidate(section("青年教师要做到：", "c.txt", items=other))[1] is True


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一、指导思想：坚持育人为本。", "指导思想坚持育人为本"),
        ("（三）2024年度重点工作", "年度重点工作"),
        ("1. 课题研究\n2、读书活动", "课题研究读书活动"),
        ("{{ 单位 }}在20xx学年继续努力", "在学年继续努力"),
        ("ＡＢＣ１２３ abc", "abc123abc"),
    ],
)
def test_normalise(text, expected):
    assert normalise(text) == expected


def test_many_sections_dedupe_without_false_merges(corpus):
    """Hundreds of different sections with shared stock phrases stay distinct, and a
    changed copy of each is still found."""
    import random

    rng = random.Random(3)
    verbs = ["开展", "落实", "推进", "组织", "完善", "加强"]
    things = ["课题研究", "集体备课", "读书活动", "听课评课", "作业管理", "家校沟通", "课后服务"]
    texts = []
    for i in range(300):
        parts = [f"{rng.choice(verbs)}{rng.choice(things)}，第{i}项安排落实到人" for _ in range(6)]
        texts.append("。".join(parts) + f"，编号{i * 7919 % 10007}。")
    added, dups = corpus.add_candidates([section(t, f"f{i}.txt") for i, t in enumerate(texts)])
    assert (added, dups) == (300, 0)
    copies = [section(t.replace("。", "；", 1), f"copy{i}.txt") for i, t in enumerate(texts)]
    assert corpus.add_candidates(copies) == (0, 300)


def test_stop_key_copy_follows_other_connections_and_rollbacks(tmp_path: Path):
    """The in-memory copy of the stop keys sees keys committed by another connection
    and drops keys whose transaction was rolled back."""
    db = tmp_path / "c.db"
    with open_corpus(db, builtin_dir=None) as a, open_corpus(db, builtin_dir=None) as b:
        a.add_candidate(section(BASE, "a.txt"))
        assert 4242 not in a._stop_keys.get()
        b.conn.execute("INSERT INTO sketch_stop (key) VALUES (4242)")
        assert 4242 in a._stop_keys.get()
        with pytest.raises(RuntimeError), a.transaction():
            index_sketch(a.conn, 1, [], [777], a._stop_keys)
            assert 777 in a._stop_keys.get()
            raise RuntimeError
        assert 777 not in a._stop_keys.get()
        # Lookups still work after the copy was dropped and read again.
        assert a.add_candidate(section("2023年" + BASE, "b.txt"))[1] is False


# ------------------------------------------------------------------ files and batches


def fake_result(path: Path, texts: list[str]) -> ImportResult:
    doc = ImportedDocument(title=path.stem, source=path.name, preamble="", nodes=[])
    return ImportResult(
        str(path), [doc], [section(t, f"{path.name}#{i}") for i, t in enumerate(texts)], 2
    )


def test_reimport_adds_nothing(tmp_path: Path, corpus):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("x", encoding="utf-8")
    (docs / "b.md").write_text("x", encoding="utf-8")
    contents = {
        "a.txt": [BASE],
        "b.md": [OTHER, BASE + "另外补充一句很长的说明文字以示区别，内容完全不同。" * 3],
    }

    def importer(path: Path) -> ImportResult:
        return fake_result(path, contents[path.name])

    first = import_paths(corpus, [docs], importer=importer)
    assert (first.documents, first.sections_added, first.duplicates) == (2, 3, 0)
    assert first.noise_lines_removed == 4
    before = corpus.conn.execute("SELECT count(*) FROM sources").fetchone()[0]
    second = import_paths(corpus, [docs], importer=importer)
    assert (second.sections_added, second.duplicates) == (0, 3)
    assert corpus.conn.execute("SELECT count(*) FROM sources").fetchone()[0] == before


def test_bad_files_do_not_stop_the_batch(tmp_path: Path, corpus):
    good = tmp_path / "good.txt"
    good.write_text("x", encoding="utf-8")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    crashing = tmp_path / "crash.txt"
    crashing.write_text("x", encoding="utf-8")
    picture = tmp_path / "photo.jpg"
    picture.write_bytes(b"\xff\xd8")

    def importer(path: Path) -> ImportResult:
        if path.name == "broken.docx":
            raise ImportFailure(str(path), "不是有效的 .docx 文件")
        if path.name == "crash.txt":
            raise ValueError("importer bug")
        return fake_result(path, [BASE])

    paths = [broken, tmp_path / "missing.txt", picture, crashing, good]
    summary = import_paths(corpus, paths, importer=importer)
    assert summary.sections_added == 1
    reasons = {Path(f.path).name: f.reason for f in summary.failed}
    assert set(reasons) == {"broken.docx", "missing.txt", "photo.jpg", "crash.txt"}
    assert reasons["broken.docx"] == "不是有效的 .docx 文件"
    assert "不存在" in reasons["missing.txt"]
    assert "不支持" in reasons["photo.jpg"]
    assert "importer bug" in reasons["crash.txt"]


def test_collect_files_walks_folders(tmp_path: Path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    for name in [
        "a.txt",
        "sub/b.DOCX",
        "sub/deeper/c.md",
        "sub/d.pdf",
        ".hidden.txt",
        "sub/~$lock.docx",
    ]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    files, failed = collect_files([tmp_path, tmp_path / "a.txt"])
    names = [f.relative_to(tmp_path).as_posix() for f in files]
    assert names == ["a.txt", "sub/b.DOCX", "sub/deeper/c.md"]
    assert failed == []


def test_each_file_is_one_transaction(tmp_path: Path, corpus, monkeypatch):
    files = []
    for name in ["1.txt", "2.txt", "3.txt"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
        files.append(tmp_path / name)
    texts = {
        "1.txt": [BASE],
        "2.txt": [OTHER, OTHER + "再加一段不同的内容。" * 5],
        "3.txt": ["第三份文件的内容，与其他都不一样。" * 3],
    }
    calls = {"n": 0}
    original = type(corpus).add_candidate

    def flaky(self, candidate):
        calls["n"] += 1
        if calls["n"] == 3:  # second section of the second file
            raise KeyboardInterrupt
        return original(self, candidate)

    monkeypatch.setattr(type(corpus), "add_candidate", flaky)
    with pytest.raises(KeyboardInterrupt):
        import_paths(corpus, files, importer=lambda p: fake_result(p, texts[p.name]))
    monkeypatch.undo()
    stored = {s.sources[0].split("#")[0] for s in corpus.sections()}
    assert stored == {"1.txt"}  # nothing of 2.txt, although its first section was added
    summary = import_paths(corpus, files, importer=lambda p: fake_result(p, texts[p.name]))
    assert (summary.sections_added, summary.duplicates) == (3, 1)


KILL_SCRIPT = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from wenshu.generator.corpus import import_paths, open_corpus
    from wenshu.generator.corpus.store import Corpus
    from wenshu.generator.importing.model import CandidateSection, ImportedDocument, ImportResult

    calls = 0
    original = Corpus._add_source

    def dying(self, pk, source):
        global calls
        calls += 1
        if calls == 4:  # in the middle of the second file: the process is killed
            os._exit(9)
        return original(self, pk, source)

    Corpus._add_source = dying

    def importer(path):
        sections = [
            CandidateSection(f"{path.stem}{i}", f"{path.stem}文件的第{i}段，" + "内容各不相同。" * i * 3,
                             [], "工作措施", [], None, f"{path.name}#{i}")
            for i in range(1, 4)
        ]
        return ImportResult(str(path), [ImportedDocument(path.stem, path.name, "", [])], sections, 0)

    with open_corpus(Path(sys.argv[1]), builtin_dir=None) as corpus:
        import_paths(corpus, [Path("甲.txt"), Path("乙.txt")], importer=importer,
                     files=[Path("甲.txt"), Path("乙.txt")])
    """
)


def test_killed_import_leaves_consistent_database(tmp_path: Path):
    db = tmp_path / "c.db"
    script = tmp_path / "kill.py"
    script.write_text(KILL_SCRIPT, encoding="utf-8")
    result = subprocess.run([sys.executable, str(script), str(db)], cwd=tmp_path, check=False)
    assert result.returncode == 9
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("INSERT INTO sections_fts (sections_fts) VALUES ('integrity-check')")
    conn.close()
    with open_corpus(db, builtin_dir=None) as corpus:
        titles = sorted(s.title for s in corpus.sections())
        assert titles == ["甲1", "甲2", "甲3"]
        assert corpus.search("乙文件") == []
        assert (
            corpus.conn.execute(
                "SELECT count(*) FROM sketch WHERE section_pk NOT IN (SELECT pk FROM sections)"
            ).fetchone()[0]
            == 0
        )


# ------------------------------------------------------------------ seeds (real importer)


def _short(source: str) -> str:
    """'001_0f9a….txt#篇十三' → '001#篇十三'."""
    match = re.match(r"(\d{3})_[0-9a-f]+\.txt(#.*)?$", source)
    return f"{match.group(1)}{match.group(2) or ''}" if match else source


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    files = sorted(SEEDS.glob("*.txt"))
    assert files, f"no seed files in {SEEDS}"
    db = tmp_path_factory.mktemp("seeds") / "c.db"
    with open_corpus(db, builtin_dir=None) as corpus:
        summary = import_paths(corpus, files)
        yield corpus, summary, files


def _groups(corpus) -> list[set[str]]:
    return [{_short(s) for s in section.sources} for section in corpus.sections()]


def test_seeds_import_cleanly(seeded):
    corpus, summary, files = seeded
    assert summary.failed == []
    assert summary.documents >= len(files)
    assert summary.sections_added > 50
    assert summary.duplicates > 0


@pytest.mark.parametrize(
    "group",
    [
        {"001#篇二", "001#篇十三", "003#篇3"},
        {"001#篇四", "001#篇十二"},
        {"000#篇9", "000#篇15"},
    ],
    ids=["001篇二=篇十三=003篇3", "001篇四≈篇十二", "000职责9≈职责15"],
)
def test_seed_duplicates_collapse_with_all_sources(seeded, group):
    corpus, _summary, _files = seeded
    assert any(group <= sources for sources in _groups(corpus)), group


def test_seed_reimport_adds_nothing(seeded):
    corpus, _summary, files = seeded
    before = corpus.stats()["sections"]
    again = import_paths(corpus, files)
    assert again.sections_added == 0 and again.failed == []
    assert corpus.stats()["sections"] == before


def test_seed_sections_are_searchable(seeded):
    corpus, _summary, _files = seeded
    hits = corpus.search("晨晓讲堂")
    assert hits and any("001#篇二" in {_short(s) for s in h.sources} for h in hits)
    assert os.fspath(SEEDS)  # seeds are only read, never copied into the package
