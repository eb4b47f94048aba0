"""The importer against the hand-labelled set in tests/data/import and the hand labels of
the web-scraped seeds in tests/data/import_seeds (scored by bench/import_bench.py): heading
precision, recall and level accuracy at least 0.95, no noise line kept, every file cut into
the right number of documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers_bench import load_bench
from helpers_seeds import seeds_dir

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "import"
SEED_LABELS = ROOT / "tests" / "data" / "import_seeds"


bench = load_bench("import_bench")


def test_the_set_covers_each_class_with_enough_files():
    files = bench.labelled_files(DATA)
    assert len(files) >= 30
    suffixes = {path.suffix for path, _ in files}
    assert {".txt", ".docx", ".md"} <= suffixes
    for path, expected in files:
        assert path.is_file(), path
        assert expected["documents"], path


@pytest.mark.parametrize("which", ["set", "seeds"])
def test_labelled_set_figures_hold(which):
    if which == "set":
        score = bench.score_set(DATA)
    else:
        # The seeds lie beside the checkout in CI too: a missing seed is a failure here.
        score = bench.score_set(SEED_LABELS, seeds_dir())
        assert score.files == len(list(SEED_LABELS.glob("*.expected.json"))) >= 5
    figures = score.figures()
    assert figures["precision"] >= 0.95, score.problems
    assert figures["recall"] >= 0.95, score.problems
    assert figures["levels"] >= 0.95, score.problems
    assert score.noise_kept == 0, score.problems
    assert score.split_right == score.files, score.problems


def test_scoring_counts_misses_extras_levels_and_kept_noise():
    expected = {
        "file": "x.txt",
        "documents": [
            {
                "title": "t",
                "headings": [
                    {"level": 1, "text": "一、指导思想"},
                    {"level": 2, "text": "（一）甲"},
                ],
                "tables": 0,
                "noise": [{"text": "来源：本站", "reason": "发布信息"}],
            }
        ],
    }
    got = {
        "file": "x.txt",
        "documents": [
            {
                "title": "t",
                "headings": [
                    {"level": 1, "text": "一、 指导思想"},
                    {"level": 1, "text": "（一）甲"},
                    {"level": 1, "text": "多余"},
                ],  # fmt: skip
                "tables": 0,
                "noise": [],
            }
        ],
    }
    score = bench.score_file(expected, got)
    assert (score.expected, score.found, score.matched, score.level_right) == (2, 3, 2, 1)
    assert score.noise_kept == 1 and score.split_right == 1
    got["documents"].append({"title": None, "headings": [], "tables": 0, "noise": []})
    assert bench.score_file(expected, got).split_right == 0


def test_every_seed_file_is_labelled():
    seeds = sorted(p.name for p in seeds_dir().glob("*.txt"))
    labelled = sorted(p.name.removesuffix(".expected.json") for p in SEED_LABELS.glob("*.json"))
    assert seeds and seeds == labelled


@pytest.mark.parametrize("labels", sorted(DATA.glob("*.expected.json")), ids=lambda p: p.stem)
def test_each_labelled_file_reads_as_labelled(labels):
    from wenshu.generator.importing import import_file
    from wenshu.generator.importing.outline import outline_data

    expected = json.loads(labels.read_text(encoding="utf-8"))
    got = outline_data(import_file(DATA / expected["file"]), expected["file"])
    score = bench.score_file(expected, got)
    assert score.problems == []
