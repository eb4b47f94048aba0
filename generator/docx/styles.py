"""Styles, document defaults and settings of the generated Word file.

Styles are rebuilt in code from python-docx's default template: unused styles
are dropped and theme fonts removed, so Chinese text never falls back to the
template's Japanese theme font.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from lxml import etree

from .ooxml import PPR_ORDER, RPR_ORDER, el, indent, put, run_props, strip_theme_fonts
from .profiles import FontSpec, Profile

BODY = "Normal"
TITLE = "Title"
SUBTITLE = "Subtitle"
TABLE_TEXT = "TableText"
TABLE_CAPTION = "TableCaption"
TOC_TITLE = "TocTitle"
FOOTER = "Footer"
HEADING_LEVELS = 5
# Levels a table of contents lists (一、 and （一）).
TOC_LEVELS = 2


def toc_style_id(level: int) -> str:
    """Style id of the built-in table-of-contents style for entries of `level`."""
    return f"TOC{level}"


def heading_style_id(level: int) -> str:
    """Style id of the built-in heading style for `level` (1..5)."""
    return f"Heading{min(max(level, 1), HEADING_LEVELS)}"


# Built-in styles the writer uses or Word expects; every other style of the
# template is dropped to keep the style list short and free of theme fonts.
_KEEP = {
    BODY, TITLE, SUBTITLE, "Header", FOOTER, "DefaultParagraphFont", "TableNormal",
    "NoList", "TableGrid", *(heading_style_id(n) for n in range(1, HEADING_LEVELS + 1)),
    *(toc_style_id(n) for n in range(1, TOC_LEVELS + 1)),
}  # fmt: skip


def install_styles(document: DocxDocument, profile: Profile) -> None:
    """Set defaults, settings and all paragraph styles of `document` for `profile`."""
    styles_el = document.styles.element
    _prune_styles(styles_el)
    strip_theme_fonts(styles_el)
    _set_doc_defaults(styles_el, profile)
    _set_settings(document)
    _drop_styles_with_effects(document)

    body = profile.body
    spacing = profile.char_spacing or None
    _paragraph_style(
        styles_el, BODY, "Normal", None,
        ppr=_body_ppr(profile, first_chars=2, jc="both"),
        rpr=run_props(body, spacing=spacing),
    )  # fmt: skip
    for level in range(1, HEADING_LEVELS + 1):
        ppr = _body_ppr(profile, first_chars=2, jc="both")
        put(ppr, el("keepNext"), PPR_ORDER)
        put(ppr, el("outlineLvl", val=level - 1), PPR_ORDER)
        _paragraph_style(
            styles_el, heading_style_id(level), f"heading {level}", BODY,
            ppr=ppr, rpr=run_props(profile.heading(level), spacing=spacing),
        )  # fmt: skip
    for style_id, name, font in (
        (TITLE, "Title", profile.title),
        (SUBTITLE, "Subtitle", profile.subtitle),
    ):
        ppr = _body_ppr(profile, first_chars=0, jc="center")
        # Off the grid: a 二号 line would otherwise be pulled onto two grid lines.
        put(ppr, el("snapToGrid", val=0), PPR_ORDER)
        put(ppr, el("keepNext"), PPR_ORDER)
        _paragraph_style(styles_el, style_id, name, BODY, ppr=ppr, rpr=run_props(font, spacing=0))
    # Styles of our own carry Chinese names: that is what Word and WPS show in the
    # styles pane. Built-in styles keep their English names, which Word localises.
    _paragraph_style(
        styles_el, TABLE_TEXT, "表格文字", BODY,
        ppr=_compact_ppr(profile.table, jc="left"),
        rpr=run_props(profile.table, spacing=0), custom=True,
    )  # fmt: skip
    caption_ppr = _body_ppr(profile, first_chars=0, jc="center")
    put(caption_ppr, el("keepNext"), PPR_ORDER)
    _paragraph_style(
        styles_el, TABLE_CAPTION, "表格标题", BODY,
        ppr=caption_ppr, rpr=run_props(profile.caption, spacing=0), custom=True,
    )  # fmt: skip
    _toc_styles(styles_el, profile, spacing)
    for style_id, name in ((FOOTER, "footer"), ("Header", "header")):
        _paragraph_style(
            styles_el, style_id, name, BODY,
            ppr=_compact_ppr(profile.page_number, jc="left"),
            rpr=run_props(profile.page_number, spacing=0),
        )  # fmt: skip


def _toc_styles(styles_el: etree._Element, profile: Profile, spacing: int | None) -> None:
    """目录: its centred title and one entry style per level, page numbers flush right
    after a dot leader."""
    title_ppr = _body_ppr(profile, first_chars=0, jc="center")
    put(title_ppr, el("keepNext"), PPR_ORDER)
    _paragraph_style(
        styles_el, TOC_TITLE, "目录标题", BODY,
        ppr=title_ppr, rpr=run_props(profile.heading(1), spacing=0), custom=True,
    )  # fmt: skip
    right = round(profile.text_width_mm * 1440 / 25.4)
    for level in range(1, TOC_LEVELS + 1):
        ppr = _body_ppr(profile, first_chars=0, jc="left")
        tabs = el("tabs")
        tabs.append(el("tab", val="right", leader="dot", pos=right))
        put(ppr, tabs, PPR_ORDER)
        put(
            ppr,
            indent(first_chars=0, left_chars=2 * (level - 1), char_twips=profile.body.char_twips),
            PPR_ORDER,
        )
        _paragraph_style(
            styles_el, toc_style_id(level), f"toc {level}", BODY,
            ppr=ppr, rpr=run_props(profile.body, spacing=spacing),
        )  # fmt: skip


def _body_ppr(profile: Profile, *, first_chars: float, jc: str) -> etree._Element:
    ppr = el("pPr")
    # gbt9704 keeps widow control off: moving single lines would break its fixed
    # 22-lines-per-page grid (see Profile.widow_control).
    put(ppr, el("widowControl", val=int(profile.widow_control)), PPR_ORDER)
    put(
        ppr,
        el("spacing", before=0, after=0, line=profile.line_twips, lineRule="exact"),
        PPR_ORDER,
    )
    put(ppr, indent(first_chars=first_chars, char_twips=profile.body.char_twips), PPR_ORDER)
    put(ppr, el("jc", val=jc), PPR_ORDER)
    return ppr


def _compact_ppr(font: FontSpec, *, jc: str) -> etree._Element:
    ppr = el("pPr")
    put(ppr, el("widowControl", val=0), PPR_ORDER)
    put(ppr, el("snapToGrid", val=0), PPR_ORDER)
    put(ppr, el("spacing", before=0, after=0, line=240, lineRule="auto"), PPR_ORDER)
    put(ppr, indent(first_chars=0, char_twips=font.char_twips), PPR_ORDER)
    put(ppr, el("jc", val=jc), PPR_ORDER)
    return ppr


def _paragraph_style(
    styles_el: etree._Element,
    style_id: str,
    name: str,
    based_on: str | None,
    *,
    ppr: etree._Element,
    rpr: etree._Element,
    custom: bool = False,
) -> None:
    """Create or replace the paragraph style `style_id` with exactly `ppr` and `rpr`."""
    old = styles_el.find(f"{qn('w:style')}[@{qn('w:styleId')}='{style_id}']")
    style = el("style", type="paragraph", styleId=style_id)
    if style_id == BODY:
        style.set(qn("w:default"), "1")
    if custom:
        style.set(qn("w:customStyle"), "1")
    style.append(el("name", val=name))
    if based_on:
        style.append(el("basedOn", val=based_on))
    if style_id.startswith("Heading") or style_id in (TITLE, SUBTITLE, TOC_TITLE):
        style.append(el("next", val=BODY))
    style.append(el("qFormat"))
    style.append(ppr)
    style.append(rpr)
    if old is not None:
        old.addprevious(style)
        styles_el.remove(old)
    else:
        styles_el.append(style)


def _prune_styles(styles_el: etree._Element) -> None:
    style_tag, style_id, link_tag = qn("w:style"), qn("w:styleId"), qn("w:link")
    # Delete by index with no element objects held: lxml then frees each dropped
    # subtree at once instead of moving it into a document of its own (remove()).
    drop = [
        i
        for i, style in enumerate(styles_el)
        if style.tag == style_tag and style.get(style_id) not in _KEEP
    ]
    for i in reversed(drop):
        del styles_el[i]
    for style in styles_el.iterchildren(style_tag):
        # Links point at the dropped "… Char" styles.
        for link in style.findall(link_tag):
            style.remove(link)


def _set_doc_defaults(styles_el: etree._Element, profile: Profile) -> None:
    defaults = styles_el.find(qn("w:docDefaults"))
    if defaults is not None:
        styles_el.remove(defaults)
    defaults = el("docDefaults")
    rpr = run_props(profile.body)
    put(rpr, el("kern", val=0), RPR_ORDER)
    put(rpr, el("lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA"), RPR_ORDER)
    rpr_default = el("rPrDefault")
    rpr_default.append(rpr)
    ppr_default = el("pPrDefault")
    ppr = el("pPr")
    ppr.append(el("spacing", before=0, after=0, line=240, lineRule="auto"))
    ppr_default.append(ppr)
    defaults.append(rpr_default)
    defaults.append(ppr_default)
    styles_el.insert(0, defaults)


def _set_settings(document: DocxDocument) -> None:
    settings = document.settings
    # Odd pages: number on the right; even pages: on the left.
    settings.odd_and_even_pages_header_footer = True
    lang = settings.element.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:val"), "en-US")
        lang.set(qn("w:eastAsia"), "zh-CN")


def _drop_styles_with_effects(document: DocxDocument) -> None:
    # Word 2010's copy of the styles still carries the template's theme fonts.
    # Nothing in the document XML refers to it, so the relationship goes directly;
    # part.drop_rel() would first count r:id references with an XPath over the body.
    rels = document.part.rels
    for rid, rel in list(rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            rels.pop(rid)
