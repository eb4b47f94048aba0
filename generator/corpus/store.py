"""The corpus database: opening, upgrading, built-in refresh and section storage."""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from ..errors import CorpusError
from ..fsutil import os_reason
from ..vocab import CATEGORIES, TOPICS
from . import entries as entries_mod
from .dedupe import (
    Lookup,
    StopKeys,
    body_of,
    find_duplicate,
    index_sketch,
    storable_keys,
    unindex_sketch,
)
from .entries import CorpusEntry
from .initials import initials
from .models import (
    ORIGIN_BUILTIN,
    ORIGIN_IMPORTED,
    ORIGIN_USER,
    SearchHit,
    Section,
)
from .schema import upgrade
from .textnorm import norm_hash, normalise

# How much of the text start goes into the pinyin initials column.
INITIALS_TEXT_CHARS = 80
_ID_PREFIX = {ORIGIN_USER: ("u", 4), ORIGIN_IMPORTED: ("i", 6)}

_SECTION_COLUMNS = (
    "pk, id, origin, category, title, text, items, topics, kinds, flags, uses, last_spec, last_used"
)


def default_corpus_path() -> Path:
    """The corpus database in the user's data folder."""
    import platformdirs

    return platformdirs.user_data_path("wenshu", appauthor=False) / "corpus.db"


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def _split(value: str, sep: str) -> list[str]:
    return [v for v in value.split(sep) if v]


def initials_for(title: str, topics: list[str], text: str) -> str:
    """What the initials column holds: title, topics and the start of the text."""
    parts = [initials(title), *(initials(t) for t in topics), initials(text[:INITIALS_TEXT_CHARS])]
    return " ".join(p for p in parts if p)


