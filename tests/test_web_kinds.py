"""Every 文种 on the web page, in a real browser: created from its starter through the
home page, typed into, saved and built; each starter and demo opened with every key it
writes shown as a field; written-out tables (a 通知's 附件) grown and shrunk; long
titles broken in the preview where the Word file breaks them; the file pickers and the
template picker in Chinese words. Parametrised over the registered units, so a new 文种
is covered without touching this file. Screenshots go to test-output/web/<test>/.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from helpers_browser import Page, wait_for
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from wenshu.generator import kinds
from wenshu.generator.spec.schema import key_help, schema_data
from wenshu.generator.web.documents import _page_text
from wenshu.generator.web.editing import table_shapes
from wenshu.generator.yamlio import parse_yaml

KINDS = [unit.name for unit in kinds.units()]
DOCUMENTS = [(unit.name, path) for unit in kinds.units() for path in [unit.starter, *unit.demos]]


def _document_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def _xml_text(xml: str) -> str:
    return re.sub(r"<[^>]+>", "", xml)


def _summary(page: Page) -> str:
    return page.d.find_element(By.ID, "summary").text


def _new_document(page: Page, kind: str, name: str) -> str:
    page.open_home()
    Select(page.d.find_element(By.ID, "new-kind")).select_by_visible_text(kind)
    group = page.d.find_element(By.CSS_SELECTOR, f'.template-group[data-kind="{kind}"]')
    assert group.is_displayed() and f"{kind}（" in group.text
    assert group.find_element(By.CSS_SELECTOR, "input[type=radio]:checked")
    page.d.find_element(By.ID, "new-name").send_keys(name)
    page.click_text("新建并开始编写")
    wait_for(lambda: "/edit" in page.d.current_url, what="the editor")
    page.wait_preview(0)
    return f"{name}.yaml"


def _shown_required_field(page: Page, kind: str):
    """A required key whose starter text the preview shows (the title first), and its
    input."""
    preview = page.preview_text().replace("\n", "")
    required = schema_data(kind).get("required", [])
    for key in sorted(required, key=lambda k: k != "标题"):
        fields = page.d.find_elements(By.CSS_SELECTOR, f'.field[data-path="{key}"]')
        boxes = (
            fields[0].find_elements(By.CSS_SELECTOR, "input[type=text], textarea") if fields else []
        )
        value = boxes[0].get_attribute("value") if boxes else ""
        if value and value in preview:
            return key, boxes[0], value
    raise AssertionError(f"{kind}: no required field whose text the preview shows")


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_from_its_starter_typed_saved_built(page: Page, site, kind):
    rel = _new_document(page, kind, f"新建{kind}")
    assert "错误" not in _summary(page), _summary(page)
    page.shot("starter")
    key, box, value = _shown_required_field(page, kind)
    typed = f"{value}（网页测试）"
    page.type_into(box, typed)
    wait_for(lambda: typed in page.preview_text().replace("\n", ""), what=f"{key} in the preview")
    page.shot("typed")
    page.save()
    assert typed in (site.workspace / rel).read_text(encoding="utf-8")
    built = site.workspace / rel.replace(".yaml", ".docx")
    page.click_text("下载 Word")
    wait_for(built.is_file, timeout=60, what=f"{built.name} built")
    wait_for(lambda: "已生成" in page.toast(), what="the build message")
    assert typed in _xml_text(_document_xml(built))
    page.shot("built")


def _expected_paths(value, path: str, grids: set[str]):
    """Paths (as the page writes them) of every key and list item in a spec's data."""
    if isinstance(value, dict) and "引用" not in value:  # a corpus reference is one chip
        for key, sub in value.items():
            if key in ("文种", "模板目录") or key.startswith("_"):
                continue
            here = f"{path}.{key}" if path else key
            yield here
            if not (not path and key in grids):
                yield from _expected_paths(sub, here, grids)
    elif isinstance(value, list):
        for i, sub in enumerate(value, 1):
            if isinstance(sub, (dict, list)):
                yield f"{path}[{i}]"
                yield from _expected_paths(sub, f"{path}[{i}]", grids)


