"""Search: the FTS5 trigram index finds sections containing every query word, rapidfuzz
and bm25 rank them.

* Words of three or more characters are trigram phrases.
* Two-character words are expanded to the indexed trigrams that start with them (the
  index keeps a line break after each column, so a word at a column's end counts too).
* One-character words, and two-character ones with too many expansions, are checked
  with instr() — the LIKE fallback the trigram index cannot serve.
* Latin-letter words also match the pinyin initials column (ktyj → 课题研究).

Ranking every match with FTS5's bm25() costs time proportional to the number of matches,
which for a common word at 100,000 sections is far over budget. Instead the first
matches in the title/topics, then in any column, are taken (the index returns them
without sorting) and ranked in Python: bm25 over title, topics and text (each word
counted as equally rare, as every candidate holds every word) plus rapidfuzz
similarity of the title and of the text start, and topic matches.
"""

from __future__ import annotations

import re
import sqlite3

from rapidfuzz import fuzz

from .initials import initials
from .models import SearchHit
from .store import INITIALS_TEXT_CHARS as _INITIALS_CHARS

_WORD_SPLIT = re.compile(r"[\s,，、;；。]+")
_LETTERS = re.compile(r"^[A-Za-z]+$")
# Candidates taken from sections matching in title/topics/initials, then in any column.
_STRONG_CANDIDATES = 120
_ANY_CANDIDATES = 180
# Candidates scanned when no word can use the index (one-character words only).
_SCAN_CAP = 600
# A two-character word with more trigram expansions than this falls back to instr().
_MAX_EXPANSIONS = 200
# Fuzzy fallback (nothing contains every word): keep candidates at least this similar.
_FUZZY_MIN = 70.0
# bm25 parameters and column weights (title, text+items, topics).
_K1, _B = 1.2, 0.75
_WEIGHTS = (8.0, 1.0, 4.0)
_AVG_LEN = (12.0, 300.0, 10.0)


def split_query(query: str) -> list[str]:
    """Words of a query; a query matches sections containing all of them."""
    return [w for w in _WORD_SPLIT.split(query.strip()) if w]


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _expansions(conn: sqlite3.Connection, word: str) -> list[str] | None:
    """Indexed trigrams starting with a two-character word; None when there are too many."""
    low = word.lower()
    terms = [
        r[0]
        for r in conn.execute(
            "SELECT term FROM sections_vocab WHERE term >= ? AND term < ? LIMIT ?",
            (low, low + "\U0010ffff", _MAX_EXPANSIONS + 1),
        )
    ]
    return None if len(terms) > _MAX_EXPANSIONS else terms


def _instr_sql(word: str) -> tuple[str, list[str]]:
    cols = ["s.title", "s.text", "s.items", "s.topics"]
    clauses = [f"instr({c}, ?)" for c in cols]
    params = [word] * len(cols)
    if _LETTERS.match(word):
        clauses.append("instr(s.initials, ?)")
        params.append(word.lower())
    return "(" + " OR ".join(clauses) + ")", params


class _Plan:
    """How a query is run: an FTS5 MATCH expression plus SQL conditions."""

    def __init__(self) -> None:
        self.match: list[str] = []
        self.where: list[str] = []
        self.params: list[str] = []
        self.impossible = False  # a word occurs nowhere


def _plan(conn: sqlite3.Connection, words: list[str], category, topic, kind) -> _Plan:
    plan = _Plan()
    for word in words:
        if len(word) >= 3:
            plan.match.append(_phrase(word.lower() if _LETTERS.match(word) else word))
            continue
        terms = _expansions(conn, word) if len(word) == 2 else None
        if terms == []:
            plan.impossible = True
        elif terms:
            plan.match.append("(" + " OR ".join(_phrase(t) for t in terms) + ")")
        else:
            sql, params = _instr_sql(word)
            plan.where.append(sql)
            plan.params.extend(params)
    if category:
        plan.where.append("s.category = ?")
        plan.params.append(category)
    if topic:
        plan.where.append("(' ' || s.topics || ' ') LIKE ?")
        plan.params.append(f"% {topic} %")
    if kind:
        plan.where.append("(' ' || s.kinds || ' ') LIKE ?")
        plan.params.append(f"% {kind} %")
    return plan


def _match_pks(conn: sqlite3.Connection, plan: _Plan, match: str, limit: int) -> list[int]:
    cond = "".join(f" AND {w}" for w in plan.where)
    sql = (
        "SELECT s.pk FROM sections_fts JOIN sections s ON s.pk = sections_fts.rowid "
        f"WHERE sections_fts MATCH ?{cond} LIMIT ?"
    )
    return [r[0] for r in conn.execute(sql, [match, *plan.params, limit])]


