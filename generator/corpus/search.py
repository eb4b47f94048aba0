"""Search: sections ranked by how well they match the query's words, not only those that
contain every word.

A query is cut into words (lexicon.py), each joined with its synonyms from the shipped
table. A section scores for a word when the word or a synonym is in its title, topics,
category, 文种 or text (Latin letters also against the pinyin initials: ktyj → 课题研究);
the title counts most, the text least, a synonym less than the word itself. Rare words
weigh more than common ones (inverse document frequency), so "青年教师 培养 措施" ranks
sections about young teachers above the many that merely say 措施.

Candidates come from the FTS5 trigram index:
* Words and synonyms of three or more characters are trigram phrases.
* A two-character query word is expanded to the indexed trigrams that start with it (the
  index keeps a line break after each column, so a word at a column's end counts too).
* A two-character synonym counts only as a whole topic (双减), a category or a 文种:
  expanding every such synonym would cost more than the rest of the search, and what
  is not looked up must not be scored either, or document frequencies would be wrong.
* One-character words, common two-character ones (教师, 工作: the table's [常用] groups)
  and two-character ones with too many expansions do not use the index; when no word
  can, sections are scanned with instr().
For each word the first matches in title/topics/initials and in any column are taken,
plus the first sections matching all words (and, for a word naming a category such as
措施, the sections of that category matching the other words). The index returns them
unsorted, so this stays fast at 100,000 sections; how many sections a word's expression
matched (extrapolated when the limit cut it off) gives its document frequency.
"""

from __future__ import annotations

import math
import sqlite3
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..vocab import CATEGORIES, CORPUS_KINDS
from .initials import initials
from .lexicon import Lexicon, Word, chunks, lexicon, query_words
from .models import SearchHit
from .store import INITIALS_TEXT_CHARS as _INITIALS_CHARS

# Candidates per word (title/topics/initials, then any column) and for all words at once.
_STRONG_PER_WORD = 60
_ANY_PER_WORD = 120
_ALL_WORDS = 160
_CATEGORY_CANDIDATES = 120
# Sections scanned when no word can use the index (one-character words only).
_SCAN_CAP = 400
# A two-character query word with more trigram expansions than this falls back to instr().
_MAX_EXPANSIONS = 200
# Phrases in one word's index expression (the word, its synonyms, their expansions).
_MAX_PHRASES = 300
# Fuzzy fallback (no word matches anywhere): keep candidates at least this similar.
_FUZZY_MIN = 70.0
# Hits scoring below this share of the best hit are dropped as noise.
_RELATIVE_CUTOFF = 0.3
# Share of its weight a common word (教师, 工作: the table's [常用] groups) keeps.
_COMMON_WEIGHT = 0.3

# How much a match in each field is worth. A term's score is its best field plus a
# little for each further field; a word's score is its best term times the term's weight.
# The weights leave room below 1 so that a term in title, topics and text together still
# beats one in the title alone.
FIELD_WEIGHTS = {
    "title": 0.85,
    "topics": 0.8,
    "category": 0.75,
    "text": 0.45,
    "kinds": 0.4,
}
_MORE_FIELDS = 0.05
_TEXT_REPEAT = 0.03  # per further occurrence in the text, up to three
_INITIAL_WEIGHTS = (0.85, 0.8, 0.4)  # initials of title, topics, text start
_PARTIAL = 0.5  # a run the table does not know, matched only in part (typos)
_CATEGORY_SET = frozenset(CATEGORIES)
_KIND_SET = frozenset(CORPUS_KINDS)
_STRONG = "{title topics initials}"


def split_query(query: str) -> list[str]:
    """The query split at spaces and punctuation (before it is cut into words)."""
    return chunks(query)


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


@dataclass
class _Plan:
    """How one query word is looked up and scored."""

    word: Word
    known: bool  # in the synonyms table
    common: bool  # in almost every section (教师, 工作)
    expr: str | None = None  # FTS5 expression, None when the word cannot use the index
    instr: str | None = None  # instr() condition when the word itself is not indexable
    instr_params: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)  # categories it names
    df: float | None = None  # sections it matches (estimated); None: unknown


