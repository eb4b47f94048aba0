"""Long fuzz campaigns: hostile inputs through the wenshu CLI, counted per outcome.

    python bench/fuzz.py --examples 20000                    # specs: build, summary init, rollover
    python bench/fuzz.py --examples 500 --target importers   # corpus import and import-spec
    python bench/fuzz.py --examples 2000 --target build --seed 7 --show 5

Targets:
  build, summary-init, rollover  fuzzed specs of all three 文种 (tests/helpers_fuzz.py),
                                 in-process through click's runner, 60 s limit per run;
  specs                          the three above (default);
  corpus-import, import-spec     arbitrary bytes, damaged text and mutated .docx files,
                                 black-box through a `wenshu` subprocess (timeout 60 s);
  importers                      the two above;
  all                            everything.

Prints, per command, how many runs ended with each exit code, and every finding (exit
code outside 0–6, a traceback, a hang, a .docx that python-docx cannot open) with the
file that caused it saved under --keep (default: a temporary folder). Exit status 1 when
anything was found. Nothing here is run by the test suite.
"""

from __future__ import annotations

import argparse
import collections
import io
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

SPEC_TARGETS = ("build", "summary-init", "rollover")
IMPORT_TARGETS = ("corpus-import", "import-spec")
GROUPS = {
    "specs": SPEC_TARGETS,
    "importers": IMPORT_TARGETS,
    "all": SPEC_TARGETS + IMPORT_TARGETS,
}


def _gist(text: str) -> str:
    """The first message line, without file names, numbers and quoted values."""
    import re

    lines = [ln for ln in text.splitlines() if ln.startswith("错误") or ln.startswith("已生成")]
    line = lines[0] if lines else (text.strip().splitlines() or [""])[0]
    line = re.sub(r"“[^”]*”", "“…”", line)
    line = re.sub(r"\S*[/\\]\S*|\S+\.(?:yaml|docx|txt|md)\b", "FILE", line)
    return re.sub(r"\d+", "N", line)[:110]


class Tally:
    def __init__(self, keep: Path, show: int, verbose: int = 0):
        self.verbose = verbose
        self.counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        self.findings: list[tuple[str, str, Path]] = []
        self.messages: dict = collections.defaultdict(
            lambda: collections.defaultdict(collections.Counter)
        )
        self.keep = keep
        self.show = show

    def add(
        self, command: str, label: str, problem: str | None, sample: bytes, suffix: str, says=""
    ):
        self.counts[command][label] += 1
        self.messages[command][label][_gist(says)] += 1
        if problem:
            path = self.keep / f"{command}-{len(self.findings):04d}{suffix}"
            path.write_bytes(sample)
            self.findings.append((command, problem, path))

    def report(self, seconds: float) -> int:
        total = sum(sum(c.values()) for c in self.counts.values())
        print(f"\n{total} runs in {seconds:.0f} s")
        for command in sorted(self.counts):
            counts = self.counts[command]
            shown = ", ".join(f"{label}: {n}" for label, n in sorted(counts.items()))
            print(f"  {command:22} {sum(counts.values()):6}  {shown}")
        if self.verbose:
            for command in sorted(self.messages):
                for label, gists in sorted(self.messages[command].items()):
                    print(f"  {command} {label}:")
                    for gist, n in gists.most_common(self.verbose):
                        print(f"    {n:5}  {gist}")
        print(f"findings: {len(self.findings)}")
        for command, problem, path in self.findings[: self.show]:
            print(f"  {command}: {problem[:300]}\n    input: {path}")
        return 1 if self.findings else 0


# ---- spec targets: hypothesis generators, in-process -----------------------------------------


def run_specs(targets: tuple[str, ...], examples: int, seed: int, tally: Tally) -> None:
    from helpers_fuzz import run_spec_case, spec_cases
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hseed

    from wenshu.generator.corpus import open_corpus

    corpus = Path(tempfile.mkdtemp(prefix="wenshu-fuzz-corpus-")) / "语料库.db"
    open_corpus(corpus).close()
    kinds = ("工作计划",) if targets == ("summary-init",) else None
    done = [0]

    @hseed(seed)
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(spec_cases(kinds=kinds) if kinds else spec_cases())
    def campaign(case):
        done[0] += 1
        if done[0] % 1000 == 0:
            print(f"  {done[0]}/{examples} specs", file=sys.stderr, flush=True)
        commands = targets
        if case.kind != "工作计划":
            commands = tuple(t for t in targets if t != "summary-init")
        for outcome in run_spec_case(case, corpus, commands):
            problem = "; ".join(outcome.problems) or None
            tally.add(outcome.command, outcome.label, problem, case.data, ".yaml", outcome.output)

    campaign()


