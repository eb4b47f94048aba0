"""Each built-in example (every demo of every 文种) renders through LibreOffice with every
text of its document tree present in the PDF, in order."""

from __future__ import annotations

import shutil

import pytest
from helpers_pdf import first_missing, pdf_text

from wenshu.generator.demo import demo_specs


@pytest.mark.parametrize("profile", ["school", "gbt9704"])
@pytest.mark.parametrize("spec", demo_specs(), ids=lambda p: p.stem)
def test_demo_renders_every_text_in_order(rendered_builds, spec, profile):
    for tool in ("soffice", "pdftotext"):
        assert shutil.which(tool), (
            f"{tool} 未安装：测试需要 LibreOffice 和 poppler-utils（见 .ci/test.sh）"
        )
    # Built once per session beside the other demos (summaries link to their plans).
    result = rendered_builds(profile)[spec.stem]
    # A long paragraph may be split by the page footer; each is checked by its start.
    missing = first_missing(pdf_text(result.pdf), result.document.texts(), prefix=24)
    assert missing is None, f"{spec.name}: “{missing}” missing (or out of order) in the PDF"
