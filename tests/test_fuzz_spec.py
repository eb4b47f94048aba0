"""Fuzz: no spec, however broken or hostile, crashes or hangs `build`, `summary init` or
`rollover` (exit code 0–6, no traceback, a written .docx opens with python-docx).

The specs come from tests/helpers_fuzz.py. CI runs a fixed budget of examples, the same
ones on every run (derandomized, so a red CI is never luck); `bench/fuzz.py --examples N`
runs long random campaigns with the same generators.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parent))
from helpers_fuzz import run_spec_case, spec_cases  # noqa: E402

EXAMPLES = int(os.environ.get("WENSHU_FUZZ_EXAMPLES", "200"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """One corpus for all examples (specs may reference sections with 引用)."""
    from wenshu.generator.corpus import open_corpus

    path = tmp_path_factory.mktemp("fuzz-corpus") / "语料库.db"
    open_corpus(path).close()
    return path


def _assert_sound(outcomes) -> None:
    bad = [(o.command, o.problems, o.output[-800:]) for o in outcomes if o.problems]
    assert not bad, bad


def test_fuzz_build_every_kind(corpus):
    @FUZZ
    @given(spec_cases())
    def check(case):
        _assert_sound(run_spec_case(case, corpus, ("build",)))

    check()


def test_fuzz_summary_init_from_plans(corpus):
    @FUZZ
    @given(spec_cases(kinds=("工作计划",)))
    def check(case):
        _assert_sound(run_spec_case(case, corpus, ("summary-init",)))

    check()


def test_fuzz_rollover_every_kind(corpus):
    @FUZZ
    @given(spec_cases())
    def check(case):
        _assert_sound(run_spec_case(case, corpus, ("rollover",)))

    check()
