"""Near-duplicate lookup: exact hash first, then sketch candidates checked with rapidfuzz.

Only a handful of candidates per section are ever compared, so adding a section costs
about the same whether the corpus holds 100 or 100,000 sections.
"""

from __future__ import annotations

import sqlite3
from collections import Counter

from rapidfuzz import fuzz

from .textnorm import SIMILARITY_THRESHOLD, length_window, normalise

# A sketch key shared by this many sections is too common to say anything (e.g. a
# stock phrase); it is neither stored for more sections nor used to find candidates.
KEY_POSTINGS_CAP = 64
# At most this many candidates (most shared keys first) are compared with rapidfuzz.
MAX_VERIFY = 24


def body_of(text: str, items: list[str] | str) -> str:
    """The text a section is compared and searched by: its text and its items."""
    if isinstance(items, list):
        items = "\n".join(items)
    return f"{text}\n{items}" if items else text


def find_duplicate(conn: sqlite3.Connection, norm: str, nhash: str, keys: list[int]) -> int | None:
    """pk of a stored section at least 90 % similar to `norm`, or None."""
    if not norm:
        return None
    row = conn.execute("SELECT pk FROM sections WHERE norm_hash = ? LIMIT 1", (nhash,)).fetchone()
    if row:
        return row[0]
    shared: Counter[int] = Counter()
    for key in keys:
        pks = [
            r[0]
            for r in conn.execute(
                "SELECT section_pk FROM sketch WHERE key = ? LIMIT ?", (key, KEY_POSTINGS_CAP)
            )
        ]
        if len(pks) < KEY_POSTINGS_CAP:
            shared.update(pks)
    if not shared:
        return None
    low, high = length_window(len(norm))
    best_pk, best_score = None, 0.0
    for pk, _count in shared.most_common(MAX_VERIFY):
        cand = conn.execute(
            "SELECT text, items, norm_len FROM sections WHERE pk = ?", (pk,)
        ).fetchone()
        if cand is None or not low <= cand[2] <= high:
            continue
        score = fuzz.ratio(norm, normalise(body_of(cand[0], cand[1])), score_cutoff=SIMILARITY_THRESHOLD)
        if score > best_score:
            best_pk, best_score = pk, score
    return best_pk


def index_sketch(conn: sqlite3.Connection, pk: int, keys: list[int]) -> None:
    """Record the section's sketch keys, skipping keys that are already too common."""
    for key in keys:
        conn.execute(
            "INSERT OR IGNORE INTO sketch (key, section_pk) SELECT ?1, ?2 WHERE "
            "(SELECT count(*) FROM (SELECT 1 FROM sketch WHERE key = ?1 LIMIT ?3)) < ?3",
            (key, pk, KEY_POSTINGS_CAP),
        )


def unindex_sketch(conn: sqlite3.Connection, pk: int, keys: list[int]) -> None:
    """Remove the section's sketch keys (keys are recomputed from its text)."""
    conn.executemany(
        "DELETE FROM sketch WHERE key = ? AND section_pk = ?", [(k, pk) for k in keys]
    )
