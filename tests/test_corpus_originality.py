"""The built-in corpus must be original writing.

Every section shipped in corpus/*.yaml (title + 内容 + 条目) is compared with the
web-scraped seed documents in /work/shared/seeds/. After dropping punctuation,
symbols and whitespace (half- and full-width alike), no section may share a run of
SHINGLE characters with any seed file.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from helpers_seeds import seeds_dir
from ruamel.yaml import YAML

REPO = Path(__file__).resolve().parents[1]
CORPUS_DIR = REPO / "corpus"
SEEDS_DIR = seeds_dir()
SHINGLE = 20


def normalise(text: str) -> str:
    """NFKC-fold, then keep only letters, digits and CJK (drop P*, S*, Z*, C* chars)."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if unicodedata.category(ch)[0] not in "PSZC").lower()


def shingles(text: str, n: int = SHINGLE) -> set[str]:
    return {text[i : i + n] for i in range(len(text) - n + 1)}


@pytest.fixture(scope="module")
def seed_shingles() -> dict[str, str]:
    """Map every 20-char shingle found in a seed file to that file's name."""
    if not SEEDS_DIR.is_dir():
        pytest.fail(f"种子文档目录不存在：{SEEDS_DIR}（原创性检查需要它，不能跳过）")
    files = sorted(SEEDS_DIR.glob("*.txt"))
    if not files:
        pytest.fail(f"种子文档目录为空：{SEEDS_DIR}")
    index: dict[str, str] = {}
    for path in files:
        raw = path.read_bytes().decode("utf-8", errors="replace")
        for sh in shingles(normalise(raw)):
            index.setdefault(sh, path.name)
    return index


def corpus_sections() -> list[tuple[str, str, str]]:
    """(file name, 编号, concatenated text) for every section in corpus/*.yaml."""
    out = []
    for path in sorted(CORPUS_DIR.glob("*.yaml")):
        data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8")) or {}
        for i, sec in enumerate(data.get("片段") or []):
            if not isinstance(sec, dict):
                continue
            parts = [str(sec.get("标题") or ""), str(sec.get("内容") or "")]
            parts += [str(x) for x in (sec.get("条目") or [])]
            out.append((path.name, str(sec.get("编号") or f"#{i}"), "\n".join(parts)))
    return out


def test_corpus_has_sections():
    assert CORPUS_DIR.is_dir(), f"缺少语料目录：{CORPUS_DIR}"
    assert corpus_sections(), "corpus/ 中没有任何片段"


def test_no_section_copies_a_seed(seed_shingles):
    problems = []
    for fname, sid, text in corpus_sections():
        norm = normalise(text)
        hits = []
        for i in range(len(norm) - SHINGLE + 1):
            sh = norm[i : i + SHINGLE]
            if sh in seed_shingles:
                hits.append((sh, seed_shingles[sh]))
        if hits:
            sh, seed = hits[0]
            problems.append(
                f"{fname} {sid}: 与种子文档 {seed} 有 {len(hits)} 处连续 {SHINGLE} 字重合，"
                f"例如“{sh}”"
            )
    assert not problems, "以下片段与抓取的范文雷同，请改写：\n" + "\n".join(problems)
