"""The shipped synonyms table (synonyms.txt) and how a query is cut into words.

A query such as "青年教师培养措施" or "老师怎么带徒弟" is cut by forward longest match
against the table's words; what no table word covers stays as a run of its own
("站稳讲台"), and function words ("怎么", "的") are dropped. Each word then brings its
related words: the other members of every group it belongs to, the group's head word
weighted above the rest.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources

# Weights of a query word, the head word of one of its groups, and the other members.
WEIGHT_WORD = 1.0
WEIGHT_HEAD = 0.85
WEIGHT_MEMBER = 0.7

_SPLIT = re.compile(r"[\s,，、;；。.:：!！?？/()（）“”\"'《》\[\]【】|+]+")
_LATIN = re.compile(r"[a-z0-9]+")
_HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Lexicon:
    """The parsed synonyms table."""

    related: dict[str, tuple[tuple[str, float], ...]]  # word -> (other word, weight)
    stopwords: frozenset[str]
    common: frozenset[str]  # words of the [常用] groups: in almost every section
    longest: int  # length of the longest known word, for segmentation
    groups: tuple[tuple[str, ...], ...] = ()  # the [同义] groups, head word first
    broad: frozenset[str] = frozenset()  # [泛词]: no evidence of a topic on their own

    def group_of(self, head: str) -> tuple[str, ...]:
        """The words of every [同义] group headed by `head`, head first (() when none)."""
        words = [w for g in self.groups if g[0] == head for w in g]
        return tuple(dict.fromkeys(words))

    def knows(self, word: str) -> bool:
        """Whether `word` is in the table (as a synonym or a function word)."""
        return word in self.related or word in self.stopwords


def parse_table(text: str) -> Lexicon:
    """Parse synonyms.txt: [同义] and [常用] sections of groups, [泛词] and [虚词] sections
    of words."""
    groups: list[list[str]] = []
    synonyms: list[tuple[str, ...]] = []
    stop: set[str] = set()
    common: set[str] = set()
    broad: set[str] = set()
    section = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        words = [normalise(w) for w in line.split()]
        if section in ("同义", "常用"):
            groups.append(list(dict.fromkeys(words)))
            if section == "常用":
                common.update(words)
            else:
                synonyms.append(tuple(groups[-1]))
        elif section == "泛词":
            broad.update(words)
        elif section == "虚词":
            stop.update(words)
    related: dict[str, dict[str, float]] = {}
    for group in groups:
        head = group[0]
        for word in group:
            links = related.setdefault(word, {})
            for other in group:
                if other == word:
                    continue
                weight = WEIGHT_HEAD if other == head else WEIGHT_MEMBER
                links[other] = max(links.get(other, 0.0), weight)
    frozen = {
        word: tuple(sorted(links.items(), key=lambda kv: (-kv[1], kv[0])))
        for word, links in related.items()
    }
    longest = max((len(w) for w in (*frozen, *stop)), default=1)
    return Lexicon(
        frozen, frozenset(stop), frozenset(common), longest, tuple(synonyms), frozenset(broad)
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The table shipped with the package (read once per process)."""
    text = resources.files(__package__).joinpath("synonyms.txt").read_text(encoding="utf-8")
    return parse_table(text)


def normalise(text: str) -> str:
    """Full-width letters and digits folded (ＡＩ → ai), Latin letters lower-cased."""
    return unicodedata.normalize("NFKC", text).lower()


@dataclass
class Word:
    """One word of a query and what it is matched with."""

    text: str
    terms: list[tuple[str, float]] = field(default_factory=list)  # (term, weight), text first
    phrase: str | None = None  # the unsegmented chunk it was cut from, if any

    @cached_property
    def latin(self) -> bool:
        """Latin letters or digits only (pinyin initials, ai, pbl)."""
        return bool(_LATIN.fullmatch(self.text))


def chunks(query: str) -> list[str]:
    """The query split at spaces and punctuation, normalised."""
    return [c for c in _SPLIT.split(normalise(query)) if c]


def segment(chunk: str, lex: Lexicon) -> list[str]:
    """Cut a chunk into table words and runs of other characters (forward longest match).

    Latin runs stay whole; function words are dropped unless nothing else is left."""
    if lex.knows(chunk) or not _HAN.search(chunk):
        return [chunk]
    out: list[str] = []
    run = ""
    i = 0
    while i < len(chunk):
        if chunk[i].isascii():
            j = i
            while j < len(chunk) and chunk[j].isascii():
                j += 1
            if run:
                out.append(run)
                run = ""
            out.append(chunk[i:j])
            i = j
            continue
        for size in range(min(lex.longest, len(chunk) - i), 1, -1):
            piece = chunk[i : i + size]
            if lex.knows(piece):
                break
        else:
            piece = chunk[i]
            if piece not in lex.stopwords:
                run += piece
                i += 1
                continue
        if run:
            out.append(run)
            run = ""
        out.append(piece)
        i += len(piece)
    if run:
        out.append(run)
    kept = [p for p in out if p not in lex.stopwords]
    return _merge_fragments(kept) or [chunk]


def _merge_fragments(pieces: list[str]) -> list[str]:
    """Deal with single characters left between table words. At the start or end of a
    chunk one is most likely part of a word the table does not know (教 + 科室 → 教科室,
    课题 + 组 → 课题组), and is joined to its neighbour, the result looked up as a phrase;
    in the middle it is most likely a verb or particle (实验课 开 不足) and is dropped."""
    out = list(pieces)
    i = 0
    while len(out) > 1 and i < len(out):
        piece = out[i]
        if len(piece) != 1 or piece.isascii():
            i += 1
        elif i == 0 and not out[1].isascii():
            out[0:2] = [piece + out[1]]
        elif i == len(out) - 1 and not out[i - 1].isascii():
            out[i - 1 : i + 1] = [out[i - 1] + piece]
        else:
            del out[i]
    return out


def query_words(query: str, lex: Lexicon | None = None) -> list[Word]:
    """The words of a query, each with its weighted related terms; repeats dropped."""
    lex = lex or lexicon()
    words: dict[str, Word] = {}
    for chunk in chunks(query):
        pieces = segment(chunk, lex)
        phrase = chunk if len(pieces) > 1 else None
        for piece in pieces:
            if piece in words:
                continue
            terms = [(piece, WEIGHT_WORD), *lex.related.get(piece, ())]
            words[piece] = Word(piece, terms, phrase)
    return list(words.values())


def closest_allowed(value: str, allowed: tuple[str, ...]) -> str | None:
    """The allowed value a user most likely meant: one the synonyms table joins to
    `value` (院感 → 医院感染管理), else the most similar spelling."""
    lex = lexicon()
    key = normalise(value.strip())
    for term, _weight in lex.related.get(key, ()):
        if term in allowed:
            return term
    from ..spec.messages import suggest

    return suggest(value, list(allowed))
