"""Corpus benchmark: build a synthetic corpus of N sections, then measure search latency,
import throughput, dedupe time and peak memory.

    python bench/corpus_bench.py --sections 100000

Targets at 100,000 sections: search p50 ≤ 30 ms, dedupe ≤ 60 s, peak RSS ≤ 300 MB.
The text is generated from a small vocabulary of school-office phrases plus invented
names and numbers (real documents name projects, schools and counts), with about 10 %
planted near-duplicates (punctuation, numbering, years and a few words changed).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from wenshu.generator.corpus import import_paths, open_corpus
from wenshu.generator.corpus.initials import initials
from wenshu.generator.importing.model import CandidateSection, ImportedDocument, ImportResult
from wenshu.generator.vocab import CATEGORIES, CORPUS_KINDS, TOPICS

SUBJECTS = (
    "教科室",
    "教研组",
    "备课组",
    "全体教师",
    "青年教师",
    "学科组长",
    "班主任",
    "骨干教师",
    "各年级组",
    "课题组",
    "信息中心",
    "德育处",
    "教务处",
    "名师工作室",
    "心理辅导室",
    "少先队",
)
ADVERBS = (
    "继续",
    "进一步",
    "认真",
    "积极",
    "扎实",
    "切实",
    "持续",
    "定期",
    "全面",
    "深入",
    "努力",
    "逐步",
    "有序",
    "及时",
    "主动",
    "重点",
)
VERBS = (
    "开展",
    "推进",
    "落实",
    "组织",
    "完善",
    "加强",
    "做好",
    "规范",
    "总结",
    "探索",
    "健全",
    "提升",
    "深化",
    "指导",
    "检查",
    "优化",
    "梳理",
    "统筹",
)
OBJECTS = (
    "课题研究",
    "校本研修活动",
    "青年教师培养",
    "读书交流活动",
    "论文评比",
    "集体备课",
    "公开课展示",
    "教学常规检查",
    "质量监测分析",
    "信息技术应用",
    "心理健康教育",
    "德育主题活动",
    "科技创新活动",
    "档案资料整理",
    "家校沟通",
    "教研组建设",
    "名师引领",
    "作业设计与批改",
    "课后服务管理",
    "劳动实践教育",
    "听课评课",
    "课堂教学改革",
    "教学反思",
    "师徒结对",
)
PURPOSES = (
    "提高教师专业素养",
    "促进学生全面发展",
    "提升课堂教学效率",
    "形成浓厚的研究氛围",
    "推动学校内涵发展",
    "确保各项工作落到实处",
    "积累过程性资料",
    "增强教师的责任意识",
    "减轻学生过重的课业负担",
    "发挥示范引领作用",
    "营造良好的育人环境",
    "提高教学质量",
)
TIMES = ("每学期", "每月", "每两周", "每周", "学期初", "学期末", "期中", "寒暑假期间", "开学前")
COUNTS = ("一次", "两次", "三次", "至少一节", "不少于两篇", "一到两次", "四次以上")
REQUIREMENTS = (
    "有计划",
    "有记录",
    "有总结",
    "有反思",
    "有检查",
    "有反馈",
    "有考核",
    "有评价",
    "有落实",
)
NAME_CHARS = "春晓明德启智博雅弘毅青蓝卓越星辰彩虹翰墨书香润泽致远求真尚美和乐阳光七彩梦想"
TEMPLATES = (
    "{time}{subject}{adv}{verb}{obj}，{purpose}。",
    "{subject}要{adv}{verb}{obj}，做到{req1}、{req2}、{req3}。",
    "围绕{obj}，{subject}{time}{verb}“{name}”主题活动{count}，{purpose}。",
    "{adv}{verb}{obj}的{mech}，{purpose}，力争{num}名教师在{level}比赛中获奖。",
    "以“{name}{kind2}”为载体，{adv}{verb}{obj}，{purpose}。",
    "{subject}{time}召开{obj}专题会议{count}，研究解决{num}个实际问题。",
)
MECHANISMS = ("制度", "机制", "流程", "考核办法", "评价方案", "管理细则")
LEVELS = ("区级", "市级", "省级", "校级", "县级")
KIND2 = ("工程", "讲堂", "论坛", "沙龙", "行动", "计划", "书院")
TITLE_HEADS = ("加强", "扎实推进", "认真做好", "进一步完善", "积极开展", "持续深化", "规范")


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(NAME_CHARS) for _ in range(rng.choice((2, 2, 3, 4))))


def sentence(rng: random.Random) -> str:
    """One synthetic sentence in school-office style."""
    return rng.choice(TEMPLATES).format(
        time=rng.choice(TIMES),
        subject=rng.choice(SUBJECTS),
        adv=rng.choice(ADVERBS),
        verb=rng.choice(VERBS),
        obj=rng.choice(OBJECTS),
        purpose=rng.choice(PURPOSES),
        count=rng.choice(COUNTS),
        name=_name(rng),
        mech=rng.choice(MECHANISMS),
        level=rng.choice(LEVELS),
        kind2=rng.choice(KIND2),
        num=rng.randint(2, 30),
        req1=rng.choice(REQUIREMENTS),
        req2=rng.choice(REQUIREMENTS),
        req3=rng.choice(REQUIREMENTS),
    )


def synthetic_section(rng: random.Random, source: str) -> CandidateSection:
    """A fresh synthetic section of 3–8 sentences and 0–4 items."""
    obj = rng.choice(OBJECTS)
    text = "".join(sentence(rng) for _ in range(rng.randint(3, 8)))
    items = [sentence(rng) for _ in range(rng.choice((0, 0, 2, 3, 4)))]
    return CandidateSection(
        title=f"{rng.choice(TITLE_HEADS)}{obj}",
        text=text,
        items=items,
        category=rng.choice(CATEGORIES),
        topics=rng.sample(TOPICS, rng.randint(0, 2)),
        kind=rng.choice((*CORPUS_KINDS, None)),
        source=source,
    )


_PUNCT_SWAP = {"，": ",", "。": ".", "、": ",", "“": '"', "”": '"'}


def near_duplicate(rng: random.Random, base: CandidateSection, source: str) -> CandidateSection:
    """A copy as found on another web site: punctuation, numbering, year and a few
    characters changed (well above 90 % similar after normalisation)."""
    text = "".join(_PUNCT_SWAP.get(c, c) if rng.random() < 0.5 else c for c in base.text)
    chars = list(text)
    for _ in range(max(1, len(chars) // 60)):
        chars[rng.randrange(len(chars))] = rng.choice(NAME_CHARS)
    text = f"{rng.choice(('一、', '1.', '（一）', ''))}{rng.randint(2015, 2024)}年" + "".join(chars)
    return CandidateSection(
        title=base.title,
        text=text,
        items=list(base.items),
        category=base.category,
        topics=list(base.topics),
        kind=base.kind,
        source=source,
    )


def generate(n: int, seed: int = 7, dup_rate: float = 0.1):
    """Yield N (candidate, is_planted_duplicate) pairs; about dup_rate of them copy one of
    the last few thousand originals (kept in a bounded pool so memory stays flat)."""
    rng = random.Random(seed)
    pool: list[CandidateSection] = []
    for i in range(n):
        source = f"synthetic-{i // 10:06d}.txt#{i % 10}"
        if pool and rng.random() < dup_rate:
            yield near_duplicate(rng, rng.choice(pool), source), True
        else:
            section = synthetic_section(rng, source)
            if len(pool) < 5000:
                pool.append(section)
            else:
                pool[rng.randrange(len(pool))] = section
            yield section, False


def queries(rng: random.Random, n: int) -> list[str]:
    """A realistic query mix: words, two-word queries, short words, pinyin initials."""
    out = []
    for i in range(n):
        kind = i % 6
        if kind == 0:
            out.append(rng.choice(OBJECTS))
        elif kind == 1:
            out.append(f"{rng.choice(SUBJECTS)} {rng.choice(OBJECTS)[:2]}")
        elif kind == 2:
            out.append(rng.choice(PURPOSES)[:4])
        elif kind == 3:
            out.append(initials(rng.choice(TOPICS)))
        elif kind == 4:
            out.append(f"{rng.choice(OBJECTS)} {rng.choice(VERBS)}")
        else:
            out.append(_name(rng) + rng.choice(KIND2))
    return out


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB (ru_maxrss is KB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_documents(folder: Path, rng: random.Random, n_docs: int) -> None:
    """Plain-text documents with numbered headings, as users would import them."""
    numerals = "一二三四五六七八九十"
    for d in range(n_docs):
        parts = [f"{_name(rng)}学校{rng.choice(CORPUS_KINDS)}", ""]
        for s in range(rng.randint(3, 6)):
            section = synthetic_section(rng, "")
            parts += [f"{numerals[s]}、{section.title}", section.text, ""]
        (folder / f"doc{d:04d}.txt").write_text("\n".join(parts), encoding="utf-8")


def fake_importer(path: Path) -> ImportResult:
    """Stand-in used only when the real importer is not installed."""
    rng = random.Random(str(path))
    sections = [synthetic_section(rng, path.name) for _ in range(rng.randint(3, 6))]
    doc = ImportedDocument(title=path.stem, source=path.name, preamble="", nodes=[])
    return ImportResult(str(path), [doc], sections, 0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sections", type=int, default=10000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--docs", type=int, default=200, help="documents for the import test")
    parser.add_argument("--db", type=Path, help="database file (default: a temporary one)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--skip-build", action="store_true", help="reuse the sections already in --db"
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.db"
        figures: dict[str, float | int | str] = {"sections": args.sections}
        planted = 0
        with open_corpus(db, builtin_dir=None) as corpus:
            start = time.perf_counter()
            duplicates = 0
            batch = []
            # The synthetic corpus is loaded in large transactions; per-file imports are
            # measured below with real files.
            for candidate, is_dup in generate(0 if args.skip_build else args.sections):
                planted += is_dup
                batch.append(candidate)
                if len(batch) == 1000:
                    duplicates += corpus.add_candidates(batch)[1]
                    batch = []
            duplicates += corpus.add_candidates(batch)[1]
            figures["build_s"] = round(time.perf_counter() - start, 1)
            figures["dedupe_s"] = round(corpus.dedupe_seconds, 1)
            figures["planted_duplicates"] = planted
            figures["duplicates_found"] = duplicates

            rng = random.Random(11)
            times = []
            hits = 0
            for q in queries(rng, args.queries):
                t0 = time.perf_counter()
                hits += bool(corpus.search(q, limit=10))
                times.append((time.perf_counter() - t0) * 1000)
            times.sort()
            figures["search_p50_ms"] = round(statistics.median(times), 1)
            figures["search_p95_ms"] = round(times[int(len(times) * 0.95) - 1], 1)
            figures["queries_with_hits"] = hits

            folder = Path(tmp) / "docs"
            folder.mkdir()
            write_documents(folder, rng, args.docs)
            try:
                from wenshu.generator.importing import import_file  # noqa: F401

                importer = None
                figures["importer"] = "real"
            except ImportError:
                importer = fake_importer
                figures["importer"] = "stand-in"
            t0 = time.perf_counter()
            summary = import_paths(corpus, [folder], importer=importer)
            elapsed = time.perf_counter() - t0
            figures["import_docs_per_s"] = round(summary.documents / elapsed, 1)
            figures["import_failed"] = len(summary.failed)
        figures["db_mb"] = round(db.stat().st_size / 2**20, 1)
        figures["peak_rss_mb"] = round(peak_rss_mb(), 1)

    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
    else:
        for key, value in figures.items():
            print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
