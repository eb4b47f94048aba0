"""Search quality on the built-in corpus: precision at 5, recall at 10 and MRR over the
labelled queries in tests/data/search_queries.yaml.

    python bench/search_quality.py [--queries FILE] [--show-misses] [--json]

A hit is relevant when it carries one of the query's topics or is one of its ids, and
(when the query names categories) is in one of them. The measures, averaged over queries:
* P@5: relevant hits among the first five, out of five (out of the number of relevant
  sections when fewer exist);
* R@10: relevant sections among the first ten, out of the number of relevant sections
  (at most ten);
* MRR: 1 / rank of the first relevant hit (0 when none is in the first ten).
Target: P@5 ≥ 0.9 (tests/test_search_quality.py holds it).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

from wenshu.generator.corpus import open_corpus

QUERIES = Path(__file__).resolve().parents[1] / "tests" / "data" / "search_queries.yaml"
DEPTH = 10


@dataclass
class Labelled:
    """One labelled query."""

    query: str
    topics: frozenset[str]
    ids: frozenset[str]
    categories: frozenset[str]
    options: dict

    def relevant(self, section) -> bool:
        """Whether a section (or hit) answers the query."""
        on_topic = bool(self.topics & set(section.topics)) or section.id in self.ids
        return on_topic and (not self.categories or section.category in self.categories)


def load_queries(path: Path = QUERIES) -> list[Labelled]:
    """The labelled queries of a YAML file (see the file's header for the keys)."""
    data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    return [
        Labelled(
            str(item["query"]),
            frozenset(item.get("topics") or ()),
            frozenset(item.get("ids") or ()),
            frozenset(item.get("category") or ()),
            dict(item.get("options") or {}),
        )
        for item in data
    ]


@dataclass
class Result:
    """The measures for one query."""

    query: Labelled
    hits: list
    relevant_total: int
    precision: float
    recall: float
    reciprocal_rank: float


def evaluate_query(corpus, labelled: Labelled, sections: list) -> Result:
    """Run one query and measure it against the sections that answer it."""
    hits = corpus.search(labelled.query, limit=DEPTH, **labelled.options)
    total = sum(1 for s in sections if labelled.relevant(s) and _passes(s, labelled.options))
    flags = [labelled.relevant(h) for h in hits]
    precision = sum(flags[:5]) / min(5, total) if total else 0.0
    recall = sum(flags) / min(DEPTH, total) if total else 0.0
    first = next((i for i, f in enumerate(flags) if f), None)
    return Result(
        labelled, hits, total, precision, recall, 0.0 if first is None else 1 / (first + 1)
    )


def _passes(section, options: dict) -> bool:
    """Whether a section passes the query's search options (category, topic, kind)."""
    if options.get("category") and section.category != options["category"]:
        return False
    if options.get("topic") and options["topic"] not in section.topics:
        return False
    return not (options.get("kind") and options["kind"] not in section.kinds)


def evaluate(corpus, queries: list[Labelled]) -> tuple[dict, list[Result]]:
    """Average P@5, R@10 and MRR over the queries, and each query's result."""
    sections = list(corpus.sections())
    results = [evaluate_query(corpus, q, sections) for q in queries]
    n = len(results) or 1
    summary = {
        "queries": len(results),
        "precision_at_5": round(sum(r.precision for r in results) / n, 3),
        "recall_at_10": round(sum(r.recall for r in results) / n, 3),
        "mrr": round(sum(r.reciprocal_rank for r in results) / n, 3),
    }
    return summary, results


def builtin_corpus(folder: Path):
    """A fresh corpus holding only the built-in sections."""
    return open_corpus(folder / "quality.db")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument(
        "--show-misses", action="store_true", help="list the queries with P@5 below 1"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp, builtin_corpus(Path(tmp)) as corpus:
        summary, results = evaluate(corpus, load_queries(args.queries))
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        for key, value in summary.items():
            print(f"{key}: {value}")
    if args.show_misses:
        for r in sorted(results, key=lambda r: r.precision):
            if r.precision >= 1:
                continue
            marks = " ".join(f"{h.id}{'+' if r.query.relevant(h) else '-'}" for h in r.hits[:5])
            print(
                f"P@5 {r.precision:.2f}  {r.query.query!r}  ({r.relevant_total} relevant)  {marks}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
