"""Forms of a 教研组台帐 that run over several pages, as LibreOffice lays them out (read
back with pdftotext -bbox): a member's 工作实绩 stays on one page with their name beside
it, or goes on under “姓名（续）”; a 活动内容 too long for a page goes on between two
paragraphs under “活动内容（续）”, never inside a row.

These tests need soffice and pdftotext; they fail (never skip) when either is missing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers_docx import NS, write_spec
from helpers_layout import GTable, tables_of
from helpers_ledger import ledger
from helpers_pdf import pdf_words

from wenshu.generator.build import build
from wenshu.generator.docx.rowgroups import CONTINUED, page_runs

PT_PER_MM = 72 / 25.4
LEFT_PT = 28 * PT_PER_MM
TABLE_LINE_MAX_PT = 17.0
_SURNAMES = "王李张刘陈杨赵黄周吴"
_GIVEN = "芳明静华丽强军敏杰涛"
NAMES = [s + g for s in _SURNAMES for g in _GIVEN][:40]
BUSY = NAMES[7]  # has more items than a page holds
ITEMS = {name: 40 if name == BUSY else 6 for name in NAMES}
KINDS = ["公开课", "论文", "获奖", "辅导学生", "课题"]
PARAGRAPHS = 30


def _item(name: str, k: int) -> dict:
    long = "，在区级研讨活动中交流" if k % 3 == 0 else ""
    return {"类别": KINDS[k % 5], "内容": f"{name}成果{k + 1}{long}", "级别": "校级"}


def _paragraph(n: int) -> str:
    return f"第{n}段。" + "老师们围绕作文讲评的重点交流了各自的做法和体会。" * 3 + f"段末{n}"


@pytest.fixture(scope="module")
def big_ledger(tmp_path_factory):
    """A 台帐 of 40 members, one of them with 40 items, and an activity whose 活动内容
    runs over several pages; built with its PDF."""
    from wenshu.generator.pdf import find_soffice

    find_soffice()
    folder = tmp_path_factory.mktemp("form-pages")
    data = ledger(
        成员=[{"姓名": n, "任教": "初一语文"} for n in NAMES],
        组长=NAMES[0],
        活动=[
            {
                "日期": "2025-10-14",
                "主题": "作文讲评课研讨",
                "参加": NAMES[:10],
                "内容": [_paragraph(n) for n in range(1, PARAGRAPHS + 1)],
            }
        ],
        工作实绩=[{"姓名": n, "项目": [_item(n, k) for k in range(ITEMS[n])]} for n in NAMES],
    )
    spec = write_spec(folder / "台帐.yaml", data)
    return build(spec, profile="school", pdf=True, force=True)


def _column_lines(pdf: Path, table: GTable, cols: range) -> list[tuple[int, str]]:
    """(page, text) of each laid-out line of table text within grid columns `cols`."""
    x0 = LEFT_PT + sum(table.widths[: cols.start]) / 20
    x1 = LEFT_PT + sum(table.widths[: cols.stop]) / 20
    rows: dict[tuple[int, int], list] = {}
    for w in pdf_words(pdf):
        if w.height <= TABLE_LINE_MAX_PT and x0 < (w.x_min + w.x_max) / 2 < x1:
            rows.setdefault((w.page, round(w.y_min)), []).append(w)
    return [
        (page, "".join(w.text for w in sorted(words, key=lambda w: w.x_min)))
        for (page, _), words in sorted(rows.items())
    ]


def _form(result, first_header: str) -> GTable:
    return next(t for t in tables_of(result.docx) if t.header[0].text == first_header)


def test_a_members_items_stay_beside_their_name_on_every_page(big_ledger):
    table = _form(big_ledger, "姓名")
    contents = _column_lines(big_ledger.pdf, table, range(2, 3))
    names = _column_lines(big_ledger.pdf, table, range(0, 1))
    pages_of: dict[str, set[int]] = {}
    for page, text in contents:
        for name in re.findall(r"(\w\w)成果\d+", text):
            pages_of.setdefault(name, set()).add(page)
    assert set(pages_of) == set(NAMES)
    labels: dict[int, str] = {}
    for page, text in names:
        labels[page] = labels.get(page, "") + text
    for name, pages in pages_of.items():
        for page in pages:
            assert name in labels[page], f"第{page}页上{name}的工作实绩旁没有姓名"
        if name != BUSY:  # six items: kept on one page
            assert len(pages) == 1, (name, pages)
    # The member with more items than a page holds goes on under their name, marked.
    assert len(pages_of[BUSY]) >= 2
    for page in sorted(pages_of[BUSY])[1:]:
        assert f"{BUSY}{CONTINUED}" in labels[page], labels[page]
    # Every row is kept whole: each item's category and date stand on its page.
    trs = [tr for tr in table.row_props[1:]]
    assert all(tr.find("w:cantSplit", NS) is not None for tr in trs)


def test_a_long_activity_goes_on_between_paragraphs_under_its_label(big_ledger):
    table = next(
        t
        for t in tables_of(big_ledger.docx)
        if t.header[0].text == "活动时间" and any("第1段" in c.text for r in t.rows for c in r)
    )
    text = _column_lines(big_ledger.pdf, table, range(1, len(table.widths)))
    labels = _column_lines(big_ledger.pdf, table, range(0, 1))
    starts = {int(m): page for page, line in text for m in re.findall(r"第(\d+)段", line)}
    ends = {int(m): page for page, line in text for m in re.findall(r"段末(\d+)", line)}
    assert sorted(starts) == sorted(ends) == list(range(1, PARAGRAPHS + 1))
    # No paragraph is cut by a page break: rows break between paragraphs.
    assert starts == ends
    pages = sorted(set(starts.values()))
    assert len(pages) >= 3
    for page in pages:
        label = "".join(t for p, t in labels if p == page)
        want = "活动内容" if page == pages[0] else f"活动内容{CONTINUED}"
        assert want in label, f"第{page}页的活动内容旁没有“{want}”（{label}）"
    # The paragraphs read in order.
    assert [starts[n] for n in range(1, PARAGRAPHS + 1)] == sorted(starts.values())


def test_page_runs_keep_groups_whole_and_carry_over_only_what_a_page_cannot_hold():
    heights = [2, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]
    groups = [(0, 1), (1, 2), (2, 3), (3, 14), (14, 15)]
    runs = page_runs(groups, heights, first=6, limit=8)
    # 2+3 fit the first page, the next 3 starts the second; the group of 11 fills the
    # 5 left there and then a page of 6; the last group fits after it.
    assert runs == [(0, 1), (1, 2), (2, 3), (3, 8), (8, 14), (14, 15)]
    # A row taller than a page stands alone; what follows starts a new page.
    assert page_runs([(0, 1), (1, 3)], [12, 4, 4], first=6, limit=8) == [(0, 1), (1, 3)]


def test_a_member_table_longer_than_a_page_fills_its_last_page_with_writing_rows(big_ledger):
    table = _form(big_ledger, "序号")
    blank = [row for row in table.rows if not any(c.text for c in row)]
    assert len(table.rows) - len(blank) == len(NAMES)
    header = "".join(c.text for c in table.header)
    rows: dict[tuple[int, int], str] = {}
    for w in pdf_words(big_ledger.pdf):
        rows[w.page, round(w.y_min)] = rows.get((w.page, round(w.y_min)), "") + w.text
    pages = sorted({page for (page, _), text in rows.items() if text == header})
    assert len(pages) >= 2
    # Not a header over a row or two on a page of its own: the blank rows fill it.
    assert len(blank) >= 8, len(blank)
    # ... and the form still ends there: the next form's title is on the next page.
    titles = [p for (p, _), text in rows.items() if text == "教研组工作计划"]
    assert min(titles) == pages[-1] + 1, (pages, titles)
