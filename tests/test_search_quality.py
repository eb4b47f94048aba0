"""Search quality on the built-in corpus: the labelled queries of tests/data hold P@5 ≥ 0.9
(bench/search_quality.py prints the figures and, with --show-misses, the weak queries)."""

from __future__ import annotations

import pytest
from helpers_bench import load_bench

from wenshu.generator.vocab import CATEGORIES, TOPICS

MIN_PRECISION_AT_5 = 0.9
MIN_QUERIES = 80


@pytest.fixture(scope="module")
def quality(tmp_path_factory):
    bench = load_bench("search_quality")
    queries = bench.load_queries()
    with bench.builtin_corpus(tmp_path_factory.mktemp("quality")) as corpus:
        summary, results = bench.evaluate(corpus, queries)
    return queries, summary, results


def test_labelled_queries_are_many_and_well_formed(quality):
    queries, _summary, results = quality
    assert len(queries) >= MIN_QUERIES
    assert len({q.query for q in queries}) == len(queries), "重复的查询"
    for q in queries:
        assert q.topics or q.ids, q.query
        assert q.topics <= set(TOPICS), q.query
        assert q.categories <= set(CATEGORIES), q.query
    # Every query has answers in the corpus, or it would measure nothing.
    assert not [r.query.query for r in results if not r.relevant_total]


def test_precision_at_5(quality):
    _queries, summary, results = quality
    weak = sorted((r.precision, r.query.query) for r in results if r.precision < 0.6)
    assert summary["precision_at_5"] >= MIN_PRECISION_AT_5, (summary, weak)
    assert summary["mrr"] >= MIN_PRECISION_AT_5, summary
