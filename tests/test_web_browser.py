"""The web page in a real browser: headless Chromium driving `wenshu serve`.

Every scenario the page is for, as a director would do it: start a plan from the
starter by typing, fix an error shown beside its field, paste rows from a spreadsheet,
insert a corpus section, read a 行事历 workbook, download the Word file, edit a
commented file without losing its comments, and not overwrite a file changed
elsewhere. Screenshots of each page go to test-output/web/<test>/.
"""

from __future__ import annotations

import time
from pathlib import Path

from helpers_browser import Page, wait_for
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

ROOT = Path(__file__).resolve().parent.parent
DEMO_PLAN = ROOT / "generator" / "kinds" / "plan" / "demo" / "教科室工作计划.yaml"


def _new_plan(page: Page, name: str) -> str:
    page.open_home()
    page.shot("home-empty")
    page.d.find_element(By.ID, "new-name").send_keys(name)
    page.click_text("新建并开始编写")
    wait_for(lambda: "/edit" in page.d.current_url, what="the editor")
    page.wait_preview(0)
    return f"{name}.yaml"


def test_create_plan_from_starter_by_typing(page: Page, site):
    rel = _new_plan(page, "秋季教务计划")
    unit = page.field("单位").find_element(By.TAG_NAME, "input")
    page.type_into(unit, "城北实验小学")
    wait_for(lambda: "城北实验小学" in page.preview_text(), what="the unit in the preview")
    page.type_into(page.field("部门").find_element(By.TAG_NAME, "input"), "教导处")
    wait_for(lambda: "城北实验小学教导处" in page.preview_text(), what="the title in the preview")
    assert page.d.find_element(By.ID, "save-state").text == "有未保存的修改"
    page.shot("editor-typed")
    page.save()
    text = (site.workspace / rel).read_text(encoding="utf-8")
    assert "单位: 城北实验小学" in text and "部门: 教导处" in text
    assert "# wenshu 工作计划输入文件（示例）" in text  # the starter's comments stay
    page.open_home()
    assert "城北实验小学教导处" in page.d.find_element(By.CLASS_NAME, "doc-list").text
    page.shot("home-listed")


def test_month_outside_term_is_shown_beside_its_cell_and_fixed(page: Page):
    _new_plan(page, "月份")
    before_html = page.d.find_element(By.ID, "preview").get_attribute("innerHTML")
    month = page.cell("行事历", 0, "月份")
    page.type_into(month, "3")
    message = wait_for(
        lambda: page.grid("行事历").find_element(By.XPATH, "../../div[@class='grid-msgs']").text,
        what="the error under the grid",
    )
    assert "第1行 月份" in message and "不包含3月" in message
    td = page.grid_rows("行事历")[0].find_element(By.CSS_SELECTOR, 'td[data-col="月份"]')
    assert "has-error" in td.get_attribute("class")
    assert "有错误" in page.d.find_element(By.ID, "preview-state").text
    assert "错误" in page.d.find_element(By.ID, "summary").text
    page.shot("month-error")
    page.type_into(page.cell("行事历", 0, "月份"), "11")
    wait_for(
        lambda: not page.d.find_elements(By.CSS_SELECTOR, "td.has-error"), what="the error gone"
    )
    html = page.d.find_element(By.ID, "preview").get_attribute("innerHTML")
    assert html != before_html and "11月" in page.preview_text()
    assert "stale" not in page.d.find_element(By.ID, "preview").get_attribute("class")
    page.shot("month-fixed")


