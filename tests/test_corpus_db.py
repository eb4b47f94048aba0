"""Corpus database: schema and upgrades, built-in loading and refresh, add/show/remove,
stats, export, and reuse of sections in specs."""

from __future__ import annotations

import sqlite3
import textwrap
from pathlib import Path

import pytest

from wenshu.generator.corpus import (
    ResolvedSection,
    load_builtin,
    load_user_file,
    open_corpus,
    record_use,
    resolve_reference,
)
from wenshu.generator.corpus import entries as entries_mod
from wenshu.generator.corpus.schema import MIGRATIONS, SCHEMA_VERSION, schema_version, upgrade
from wenshu.generator.errors import CorpusError, SpecError, WenshuError

GUIDE = """\
类别: 指导思想
片段:
  - 编号: zd001
    标题: 以课题研究引领教师成长
    主题: [课题研究, 校本研修]
    文种: [工作计划]
    内容: |
      {{ 学年 }}，{{ 单位 }}以课题研究为抓手，带动全体教师在研究中成长。
  - 编号: zd002
    标题: 立足课堂提升质量
    主题: [教学常规]
    文种: [工作计划, 工作总结]
    内容: 立足课堂主阵地，向四十分钟要质量。
"""

MEASURES = """\
类别: 工作措施
片段:
  - 编号: cs001
    标题: 师徒结对
    主题: [青年教师培养]
    文种: [工作计划]
    内容: 为每位新入职教师安排一名指导教师。
    条目:
      - 每周互相听课一次
      - 每月交流一次
"""


