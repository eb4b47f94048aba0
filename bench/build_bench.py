"""Benchmark: build the demo 工作计划 with wenshu, and the same content with docxtpl.

    /work/venv/bin/python bench/build_bench.py [-n 30]

Prints the median milliseconds per document for
  * wenshu in-process: load_spec + render_loaded + docx.build_docx + save to BytesIO, with
    the median of each stage (load, render, docx build, save) so a regression shows where,
    and the stages of the first document of the process (cold caches: the Word writer
    styles its template once per profile and process),
  * docxtpl: a template made on the fly with python-docx (title, paragraphs, a loop over
    the goals, a table loop for 行事历), rendered with the same data and saved to BytesIO,
and their ratio, plus the wall time of one whole `wenshu build` process.
Targets: wenshu <= docxtpl per document; whole `wenshu build` <= 0.8 s. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "generator" / "kinds" / "plan" / "demo" / "教科室工作计划.yaml"


def _ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


# ---- wenshu --------------------------------------------------------------------------------


def wenshu_once(spec: Path) -> dict[str, float]:
    from wenshu.generator.build import render_loaded
    from wenshu.generator.docx import build_docx
    from wenshu.generator.spec.loader import load_spec

    t0 = time.perf_counter()
    loaded = load_spec(spec)
    t1 = time.perf_counter()
    document = render_loaded(loaded)
    t2 = time.perf_counter()
    out = build_docx(document, "school")
    t3 = time.perf_counter()
    buf = io.BytesIO()
    out.save(buf)
    t4 = time.perf_counter()
    return {
        "load": t1 - t0,
        "render": t2 - t1,
        "build": t3 - t2,
        "save": t4 - t3,
        "total": t4 - t0,
    }


STAGES = ("load", "render", "build", "save")


def bench_wenshu(spec: Path, n: int) -> tuple[dict[str, float], dict[str, float]]:
    """(median ms of each stage and the total over `n` documents, ms of the first document)."""
    first = {k: v * 1000 for k, v in wenshu_once(spec).items()}  # also warms up the imports
    runs = [wenshu_once(spec) for _ in range(n)]
    return {k: _ms([r[k] for r in runs]) for k in runs[0]}, first


def _split(t: dict[str, float]) -> str:
    return " + ".join(f"{k} {t[k]:.1f}" for k in STAGES)


def bench_process(spec: Path, repeats: int = 3) -> list[float]:
    exe = Path(sys.executable).with_name("wenshu")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "wenshu"]
    times = []
    with tempfile.TemporaryDirectory(prefix="wenshu-bench-") as tmp:
        src = Path(tmp) / "计划.yaml"
        shutil.copy(spec, src)
        for i in range(repeats):
            out = Path(tmp) / f"out{i}.docx"
            t0 = time.perf_counter()
            proc = subprocess.run(
                [*cmd, "build", str(src), "-o", str(out)], capture_output=True, text=True
            )
            times.append(time.perf_counter() - t0)
            if proc.returncode != 0:
                raise SystemExit(f"wenshu build failed:\n{proc.stderr}")
    return times


# ---- docxtpl -------------------------------------------------------------------------------


def docxtpl_data(spec: Path) -> dict:
    """The same content as the wenshu document, as plain values for a docxtpl template."""
    from wenshu.generator.context import ContextMaker
    from wenshu.generator.kinds.plan.context import plan_context
    from wenshu.generator.spec.loader import load_spec

    ctx = plan_context(load_spec(spec).spec, ContextMaker(None))
    work: list[str] = []

    def walk(nodes, depth):
        for node in nodes:
            if node["标题"]:
                work.append(("　" * depth) + node["标题"])
            work.extend(node["内容"])
            walk(node["条目"], depth + 1)

    walk(ctx["主要工作"], 0)
    walk(ctx["保障措施"], 0)
    rows = [
        {"month": m["月份名"], "week": a["周次"], "content": a["内容"], "owner": a["负责人"]}
        for m in ctx["行事历"]
        for a in m["活动"]
    ]
    sig = ctx["落款"]
    return {
        "title": f"{ctx['单位']}{ctx['部门'] or ''}{ctx['时段']}工作计划",
        "guiding": ctx["指导思想"],
        "goals": [g["文本"] for g in ctx["工作目标"]],
        "work": work,
        "rows": rows,
        "unit": sig["单位"],
        "date": f"{sig['日期'].year}年{sig['日期'].month}月{sig['日期'].day}日"
        if sig["日期"]
        else "",
    }


def make_docxtpl_template(path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("{{ title }}", style="Title")
    d.add_paragraph("一、指导思想", style="Heading 1")
    d.add_paragraph("{%p for para in guiding %}")
    d.add_paragraph("{{ para }}")
    d.add_paragraph("{%p endfor %}")
    d.add_paragraph("二、工作目标", style="Heading 1")
    d.add_paragraph("{%p for g in goals %}")
    d.add_paragraph("（{{ loop.index }}）{{ g }}")
    d.add_paragraph("{%p endfor %}")
    d.add_paragraph("三、主要工作", style="Heading 1")
    d.add_paragraph("{%p for para in work %}")
    d.add_paragraph("{{ para }}")
    d.add_paragraph("{%p endfor %}")
    d.add_paragraph("四、行事历", style="Heading 1")
    t = d.add_table(rows=4, cols=4)
    t.style = d.styles["Table Grid"]
    for cell, text in zip(t.rows[0].cells, ["月份", "周次", "工作内容", "负责人"]):
        cell.text = text
    t.rows[1].cells[0].text = "{%tr for r in rows %}"
    for cell, text in zip(
        t.rows[2].cells, ["{{ r.month }}", "{{ r.week }}", "{{ r.content }}", "{{ r.owner }}"]
    ):
        cell.text = text
    t.rows[3].cells[0].text = "{%tr endfor %}"
    d.add_paragraph("")
    d.add_paragraph("{{ unit }}")
    d.add_paragraph("{{ date }}")
    d.save(str(path))


def docxtpl_once(template_bytes: bytes, data: dict) -> float:
    from docxtpl import DocxTemplate

    t0 = time.perf_counter()
    tpl = DocxTemplate(io.BytesIO(template_bytes))
    tpl.render(data)
    buf = io.BytesIO()
    tpl.save(buf)
    return time.perf_counter() - t0


def bench_docxtpl(spec: Path, n: int) -> tuple[float, bytes]:
    data = docxtpl_data(spec)
    with tempfile.TemporaryDirectory(prefix="wenshu-bench-") as tmp:
        path = Path(tmp) / "template.docx"
        make_docxtpl_template(path)
        template_bytes = path.read_bytes()
    docxtpl_once(template_bytes, data)  # warm-up
    return _ms([docxtpl_once(template_bytes, data) for _ in range(n)]), template_bytes


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=30, help="documents per measurement (default 30)")
    parser.add_argument("--spec", type=Path, default=DEMO)
    args = parser.parse_args(argv)

    w, first = bench_wenshu(args.spec, args.n)
    t_docxtpl, _ = bench_docxtpl(args.spec, args.n)
    proc = bench_process(args.spec)

    print(f"input: {args.spec.name}, {args.n} documents each")
    print(f"wenshu  (in-process)  median {w['total']:7.1f} ms/doc   [{_split(w)}]")
    print(f"wenshu  first in process     {first['total']:7.1f} ms       [{_split(first)}]")
    print(f"docxtpl (in-process)  median {t_docxtpl:7.1f} ms/doc   [open + render + save]")
    print(
        f"Word stage: wenshu build+save {w['build'] + w['save']:.1f} ms/doc"
        f" vs docxtpl {t_docxtpl:.1f} ms/doc (both from ready data)"
    )
    ratio = w["total"] / t_docxtpl
    verdict = "meets" if ratio <= 1 else "misses"
    print(f"ratio wenshu/docxtpl  {ratio:.2f}  ({verdict} target <= 1.0)")
    verdict = "meets" if proc[0] <= 0.8 else "misses"
    print(
        f"whole `wenshu build`  first {proc[0]:.2f} s, median of {len(proc)} {statistics.median(proc):.2f} s"
        f"  ({verdict} target <= 0.8 s)"
    )


if __name__ == "__main__":
    main()