def _expansions(conn: sqlite3.Connection, word: str) -> list[str] | None:
    """Indexed trigrams starting with a two-character word; None when there are too many."""
    terms = [
        r[0]
        for r in conn.execute(
            "SELECT term FROM sections_vocab WHERE term >= ? AND term < ? LIMIT ?",
            (word, word + "\U0010ffff", _MAX_EXPANSIONS + 1),
        )
    ]
    return None if len(terms) > _MAX_EXPANSIONS else terms


def _instr_sql(term: str) -> tuple[str, list[str]]:
    cols = ["s.title", "s.text", "s.items", "s.topics"]
    clauses = [f"instr({c}, ?)" for c in cols]
    params = [term] * len(cols)
    if term.isascii() and term.isalnum():
        clauses.append("instr(s.initials, ?)")
        params.append(term)
    return "(" + " OR ".join(clauses) + ")", params


def _plan(conn: sqlite3.Connection, word: Word, lex: Lexicon) -> _Plan:
    known = lex.knows(word.text)
    categories = [t for t, _ in word.terms if t in _CATEGORY_SET]
    plan = _Plan(word, known, word.text in lex.common, categories=categories)
    phrases: list[str] = []
    topic_phrases: list[str] = []
    own = word.text
    if len(own) >= 3:
        phrases.append(_phrase(own))
    elif len(own) == 2 and not plan.common and (expanded := _expansions(conn, own)) is not None:
        phrases.extend(_phrase(t) for t in expanded)
    else:
        plan.instr, plan.instr_params = _instr_sql(own)
    if not known and len(own) >= 4 and not word.latin:
        # A run the table does not know (a phrase, or a typo such as 青年教室培养):
        # sections sharing a trigram with it.
        phrases.extend(_phrase(own[i : i + 3]) for i in range(len(own) - 2))
    for term, _weight in word.terms[1:]:
        if len(term) >= 3:
            phrases.append(_phrase(term))
        elif len(term) == 2:
            topic_phrases.extend((_phrase(term + " "), _phrase(term + "\n")))
    parts = list(dict.fromkeys(phrases))[:_MAX_PHRASES]
    topic_phrases = list(dict.fromkeys(topic_phrases))[:_MAX_PHRASES]
    if topic_phrases:
        parts.append("{topics} : (" + " OR ".join(topic_phrases) + ")")
    if parts:
        plan.expr = "(" + " OR ".join(parts) + ")"
    return plan


def _filters(category, topic, kind) -> tuple[str, list[str]]:
    where, params = [], []
    if category:
        where.append("s.category = ?")
        params.append(category)
    if topic:
        where.append("(' ' || s.topics || ' ') LIKE ?")
        params.append(f"% {topic} %")
    if kind:
        where.append("(' ' || s.kinds || ' ') LIKE ?")
        params.append(f"% {kind} %")
    return "".join(f" AND {w}" for w in where), params


def _match(conn, match: str, cond: str, params: list, limit: int) -> list[int]:
    """Rowids (in index order) of sections matching an FTS5 expression and conditions.

    CROSS JOIN keeps the index as the outer loop: with a plain JOIN SQLite may walk
    sections by category and rerun the whole FTS5 query for every row."""
    if cond:
        sql = (
            "SELECT s.pk FROM sections_fts CROSS JOIN sections s ON s.pk = sections_fts.rowid "
            f"WHERE sections_fts MATCH ?{cond} LIMIT ?"
        )
    else:
        sql = "SELECT rowid FROM sections_fts WHERE sections_fts MATCH ? LIMIT ?"
    return [r[0] for r in conn.execute(sql, [match, *params, limit])]


def _in_categories(conn, plan: _Plan, cond: str, params: list) -> int:
    marks = ",".join("?" * len(plan.categories))
    sql = f"SELECT count(*) FROM sections s WHERE s.category IN ({marks}){cond}"
    return conn.execute(sql, [*plan.categories, *params]).fetchone()[0]


