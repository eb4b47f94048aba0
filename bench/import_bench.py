"""Importer benchmark: how right `wenshu outline` reads the labelled set, and how fast.

    python bench/import_bench.py [--set tests/data/import] [--seeds ../shared/seeds]
                                 [--labels both|set|seeds] [--pages 200] [--big-mb 20]
                                 [--no-speed] [-v]

Quality, over every file in the set that has a `*.expected.json` beside it, and over the
seed files labelled in tests/data/import_seeds/ (headings labelled by hand: their level and
their line as in the source):
- heading precision and recall (headings matched by text, whitespace and width ignored),
- level accuracy (matched headings at the labelled level),
- noise lines kept (labelled noise lines that the outline does not list as dropped),
- documents split right (files cut into the labelled number of documents).
Speed: documents imported per second over the seed files (target ≥ 50), the time of
`wenshu outline` on a generated .docx of about --pages pages (target < 2 s), and of
`wenshu import-spec` on a text of --big-mb MB made of the seed web pages and on one made
of the labelled set, a heading every few lines (target < 10 s each; the processor time is
shown beside the wall time, which other programs on a busy machine stretch).
"""

from __future__ import annotations

import argparse
import difflib
import json
import resource
import subprocess
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from wenshu.generator.importing import ImportFailure, decode_bytes, import_file
from wenshu.generator.importing.outline import outline_data

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "tests" / "data" / "import"
SEED_LABELS = ROOT / "tests" / "data" / "import_seeds"
SEEDS = ROOT.parent / "shared" / "seeds"
TARGETS = {"precision": 0.95, "recall": 0.95, "levels": 0.95, "splits": 1.0}


def norm(text: str) -> str:
    """Text compared without whitespace, width or case."""
    return "".join(unicodedata.normalize("NFKC", text).split()).lower()