@pytest.mark.parametrize(
    "kind,spec", DOCUMENTS, ids=[f"{k}-{p.parent.name}-{p.stem}" for k, p in DOCUMENTS]
)
def test_every_key_of_starters_and_demos_is_a_field(page: Page, site, kind, spec):
    for unit in kinds.units():  # linked documents (计划) sit beside it, as users keep them
        for demo in unit.demos:
            shutil.copy(demo, site.workspace / demo.name)
    name = f"{kind}-{spec.stem}.yaml"
    shutil.copy(spec, site.workspace / name)
    page.open_editor(name)
    assert "错误" not in _summary(page), _summary(page)
    data = parse_yaml(spec.read_text(encoding="utf-8"), spec.name).data
    shown = page.d.execute_script(
        "return [[...document.querySelectorAll('#form [data-path]')].map(e => e.dataset.path),"
        " [...document.querySelectorAll('#form .grid-box, #form table.grid')].map(e => e.dataset.path)]"
    )
    paths, grid_paths = set(shown[0]), [p for p in shown[1] if p]
    missing = [
        p
        for p in _expected_paths(data, "", set(table_shapes(kind)))
        if p not in paths
        and not any(p.startswith(g + ".") or p.startswith(g + "[") for g in grid_paths)
    ]
    assert not missing, f"not editable on the page: {missing}"
    # Each field shows the help of its place: an 附件's 标题 is not the document's title.
    helps = key_help(kind)
    shown_help = page.d.execute_script(
        "return [...document.querySelectorAll('#form .field[data-path]')].map(e => [e.dataset.path,"
        " (e.querySelector(':scope > .field-head > .help') || {}).textContent || ''])"
    )
    wrong = [
        (path, text)
        for path, text in shown_help
        if text != _page_text(helps.at(re.sub(r"\[\d+\]", "", path).split(".")))
    ]
    assert not wrong, f"help not of the field's place: {wrong}"
    page.shot("opened")


def test_notice_attachment_title_has_the_attachments_help(page: Page, site):
    demo = next(p for k, p in DOCUMENTS if k == "通知" and p.parent.name == "demo")
    shutil.copy(demo, site.workspace / "通知.yaml")
    page.open_editor("通知.yaml")

    def help_of(path: str) -> str:
        return page.field(path).find_element(By.CSS_SELECTOR, ".field-head .help").text

    assert help_of("标题") == "文档标题；不写时由模板生成"
    assert help_of("附件[1].标题") == "附件的标题，如 公开课安排表"
    assert help_of("附件[1].表格") == "附件中的表格：表头 和 行"
    page.d.execute_script("arguments[0].scrollIntoView()", page.field("附件[1].标题"))
    page.shot("attachment-help")


