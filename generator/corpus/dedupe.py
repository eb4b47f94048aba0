"""Near-duplicate lookup: exact hash first, then sketch candidates checked with rapidfuzz.

Only a handful of candidates per section are ever compared, so adding a section costs
about the same whether the corpus holds 100 or 100,000 sections.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .textnorm import (
    SIMILARITY_THRESHOLD,
    SKETCH_SIZE,
    length_window,
    norm_hash,
    normalise,
    sketch,
)

# A sketch key shared by this many sections is too common to say anything (a stock
# phrase); it is neither stored for more sections nor used to find candidates.
KEY_POSTINGS_CAP = 16
# At most this many candidates (most shared keys first) are compared with rapidfuzz.
MAX_VERIFY = 8
# Candidates must share at least this many sketch keys (one when a short text has only
# one or two keys).
MIN_SHARED_KEYS = 2


def body_of(text: str, items: list[str] | str) -> str:
    """The text a section is compared and searched by: its text and its items."""
    if isinstance(items, list):
        items = "\n".join(items)
    return f"{text}\n{items}" if items else text


@dataclass
class Lookup:
    """Result of looking for a near-duplicate of one normalised text."""

    norm: str
    duplicate_pk: int | None
    keys: list[int] = field(default_factory=list)  # sketch keys worth storing for it
    filling: list[int] = field(default_factory=list)  # keys that become stop keys if stored


class StopKeys:
    """In-memory copy of the sketch_stop table for one connection.

    Stop keys are only ever added, so the copy stays right as long as this connection
    records the keys it adds (index_sketch does) and the owner calls forget() after a
    rollback. PRAGMA data_version changes when another connection commits; the copy is
    then read again (a few milliseconds even at 100,000 sections).
    """

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._keys: set[int] | None = None
        self._version: int | None = None

    def get(self) -> set[int]:
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        if self._keys is None or version != self._version:
            self._keys = {key for (key,) in self.conn.execute("SELECT key FROM sketch_stop")}
            self._version = version
        return self._keys

    def add(self, keys) -> None:
        if self._keys is not None:
            self._keys.update(keys)

    def forget(self) -> None:
        self._keys = None


def find_duplicate(
    conn: sqlite3.Connection, norm: str, stop_keys: StopKeys | None = None
) -> Lookup:
    """Find a stored section at least 90 % similar to the normalised text `norm`.

    `stop_keys` (optional) saves a query for the stock-phrase keys on every lookup.
    """
    if not norm:
        return Lookup(norm, None)
    keys = sketch(norm)
    row = conn.execute(
        "SELECT pk FROM sections WHERE norm_hash = ? LIMIT 1", (norm_hash(norm),)
    ).fetchone()
    if row:
        return Lookup(norm, row[0], keys)
    stop = stop_keys.get() if stop_keys is not None else _stop_keys(conn, keys)
    # Stock-phrase keys are skipped and the next smallest keys used instead; only the
    # postings of the keys actually used are read.
    usable = [k for k in keys if k not in stop][:SKETCH_SIZE]
    if not usable:
        return Lookup(norm, None, [])
    postings: dict[int, list[int]] = {}
    shared: dict[int, int] = {}
    marks = ",".join("?" * len(usable))
    for key, pk in conn.execute(
        f"SELECT key, section_pk FROM sketch WHERE key IN ({marks})", usable
    ).fetchall():
        postings.setdefault(key, []).append(pk)
        shared[pk] = shared.get(pk, 0) + 1
    storable = [k for k in usable if len(postings.get(k, ())) < KEY_POSTINGS_CAP]
    full = [k for k in usable if len(postings.get(k, ())) >= KEY_POSTINGS_CAP - 1]
    # Near-duplicates share about k·J of the k keys; unrelated texts rarely two.
    need = MIN_SHARED_KEYS if len(storable) > 2 else 1
    candidates = [pk for pk, n in Counter(shared).most_common(MAX_VERIFY) if n >= need]
    return Lookup(norm, _verify(conn, norm, candidates), storable, full)


def _verify(conn: sqlite3.Connection, norm: str, candidates: list[int]) -> int | None:
    if not candidates:
        return None
    low, high = length_window(len(norm))
    marks = ",".join("?" * len(candidates))
    rows = conn.execute(
        f"SELECT pk, text, items FROM sections WHERE pk IN ({marks}) AND norm_len BETWEEN ? AND ?",
        [*candidates, low, high],
    ).fetchall()
    best_pk, best_score = None, 0.0
    for pk, text, items in rows:
        score = fuzz.ratio(norm, normalise(body_of(text, items)), score_cutoff=SIMILARITY_THRESHOLD)
        if score > best_score:
            best_pk, best_score = pk, score
    return best_pk


def _stop_keys(conn: sqlite3.Connection, keys: list[int]) -> set[int]:
    if not keys:
        return set()
    marks = ",".join("?" * len(keys))
    return {r[0] for r in conn.execute(f"SELECT key FROM sketch_stop WHERE key IN ({marks})", keys)}


def index_sketch(
    conn: sqlite3.Connection,
    pk: int,
    keys: list[int],
    filling=(),
    stop_keys: StopKeys | None = None,
) -> None:
    """Record the section's sketch keys; `filling` keys reach the cap with it and become
    stop keys (also added to `stop_keys`, the connection's in-memory copy)."""
    conn.executemany(
        "INSERT OR IGNORE INTO sketch (key, section_pk) VALUES (?, ?)", [(k, pk) for k in keys]
    )
    if filling:
        conn.executemany(
            "INSERT OR IGNORE INTO sketch_stop (key) VALUES (?)", [(k,) for k in filling]
        )
        if stop_keys is not None:
            stop_keys.add(filling)


def storable_keys(
    conn: sqlite3.Connection, norm: str, stop_keys: StopKeys | None = None
) -> tuple[list[int], list[int]]:
    """(keys to store, keys that become stop keys) for a section added without a lookup."""
    keys = sketch(norm)
    if not keys:
        return [], []
    stop = stop_keys.get() if stop_keys is not None else _stop_keys(conn, keys)
    out: list[int] = []
    filling: list[int] = []
    for key in keys:
        if len(out) == SKETCH_SIZE:
            break
        if key in stop:
            continue
        n = conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM sketch WHERE key = ? LIMIT ?)",
            (key, KEY_POSTINGS_CAP),
        ).fetchone()[0]
        if n < KEY_POSTINGS_CAP:
            out.append(key)
            if n >= KEY_POSTINGS_CAP - 1:
                filling.append(key)
    return out, filling


def unindex_sketch(conn: sqlite3.Connection, pk: int, norm: str) -> None:
    """Remove the section's sketch keys (recomputed from its normalised text)."""
    conn.executemany(
        "DELETE FROM sketch WHERE key = ? AND section_pk = ?", [(k, pk) for k in sketch(norm)]
    )
