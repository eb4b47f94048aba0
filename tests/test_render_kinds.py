"""Each built-in example (plan, duty list, summary) renders through LibreOffice with every
text of its document tree present in the PDF, in order."""

from __future__ import annotations

import shutil

import pytest
from helpers_pdf import first_missing, pdf_text

from wenshu.generator.build import build
from wenshu.generator.demo import demo_specs


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
    # A long paragraph may be split by the page footer; each is checked by its start.
    missing = first_missing(pdf_text(result.pdf), result.document.texts(), prefix=24)
    assert missing is None, f"{spec.name}: “{missing}” missing (or out of order) in the PDF"