def test_notice_attachment_tables_grow_and_shrink(page: Page, site):
    demo = next(p for k, p in DOCUMENTS if k == "通知" and p.parent.name == "demo")
    shutil.copy(demo, site.workspace / "通知.yaml")
    page.open_editor("通知.yaml")
    table = page.d.find_element(By.CSS_SELECTOR, 'table.grid.matrix[data-path="附件[2].表格"]')
    rows = len(table.find_elements(By.CSS_SELECTOR, "tbody tr"))
    box = table.find_element(By.XPATH, "../..")
    before = page.previews()
    page.click_text("＋ 添加一行", box)
    page.wait_preview(before)
    table = page.d.find_element(By.CSS_SELECTOR, 'table.grid.matrix[data-path="附件[2].表格"]')
    body = table.find_elements(By.CSS_SELECTOR, "tbody tr")
    assert len(body) == rows + 1
    page.type_into(body[-1].find_elements(By.TAG_NAME, "textarea")[0], "语文组")
    before = page.previews()
    page.click_text("＋ 添加一列", table.find_element(By.XPATH, "../.."))
    page.wait_preview(before)
    table = page.d.find_element(By.CSS_SELECTOR, 'table.grid.matrix[data-path="附件[2].表格"]')
    head = table.find_elements(By.CSS_SELECTOR, "thead textarea")
    page.type_into(head[-1], "联系电话")
    wait_for(lambda: "联系电话" in page.preview_text(), what="the new column in the preview")
    first = page.d.find_element(By.CSS_SELECTOR, 'tr[data-path="附件[2].表格.行[1]"]')
    before = page.previews()
    page.click_text("删除", first)
    page.wait_preview(before)
    assert "错误" not in _summary(page), _summary(page)
    page.shot("attachment-table")
    page.save()
    spec = parse_yaml((site.workspace / "通知.yaml").read_text(encoding="utf-8"), "通知.yaml").data
    table = spec["附件"][1]["表格"]
    assert table["表头"][-1] == "联系电话" and len(table["表头"]) == 6
    assert len(table["行"]) == rows and table["行"][-1][0] == "语文组"
    assert all(len(row) == 6 for row in table["行"])  # blank cells keep their places
    page.click_text("下载 Word")
    built = site.workspace / "通知.docx"
    wait_for(built.is_file, timeout=60, what="通知.docx")
    text = _xml_text(_document_xml(built))
    assert "联系电话" in text and "语文组" in text


def test_ledger_activity_added_with_its_record(page: Page, site):
    rel = _new_document(page, "教研组台帐", "台帐")
    acts = page.field("活动")
    count = len(acts.find_elements(By.CSS_SELECTOR, ":scope > .list > .item"))
    before = page.previews()
    page.click_text(
        "＋ 添加一项", acts.find_element(By.CSS_SELECTOR, ":scope > .list > .add-items")
    )
    page.wait_preview(before)
    new = f"活动[{count + 1}]"
    page.type_into(page.field(f"{new}.日期").find_element(By.TAG_NAME, "input"), "2025-10-15")
    page.type_into(page.field(f"{new}.主题").find_element(By.TAG_NAME, "input"), "作业设计交流")
    page.click_text("＋ 内容", page.d.find_element(By.CSS_SELECTOR, f'.item[data-path="{new}"]'))
    area = wait_for(lambda: page.field(f"{new}.内容").find_element(By.TAG_NAME, "textarea"))
    page.type_into(area, "各备课组交流分层作业的设计与批改。")
    wait_for(lambda: "分层作业" in page.preview_text(), what="the record in the preview")
    assert "错误" not in _summary(page), _summary(page)
    page.shot("activity")
    page.save()
    text = (site.workspace / rel).read_text(encoding="utf-8")
    assert "作业设计交流" in text and "分层作业" in text


# A 关于……的通知 too long for one line, and a plan title of unit, period and 文种.
LONG_TITLES = [
    ("通知", "关于组织开展2025年秋季学期青年教师课堂教学基本功展示评比活动的通知"),
    ("制度", "城南中学初中部教科室关于青年教师校本研修与课题研究管理制度"),
]


@pytest.mark.parametrize("kind,title", LONG_TITLES, ids=[k for k, _ in LONG_TITLES])
def test_preview_breaks_long_titles_where_the_word_file_does(page: Page, site, kind, title):
    rel = _new_document(page, kind, "长标题")
    page.type_into(page.field("标题").find_element(By.CSS_SELECTOR, "input, textarea"), title)
    heading = wait_for(
        lambda: next(
            h
            for h in page.d.find_elements(By.CSS_SELECTOR, "#preview h1.doc-title")
            if h.text.replace("\n", "") == title
        ),
        what="the title in the preview",
    )
    shown = heading.get_attribute("innerHTML").split("<br>")
    page.shot("title")
    page.save()
    page.click_text("下载 Word")
    built = site.workspace / rel.replace(".yaml", ".docx")
    wait_for(built.is_file, timeout=60, what=built.name)
    xml = _document_xml(built)
    paragraph = next(p for p in re.findall(r"<w:p[ >].*?</w:p>", xml) if _xml_text(p) == title)
    in_word = [_xml_text(part) for part in re.split(r"<w:br/>", paragraph)]
    assert len(in_word) == 2, in_word  # too long for one line: broken once
    assert shown == in_word