def _candidates(conn, plans: list[_Plan], cond: str, params: list, size: int) -> list[int]:
    """Candidate pks for the query; sets each plan's document frequency on the way."""
    found: dict[int, None] = {}
    indexed = [p for p in plans if p.expr]
    for plan in indexed:
        strong = _match(conn, f"{_STRONG} : {plan.expr}", cond, params, _STRONG_PER_WORD)
        rows = _match(conn, plan.expr, cond, params, _ANY_PER_WORD)
        if len(rows) < _ANY_PER_WORD:
            plan.df = float(len(rows))
        else:  # rowids are spread evenly: extrapolate from how far the limit reached
            plan.df = _ANY_PER_WORD * size / max(rows[-1], 1)
        if plan.categories:
            plan.df = min(plan.df + _in_categories(conn, plan, cond, params), size)
        if plan.instr:  # the word itself was not looked up: its frequency is unknown
            plan.df = None
        found.update(dict.fromkeys(strong))
        found.update(dict.fromkeys(rows))
    if len(indexed) > 1:
        every = " AND ".join(p.expr for p in indexed)
        found.update(dict.fromkeys(_match(conn, every, cond, params, _ALL_WORDS)))
    categories = sorted({c for p in plans for c in p.categories})
    if categories:
        marks = ",".join("?" * len(categories))
        in_category = f"{cond} AND s.category IN ({marks})"
        values = [*params, *categories]
        others = [p.expr for p in indexed if not p.categories]
        if others:
            rows = _match(conn, " AND ".join(others), in_category, values, _CATEGORY_CANDIDATES)
        else:
            sql = f"SELECT s.pk FROM sections s WHERE 1{in_category} ORDER BY s.uses DESC, s.pk LIMIT ?"
            rows = [r[0] for r in conn.execute(sql, [*values, _CATEGORY_CANDIDATES])]
        found.update(dict.fromkeys(rows))
    scanned = [p for p in plans if p.instr]
    # Scan when the index gave nothing, or when no query word itself could use it (教师
    # alone: its synonyms found some sections, but most say just 教师).
    if scanned and (not found or len(scanned) == len(plans)):
        where = " OR ".join(p.instr for p in scanned)
        sql = f"SELECT s.pk FROM sections s WHERE ({where}){cond} LIMIT ?"
        values = [v for p in scanned for v in p.instr_params]
        found.update(dict.fromkeys(r[0] for r in conn.execute(sql, [*values, *params, _SCAN_CAP])))
    return list(found)


def _fuzzy_candidates(conn, words: list[str], cond: str, params: list) -> list[int]:
    """Sections sharing some trigram with the long words (for typos such as 青年教室)."""
    grams = {w[i : i + 3] for w in words if len(w) >= 3 for i in range(len(w) - 2)}
    if not grams:
        return []
    match = " OR ".join(_phrase(g) for g in sorted(grams))
    return _match(conn, match, cond, params, _STRONG_PER_WORD + _ANY_PER_WORD)


@dataclass
class _Row:
    """A candidate section, with the fields a word is looked for in."""

    pk: int
    id: str
    title: str
    text: str
    body: str  # text and items
    category: str
    topics: str
    kinds: str
    uses: int
    _folded: _Row | None = None
    _initials: tuple[str, str, str] | None = None
    hay: str = ""  # title, topics and body together: one test rules most terms out
    topic_set: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.hay = f"{self.title}\n{self.topics}\n{self.body}"
        self.topic_set = frozenset(self.topics.split())

    def folded(self) -> _Row:
        """The row with Latin letters lower-cased, for Latin query words (AI, PBL)."""
        if self._folded is None:
            self._folded = _Row(
                self.pk,
                self.id,
                self.title.lower(),
                self.text,
                self.body.lower(),
                self.category,
                self.topics.lower(),
                self.kinds,
                self.uses,
            )
            self._folded._initials = self.initials()
        return self._folded

    def initials(self) -> tuple[str, str, str]:
        """Pinyin initials of the title, topics and text start."""
        if self._initials is None:
            self._initials = (
                initials(self.title),
                initials(self.topics),
                initials(self.text[:_INITIALS_CHARS]),
            )
        return self._initials


