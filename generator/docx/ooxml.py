"""Low-level WordprocessingML helpers the python-docx API does not cover."""

from __future__ import annotations

import re
import unicodedata

from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import oxml_parser
from lxml import etree

from .profiles import FontSpec

# Child order of w:pPr, w:rPr, w:tblPr and w:trPr per the OOXML schema; Word
# rejects files whose children are out of order.
PPR_ORDER = [
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
    "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
    "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
    "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
    "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
    "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
    "sectPr", "pPrChange",
]  # fmt: skip
RPR_ORDER = [
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike",
    "dstrike", "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid",
    "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs",
    "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
    "em", "lang", "eastAsianLayout", "specVanish", "oMath",
]  # fmt: skip
TBLPR_ORDER = [
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
    "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders",
    "shd", "tblLayout", "tblCellMar", "tblLook",
]  # fmt: skip
TRPR_ORDER = [
    "cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit",
    "trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden",
]  # fmt: skip

THEME_FONT_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")

# Characters XML 1.0 forbids: C0 controls other than tab/newline/CR, lone
# surrogates and the two non-characters U+FFFE/U+FFFF.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_CJK = re.compile(
    "[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f]"
)


def clean_text(text: str) -> str:
    """Drop characters XML 1.0 cannot hold; turn CR/CRLF into newlines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _XML_FORBIDDEN.sub("", text)


def has_cjk(text: str) -> bool:
    """True when `text` holds a CJK ideograph or full-width punctuation."""
    return bool(_CJK.search(text))


def text_width_chars(text: str) -> float:
    """Width of `text` in full-width characters (half-width counts 0.5).

    Ambiguous characters (— “ ” …) count as full width: the eastAsia hint draws
    them from the Chinese font.
    """
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WFA" else 0.5 for ch in text)


_W_NS = nsmap["w"]
_W_NSMAP = {"w": _W_NS}


def el(tag: str, **attrs: str | int) -> etree._Element:
    """A new `w:` element with `w:`-prefixed attributes."""
    # Same as python-docx's OxmlElement, minus its slow tag parsing on every call.
    return oxml_parser.makeelement(
        f"{{{_W_NS}}}{tag}",
        attrib={f"{{{_W_NS}}}{k}": str(v) for k, v in attrs.items()},
        nsmap=_W_NSMAP,
    )


def put(parent: etree._Element, child: etree._Element, order: list[str]) -> etree._Element:
    """Insert `child` into `parent` at its schema position, replacing a same-named one."""
    local = etree.QName(child).localname
    for old in parent.findall(qn(f"w:{local}")):
        parent.remove(old)
    rank = order.index(local)
    for i, sibling in enumerate(parent):
        sib_local = etree.QName(sibling).localname
        if sib_local in order and order.index(sib_local) > rank:
            parent.insert(i, child)
            return child
    parent.append(child)
    return child


def fonts_element(font: FontSpec, hint: bool = True) -> etree._Element:
    """w:rFonts filling all four slots: Latin in ascii/hAnsi/cs, Chinese in eastAsia."""
    attrs = {"ascii": font.latin, "hAnsi": font.latin, "eastAsia": font.east_asia, "cs": font.latin}
    if hint:
        attrs["hint"] = "eastAsia"
    return el("rFonts", **attrs)


def run_props(font: FontSpec, *, bold: bool | None = None, spacing: int | None = None):
    """A complete w:rPr for `font`; `bold` None means the font's own boldness."""
    rpr = el("rPr")
    rpr.append(fonts_element(font))
    is_bold = font.bold if bold is None else bold
    rpr.append(el("b", val=int(is_bold)))
    rpr.append(el("bCs", val=int(is_bold)))
    if spacing is not None:
        rpr.append(el("spacing", val=spacing))
    rpr.append(el("sz", val=font.half_points))
    rpr.append(el("szCs", val=font.half_points))
    return rpr


def apply_font_to_run(r_el: etree._Element, font: FontSpec, bold: bool) -> None:
    """Give a run element `font` in all four slots and set bold on or off."""
    rpr = r_el.get_or_add_rPr()
    put(rpr, fonts_element(font), RPR_ORDER)
    put(rpr, el("b", val=int(bold)), RPR_ORDER)
    put(rpr, el("bCs", val=int(bold)), RPR_ORDER)
    put(rpr, el("sz", val=font.half_points), RPR_ORDER)
    put(rpr, el("szCs", val=font.half_points), RPR_ORDER)


def mark_east_asian(r_el: etree._Element) -> None:
    """Add w:hint="eastAsia" so shared characters (“” … —) use the Chinese font."""
    rpr = r_el.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = put(rpr, el("rFonts"), RPR_ORDER)
    fonts.set(qn("w:hint"), "eastAsia")


def indent(
    *,
    first_chars: float | None = None,
    right_chars: float | None = None,
    left_chars: float | None = None,
    char_twips: int,
) -> etree._Element:
    """w:ind in characters (…Chars) with the same distance in twips beside it.

    Readers that ignore the character form (LibreOffice before 24.x) use the twips.
    """
    attrs: dict[str, int] = {}
    for name, chars in (("firstLine", first_chars), ("right", right_chars), ("left", left_chars)):
        if chars is None:
            continue
        attrs[name] = round(chars * char_twips)
        attrs[f"{name}Chars"] = round(chars * 100)
    return el("ind", **attrs)


def strip_theme_fonts(root: etree._Element) -> None:
    """Remove theme font references so no style falls back to the theme's (Japanese) fonts."""
    for fonts in root.iter(qn("w:rFonts")):
        for attr in THEME_FONT_ATTRS:
            fonts.attrib.pop(qn(f"w:{attr}"), None)
        if not len(fonts.attrib):
            fonts.getparent().remove(fonts)


def set_paragraph_style(p_el: etree._Element, style_id: str) -> None:
    """Point a w:p at the paragraph style `style_id` (no name lookup)."""
    put(p_el.get_or_add_pPr(), el("pStyle", val=style_id), PPR_ORDER)


def add_text(paragraph, text: str):
    """Append a run with cleaned `text`; CJK runs get the eastAsia hint."""
    text = clean_text(text)
    run = paragraph.add_run(text)
    if has_cjk(text):
        mark_east_asian(run._r)
    return run