def test_add_row_and_paste_three_rows(page: Page):
    _new_plan(page, "粘贴")
    rows_before = len(page.grid_rows("行事历"))
    page.click_text("＋ 添加一行", page.grid("行事历").find_element(By.XPATH, "../.."))
    wait_for(lambda: len(page.grid_rows("行事历")) == rows_before + 1, what="a new row")
    columns = page.grid_columns("行事历")
    lines = [
        {"月份": "11", "内容": "期中质量分析会", "负责人": "王老师", "周次": "10", "日期": ""},
        {"月份": "11", "内容": "青年教师汇报课", "负责人": "王老师", "周次": "12", "日期": ""},
        {"月份": "12", "内容": "课题中期交流", "负责人": "王老师", "周次": "15", "日期": ""},
    ]
    tsv = "\r\n".join("\t".join(line[c] for c in columns) for line in lines) + "\r\n"
    page.paste(page.cell("行事历", rows_before, columns[0]), tsv)
    wait_for(lambda: len(page.grid_rows("行事历")) == rows_before + 3, what="pasted rows")
    for line in lines:
        wait_for(lambda line=line: line["内容"] in page.preview_text(), what=line["内容"])
    assert page.cell("行事历", rows_before + 2, "内容").get_attribute("value") == "课题中期交流"
    page.shot("pasted")


def test_insert_corpus_section_as_reference_and_as_text(page: Page, site):
    rel = _new_plan(page, "语料")
    page.click_text("语料库")
    search = page.d.find_element(By.ID, "corpus-q")
    wait_for(lambda: search.is_displayed(), what="the corpus panel")
    area = page.field("指导思想").find_element(By.TAG_NAME, "textarea")
    area.click()
    search.send_keys("青年教师 培养", Keys.ENTER)
    hit = wait_for(
        lambda: page.d.find_elements(By.CSS_SELECTOR, "#corpus-results .hit"), what="hits"
    )[0]
    hit.click()
    detail = wait_for(lambda: page.d.find_element(By.ID, "corpus-detail"), what="the full text")
    wait_for(lambda: detail.is_displayed() and "插入引用" in detail.text, what="detail buttons")
    section_id = detail.find_element(By.CLASS_NAME, "detail-head").text.split()[-1]
    page.shot("corpus-detail")
    before = page.previews()
    page.click_text("插入引用（保持关联）", detail)
    page.wait_preview(before)
    chip = page.field("指导思想").find_element(By.CLASS_NAME, "ref-chip")
    assert section_id in chip.text
    page.shot("corpus-inserted")
    page.save()
    assert f"引用: {section_id}" in (site.workspace / rel).read_text(encoding="utf-8")
    # As text: the section's words go where the cursor is.
    area = page.field("主要工作").find_element(By.TAG_NAME, "textarea")
    area.click()
    before = page.previews()
    page.click_text("插入文字", detail)
    page.wait_preview(before)
    assert len(area.get_attribute("value")) > 20
    # The reference turned into text is filled as an insert is: no {{ 单位 }} left.
    before = page.previews()
    page.click_text("改为文字", page.field("指导思想"))
    page.wait_preview(before)
    text = page.field("指导思想").find_element(By.TAG_NAME, "textarea").get_attribute("value")
    assert len(text) > 20 and "{{" not in text, text
    assert not page.field("指导思想").find_elements(By.CLASS_NAME, "ref-chip")


def test_upload_xlsx_calendar_into_the_grid(page: Page, tmp_path):
    import openpyxl

    _new_plan(page, "表格")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "行事历"
    ws.append(["月份", "工作内容", "负责人", "周次"])
    ws.append([9, "开学工作检查", "李老师", 1])
    ws.append([None, "新教师汇报课", "李老师", 3])
    ws.append([10, "教学常规检查", "张老师", 7])
    ws.merge_cells("A2:A3")
    good = tmp_path / "行事历.xlsx"
    wb.save(good)
    box = page.grid("行事历").find_element(By.XPATH, "../..")
    page.upload(box.find_element(By.CSS_SELECTOR, "input[type=file]"), good)
    wait_for(lambda: len(page.grid_rows("行事历")) == 3, what="three rows from the workbook")
    assert page.cell("行事历", 1, "月份").get_attribute("value") == "9"  # merged cell repeated
    wait_for(lambda: "新教师汇报课" in page.preview_text(), what="the workbook's rows previewed")
    page.shot("xlsx-imported")
    ws["A4"] = "十三月"
    bad = tmp_path / "错误.xlsx"
    wb.save(bad)
    box = page.grid("行事历").find_element(By.XPATH, "../..")
    page.upload(box.find_element(By.CSS_SELECTOR, "input[type=file]"), bad)
    message = wait_for(lambda: "第4行" in page.toast() and page.toast(), what="the error message")
    assert "错误.xlsx" in message and "工作表“行事历”" in message and "月份（A列）" in message
    page.shot("xlsx-error")