def _fetch(conn: sqlite3.Connection, pks: list[int]) -> list[_Row]:
    marks = ",".join("?" * len(pks))
    rows = conn.execute(
        "SELECT pk, id, title, text, items, category, topics, kinds, uses FROM sections "
        f"WHERE pk IN ({marks})",
        pks,
    )
    return [
        _Row(pk, sid, title, text, f"{text}\n{items}" if items else text, cat, topics, kinds, uses)
        for pk, sid, title, text, items, cat, topics, kinds, uses in rows
    ]


def _term_fields(
    term: str, row: _Row, short_synonym: bool, fields: list[str] | None = None
) -> float:
    """How well one term matches a section (0..1): its best field plus a little for each
    further one. A short synonym counts only as a whole topic, the category or a 文种 (see
    the module doc). The fields it occurs in are appended to `fields`, best first."""
    found: list[tuple[float, str]] = []
    if short_synonym:
        if term in row.topic_set:
            found.append((FIELD_WEIGHTS["topics"], "topics"))
    else:
        if term in row.title:
            found.append((FIELD_WEIGHTS["title"], "title"))
        if term in row.topics:
            found.append((FIELD_WEIGHTS["topics"], "topics"))
        if term in row.body:
            more = min(row.body.count(term) - 1, 3)
            found.append((FIELD_WEIGHTS["text"] + _TEXT_REPEAT * more, "text"))
    if term == row.category:
        found.append((FIELD_WEIGHTS["category"], "category"))
    if term in _KIND_SET and term in row.kinds:
        found.append((FIELD_WEIGHTS["kinds"], "kinds"))
    if not found:
        return 0.0
    if fields is not None:
        fields.extend(name for _, name in sorted(found, key=lambda f: -f[0]))
    return min(max(found)[0] + _MORE_FIELDS * (len(found) - 1), 1.0)


def _latin_fields(term: str, row: _Row, fields: list[str] | None = None) -> float:
    """A Latin word (ktyj, ai) in the folded text or in the pinyin initials."""
    seen: list[str] = []
    value = _term_fields(term, row.folded(), False, seen)
    hits = [w for part, w in zip(row.initials(), _INITIAL_WEIGHTS) if term in part]
    if hits and fields is not None:
        fields.extend(["initials", *seen] if max(hits) > value else [*seen, "initials"])
    elif fields is not None:
        fields.extend(seen)
    return max(value, *hits) if hits else value


def _partial(word: str, row: _Row) -> float:
    """Share of a run's two-character pieces found in the title or text."""
    pairs = {word[i : i + 2] for i in range(len(word) - 1)}
    return sum(p in row.hay for p in pairs) / len(pairs)


@dataclass
class _WordMatch:
    score: float = 0.0
    term: str | None = None
    fields: list[str] = field(default_factory=list)


def _match_word(plan: _Plan, row: _Row, with_fields: bool = False) -> _WordMatch:
    """The word's best term in this section; with its fields only when asked (they are
    needed for the hits shown, not for ranking every candidate)."""
    word = plan.word
    best = _WordMatch()
    hay, category, kinds = row.hay, row.category, row.kinds
    for i, (term, weight) in enumerate(word.terms):  # heaviest first
        if weight <= best.score:
            break
        fields: list[str] | None = [] if with_fields else None
        short = i > 0 and len(term) < 3
        if i == 0 and word.latin:
            value = _latin_fields(term, row, fields)
        elif term.isascii():
            value = _term_fields(term, row.folded(), short, fields)
        elif term in hay or term == category or (term in _KIND_SET and term in kinds):
            value = _term_fields(term, row, short, fields)
        else:  # most terms occur nowhere in the section: skip the field-by-field look
            continue
        if value and weight * value > best.score:
            best = _WordMatch(weight * value, term, fields or [])
    if not best.score and not plan.known and not word.latin and len(word.text) >= 3:
        share = _partial(word.text, row)
        if share >= 0.5:
            best = _WordMatch(_PARTIAL * share, None, ["text"])
    return best


def _idf(df: float | None, size: int) -> float:
    if df is None:  # the word could not use the index: assume it is common
        df = size / 2
    return math.log(1 + size / (df + 0.5))


