"""Render every built-in example as page images, to look at before saying a layout is right.

    python bench/look.py [-o look] [--dpi 60] [--profile school --profile gbt9704] [--only 德育]

Builds, in each profile, the demo documents (each 文种's demo/), the realistic test specs
(tests/specs: a spring 教科室 plan with 6 goals, a 4-level tree, a 行事历 for every month,
five people, five 教研组 and a 轮值表 of six grades, a grouped 工作职责, a linked
工作总结, a 制度 numbered 一、（一）, a 通知 with one text 附件 and a long 抄送) and a 校历
of `wenshu calendar`; converts each .docx to PDF with LibreOffice
and each PDF page to PNG with pdftoppm. Output: <folder>/<profile>/<name>.docx|.pdf and
<name>-<page>.png. Needs LibreOffice and poppler-utils. Nothing is asserted: open the
pictures and read every page as the person who hands the file in would. `--only` renders
just the documents whose file name contains one of the given words (every spec is still
copied, so summaries find their plans).
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEST_SPECS = ROOT / "tests" / "specs"
PROFILES = ("school", "gbt9704")


def _specs() -> list[Path]:
    """Every 文种's demo specs and the test specs, in 文种 order (summaries link plans)."""
    from wenshu.generator import kinds
    from wenshu.generator.demo import demo_specs
    from wenshu.generator.yamlio import load_yaml

    order = {u.name: u.order for u in kinds.units()}
    specs = [*demo_specs(), *TEST_SPECS.glob("*.yaml")]
    return sorted(specs, key=lambda p: (order[load_yaml(p).data["文种"]], p.parent.name, p.name))


def build_all(out: Path, profile: str, only: list[str] | None = None) -> list[Path]:
    """Build every spec (those named with a word of `only`, if given) and the 校历 into
    `out`; returns the .docx files written."""
    from wenshu.generator.build import build
    from wenshu.generator.calendar import build_term_calendar, calendar_to_document
    from wenshu.generator.docx import write_docx

    out.mkdir(parents=True, exist_ok=True)
    written = []
    specs = _specs()  # parses every spec: once
    for spec in specs:
        target = out / spec.name
        shutil.copyfile(spec, target)
    for spec in specs:
        if only and not any(word in spec.name for word in only):
            continue
        result = build(out / spec.name, profile=profile, force=True)
        for note in result.notes:
            print(f"  {spec.name}: {note}")
        written.append(result.docx)
    if only and not any(word in "校历" for word in only):
        return written
    cal = build_term_calendar(2025, 1, dt.date(2025, 9, 1))
    written.append(
        write_docx(
            calendar_to_document(cal, unit="滨江实验学校"), out / "校历.docx", profile, force=True
        )
    )
    return written


def render(docx_path: Path, dpi: int) -> list[Path]:
    """PDF of `docx_path` beside it, and one PNG per page; returns the PNGs."""
    from wenshu.generator.pdf import convert_to_pdf

    pdf = convert_to_pdf(docx_path, force=True)
    for old in docx_path.parent.glob(f"{docx_path.stem}-*.png"):
        old.unlink()
    tool = shutil.which("pdftoppm")
    if not tool:
        sys.exit("pdftoppm 未安装（apt-get install poppler-utils）")
    subprocess.run(
        [tool, "-png", "-r", str(dpi), str(pdf), str(docx_path.with_suffix(""))], check=True
    )
    return sorted(docx_path.parent.glob(f"{docx_path.stem}-*.png"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", default="look", help="output folder (default: look)")
    parser.add_argument("--dpi", type=int, default=60, help="PNG resolution (default: 60)")
    parser.add_argument(
        "--profile", action="append", choices=PROFILES, help="profile(s) to build (default: both)"
    )
    parser.add_argument(
        "--only", action="append", help="only documents whose file name contains this word"
    )
    args = parser.parse_args()
    out = Path(args.output)
    start = time.perf_counter()
    for profile in args.profile or PROFILES:
        print(f"[{profile}]")
        for docx_path in build_all(out / profile, profile, args.only):
            pages = render(docx_path, args.dpi)
            print(
                f"  {docx_path.name}: {len(pages)} 页 → {docx_path.parent}/{docx_path.stem}-*.png"
            )
    print(f"done in {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