def test_download_docx_and_read_it(page: Page, site, downloads):
    import docx

    (site.workspace / "教科室工作计划.yaml").write_text(
        DEMO_PLAN.read_text(encoding="utf-8"), encoding="utf-8"
    )
    page.open_editor("教科室工作计划.yaml")
    for old in downloads.glob("*"):
        old.unlink()
    page.click_text("下载 Word")
    path = wait_for(
        lambda: next((p for p in downloads.glob("*.docx")), None), timeout=30, what="the download"
    )
    wait_for(lambda: not list(downloads.glob("*.crdownload")), what="the download to finish")
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "城南中学教科室2025—2026学年第一学期工作计划" in text.replace("\n", "")
    assert (site.workspace / "教科室工作计划.docx").is_file()  # built beside the spec
    page.shot("downloaded")


COMMENTED = """\
# 本学期教研组工作计划（手工编写）
文种: 工作计划
单位: 城东中学   # 学校全称
部门: 语文教研组
学年: 2025-2026
学期: 第一学期
指导思想: |
  以课堂为主阵地，
  落实新课标要求。
工作目标:
  - 人人上好一节研讨课   # 目标一
主要工作:
  # 先写常规
  - 标题: 教学常规
    内容: 每周集体备课一次。
落款: {单位: 城东中学语文教研组, 日期: 2025-09-01}
"""


def test_commented_yaml_keeps_its_comments(page: Page, site):
    path = site.workspace / "手写计划.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    page.open_editor("手写计划.yaml")
    page.type_into(page.field("部门").find_element(By.TAG_NAME, "input"), "数学教研组")
    page.save()
    after = path.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(COMMENTED.splitlines(), after.splitlines()) if a != b]
    assert changed == [("部门: 语文教研组", "部门: 数学教研组")]
    assert len(after.splitlines()) == len(COMMENTED.splitlines())
    page.shot("commented")


def test_file_changed_on_disk_is_not_overwritten(page: Page, site):
    path = site.workspace / "手写计划.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    page.open_editor("手写计划.yaml")
    page.type_into(page.field("单位").find_element(By.TAG_NAME, "input"), "城西中学")
    elsewhere = COMMENTED.replace("每周集体备课一次。", "每两周集体备课一次。")
    path.write_text(elsewhere, encoding="utf-8")
    page.click_text("保存")
    notice = wait_for(
        lambda: page.d.find_element(By.CSS_SELECTOR, ".notice.conflict"), what="conflict"
    )
    assert "被其他程序修改过" in notice.text
    assert path.read_text(encoding="utf-8") == elsewhere
    page.shot("conflict")
    page.click_text("另存一份", notice)
    wait_for(
        lambda: "%EF%BC%88" in page.d.current_url or "（网页）" in page.d.current_url,
        what="the copy",
    )
    copy = site.workspace / "手写计划（网页）.yaml"
    assert "单位: 城西中学" in copy.read_text(encoding="utf-8")
    assert path.read_text(encoding="utf-8") == elsewhere