@dataclass
class Score:
    """Counts over one file or the whole set."""

    expected: int = 0
    found: int = 0
    matched: int = 0
    level_right: int = 0
    noise: int = 0
    noise_kept: int = 0
    files: int = 0
    split_right: int = 0
    problems: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("expected", "found", "matched", "level_right", "noise", "noise_kept"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.files += other.files
        self.split_right += other.split_right
        self.problems += other.problems

    def figures(self) -> dict[str, float]:
        return {
            "precision": self.matched / self.found if self.found else 1.0,
            "recall": self.matched / self.expected if self.expected else 1.0,
            "levels": self.level_right / self.matched if self.matched else 1.0,
            "splits": self.split_right / self.files if self.files else 1.0,
        }


def _pairs(want: list[dict], got: list[dict]) -> list[tuple[dict, dict]]:
    """Labelled and found headings matched in reading order by their text."""
    a = [norm(h["text"]) for h in want]
    b = [norm(h["text"]) for h in got]
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    pairs = []
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            pairs.append((want[block.a + k], got[block.b + k]))
    return pairs


def score_file(expected: dict, got: dict) -> Score:
    """Compare one file's outline with its labels."""
    score = Score(files=1)
    name = expected["file"]
    want_docs, got_docs = expected["documents"], got["documents"]
    if len(want_docs) == len(got_docs):
        score.split_right = 1
        doc_pairs = list(zip(want_docs, got_docs))
    else:
        score.problems.append(f"{name}: {len(got_docs)} 篇，应为 {len(want_docs)} 篇")
        pooled = {"headings": [h for d in want_docs for h in d["headings"]]}
        doc_pairs = [(pooled, {"headings": [h for d in got_docs for h in d["headings"]]})]
    for want, have in doc_pairs:
        pairs = _pairs(want["headings"], have["headings"])
        score.expected += len(want["headings"])
        score.found += len(have["headings"])
        score.matched += len(pairs)
        score.level_right += sum(1 for w, h in pairs if w["level"] == h["level"])
        matched_w = {id(w) for w, _ in pairs}
        matched_h = {id(h) for _, h in pairs}
        for w in want["headings"]:
            if id(w) not in matched_w:
                score.problems.append(f"{name}: 漏掉 {w['level']}级 {w['text'][:30]}")
        for h in have["headings"]:
            if id(h) not in matched_h:
                score.problems.append(f"{name}: 多出 {h['level']}级 {h['text'][:30]}")
        for w, h in pairs:
            if w["level"] != h["level"]:
                score.problems.append(
                    f"{name}: 层级 {h['level']}（应为 {w['level']}） {w['text'][:30]}"
                )
    dropped = [norm(n["text"]) for d in got_docs for n in d["noise"]]
    for doc in want_docs:
        for noise in doc["noise"]:
            score.noise += 1
            key = norm(noise["text"])
            if not any(key in d or d in key for d in dropped if d):
                score.noise_kept += 1
                score.problems.append(f"{name}: 保留了无关行 {noise['text'][:30]}")
    return score


def labelled_files(folder: Path, files: Path | None = None) -> list[tuple[Path, dict]]:
    """(file, labels) for every labelled file in `folder`; the files themselves are in
    `files` when given (the seeds stay outside the repository), else beside their labels."""
    out = []
    for labels in sorted(folder.glob("*.expected.json")):
        expected = json.loads(labels.read_text(encoding="utf-8"))
        out.append(((files or folder) / expected["file"], expected))
    return out


def score_set(folder: Path = SET, files: Path | None = None) -> Score:
    """Score the importer on every labelled file of `folder` (files in `files` if given)."""
    total = Score()
    for path, expected in labelled_files(folder, files):
        try:
            got = outline_data(import_file(path), path.name)
        except ImportFailure as exc:
            got = {"documents": [], "file": path.name}
            total.problems.append(f"{path.name}: 读取失败 {exc.reason}")
        total.add(score_file(expected, got))
    return total


def seeds_speed(seeds: Path) -> tuple[int, float]:
    """(documents, seconds) for importing every seed file once (after one warm-up)."""
    files = sorted(seeds.glob("*.txt"))
    if not files:
        return 0, 0.0
    import_file(files[0])  # imports, regexes and OpenCC loaded before timing
    start = time.perf_counter()
    documents = sum(len(import_file(f).documents) for f in files)
    return documents, time.perf_counter() - start


def big_docx(path: Path, pages: int) -> Path:
    """A plan of about `pages` pages: headings, numbered items, paragraphs and tables."""
    import docx

    document = docx.Document()
    document.add_paragraph("城南中学教育集团各校区工作计划汇编")
    sentence = (
        "各部门要结合本校区实际，细化工作措施，明确责任人和完成时间，确保各项任务落到实处，"
        "每月对照计划检查一次进度，发现问题及时研究解决，并在学期末形成书面总结。"
    )
    # One section (a heading, three parts, fifteen paragraphs of about ninety characters)
    # fills a little more than one A4 page at the default font (LibreOffice: 200 sections
    # are about 220 pages).
    for section in range(1, pages + 1):
        document.add_paragraph(f"{_cn(section % 10 or 10)}、第{section}项重点工作")
        for sub in range(1, 4):
            document.add_paragraph(f"（{_cn(sub)}）具体任务{sub}")
            for item in range(1, 6):
                document.add_paragraph(f"{item}.{sentence}")
        if section % 10 == 0:
            table = document.add_table(rows=6, cols=4)
            for r in range(6):
                for c in range(4):
                    table.cell(r, c).text = (
                        ["周次", "日期", "工作内容", "负责人"][c] if r == 0 else f"{r}-{c}"
                    )
    document.save(path)
    return path


def _cn(n: int) -> str:
    from wenshu.generator.numbering import chinese_number

    return chinese_number(n)


def command_seconds(*args: str) -> float:
    """Wall time of `wenshu ARGS…` in a fresh process."""
    return command_times(*args)[0]


def command_times(*args: str) -> tuple[float, float]:
    """(wall, processor) seconds of `wenshu ARGS…` in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "wenshu", *args], check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def big_text(path: Path, megabytes: int, folder: Path) -> Path:
    """A text of about `megabytes` MB: the .txt files of `folder` one after another, again
    and again (the seeds: web pages as users copy them; the labelled set: one long document
    with a heading every few lines, the hardest case)."""
    texts = [decode_bytes(p.read_bytes()) for p in sorted(folder.glob("*.txt"))]
    unit = "\n".join(t for t in texts if "\t" not in t)
    size = len(unit.encode("utf-8"))
    path.write_text(unit * max(1, megabytes * 1024 * 1024 // size), encoding="utf-8")
    return path


def report(name: str, score: Score, verbose: bool) -> bool:
    """Print one set's figures; True when they meet the targets."""
    figures = score.figures()
    print(f"{name}：{score.files} 个文件，{score.expected} 个标题，{score.noise} 行无关内容")
    print(f"heading precision  {figures['precision']:.3f}  ({score.matched}/{score.found})")
    print(f"heading recall     {figures['recall']:.3f}  ({score.matched}/{score.expected})")
    print(f"level accuracy     {figures['levels']:.3f}  ({score.level_right}/{score.matched})")
    print(f"noise lines kept   {score.noise_kept}  (of {score.noise})")
    print(f"documents split    {score.split_right}/{score.files} files right")
    if verbose:
        for problem in score.problems:
            print("  " + problem)
    return all(figures[k] >= v for k, v in TARGETS.items()) and score.noise_kept == 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", type=Path, default=SET)
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--big-mb", type=int, default=20, help="import-spec 的大文本（MB）")
    parser.add_argument(
        "--labels", choices=("both", "set", "seeds"), default="both", help="评分的标注集"
    )
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true", help="列出每个不一致之处")
    args = parser.parse_args(argv)

    ok = True
    sets = [("标注集", args.set, None), ("种子集", SEED_LABELS, args.seeds)]
    for name, folder, files in sets:
        if args.labels != "both" and (name == "标注集") != (args.labels == "set"):
            continue
        if files is not None and not files.is_dir():
            print(f"{name}：找不到 {files}，跳过")
            continue
        ok = report(name, score_set(folder, files), args.verbose) and ok
    if not args.no_speed:
        docs, seconds = seeds_speed(args.seeds)
        if docs:
            print(
                f"import speed       {docs / seconds:.0f} documents/s ({docs} documents, {seconds:.2f} s)"
            )
            ok = ok and docs / seconds >= 50
        with tempfile.TemporaryDirectory() as tmp:
            path = big_docx(Path(tmp) / "汇编.docx", args.pages)
            seconds = command_seconds("outline", str(path), "--json")
            print(f"outline {args.pages} pages {seconds:.2f} s  ({path.stat().st_size // 1024} KB)")
            ok = ok and seconds < 2.0
            for name, folder in (("web pages", args.seeds), ("dense headings", args.set)):
                if not any(folder.glob("*.txt")):
                    continue
                text = big_text(Path(tmp) / f"{name}.txt", args.big_mb, folder)
                out = Path(tmp) / name
                out.mkdir()
                seconds, cpu = command_times("import-spec", str(text), "-o", f"{out}/")
                print(
                    f"import-spec {args.big_mb} MB ({name}) {seconds:.2f} s  (processor {cpu:.2f} s)"
                )
                ok = ok and seconds < 10.0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