# ---- importer targets: files through a wenshu subprocess -------------------------------------


def _base_docx() -> list[bytes]:
    """Real .docx files written by wenshu itself (the demo), as bases for mutation."""
    folder = Path(tempfile.mkdtemp(prefix="wenshu-fuzz-demo-"))
    subprocess.run(
        [sys.executable, "-m", "wenshu", "demo", "-o", str(folder)],
        check=True,
        capture_output=True,
    )
    return [p.read_bytes() for p in sorted(folder.glob("*.docx"))]


def _mutate_docx(base: bytes, rng: random.Random) -> bytes:
    how = rng.choice(["flip", "truncate", "member", "xml", "crc", "bomb"])
    data = bytearray(base)
    if how == "flip":
        for _ in range(rng.randint(1, 20)):
            i = rng.randrange(len(data))
            data[i] ^= 1 << rng.randrange(8)
        return bytes(data)
    if how == "truncate":
        return bytes(data[: rng.randrange(len(data))])
    if how == "crc":  # flip bytes inside the compressed document.xml only
        zf = zipfile.ZipFile(io.BytesIO(base))
        info = zf.getinfo("word/document.xml")
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        for _ in range(rng.randint(1, 5)):
            i = start + rng.randrange(max(1, info.compress_size))
            data[i] ^= 0xFF
        return bytes(data)
    src = zipfile.ZipFile(io.BytesIO(base))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if how == "member" and rng.random() < 0.3:
                continue  # drop a part
            if how == "xml" and item.filename == "word/document.xml":
                text = body.decode("utf-8")
                i = rng.randrange(len(text))
                body = (
                    text[:i]
                    + rng.choice(["<", "&", "]]>", "<w:p>", "\x00", "</w:body>"])
                    + text[i:]
                ).encode("utf-8", "surrogatepass")
            if how == "bomb" and item.filename == "word/document.xml":
                body = body.replace(
                    b"</w:body>",
                    b"<w:p><w:r><w:t>"
                    + b"A" * rng.randint(10**6, 3 * 10**7)
                    + b"</w:t></w:r></w:p></w:body>",
                )
            dst.writestr(item, body)
    return out.getvalue()


_ODD = [
    "\x00",
    "\ufeff",
    "\u202e",
    "\u200b",
    "e\u0301\u0301",
    "２０２５",
    "二〇二五年",
    "20xx",
    "\ud7ff",
    "𠀀",
]
_MARKERS = [
    "一、",
    "（一）",
    "1.",
    "（1）",
    "①",
    "第一部分",
    "篇一",
    "九月份：",
    "二、工作目标",
    "",
]
_WORDS = "教学常规检查课题研究校本研修青年教师培养读书活动论文评比集体备课质量监测"


def _document_text(rng: random.Random) -> str:
    """Something shaped like an old plan: numbered lines of Chinese, odd bits here and there."""
    lines = [rng.choice(["城南中学教务处工作计划", "工作总结", "岗位职责", ""])]
    for _ in range(rng.randint(0, 400)):
        words = "".join(rng.choice(_WORDS) for _ in range(rng.randint(0, 60)))
        odd = rng.choice(_ODD) if rng.random() < 0.1 else ""
        lines.append(rng.choice(_MARKERS) + words + odd + rng.choice(["。", "：", "", "；"]))
    return "\n".join(lines)


def _edit_docx_text(base: bytes, rng: random.Random) -> bytes:
    """A valid .docx whose paragraphs say something else (odd Unicode, markers, long runs)."""
    src = zipfile.ZipFile(io.BytesIO(base))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "word/document.xml":
                from xml.sax.saxutils import escape

                def swap(m):
                    text = _document_text(rng).replace("\x00", "").replace("\n", " ")[:2000]
                    return b"<w:t>" + escape(text).encode("utf-8", "replace") + b"</w:t>"

                body = re.sub(rb"<w:t(?: [^>]*)?>[^<]*</w:t>", swap, body)
            dst.writestr(item, body)
    return out.getvalue()