def test_home_import_rollover_summary_and_calendar(page: Page, site, tmp_path):
    import docx

    plan = DEMO_PLAN.read_text(encoding="utf-8").replace(
        "学期: 第一学期", "学期: 第一学期\n开学: 2025-09-01\n结束语: 延续2023年以来的做法。", 1
    )
    (site.workspace / "2025秋计划.yaml").write_text(plan, encoding="utf-8")
    old = docx.Document()
    old.add_paragraph("城南中学2024年秋季教务处工作计划")
    old.add_paragraph("一、指导思想")
    old.add_paragraph("坚持立德树人，提升教学质量。")
    old.add_paragraph("二、主要工作")
    old.add_paragraph("1.加强教学常规管理，每月检查教案。")
    old.add_paragraph("2.开展青年教师汇报课活动。")
    source = tmp_path / "旧计划.docx"
    old.save(str(source))

    page.open_home()
    page.shot("home")
    page.upload(page.d.find_element(By.ID, "import-file"), source)
    page.click_text("上传并转换")
    wait_for(lambda: "/edit" in page.d.current_url, what="the imported spec in the editor")
    page.wait_preview(0)
    notice = page.d.find_element(By.CSS_SELECTOR, "#notices .notice")
    assert "已从旧文件转换" in notice.text
    page.shot("imported")

    page.open_home()
    from selenium.webdriver.support.ui import Select

    Select(page.d.find_element(By.ID, "roll-plan")).select_by_value("2025秋计划.yaml")
    page.d.find_element(By.ID, "roll-to").send_keys("2026-2027")
    page.click_text("生成新学期的计划")
    wait_for(lambda: "/edit" in page.d.current_url, what="the rolled-over plan")
    page.wait_preview(0)
    checklist = page.d.find_element(By.CSS_SELECTOR, "#notices .checklist")
    assert checklist.find_elements(By.CSS_SELECTOR, "input[type=checkbox]")
    assert "2026—2027学年" in page.preview_text()
    page.shot("rollover")

    page.open_home()
    Select(page.d.find_element(By.ID, "sum-plan")).select_by_value("2025秋计划.yaml")
    page.click_text("生成总结框架")
    wait_for(lambda: "/edit" in page.d.current_url, what="the summary scaffold")
    page.wait_preview(0)
    assert page.d.find_elements(By.CSS_SELECTOR, '.field[data-path="目标完成"]')
    page.shot("summary")

    from urllib.parse import quote

    page.d.get(f"{site.base}/calendar?path={quote('2025秋计划.yaml')}")
    table = wait_for(
        lambda: (
            page.d.find_element(By.ID, "cal-table").is_displayed()
            and page.d.find_element(By.ID, "cal-table")
        ),
        what="weeks",
    )
    text = table.text
    assert "第1周" in text and "国庆节" in text and "师徒结对仪式" in text
    time.sleep(0.2)
    page.shot("calendar")


def test_work_tree_items_indent_outdent_and_move(page: Page, site):
    rel = _new_plan(page, "树")
    work = page.field("主要工作")

    def top_titles():
        items = page.field("主要工作").find_elements(By.CSS_SELECTOR, ":scope > .list > .item")
        return [i.find_element(By.CSS_SELECTOR, "input").get_attribute("value") for i in items]

    first, second = top_titles()[:2]
    item2 = work.find_element(By.CSS_SELECTOR, ':scope > .list > .item[data-path="主要工作[2]"]')
    before = page.previews()
    page.click_text("降级", item2)
    page.wait_preview(before)
    assert top_titles() == [first]
    assert f"3.{second}" in page.preview_text()  # now the third item under the first
    inner = page.d.find_element(By.CSS_SELECTOR, '.item[data-path="主要工作[1].条目[3]"]')
    before = page.previews()
    page.click_text("升级", inner)
    page.wait_preview(before)
    assert top_titles() == [first, second]
    item2 = page.d.find_element(By.CSS_SELECTOR, '.item[data-path="主要工作[2]"]')
    before = page.previews()
    page.click_text("上移", item2)
    page.wait_preview(before)
    assert top_titles() == [second, first]
    assert page.preview_text().index(second) < page.preview_text().index(first)
    page.shot("tree")
    page.save()
    text = (site.workspace / rel).read_text(encoding="utf-8")
    assert text.index(second) < text.index(first)