class Corpus:
    """An open corpus database. Use `open_corpus()`; close it or use it in a `with`."""

    def __init__(self, conn: sqlite3.Connection, path: Path, builtin_dir: Path | None):
        self.conn = conn
        self.path = path
        self.builtin_dir = builtin_dir
        self._in_transaction = False
        # Time spent looking for near-duplicates (reported by bench/corpus_bench.py).
        self.dedupe_seconds = 0.0
        # In-memory copy of the stock-phrase sketch keys (see dedupe.StopKeys).
        self._stop_keys = StopKeys(conn)

    # ------------------------------------------------------------------ lifecycle

    def close(self) -> None:
        """Close the database connection."""
        self.conn.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction; nested calls join the outer one."""
        if self._in_transaction:
            yield
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._in_transaction = True
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            self._stop_keys.forget()  # it may hold stop keys that were rolled back
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._in_transaction = False

    def _meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    # ------------------------------------------------------------------ reading

    def _row_to_section(self, row: tuple) -> Section:
        pk, sid, origin, category, title, text, items, topics, kinds, flags, uses, spec, used = row
        sources = [
            r[0]
            for r in self.conn.execute(
                "SELECT source FROM sources WHERE section_pk = ? ORDER BY rowid", (pk,)
            )
        ]
        return Section(
            id=sid,
            origin=origin,
            category=category,
            title=title,
            text=text,
            items=_split(items, "\n"),
            topics=_split(topics, " "),
            kinds=_split(kinds, " "),
            flags=_split(flags, "\n"),
            sources=sources,
            uses=uses,
            last_spec=spec,
            last_used=used,
        )

    def find(self, section_id: str) -> Section | None:
        """The section with this id, or None."""
        row = self.conn.execute(
            f"SELECT {_SECTION_COLUMNS} FROM sections WHERE id = ?", (section_id,)
        ).fetchone()
        return self._row_to_section(row) if row else None

    def get(self, section_id: str) -> Section:
        """The section with this id; CorpusError when there is none."""
        section = self.find(section_id)
        if section is None:
            raise CorpusError(
                f"语料库中没有编号为 {section_id} 的片段，可用 wenshu corpus search 查找"
            )
        return section

    def sections(self, include_builtin: bool = True) -> Iterator[Section]:
        """Every section in id order (built-in ones only when asked)."""
        where = "" if include_builtin else f"WHERE origin != '{ORIGIN_BUILTIN}'"
        rows = self.conn.execute(
            f"SELECT {_SECTION_COLUMNS} FROM sections {where} ORDER BY origin, id"
        ).fetchall()
        for row in rows:
            yield self._row_to_section(row)

    def stats(self) -> dict:
        """Counts: {"sections": n, "categories": {..}, "topics": {..}, "origins": {..}}."""
        total = self.conn.execute("SELECT count(*) FROM sections").fetchone()[0]
        by_category = dict(
            self.conn.execute("SELECT category, count(*) FROM sections GROUP BY category")
        )
        by_origin = dict(self.conn.execute("SELECT origin, count(*) FROM sections GROUP BY origin"))
        topics: Counter[str] = Counter()
        for (value,) in self.conn.execute("SELECT topics FROM sections WHERE topics != ''"):
            topics.update(value.split())
        order = {name: i for i, name in enumerate(CATEGORIES + TOPICS)}
        return {
            "sections": total,
            "categories": dict(sorted(by_category.items(), key=lambda kv: order.get(kv[0], 99))),
            "topics": dict(sorted(topics.items(), key=lambda kv: order.get(kv[0], 99))),
            "origins": by_origin,
        }

    def search(
        self,
        query: str,
        category: str | None = None,
        topic: str | None = None,
        kind: str | None = None,
        limit: int = 10,
    ) -> list[SearchHit]:
        """Sections best matching `query` first (see search.py); each hit lists the words
        it matched."""
        from .search import search

        return search(self.conn, query, category=category, topic=topic, kind=kind, limit=limit)

    # ------------------------------------------------------------------ writing

    def _next_id(self, origin: str) -> str:
        prefix, width = _ID_PREFIX[origin]
        key = f"seq_{origin}"
        n = int(self._meta(key) or 0)
        while True:
            n += 1
            candidate = f"{prefix}{n:0{width}d}"
            if not self.conn.execute(
                "SELECT 1 FROM sections WHERE id = ?", (candidate,)
            ).fetchone():
                break
        self._set_meta(key, str(n))
        return candidate

    def _insert(
        self,
        section_id: str,
        origin: str,
        category: str,
        title: str,
        text: str,
        items: list[str],
        topics: list[str],
        kinds: list[str],
        flags: list[str] = (),
        norm: str | None = None,
        lookup: Lookup | None = None,
    ) -> int:
        body = body_of(text, items)
        norm = normalise(body) if norm is None else norm
        cur = self.conn.execute(
            "INSERT INTO sections (id, origin, category, title, text, items, topics, kinds, "
            "flags, initials, norm_hash, norm_len, created) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                section_id,
                origin,
                category,
                title,
                text,
                "\n".join(items),
                " ".join(topics),
                " ".join(kinds),
                "\n".join(flags),
                initials_for(title, topics, text),
                norm_hash(norm),
                len(norm),
                _now(),
            ),
        )
        pk = cur.lastrowid
        if lookup is None:
            keys, filling = storable_keys(self.conn, norm, self._stop_keys)
        else:
            keys, filling = lookup.keys, lookup.filling
        index_sketch(self.conn, pk, keys, filling, self._stop_keys)
        return pk

    def _add_source(self, pk: int, source: str) -> bool:
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO sources (section_pk, source, added) VALUES (?, ?, ?)",
            (pk, source, _now()),
        )
        return cur.rowcount > 0

    def add_entries(self, new: list[CorpusEntry]) -> list[str]:
        """Store a user's own sections (all or none); return their ids.

        A given 编号 must be free; without one an id like u0001 is assigned.
        """
        ids: list[str] = []
        with self.transaction():
            for entry in new:
                if entry.id is not None:
                    existing = self.find(entry.id)
                    if existing is not None:
                        raise CorpusError(
                            f"编号 {entry.id} 已被{'内置' if existing.origin == ORIGIN_BUILTIN else '已有'}"
                            f"片段“{existing.title}”使用。请换一个编号，或先用 "
                            f"wenshu corpus remove {entry.id} 删除原片段。"
                        )
                section_id = entry.id or self._next_id(ORIGIN_USER)
                pk = self._insert(
                    section_id,
                    ORIGIN_USER,
                    entry.category,
                    entry.title,
                    entry.text,
                    entry.items,
                    entry.topics,
                    entry.kinds,
                )
                for source in entry.sources:
                    self._add_source(pk, source)
                ids.append(section_id)
        return ids

    def add_candidate(self, candidate) -> tuple[str, bool]:
        """Store one imported section unless a near-duplicate exists; then only its source
        is recorded on the existing one. Returns (id, added)."""
        norm = normalise(body_of(candidate.text, candidate.items))
        with self.transaction():
            started = time.perf_counter()
            lookup = find_duplicate(self.conn, norm, self._stop_keys)
            self.dedupe_seconds += time.perf_counter() - started
            if lookup.duplicate_pk is not None:
                self._add_source(lookup.duplicate_pk, candidate.source)
                row = self.conn.execute(
                    "SELECT id FROM sections WHERE pk = ?", (lookup.duplicate_pk,)
                ).fetchone()
                sid = row[0]
                return sid, False
            sid = self._next_id(ORIGIN_IMPORTED)
            pk = self._insert(
                sid,
                ORIGIN_IMPORTED,
                candidate.category,
                candidate.title,
                candidate.text,
                [" ".join(i.split()) for i in candidate.items if i.strip()],
                list(dict.fromkeys(candidate.topics)),
                [candidate.kind] if candidate.kind else [],
                list(candidate.flags),
                norm=norm,
                lookup=lookup,
            )
            self._add_source(pk, candidate.source)
            return sid, True

    def add_candidates(self, candidates) -> tuple[int, int]:
        """Store imported sections in one transaction; return (added, duplicates)."""
        added = duplicates = 0
        with self.transaction():
            for candidate in candidates:
                if self.add_candidate(candidate)[1]:
                    added += 1
                else:
                    duplicates += 1
        return added, duplicates

    def _delete_pk(self, pk: int, text: str, items: str) -> None:
        unindex_sketch(self.conn, pk, normalise(body_of(text, items)))
        self.conn.execute("DELETE FROM sections WHERE pk = ?", (pk,))

    def remove(self, section_id: str) -> Section:
        """Delete a user or imported section; built-in ones cannot be removed."""
        section = self.get(section_id)
        if section.origin == ORIGIN_BUILTIN:
            raise CorpusError(
                f"{section_id} 是内置片段，不能删除（升级 wenshu 时会恢复）。不想用它时在计划中不引用即可。"
            )
        with self.transaction():
            row = self.conn.execute(
                "SELECT pk, text, items FROM sections WHERE id = ?", (section_id,)
            ).fetchone()
            self._delete_pk(*row)
        return section

    def record_use(self, section_id: str, spec_path: str) -> None:
        """Count one more use of the section by the spec at `spec_path`."""
        with self.transaction():
            cur = self.conn.execute(
                "UPDATE sections SET uses = uses + 1, last_spec = ?, last_used = ? WHERE id = ?",
                (spec_path, date.today().isoformat(), section_id),
            )
        if cur.rowcount == 0:
            self.get(section_id)  # raises the "unknown id" CorpusError

    # ------------------------------------------------------------------ built-in set

    def refresh_builtin(self) -> bool:
        """Bring built-in sections in line with the shipped corpus/*.yaml when they changed.

        User and imported sections are never touched. A built-in section that is no
        longer shipped is deleted, unless imports recorded sources on it: then it is kept
        as an imported section so that nothing the user brought in is lost.
        Returns whether anything was refreshed.
        """
        directory = self.builtin_dir
        if directory is None:
            return False
        current = entries_mod.builtin_hash(directory)
        if self._meta("builtin_hash") == current:
            return False
        shipped = entries_mod.load_builtin(directory)
        with self.transaction():
            stored = {
                row[1]: row
                for row in self.conn.execute(
                    "SELECT pk, id, origin, category, title, text, items, topics, kinds "
                    "FROM sections WHERE origin = ?",
                    (ORIGIN_BUILTIN,),
                )
            }
            for located in shipped:
                e = located.entry
                old = stored.pop(e.id, None)
                if old is None:
                    if self.conn.execute("SELECT 1 FROM sections WHERE id = ?", (e.id,)).fetchone():
                        continue  # the user already chose this id for a section of their own
                    self._insert(
                        e.id,
                        ORIGIN_BUILTIN,
                        e.category,
                        e.title,
                        e.text,
                        e.items,
                        e.topics,
                        e.kinds,
                    )
                    continue
                new_values = (
                    e.category,
                    e.title,
                    e.text,
                    "\n".join(e.items),
                    " ".join(e.topics),
                    " ".join(e.kinds),
                )
                if tuple(old[3:]) == new_values:
                    continue
                pk = old[0]
                unindex_sketch(self.conn, pk, normalise(body_of(old[5], old[6])))
                norm = normalise(body_of(e.text, e.items))
                self.conn.execute(
                    "UPDATE sections SET category = ?, title = ?, text = ?, items = ?, topics = ?, "
                    "kinds = ?, initials = ?, norm_hash = ?, norm_len = ? WHERE pk = ?",
                    (
                        *new_values,
                        initials_for(e.title, e.topics, e.text),
                        norm_hash(norm),
                        len(norm),
                        pk,
                    ),
                )
                keys, filling = storable_keys(self.conn, norm, self._stop_keys)
                index_sketch(self.conn, pk, keys, filling, self._stop_keys)
            for pk, _sid, _o, _c, _t, text, items, _tp, _k in stored.values():
                has_sources = self.conn.execute(
                    "SELECT 1 FROM sources WHERE section_pk = ? LIMIT 1", (pk,)
                ).fetchone()
                if has_sources:
                    self.conn.execute(
                        "UPDATE sections SET origin = ? WHERE pk = ?", (ORIGIN_IMPORTED, pk)
                    )
                else:
                    self._delete_pk(pk, text, items)
            self._set_meta("builtin_hash", current)
        return True


_SQLITE_REASONS = [
    ("unable to open", "无法打开或创建这个文件（所在文件夹不存在、不可写或没有权限）"),
    ("readonly", "文件或所在的磁盘是只读的"),
    ("read-only", "文件或所在的磁盘是只读的"),
    ("disk is full", "磁盘空间已满"),
    ("disk i/o", "读写出错（磁盘故障或空间不足）"),
    ("locked", "正被另一个 wenshu 或其他程序使用，请稍后再试"),
    ("busy", "正被另一个 wenshu 或其他程序使用，请稍后再试"),
    ("not a database", "不是 SQLite 数据库"),
    ("malformed", "数据库已损坏"),
]


def sqlite_reason(exc: sqlite3.Error) -> str:
    """What went wrong with the database file, in a few Chinese words."""
    text = str(exc).lower()
    for needle, reason in _SQLITE_REASONS:
        if needle in text:
            return reason
    return "数据库出错"


def _connect(path: Path) -> sqlite3.Connection:
    if path.is_dir():
        raise CorpusError(f"语料库路径 {path} 是一个文件夹，请用 --corpus 指定一个数据库文件。")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=30)
        conn.execute("PRAGMA foreign_keys = ON")
        # WAL keeps readers working during an import and makes per-file commits cheap.
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        # Duplicate lookups touch many index pages; SQLite's 2 MB default cache thrashes
        # during large imports. 64 MB stays well inside the memory budget.
        conn.execute("PRAGMA cache_size = -65536")
    except sqlite3.DatabaseError as exc:
        raise CorpusError(
            f"无法打开语料库 {path}：{sqlite_reason(exc)}。请用 --corpus 指定其他文件"
            "（或设置环境变量 WENSHU_CORPUS）。"
        ) from exc
    except OSError as exc:
        raise CorpusError(f"无法创建语料库 {path}：{os_reason(exc)}。") from exc
    return conn


def open_corpus(
    path: Path | str | None = None, builtin_dir: Path | str | None | bool = True
) -> Corpus:
    """Open (creating or upgrading as needed) the corpus at `path`, default in the user's
    data folder. Built-in sections are loaded from the installed package's corpus/
    folder, or from `builtin_dir`; pass builtin_dir=None to skip them."""
    path = Path(path) if path is not None else default_corpus_path()
    if builtin_dir is True:
        builtin_dir = entries_mod.builtin_dir()
    conn = _connect(path)
    corpus = Corpus(conn, path, Path(builtin_dir) if builtin_dir else None)
    try:
        upgrade(conn, str(path))
        corpus.refresh_builtin()
    except sqlite3.DatabaseError as exc:
        conn.close()
        reason = sqlite_reason(exc)
        if reason in ("数据库出错", "不是 SQLite 数据库", "数据库已损坏"):
            raise CorpusError(
                f"语料库 {path} 已损坏或不是 wenshu 的语料库（{reason}）。"
                "可删除该文件后重新导入，或用 --corpus 指定其他文件。"
            ) from exc
        raise CorpusError(f"无法使用语料库 {path}：{reason}。请用 --corpus 指定其他文件。") from exc
    except BaseException:
        conn.close()
        raise
    return corpus
