"""Each built-in example (plan, duty list, summary) renders through LibreOffice with every
text of its document tree present in the PDF, in order."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from wenshu.generator.build import build
from wenshu.generator.demo import demo_specs


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("profile", ["school", "gbt9704"])
@pytest.mark.parametrize("spec", demo_specs(), ids=lambda p: p.stem)
def test_demo_renders_every_text_in_order(tmp_path, spec, profile):
    for tool in ("soffice", "pdftotext"):
        assert shutil.which(tool), (
            f"{tool} 未安装：测试需要 LibreOffice 和 poppler-utils（见 .ci/test.sh）"
        )
    for source in demo_specs():  # summaries link to the plan beside them
        shutil.copy(source, tmp_path / source.name)
    result = build(tmp_path / spec.name, profile=profile, pdf=True)
    text = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(result.pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    flat = _squeeze(text)
    pos = 0
    for piece in result.document.texts():
        # A long paragraph may be split by the page footer; check it by its start.
        needle = _squeeze(piece)[:24]
        if not needle:
            continue
        found = flat.find(needle, pos)
        assert found >= 0, f"{spec.name}: “{piece}” missing (or out of order) in the PDF"
        pos = found + len(needle)