def _candidates(conn: sqlite3.Connection, plan: _Plan, has_words: bool, limit: int) -> list[int]:
    if plan.impossible:
        return []
    if plan.match:
        expr = " AND ".join(plan.match)
        strong = _match_pks(conn, plan, f"{{title topics initials}} : ({expr})", _STRONG_CANDIDATES)
        rest = _match_pks(conn, plan, expr, _ANY_CANDIDATES)
        return list(dict.fromkeys(strong + rest))
    cond = " AND ".join(plan.where) or "1"
    order = "" if has_words else " ORDER BY s.uses DESC, s.id"
    cap = _SCAN_CAP if has_words else limit
    sql = f"SELECT s.pk FROM sections s WHERE {cond}{order} LIMIT ?"
    return [r[0] for r in conn.execute(sql, [*plan.params, cap])]


def _fuzzy_candidates(conn: sqlite3.Connection, words: list[str], plan: _Plan) -> list[int]:
    """Sections sharing some trigram with the long words (for typos such as 青年教室)."""
    grams = {w[i : i + 3] for w in words if len(w) >= 3 for i in range(len(w) - 2)}
    if not grams:
        return []
    match = " OR ".join(_phrase(g) for g in sorted(grams))
    return _match_pks(conn, plan, match, _STRONG_CANDIDATES + _ANY_CANDIDATES)


def _contains(word: str, text: str) -> int:
    """How often `word` occurs in `text`; Latin letters also count in the pinyin initials
    of its start (as far as the initials column goes)."""
    if _LETTERS.match(word):
        low = word.lower()
        return text.lower().count(low) + initials(text[:_INITIALS_CHARS]).count(low)
    return text.count(word)


def _bm25(words: list[str], fields: tuple[str, str, str]) -> float:
    """bm25 with every word equally rare, over weighted title, text and topics fields."""
    total = 0.0
    for word in words:
        tf = 0.0
        for value, weight, avg in zip(fields, _WEIGHTS, _AVG_LEN):
            count = _contains(word, value)
            if count:
                norm = 1 - _B + _B * len(value) / avg
                tf += weight * count / norm
        total += tf * (_K1 + 1) / (tf + _K1) if tf else 0.0
    return total / ((_K1 + 1) * len(words))  # 0..1


def _score(words: list[str], title: str, topics: str, body: str) -> float:
    """0..100 from bm25, rapidfuzz title and text-start similarity and topic matches."""
    bm = _bm25(words, (title, body, topics))
    title_part = 0.0
    for word in words:
        if _contains(word, title):
            title_part += 1.0
        else:
            title_part += 0.6 * fuzz.partial_ratio(word, title) / 100
    topic_part = sum(1.0 for w in words if _contains(w, topics)) / len(words)
    lead = fuzz.partial_ratio(" ".join(words), body[:160]) / 100
    score = 0.4 * bm + 0.3 * title_part / len(words) + 0.15 * topic_part + 0.15 * lead
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
    plan = _plan(conn, words, category, topic, kind)
    pks = _candidates(conn, plan, bool(words), limit)
    fuzzy = False
    if not pks and any(len(w) >= 3 for w in words):
        pks = _fuzzy_candidates(conn, words, _plan(conn, [], category, topic, kind))
        fuzzy = True
    if not pks:
        return []
    scored = []
    for pk, sid, title, text, items, category_, topics, uses in _fetch(conn, pks):
        body = f"{text}\n{items}" if items else text
        if fuzzy:
            sims = [fuzz.partial_ratio(w, f"{title}\n{body}") for w in words]
            if min(sims) < _FUZZY_MIN:
                continue
            score = round(0.8 * min(sims), 1)
        elif words:
            score = _score(words, title, topics, body)
        else:
            score = 0.0
        scored.append((score, uses, sid, pk, title, text, category_, topics))
    scored.sort(key=lambda t: (-t[0], -t[1], t[2]))
    hits = []
    for score, uses, sid, pk, title, text, category_, topics in scored[:limit]:
        sources = [
            r[0]
            for r in conn.execute(
                "SELECT source FROM sources WHERE section_pk = ? ORDER BY rowid", (pk,)
            )
        ]
        hits.append(SearchHit(sid, title, text, category_, topics.split(), sources, score, uses))
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