def write_builtin(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.yaml"):
        old.unlink()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def builtin(tmp_path: Path) -> Path:
    return write_builtin(tmp_path / "builtin", {"指导思想.yaml": GUIDE, "工作措施.yaml": MEASURES})


@pytest.fixture
def corpus(tmp_path: Path, builtin: Path):
    with open_corpus(tmp_path / "c.db", builtin_dir=builtin) as store:
        yield store


def user_file(tmp_path: Path, text: str, name: str = "片段.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


# ------------------------------------------------------------------ schema


def test_new_database_has_current_schema(corpus):
    assert schema_version(corpus.conn) == SCHEMA_VERSION
    tables = {r[0] for r in corpus.conn.execute("SELECT name FROM sqlite_master")}
    assert {"sections", "sources", "sketch", "meta", "sections_fts"} <= tables


def test_upgrade_in_place_keeps_user_sections(tmp_path: Path, builtin: Path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    upgrade(conn, str(path), target=1)
    conn.execute(
        "INSERT INTO sections (id, origin, category, title, text, norm_hash, norm_len, created) "
        "VALUES ('u0001', 'user', '前言', '旧片段', '旧的内容。', 'x', 4, '2024-01-01')"
    )
    conn.close()
    with open_corpus(path, builtin_dir=builtin) as store:
        assert schema_version(store.conn) == len(MIGRATIONS)
        old = store.get("u0001")
        assert old.title == "旧片段" and old.uses == 0
        assert store.search("旧的内容")[0].id == "u0001"


def test_newer_database_is_refused(tmp_path: Path):
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(CorpusError, match="更新版本"):
        open_corpus(path, builtin_dir=None)


def test_not_a_database_is_a_corpus_error(tmp_path: Path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(CorpusError, match="notes.db"):
        open_corpus(path, builtin_dir=None)


def test_directory_as_database_is_a_corpus_error(tmp_path: Path):
    with pytest.raises(CorpusError, match="文件夹"):
        open_corpus(tmp_path, builtin_dir=None)


# ------------------------------------------------------------------ built-in corpus


def test_builtin_sections_loaded_on_first_use(corpus):
    assert corpus.stats()["sections"] == 3
    section = corpus.get("cs001")
    assert section.origin == "builtin"
    assert section.items == ["每周互相听课一次", "每月交流一次"]
    assert section.topics == ["青年教师培养"]


def test_builtin_refresh_updates_and_keeps_user_sections(tmp_path: Path, builtin: Path):
    path = tmp_path / "c.db"
    with open_corpus(path, builtin_dir=builtin) as store:
        store.add_entries(load_user_file(user_file(tmp_path, MINE)))
        record_use(store, "zd002", "计划.yaml")
    changed = GUIDE.replace("向四十分钟要质量", "向每一节课要质量").replace(
        "  - 编号: zd001", "  - 编号: zd003"
    )
    write_builtin(builtin, {"指导思想.yaml": changed})
    with open_corpus(path, builtin_dir=builtin) as store:
        assert store.find("cs001") is None  # no longer shipped
        assert store.find("zd001") is None
        assert store.get("zd003").title == "以课题研究引领教师成长"
        updated = store.get("zd002")
        assert "每一节课" in updated.text and updated.uses == 1  # usage survives
        assert store.search("每一节课")[0].id == "zd002"
        assert store.search("四十分钟") == []
        assert store.get("my001").title == "我的片段"


def test_unshipped_builtin_with_import_sources_is_kept(tmp_path: Path, builtin: Path):
    from wenshu.generator.importing.model import CandidateSection

    path = tmp_path / "c.db"
    with open_corpus(path, builtin_dir=builtin) as store:
        copy = CandidateSection(
            title="师徒结对",
            text="为每位新入职教师安排一名指导教师。",
            items=["每周互相听课一次", "每月交流一次"],
            category="工作措施",
            topics=[],
            kind=None,
            source="网上范文.txt",
        )
        assert store.add_candidate(copy) == ("cs001", False)
    write_builtin(builtin, {"指导思想.yaml": GUIDE})
    with open_corpus(path, builtin_dir=builtin) as store:
        kept = store.get("cs001")
        assert kept.origin == "imported" and kept.sources == ["网上范文.txt"]


def test_builtin_not_reloaded_when_unchanged(tmp_path: Path, builtin: Path):
    path = tmp_path / "c.db"
    with open_corpus(path, builtin_dir=builtin) as store:
        assert store.refresh_builtin() is False


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "类别: 指导思想\n片段:\n  - 编号: a1\n    标题: 甲\n    内容: 乙\n    主题: [飞行]\n",
            "飞行",
        ),
        ("类别: 指导思想\n片段:\n  - 编号: a1\n    标题: 甲\n    内容: '{{ 校长 }}'\n", "校长"),
        ("类别: 不存在\n片段:\n  - 编号: a1\n    标题: 甲\n    内容: 乙\n", "不存在"),
        ("类别: 指导思想\n片段:\n  - 标题: 甲\n    内容: 乙\n", "必须有编号"),
        ("类别: 指导思想\n片段:\n  - 编号: 中文\n    标题: 甲\n    内容: 乙\n", "编号只能"),
        ("类别: 指导思想\n片段:\n  - 编号: a1\n    标题: 甲\n", "不能都为空"),
        ("类别: 指导思想\n片段: [\n", "YAML"),
        ("类别: 指导思想\n片段:\n  - 编号: a1\n    内容: 乙\n", "缺少标题"),
    ],
)
def test_malformed_builtin_file_names_file_and_entry(tmp_path: Path, text: str, expected: str):
    folder = write_builtin(tmp_path / "bad", {"坏文件.yaml": text})
    with pytest.raises(CorpusError) as info:
        load_builtin(folder)
    assert "坏文件.yaml" in str(info.value)
    assert expected in str(info.value)


def test_duplicate_builtin_ids_across_files(tmp_path: Path):
    folder = write_builtin(tmp_path / "dup", {"a.yaml": GUIDE, "b.yaml": GUIDE})
    with pytest.raises(CorpusError, match="zd001"):
        load_builtin(folder)


def test_shipped_corpus_is_valid():
    """The corpus/*.yaml installed with the package load (skipped by nothing: an empty
    folder is valid too)."""
    folder = entries_mod.builtin_dir()
    assert folder.name == "corpus"
    for located in load_builtin(folder):
        assert located.entry.id


# ------------------------------------------------------------------ user sections

MINE = """\
编号: my001
类别: 工作措施
标题: 我的片段
主题: [读书活动]
内容: 每月组织一次教师读书沙龙，{{ 部门 }}负责记录。
"""


@pytest.mark.parametrize(
    "text",
    [
        MINE,
        "- " + MINE.replace("\n", "\n  ").rstrip() + "\n",
        "类别: 工作措施\n片段:\n  - "
        + MINE.replace("类别: 工作措施\n", "").replace("\n", "\n    ").rstrip()
        + "\n",
    ],
    ids=["single", "list", "category-file"],
)
def test_add_accepts_three_shapes(tmp_path: Path, corpus, text: str):
    ids = corpus.add_entries(load_user_file(user_file(tmp_path, text)))
    assert ids == ["my001"]
    section = corpus.get("my001")
    assert section.origin == "user" and section.category == "工作措施"
    assert section.topics == ["读书活动"]


def test_add_assigns_ids_when_missing(tmp_path: Path, corpus):
    text = "- {类别: 前言, 标题: 一, 内容: 第一段。}\n- {类别: 前言, 标题: 二, 内容: 第二段。}\n"
    ids = corpus.add_entries(load_user_file(user_file(tmp_path, text)))
    assert ids == ["u0001", "u0002"]
    corpus.remove("u0002")
    # Removed ids are never handed out again: a spec may still refer to them.
    assert corpus.add_entries(load_user_file(user_file(tmp_path, text)))[0] == "u0003"


def test_add_reports_every_problem_with_line(tmp_path: Path):
    text = """\
    - 类别: 前言
      标题: 好的
      内容: 没问题。
    - 类别: 前言
      标题: 坏的
      主题: [飞行]
    - 类别: 杂项
      标题: 也坏
      内容: 内容
    """
    with pytest.raises(SpecError) as info:
        load_user_file(user_file(tmp_path, text))
    rendered = str(info.value)
    assert "片段.yaml 第4行 片段[2].主题" in rendered
    assert "第7行 片段[3].类别" in rendered


def test_add_refuses_taken_id(tmp_path: Path, corpus):
    path = user_file(tmp_path, MINE.replace("my001", "zd001"))
    with pytest.raises(CorpusError, match="zd001.*内置"):
        corpus.add_entries(load_user_file(path))
    assert corpus.get("zd001").origin == "builtin"


def test_add_is_all_or_nothing(tmp_path: Path, corpus):
    text = "- {编号: ok1, 类别: 前言, 标题: 一, 内容: 第一段。}\n- {编号: zd001, 类别: 前言, 标题: 二, 内容: 二。}\n"
    with pytest.raises(CorpusError):
        corpus.add_entries(load_user_file(user_file(tmp_path, text)))
    assert corpus.find("ok1") is None


def test_missing_user_file(tmp_path: Path):
    with pytest.raises(WenshuError, match="找不到片段文件"):
        load_user_file(tmp_path / "nothing.yaml")


def test_remove_user_section_and_refuse_builtin(tmp_path: Path, corpus):
    corpus.add_entries(load_user_file(user_file(tmp_path, MINE)))
    assert corpus.remove("my001").title == "我的片段"
    assert corpus.find("my001") is None
    assert corpus.search("读书沙龙") == []
    assert (
        corpus.conn.execute(
            "SELECT count(*) FROM sketch s LEFT JOIN sections t ON t.pk = s.section_pk WHERE t.pk IS NULL"
        ).fetchone()[0]
        == 0
    )
    with pytest.raises(CorpusError, match="内置"):
        corpus.remove("zd001")
    with pytest.raises(CorpusError, match="没有编号为 nope 的片段"):
        corpus.remove("nope")


def test_stats_counts_categories_topics_origins(tmp_path: Path, corpus):
    corpus.add_entries(load_user_file(user_file(tmp_path, MINE)))
    stats = corpus.stats()
    assert stats["sections"] == 4
    assert stats["categories"] == {"指导思想": 2, "工作措施": 2}
    assert stats["topics"]["课题研究"] == 1 and stats["topics"]["读书活动"] == 1
    assert stats["origins"] == {"builtin": 3, "user": 1}


def test_export_round_trip(tmp_path: Path, corpus, builtin: Path):
    corpus.add_entries(load_user_file(user_file(tmp_path, MINE)))
    user_only = list(corpus.sections(include_builtin=False))
    assert [s.id for s in user_only] == ["my001"]
    assert len(list(corpus.sections(include_builtin=True))) == 4
    entry = user_only[0].to_entry()
    assert entry["内容"].startswith("每月组织") and entry["主题"] == ["读书活动"]
    with open_corpus(tmp_path / "other.db", builtin_dir=builtin) as other:
        from wenshu.generator.corpus.entries import CorpusEntry

        other.add_entries([CorpusEntry.model_validate(entry)])
        assert other.get("my001").text == user_only[0].text


# ------------------------------------------------------------------ reuse in specs


def test_resolve_reference_fills_variables(corpus):
    resolved = resolve_reference(
        corpus, "zd001", {"学年": "2024—2025学年"}, {"单位": "实验小学", "学年": "2023学年"}
    )
    assert resolved == ResolvedSection(
        title="以课题研究引领教师成长",
        text="2024—2025学年，实验小学以课题研究为抓手，带动全体教师在研究中成长。",
        items=[],
    )


@pytest.mark.parametrize(
    ("variables", "spec_values", "missing"),
    [
        ({}, {"单位": "实验小学"}, "学年"),
        ({"学年": "2024学年"}, {}, "单位"),
        ({"学年": " "}, {"单位": "甲"}, "学年"),
    ],
)
def test_resolve_reference_names_unfilled_variable(corpus, variables, spec_values, missing):
    with pytest.raises(CorpusError) as info:
        resolve_reference(corpus, "zd001", variables, spec_values)
    assert missing in str(info.value) and "zd001" in str(info.value)


def test_resolve_unknown_id(corpus):
    with pytest.raises(
        CorpusError, match="语料库中没有编号为 zz999 的片段，可用 wenshu corpus search 查找"
    ):
        resolve_reference(corpus, "zz999", {}, {})


def test_record_use_counts(corpus):
    record_use(corpus, "zd002", Path("plans/计划.yaml"))
    record_use(corpus, "zd002", "plans/总结.yaml")
    section = corpus.get("zd002")
    assert section.uses == 2 and section.last_spec == "plans/总结.yaml"
    assert section.last_used is not None
    with pytest.raises(CorpusError, match="zz999"):
        record_use(corpus, "zz999", "x.yaml")


def test_default_path_is_in_user_data_folder(monkeypatch, tmp_path: Path):
    from wenshu.generator.corpus import default_corpus_path

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = default_corpus_path()
    assert path.name == "corpus.db" and "wenshu" in path.parts


def test_titleless_imported_section_survives_export(tmp_path: Path, corpus, builtin: Path):
    from wenshu.generator.corpus.entries import CorpusEntry
    from wenshu.generator.importing.model import CandidateSection

    candidate = CandidateSection(
        "", "每周一升旗仪式后进行国旗下讲话。", [], "工作措施", ["德育"], None, "a.txt"
    )
    sid, _ = corpus.add_candidate(candidate)
    entry = corpus.get(sid).to_entry()
    with open_corpus(tmp_path / "other.db", builtin_dir=builtin) as other:
        (new_id,) = other.add_entries([CorpusEntry.model_validate(entry)])
        restored = other.get(new_id)
        assert (
            restored.title == "" and restored.sources == ["a.txt"] and restored.topics == ["德育"]
        )