def test_file_pickers_speak_chinese_and_take_the_keyboard(page: Page, site, tmp_path):
    source = tmp_path / "旧计划.txt"
    source.write_text("城南中学教务处工作计划\n一、指导思想\n立足课堂。\n", encoding="utf-8")
    shutil.copy(
        next(p for k, p in DOCUMENTS if k == "工作计划" and p.parent.name == "demo"),
        site.workspace / "计划.yaml",
    )
    pickers = [("home", "import-file"), ("editor", "corpus-file")]
    for where, input_id in pickers:
        if where == "home":
            page.open_home()
        else:
            page.open_editor("计划.yaml")
            page.click_text("语料库")
        picker = page.d.find_element(By.ID, input_id).find_element(By.XPATH, "..")
        wait_for(picker.is_displayed, what=f"the {input_id} picker")
        assert picker.find_element(By.TAG_NAME, "label").text == "选择文件…"
        name = picker.find_element(By.CLASS_NAME, "file-name")
        assert name.text == "未选择文件"
        # The browser's own button ("Choose File") is out of sight, not out of reach.
        box = page.d.find_element(By.ID, input_id)
        assert box.size["width"] <= 1 and box.size["height"] <= 1
        page.d.execute_script("arguments[0].focus()", box)
        assert page.d.switch_to.active_element.get_attribute("id") == input_id
        label = picker.find_element(By.TAG_NAME, "label")
        # Focus reached from the keyboard draws a ring around the label.
        page.d.execute_script("arguments[0].blur()", box)
        previous = page.d.execute_script(
            "const all = [...document.querySelectorAll('a[href], button, input, select, textarea')]"
            "  .filter(e => !e.disabled && e.offsetParent !== null);"
            "return all[all.indexOf(arguments[0]) - 1] || all[all.indexOf(arguments[0]) + 1];",
            box,
        )
        page.d.execute_script("arguments[0].focus()", previous)
        page.d.switch_to.active_element.send_keys(Keys.TAB)
        if page.d.switch_to.active_element.get_attribute("id") == input_id:
            ring = page.d.execute_script(
                "return getComputedStyle(arguments[0]).outlineStyle", label
            )
            assert ring == "solid"
        page.upload(box, source)
        wait_for(lambda name=name: name.text == "旧计划.txt", what="the chosen file's name")
        page.shot(f"{where}-picker")
    # No page shows a file input the browser draws itself.
    for url in (site.entry, f"{site.base}/edit?path=%E8%AE%A1%E5%88%92.yaml"):
        page.d.get(url)
        wait_for(lambda: page.d.find_elements(By.CSS_SELECTOR, "input[type=file]"), what="inputs")
        sizes = page.d.execute_script(
            "return [...document.querySelectorAll('input[type=file]')]"
            ".map(e => [e.getBoundingClientRect().width, e.getBoundingClientRect().height])"
        )
        assert all(w <= 1 and h <= 1 for w, h in sizes), sizes


def test_template_picker_shows_department_and_description(page: Page):
    from wenshu.generator.template_list import audience
    from wenshu.generator.templating import TemplateLibrary

    page.open_home()
    library = TemplateLibrary([])
    for kind in KINDS:
        Select(page.d.find_element(By.ID, "new-kind")).select_by_visible_text(kind)
        shown = [
            g for g in page.d.find_elements(By.CSS_SELECTOR, ".template-group") if g.is_displayed()
        ]
        assert len(shown) == 1 and shown[0].get_attribute("data-kind") == kind
        options = shown[0].find_elements(By.CSS_SELECTOR, "label.template-option")
        templates = library.list(kind)
        assert len(options) == len(templates)
        for t in templates:
            option = next(
                o
                for o in options
                if o.find_element(By.CSS_SELECTOR, "input").get_attribute("value") == t.name
            )
            assert audience(t) in option.text and t.description in option.text
    Select(page.d.find_element(By.ID, "new-kind")).select_by_visible_text("工作计划")
    page.shot("templates")
    # Choosing 德育处 makes a 德育处 plan.
    option = page.d.find_element(
        By.CSS_SELECTOR, '.template-group[data-kind="工作计划"] input[value="德育处"]'
    )
    option.find_element(By.XPATH, "..").click()
    page.d.find_element(By.ID, "new-name").send_keys("德育计划")
    page.click_text("新建并开始编写")
    wait_for(lambda: "/edit" in page.d.current_url, what="the editor")
    page.wait_preview(0)
    assert "模板: 德育处" in (page.site.workspace / "德育计划.yaml").read_text(encoding="utf-8")