def _rank(
    plans: list[_Plan], rows: list[_Row], size: int, phrases: list[str], query: str
) -> list[tuple[float, _Row, list[dict]]]:
    """(score 0..100, row, None) for every candidate that matches something; the words
    matched are filled in later, for the hits shown."""
    # A word that occurs nowhere says nothing about any section.
    weights = [
        0.0 if p.df == 0 else _idf(p.df, size) * (_COMMON_WEIGHT if p.common else 1.0)
        for p in plans
    ]
    total = sum(weights)
    out = []
    for row in rows:
        raw = sum(w * _match_word(p, row).score for w, p in zip(weights, plans) if w)
        raw = raw / total if total else 0.0
        if not raw:
            continue
        bonus = 0.0
        for phrase in phrases:  # the query as typed, before it was cut into words
            if phrase in row.title:
                bonus = max(bonus, 0.1)
            elif phrase in row.body:
                bonus = max(bonus, 0.05)
        similar = fuzz.partial_ratio(query, row.title) / 100 if row.title else 0.0
        out.append((round(100 * min(0.9 * raw + 0.1 * similar + bonus, 1.0), 1), row, None))
    return out


def _matched(plans: list[_Plan], row: _Row) -> list[dict]:
    """The query words a section matched: the word, the term found and where."""
    out = []
    for plan in plans:
        m = _match_word(plan, row, with_fields=True)
        if m.score:
            out.append({"word": plan.word.text, "term": m.term, "fields": m.fields})
    return out


def search(
    conn: sqlite3.Connection,
    query: str,
    category: str | None = None,
    topic: str | None = None,
    kind: str | None = None,
    limit: int = 10,
) -> list[SearchHit]:
    """Best `limit` sections for `query`, optionally filtered; every hit lists the query
    words it matched. Without a query, the filtered sections most used first."""
    lex = lexicon()
    words = query_words(query, lex)
    cond, params = _filters(category, topic, kind)
    if not words:
        sql = f"SELECT s.pk FROM sections s WHERE 1{cond} ORDER BY s.uses DESC, s.id LIMIT ?"
        pks = [r[0] for r in conn.execute(sql, [*params, limit])]
        return _hits(conn, [(0.0, row, []) for row in _fetch(conn, pks)] if pks else [], limit)
    size = conn.execute("SELECT coalesce(max(pk), 1) FROM sections").fetchone()[0]
    plans = [_plan(conn, w, lex) for w in words]
    pks = _candidates(conn, plans, cond, params, size)
    phrases = sorted({w.phrase for w in words if w.phrase})
    flat = " ".join(w.text for w in words)
    scored = _rank(plans, _fetch(conn, pks), size, phrases, flat) if pks else []
    if not scored:
        scored = _fuzzy(conn, [w.text for w in words], cond, params)
    if scored:
        top = max(s for s, _, _ in scored)
        scored = [t for t in scored if t[0] >= _RELATIVE_CUTOFF * top]
    return _hits(conn, scored, limit, plans)


def _fuzzy(conn, words: list[str], cond: str, params: list) -> list[tuple]:
    pks = _fuzzy_candidates(conn, words, cond, params)
    out = []
    for row in _fetch(conn, pks) if pks else []:
        hay = f"{row.title}\n{row.body}"
        sims = [fuzz.partial_ratio(w, hay) for w in words]
        if min(sims) >= _FUZZY_MIN:
            matched = [{"word": w, "term": None, "fields": ["fuzzy"]} for w in words]
            out.append((round(0.8 * min(sims), 1), row, matched))
    return out


def _hits(
    conn: sqlite3.Connection, scored: list[tuple], limit: int, plans: list[_Plan] = ()
) -> list[SearchHit]:
    scored.sort(key=lambda t: (-t[0], -t[1].uses, t[1].id))
    hits = []
    for score, row, matched in scored[:limit]:
        if matched is None:
            matched = _matched(plans, row)
        sources = [
            r[0]
            for r in conn.execute(
                "SELECT source FROM sources WHERE section_pk = ? ORDER BY rowid", (row.pk,)
            )
        ]
        topics = row.topics.split()
        hits.append(
            SearchHit(
                row.id, row.title, row.text, row.category, topics, sources, score, row.uses, matched
            )
        )
    return hits