def _importer_sample(rng: random.Random, bases: list[bytes]) -> tuple[bytes, str]:
    how = rng.choice(["bytes", "text", "text", "longline", "docx", "docx", "docx-text"])
    if how == "bytes":
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 4096))), rng.choice(
            [".txt", ".md", ".docx"]
        )
    if how == "text":
        enc = rng.choice(["utf-8", "utf-8", "gb18030", "utf-16", "utf-8-sig"])
        return _document_text(rng).encode(enc, "replace"), rng.choice([".txt", ".md"])
    if how == "longline":
        n = rng.choice([10**5, 10**6, 3 * 10**6])
        return ("工作目标：" + "提高质量，" * (n // 5)).encode("utf-8"), ".txt"
    if how == "docx-text":
        return _edit_docx_text(rng.choice(bases), rng), ".docx"
    return _mutate_docx(rng.choice(bases), rng), ".docx"


def run_importers(targets: tuple[str, ...], examples: int, seed: int, tally: Tally) -> None:
    rng = random.Random(seed)
    bases = _base_docx()
    work = Path(tempfile.mkdtemp(prefix="wenshu-fuzz-import-"))
    corpus = work / "语料库.db"
    env = {**os.environ, "WENSHU_CORPUS": str(corpus)}
    for n in range(examples):
        sample, suffix = _importer_sample(rng, bases)
        path = work / f"样本{suffix}"
        path.write_bytes(sample)
        for target in targets:
            if target == "corpus-import":
                args = ["corpus", "import", str(path)]
            else:
                args = ["import-spec", str(path), "-o", str(work / "导出.yaml"), "--force"]
            try:
                proc = subprocess.run(
                    [sys.executable, "-m", "wenshu", *args],
                    capture_output=True,
                    timeout=60,
                    env=env,
                    cwd=work,
                )
            except subprocess.TimeoutExpired:
                tally.add(target, "FAIL hang", "hang: no result after 60 s", sample, suffix)
                continue
            err = proc.stderr.decode("utf-8", "replace")
            problem = None
            if proc.returncode not in range(7):
                problem = f"exit {proc.returncode}: {err.strip()[-300:]}"
            elif "Traceback" in err:
                problem = f"traceback: {err.strip()[-300:]}"
            label = f"FAIL exit {proc.returncode}" if problem else f"exit {proc.returncode}"
            tally.add(target, label, problem, sample, suffix, err)
        if (n + 1) % 50 == 0:
            print(f"  {n + 1}/{examples} files", file=sys.stderr)
    shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, default=1000, help="inputs per target group")
    parser.add_argument(
        "--target",
        default="specs",
        choices=[*GROUPS, *SPEC_TARGETS, *IMPORT_TARGETS],
        help="what to fuzz (default: specs)",
    )
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: time)")
    parser.add_argument("--keep", type=Path, default=None, help="folder for inputs of findings")
    parser.add_argument("--show", type=int, default=20, help="findings to print")
    parser.add_argument(
        "-v",
        "--verbose",
        type=int,
        default=0,
        metavar="N",
        help="print the N commonest messages per outcome",
    )
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else int(time.time())
    keep = args.keep or Path(tempfile.mkdtemp(prefix="wenshu-fuzz-findings-"))
    keep.mkdir(parents=True, exist_ok=True)
    targets = GROUPS.get(args.target, (args.target,))
    print(f"seed {seed}; findings go to {keep}")
    tally = Tally(keep, args.show, args.verbose)
    start = time.monotonic()
    specs = tuple(t for t in targets if t in SPEC_TARGETS)
    importers = tuple(t for t in targets if t in IMPORT_TARGETS)
    if specs:
        run_specs(specs, args.examples, seed, tally)
    if importers:
        run_importers(importers, args.examples, seed, tally)
    return tally.report(time.monotonic() - start)


if __name__ == "__main__":
    sys.exit(main())
