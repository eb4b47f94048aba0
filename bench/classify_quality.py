"""Quality of the import classifier (generator/importing/classify.py): category accuracy and
topic precision, recall and F1 (micro, and per topic) on labelled sections.

    python bench/classify_quality.py [--per-topic] [--show-misses] [--json]

Sets:
* labelled: the sections of tests/data/classify/*.yaml, written for this measure, each with
  its expected category and topics (see the folder's README);
* corpus: the built-in corpus (corpus/*.yaml), topics only: its sections are cut from their
  documents without the headings that name their category;
* seeds: the hand labels of the web-scraped seeds (tests/data/import_seeds/) label
  documents, headings and noise but no categories or topics, so they give no figures here;
  the set is listed as empty so that labels added there later are picked up.
Targets (tests/test_classify_quality.py holds them on the labelled set): category accuracy
≥ 0.9, topic micro F1 ≥ 0.8.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML

from wenshu.generator.corpus.entries import builtin_dir, load_builtin
from wenshu.generator.importing.classify import classify_section
from wenshu.generator.vocab import TOPICS

ROOT = Path(__file__).resolve().parents[1]
LABELLED = ROOT / "tests" / "data" / "classify"
SEED_LABELS = ROOT / "tests" / "data" / "import_seeds"


@dataclass(frozen=True)
class Case:
    """One labelled section; category None when the set labels topics only."""

    title: str
    text: str
    kind: str | None
    category: str | None
    topics: frozenset[str]
    where: str


def load_labelled(folder: Path = LABELLED) -> list[Case]:
    """The sections of every YAML file in `folder`."""
    yaml = YAML(typ="safe", pure=True)
    cases: list[Case] = []
    for path in sorted(folder.glob("*.yaml")):
        for n, item in enumerate(yaml.load(path.read_text(encoding="utf-8")) or [], 1):
            cases.append(
                Case(
                    str(item.get("title") or ""),
                    str(item["text"]),
                    item.get("kind"),
                    str(item["category"]),
                    frozenset(item.get("topics") or ()),
                    f"{path.name}#{n}",
                )
            )
    return cases


def load_corpus() -> list[Case]:
    """The built-in corpus's sections, labelled with their topics only."""
    return [
        Case(
            e.entry.title,
            "\n".join([e.entry.text, *e.entry.items]),
            e.entry.kinds[0] if e.entry.kinds else None,
            None,
            frozenset(e.entry.topics),
            e.entry.id or "",
        )
        for e in load_builtin(builtin_dir())
    ]


def load_seed_labels(folder: Path = SEED_LABELS) -> list[Case]:
    """Sections of the seed labels that carry a category (none do yet: see the docstring)."""
    cases: list[Case] = []
    for path in sorted(folder.glob("*.expected.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for doc in data.get("documents", []):
            for section in doc.get("sections", []):
                if "category" in section:
                    cases.append(
                        Case(
                            section.get("title", ""),
                            section.get("text", ""),
                            None,
                            section["category"],
                            frozenset(section.get("topics") or ()),
                            path.name,
                        )
                    )
    return cases


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def figures(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


@dataclass
class Report:
    """Figures for one set, and the cases it got wrong."""

    sections: int = 0
    category_accuracy: float | None = None
    topics: dict[str, float] = field(default_factory=dict)
    per_topic: dict[str, dict[str, float]] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def summary(self) -> dict:
        out: dict = {"sections": self.sections}
        if self.category_accuracy is not None:
            out["category_accuracy"] = self.category_accuracy
        out.update({f"topic_{k}": v for k, v in self.topics.items()})
        return out


def evaluate(cases: list[Case]) -> Report:
    """Classify every case and compare with its labels."""
    report = Report(sections=len(cases))
    if not cases:
        return report
    micro = Counts()
    per_topic = {t: Counts() for t in TOPICS}
    right = judged = 0
    for case in cases:
        category, found = classify_section(case.title, case.text, case.kind)
        got = set(found)
        wrong: list[str] = []
        if case.category is not None:
            judged += 1
            if category == case.category:
                right += 1
            else:
                wrong.append(f"类别 {category}≠{case.category}")
        for topic in got | case.topics:
            counts = per_topic[topic]
            if topic in got and topic in case.topics:
                counts.tp += 1
                micro.tp += 1
            elif topic in got:
                counts.fp += 1
                micro.fp += 1
                wrong.append(f"+{topic}")
            else:
                counts.fn += 1
                micro.fn += 1
                wrong.append(f"-{topic}")
        if wrong:
            head = (case.title or case.text)[:24].replace("\n", " ")
            report.misses.append(f"{case.where} {head}: {' '.join(wrong)}")
    if judged:
        report.category_accuracy = round(right / judged, 3)
    report.topics = micro.figures()
    report.per_topic = {
        t: c.figures() | {"support": c.tp + c.fn}
        for t, c in per_topic.items()
        if c.tp + c.fp + c.fn
    }
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-topic", action="store_true", help="P/R/F1 of every topic")
    parser.add_argument("--show-misses", action="store_true", help="list the wrong sections")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    reports = {
        "labelled": evaluate(load_labelled()),
        "corpus": evaluate(load_corpus()),
        "seeds": evaluate(load_seed_labels()),
    }
    if args.json:
        print(json.dumps({k: r.summary() for k, r in reports.items()}, ensure_ascii=False))
        return 0
    for name, report in reports.items():
        print(f"== {name}: " + ", ".join(f"{k} {v}" for k, v in report.summary().items()))
        if name == "seeds" and not report.sections:
            print("   (the seed labels carry no categories or topics)")
        if args.per_topic:
            for topic, figures in report.per_topic.items():
                print(f"   {topic}: " + ", ".join(f"{k} {v}" for k, v in figures.items()))
        if args.show_misses:
            for miss in report.misses:
                print(f"   {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
