"""Near-duplicate lookup: exact hash first, then sketch candidates checked with rapidfuzz.

Only a handful of candidates per section are ever compared, so adding a section costs
about the same whether the corpus holds 100 or 100,000 sections.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .textnorm import SIMILARITY_THRESHOLD, length_window, norm_hash, normalise, sketch

# A sketch key shared by this many sections is too common to say anything (a stock
# phrase); it is neither stored for more sections nor used to find candidates.
KEY_POSTINGS_CAP = 64
# At most this many candidates (most shared keys first) are compared with rapidfuzz.
MAX_VERIFY = 8
# Candidates must share this many sketch keys (fewer when the text has few keys):
# near-duplicates share about k·J of k keys, unrelated texts rarely more than one.
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


def find_duplicate(conn: sqlite3.Connection, norm: str) -> Lookup:
    """Find a stored section at least 90 % similar to the normalised text `norm`."""
    if not norm:
        return Lookup(norm, None)
    keys = sketch(norm)
    row = conn.execute(
        "SELECT pk FROM sections WHERE norm_hash = ? LIMIT 1", (norm_hash(norm),)
    ).fetchone()
    if row:
        return Lookup(norm, row[0], keys)
    marks = ",".join("?" * len(keys))
    # Posting counts per key, capped: keys at the cap are stock phrases and ignored.
    counts = dict(
        conn.execute(
            f"SELECT key, count(*) FROM sketch WHERE key IN ({marks}) GROUP BY key", keys
        ).fetchall()
    )
    storable = [k for k in keys if counts.get(k, 0) < KEY_POSTINGS_CAP]
    useful = [k for k in storable if k in counts]
    if not useful:
        return Lookup(norm, None, storable)
    need = min(MIN_SHARED_KEYS, len(storable))
    marks = ",".join("?" * len(useful))
    candidates = [
        r[0]
        for r in conn.execute(
            f"SELECT section_pk, count(*) AS n FROM sketch WHERE key IN ({marks}) "
            "GROUP BY section_pk HAVING n >= ? ORDER BY n DESC LIMIT ?",
            [*useful, need, MAX_VERIFY],
        )
    ]
    return Lookup(norm, _verify(conn, norm, candidates), storable)


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


def index_sketch(conn: sqlite3.Connection, pk: int, keys: list[int]) -> None:
    """Record the section's sketch keys (callers pass only keys not yet too common)."""
    conn.executemany(
        "INSERT OR IGNORE INTO sketch (key, section_pk) VALUES (?, ?)", [(k, pk) for k in keys]
    )


def storable_keys(conn: sqlite3.Connection, norm: str) -> list[int]:
    """Sketch keys of `norm` that are not yet too common to store."""
    out = []
    for key in sketch(norm):
        n = conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM sketch WHERE key = ? LIMIT ?)",
            (key, KEY_POSTINGS_CAP),
        ).fetchone()[0]
        if n < KEY_POSTINGS_CAP:
            out.append(key)
    return out


def unindex_sketch(conn: sqlite3.Connection, pk: int, norm: str) -> None:
    """Remove the section's sketch keys (recomputed from its normalised text)."""
    conn.executemany(
        "DELETE FROM sketch WHERE key = ? AND section_pk = ?", [(k, pk) for k in sketch(norm)]
    )
