"""Database schema, versioned with PRAGMA user_version and upgraded in place.

Each migration takes the database from version n-1 to n inside one transaction, so an
interrupted upgrade leaves the previous version intact. Never edit a released
migration: add a new one.
"""

from __future__ import annotations

import sqlite3

from ..errors import CorpusError

_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- pk is an explicit INTEGER PRIMARY KEY so that rowids stay stable (VACUUM may renumber
-- implicit rowids), which the external-content FTS index and the sketch table rely on.
CREATE TABLE sections (
    pk        INTEGER PRIMARY KEY,
    id        TEXT NOT NULL UNIQUE,
    origin    TEXT NOT NULL CHECK (origin IN ('builtin', 'user', 'imported')),
    category  TEXT NOT NULL,
    title     TEXT NOT NULL,
    text      TEXT NOT NULL,
    items     TEXT NOT NULL DEFAULT '',   -- one item per line
    topics    TEXT NOT NULL DEFAULT '',   -- space separated, from vocab.TOPICS
    kinds     TEXT NOT NULL DEFAULT '',   -- space separated, from vocab.CORPUS_KINDS
    flags     TEXT NOT NULL DEFAULT '',   -- one flag per line, from the importer
    initials  TEXT NOT NULL DEFAULT '',   -- pinyin initials of title, topics, text start
    norm_hash TEXT NOT NULL,
    norm_len  INTEGER NOT NULL,
    created   TEXT NOT NULL
);
CREATE INDEX sections_norm_hash ON sections (norm_hash);
CREATE INDEX sections_category ON sections (category);

CREATE TABLE sources (
    section_pk INTEGER NOT NULL REFERENCES sections (pk) ON DELETE CASCADE,
    source     TEXT NOT NULL,
    added      TEXT NOT NULL,
    PRIMARY KEY (section_pk, source)
);  -- a rowid table: rowid keeps the order in which sources were recorded

-- Bottom-k sketch keys for near-duplicate candidates (see textnorm.py).
CREATE TABLE sketch (
    key        INTEGER NOT NULL,
    section_pk INTEGER NOT NULL,
    PRIMARY KEY (key, section_pk)
) WITHOUT ROWID;

-- Sketch keys that reached dedupe.KEY_POSTINGS_CAP sections: stock phrases, skipped.
CREATE TABLE sketch_stop (key INTEGER PRIMARY KEY);

-- The index reads the columns through a view that ends each with a line break: the
-- trigram tokenizer then also yields a trigram for a two-character word at the very end
-- of a column (加强教研), so two-character words can use the index too.
CREATE VIEW sections_fts_source AS
SELECT pk,
       title || char(10) AS title,
       text || char(10) AS text,
       items || char(10) AS items,
       topics || char(10) AS topics,
       initials || char(10) AS initials
FROM sections;

CREATE VIRTUAL TABLE sections_fts USING fts5 (
    title, text, items, topics, initials,
    content = 'sections_fts_source', content_rowid = 'pk', tokenize = 'trigram'
);
CREATE TRIGGER sections_ai AFTER INSERT ON sections BEGIN
    INSERT INTO sections_fts (rowid, title, text, items, topics, initials)
    VALUES (new.pk, new.title || char(10), new.text || char(10), new.items || char(10),
            new.topics || char(10), new.initials || char(10));
END;
CREATE TRIGGER sections_ad AFTER DELETE ON sections BEGIN
    INSERT INTO sections_fts (sections_fts, rowid, title, text, items, topics, initials)
    VALUES ('delete', old.pk, old.title || char(10), old.text || char(10),
            old.items || char(10), old.topics || char(10), old.initials || char(10));
END;
CREATE TRIGGER sections_au AFTER UPDATE OF title, text, items, topics, initials ON sections
BEGIN
    INSERT INTO sections_fts (sections_fts, rowid, title, text, items, topics, initials)
    VALUES ('delete', old.pk, old.title || char(10), old.text || char(10),
            old.items || char(10), old.topics || char(10), old.initials || char(10));
    INSERT INTO sections_fts (rowid, title, text, items, topics, initials)
    VALUES (new.pk, new.title || char(10), new.text || char(10), new.items || char(10),
            new.topics || char(10), new.initials || char(10));
END;

-- Lets search list the trigrams that start with a two-character word.
CREATE VIRTUAL TABLE sections_vocab USING fts5vocab (sections_fts, 'row');
"""

_V2 = """
-- Reuse tracking: how often a section went into a spec, and the last one.
ALTER TABLE sections ADD COLUMN uses INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sections ADD COLUMN last_spec TEXT;
ALTER TABLE sections ADD COLUMN last_used TEXT;
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2)
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    """The database's PRAGMA user_version."""
    return conn.execute("PRAGMA user_version").fetchone()[0]


def upgrade(conn: sqlite3.Connection, path: str, target: int = SCHEMA_VERSION) -> int:
    """Apply the missing migrations (up to `target`); return the version before."""
    before = schema_version(conn)
    if before > SCHEMA_VERSION:
        raise CorpusError(
            f"语料库 {path} 由更新版本的 wenshu 创建（数据库版本 {before}，本程序支持到 "
            f"{SCHEMA_VERSION}）。请升级 wenshu，或用 --corpus 指定另一个数据库文件。"
        )
    for version in range(before + 1, target + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(MIGRATIONS[version - 1]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return before


def _statements(script: str) -> list[str]:
    """Split a migration into statements (executescript would commit on its own)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