NOTICE_WITH_PARAGRAPHS = """\
文种: 通知
单位: 城南中学
部门: 教务处
标题: 关于调整作息时间的通知
主送: 各年级组
正文:
  - 自10月8日起，学校调整冬季作息时间。
  - 请各年级组通知到每位教师和学生。
落款: {日期: 2025-09-26}
"""


def test_notice_body_switches_between_paragraphs_and_numbered_items(page: Page, site):
    spec = site.workspace / "作息.yaml"
    spec.write_text(NOTICE_WITH_PARAGRAPHS, encoding="utf-8")
    page.open_editor("作息.yaml")
    body = page.field("正文")
    area = body.find_element(By.CSS_SELECTOR, "textarea.paragraphs")
    assert area.get_attribute("value") == (
        "自10月8日起，学校调整冬季作息时间。\n\n请各年级组通知到每位教师和学生。"
    )
    before = page.previews()
    page.click_text("改为分条（内容 + 条目）", body)
    page.wait_preview(before)
    lead = page.field("正文.内容").find_element(By.CSS_SELECTOR, "textarea")
    assert "调整冬季作息时间。\n\n请各年级组" in lead.get_attribute("value")
    item = page.d.find_element(By.CSS_SELECTOR, '.item[data-path="正文.条目[1]"]')
    page.type_into(item.find_element(By.CSS_SELECTOR, "input, textarea"), "上午第一节课8:00开始。")
    wait_for(lambda: "一、上午第一节课" in page.preview_text(), what="the numbered item")
    assert "错误" not in _summary(page), _summary(page)
    page.shot("numbered")
    page.save()
    data = parse_yaml(spec.read_text(encoding="utf-8"), spec.name).data
    assert data["正文"]["内容"] == [
        "自10月8日起，学校调整冬季作息时间。",
        "请各年级组通知到每位教师和学生。",
    ]
    assert "上午第一节课8:00开始。" in str(data["正文"]["条目"][0])

    # An item with a title and its text, then back to paragraphs: every text kept.
    page.click_text("＋ 添加一项", page.field("正文.条目"))
    wait_for(lambda: page.d.find_elements(By.CSS_SELECTOR, '.item[data-path="正文.条目[2]"]'))
    page.type_into(page.field("正文.条目[2].标题").find_element(By.TAG_NAME, "input"), "午休")
    page.type_into(
        page.field("正文.条目[2].内容").find_element(By.TAG_NAME, "textarea"), "延长十分钟。"
    )
    before = page.previews()
    page.click_text("改为几段文字（不分条）", page.field("正文"))
    page.wait_preview(before)
    area = page.field("正文").find_element(By.CSS_SELECTOR, "textarea.paragraphs")
    assert area.get_attribute("value").split("\n\n") == [
        "自10月8日起，学校调整冬季作息时间。",
        "请各年级组通知到每位教师和学生。",
        "上午第一节课8:00开始。",
        "午休：延长十分钟。",
    ]
    wait_for(lambda: "一、" not in page.preview_text(), what="the preview without numbers")
    assert "午休：延长十分钟。" in page.preview_text()
    page.shot("paragraphs")
    page.save()
    data = parse_yaml(spec.read_text(encoding="utf-8"), spec.name).data
    assert data["正文"][2:] == ["上午第一节课8:00开始。", "午休：延长十分钟。"]
