"""Search: FTS5 trigram index for substrings, LIKE-style scans for 1–2 character words
(trigrams need three), pinyin initials for Latin-letter words, ranked by bm25 combined
with rapidfuzz similarity of the title, topics and text start."""

from __future__ import annotations

import re
import sqlite3

from rapidfuzz import fuzz

from .initials import initials
from .models import SearchHit

_WORD_SPLIT = re.compile(r"[\s,，、;；。]+")
_LETTERS = re.compile(r"^[A-Za-z]+$")
# Candidates fetched from SQL before re-ranking; enough for good top-10 lists.
_MIN_CANDIDATES = 100
# A query made only of 1–2 character words cannot use the index; stop the scan here.
_SCAN_CAP = 2000
# Fuzzy fallback (no exact match): keep candidates at least this similar to each word.
_FUZZY_MIN = 70.0
# bm25 column weights: title, text, items, topics, initials
_BM25 = "bm25(sections_fts, 8.0, 1.0, 1.0, 4.0, 2.0)"


def split_query(query: str) -> list[str]:
    """Words of a query; a query matches sections containing all of them."""
    return [w for w in _WORD_SPLIT.split(query.strip()) if w]


def _fts_phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _word_expr(word: str) -> str:
    phrase = _fts_phrase(word)
    expr = f"{{title text items topics}} : {phrase}"
    if _LETTERS.match(word):
        expr = f"({expr} OR initials : {_fts_phrase(word.lower())})"
    return expr


def _short_word_sql(word: str) -> tuple[str, list[str]]:
    cols = ["s.title", "s.text", "s.items", "s.topics"]
    clauses = [f"instr({c}, ?)" for c in cols]
    params = [word] * len(cols)
    if _LETTERS.match(word):
        clauses.append("instr(s.initials, ?)")
        params.append(word.lower())
    return "(" + " OR ".join(clauses) + ")", params


def _filter_sql(category, topic, kind) -> tuple[list[str], list[str]]:
    clauses, params = [], []
    if category:
        clauses.append("s.category = ?")
        params.append(category)
    if topic:
        clauses.append("(' ' || s.topics || ' ') LIKE ?")
        params.append(f"% {topic} %")
    if kind:
        clauses.append("(' ' || s.kinds || ' ') LIKE ?")
        params.append(f"% {kind} %")
    return clauses, params


def _candidates(
    conn: sqlite3.Connection, words: list[str], filters: tuple[list[str], list[str]], limit: int
) -> list[tuple[int, float]]:
    """(pk, bm25) of sections containing every word; bm25 is 0 when not from the index."""
    long_words = [w for w in words if len(w) >= 3]
    where, params = list(filters[0]), list(filters[1])
    for word in words:
        if len(word) < 3:
            sql, p = _short_word_sql(word)
            where.append(sql)
            params.extend(p)
    if long_words:
        match = " AND ".join(_word_expr(w) for w in long_words)
        cond = "".join(f" AND {w}" for w in where)
        sql = (
            f"SELECT s.pk, {_BM25} AS r FROM sections_fts JOIN sections s ON s.pk = sections_fts.rowid "
            f"WHERE sections_fts MATCH ?{cond} ORDER BY r LIMIT ?"
        )
        return list(conn.execute(sql, [match, *params, limit]))
    cond = " AND ".join(where) or "1"
    order = "" if words else " ORDER BY s.uses DESC, s.id"
    cap = _SCAN_CAP if words else limit
    sql = f"SELECT s.pk, 0.0 FROM sections s WHERE {cond}{order} LIMIT ?"
    return list(conn.execute(sql, [*params, cap]))


def _fuzzy_candidates(
    conn: sqlite3.Connection, words: list[str], filters: tuple[list[str], list[str]], limit: int
) -> list[tuple[int, float]]:
    """Sections sharing some trigram with the long words (for typos such as 青年教室)."""
    grams = {w[i : i + 3] for w in words if len(w) >= 3 for i in range(len(w) - 2)}
    if not grams:
        return []
    match = " OR ".join(f"{{title text items topics}} : {_fts_phrase(g)}" for g in sorted(grams))
    cond = "".join(f" AND {w}" for w in filters[0])
    sql = (
        f"SELECT s.pk, {_BM25} AS r FROM sections_fts JOIN sections s ON s.pk = sections_fts.rowid "
        f"WHERE sections_fts MATCH ?{cond} ORDER BY r LIMIT ?"
    )
    return list(conn.execute(sql, [match, *filters[1], limit]))


def _word_in(word: str, text: str) -> bool:
    if _LETTERS.match(word):
        lower = word.lower()
        return lower in text.lower() or lower in initials(text).replace(" ", "")
    return word in text


def _score(words: list[str], title: str, topics: list[str], body: str, bm: float) -> float:
    """0..100: bm25 relevance plus how well the title, topics and text start match."""
    if not words:
        return 0.0
    title_part = topic_part = 0.0
    head = body[:200]
    for word in words:
        if _word_in(word, title):
            title_part += 1.0
        else:
            title_part += 0.6 * fuzz.partial_ratio(word, title) / 100
        if any(_word_in(word, t) or _word_in(t, word) for t in topics):
            topic_part += 1.0
    n = len(words)
    lead = fuzz.partial_ratio(" ".join(words), head) / 100
    score = 0.35 * title_part / n + 0.15 * topic_part / n + 0.35 * bm + 0.15 * lead
    return round(100 * score, 1)


def search(
    conn: sqlite3.Connection,
    query: str,
    category: str | None = None,
    topic: str | None = None,
    kind: str | None = None,
    limit: int = 10,
) -> list[SearchHit]:
    """Best `limit` sections for `query` (all words must occur), optionally filtered."""
    words = split_query(query)
    filters = _filter_sql(category, topic, kind)
    want = max(limit * 5, _MIN_CANDIDATES)
    candidates = _candidates(conn, words, filters, want)
    fuzzy = False
    if not candidates and any(len(w) >= 3 for w in words):
        candidates = _fuzzy_candidates(conn, words, filters, want)
        fuzzy = True
    if not candidates:
        return []
    best = min(r for _, r in candidates)  # bm25 is negative; more negative is better
    bm_of = {pk: (r / best if best < 0 else 0.0) for pk, r in candidates}
    rows = _fetch(conn, [pk for pk, _ in candidates])
    scored = []
    for pk, sid, title, text, items, category_, topics, uses in rows:
        body = f"{text}\n{items}" if items else text
        topic_list = topics.split()
        if fuzzy:
            sims = [fuzz.partial_ratio(w, f"{title}\n{body}") for w in words]
            if min(sims) < _FUZZY_MIN:
                continue
            score = round(0.8 * min(sims), 1)
        elif words:
            score = _score(words, title, topic_list, body, bm_of[pk])
        else:
            score = 0.0
        scored.append((score, uses, sid, pk, title, text, category_, topic_list))
    scored.sort(key=lambda t: (-t[0], -t[1], t[2]))
    hits = []
    for score, uses, sid, pk, title, text, category_, topic_list in scored[:limit]:
        sources = [
            r[0]
            for r in conn.execute(
                "SELECT source FROM sources WHERE section_pk = ? ORDER BY added, source", (pk,)
            )
        ]
        hits.append(SearchHit(sid, title, text, category_, topic_list, sources, score, uses))
    return hits


def _fetch(conn: sqlite3.Connection, pks: list[int]) -> list[tuple]:
    marks = ",".join("?" * len(pks))
    return list(
        conn.execute(
            "SELECT pk, id, title, text, items, category, topics, uses FROM sections "
            f"WHERE pk IN ({marks})",
            pks,
        )
    )
