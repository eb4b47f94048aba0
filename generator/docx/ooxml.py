"""Low-level WordprocessingML helpers: lxml elements for styles and page setup, XML text
for the document body."""

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


# ---- XML text of body content ---------------------------------------------------------
#
# The body is written as WordprocessingML text and parsed once per document: much
# cheaper than python-docx's per-element proxies and schema-ordered inserts. Each
# helper produces exactly the elements python-docx would (Run.text, Paragraph
# alignment, …), so the saved XML is the same.

W_NSDECL = f'xmlns:w="{_W_NS}"'
HINT_FONTS = '<w:rFonts w:hint="eastAsia"/>'
BOLD = "<w:b/>"
_RUN_BREAKS = re.compile("([\t\n])")


def esc(text: str) -> str:
    """`text` escaped for XML element content or a double-quoted attribute."""
    if "&" in text or "<" in text or ">" in text or '"' in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        text = text.replace('"', "&quot;")
    return text


def _t_xml(text: str) -> str:
    # python-docx preserves space when str.strip() would remove anything.
    if len(text.strip()) < len(text):
        return f'<w:t xml:space="preserve">{esc(text)}</w:t>'
    return f"<w:t>{esc(text)}</w:t>"


def run_content_xml(text: str) -> str:
    """Run content for cleaned `text`: w:t pieces, w:tab for tabs, w:br for newlines."""
    if not text:
        return ""
    if "\t" not in text and "\n" not in text:
        return _t_xml(text)
    out = []
    for piece in _RUN_BREAKS.split(text):
        if piece == "\t":
            out.append("<w:tab/>")
        elif piece == "\n":
            out.append("<w:br/>")
        elif piece:
            out.append(_t_xml(piece))
    return "".join(out)


def run_xml(props: str, text: str) -> str:
    """A w:r with rPr children `props` (may be empty) holding cleaned `text`."""
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f"<w:r>{rpr}{run_content_xml(text)}</w:r>"


def text_run_xml(text: str, *, bold: bool = False) -> str:
    """A run of `text` (cleaned), bold when `bold`; CJK runs get the eastAsia hint."""
    text = clean_text(text)
    props = HINT_FONTS if has_cjk(text) else ""
    if bold:
        props += BOLD
    return run_xml(props, text)


def font_props_xml(
    font: FontSpec, bold: bool, *, color: str | None = None, spacing: int | None = None
) -> str:
    """rPr children giving a run `font` in all four slots, bold on or off (hinted), and
    when given a `color` (RRGGBB) and a character `spacing` (twentieths of a point)."""
    latin, east = esc(font.latin), esc(font.east_asia)
    b = int(bold)
    return (
        f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east}" w:cs="{latin}"'
        f' w:hint="eastAsia"/><w:b w:val="{b}"/><w:bCs w:val="{b}"/>'
        + (f'<w:color w:val="{color}"/>' if color else "")
        + (f'<w:spacing w:val="{spacing}"/>' if spacing is not None else "")
        + f'<w:sz w:val="{font.half_points}"/><w:szCs w:val="{font.half_points}"/>'
    )


def indent_xml(
    *, first_chars: float | None = None, right_chars: float | None = None, char_twips: int
) -> str:
    """The w:ind of `indent` (first line and right only) as XML text."""
    chars = {
        name: value
        for name, value in (("firstLine", first_chars), ("right", right_chars))
        if value is not None
    }
    return ind_xml(char_twips, **chars) if chars else "<w:ind/>"


def ind_xml(char_twips: int, **chars: float) -> str:
    """w:ind in characters of `char_twips` (left, right, hanging, firstLine), with the
    same distances in twips for readers that ignore the character form."""
    attrs = []
    for name, value in chars.items():
        attrs.append(f'w:{name}="{round(value * char_twips)}"')
        attrs.append(f'w:{name}Chars="{round(value * 100)}"')
    return f"<w:ind {' '.join(attrs)}/>"


def exact_spacing(line: int, before: int = 0, after: int = 0) -> str:
    """w:spacing with an exact line height of `line` twips and space `before`/`after`."""
    return f'<w:spacing w:before="{before}" w:after="{after}" w:line="{line}" w:lineRule="exact"/>'


def paragraph_xml(
    style_id: str,
    runs: str = "",
    *,
    page_break: bool = False,
    ind: str = "",
    jc: str = "",
    keep_next: bool | None = None,
    spacing: str = "",
) -> str:
    """A w:p in `style_id`; pPr children in schema order (pStyle, keepNext,
    pageBreakBefore, then `spacing`: w:snapToGrid and/or w:spacing XML, ind, jc).
    `keep_next` None leaves keep-with-next to the style."""
    keep = "" if keep_next is None else f'<w:keepNext w:val="{int(keep_next)}"/>'
    brk = "<w:pageBreakBefore/>" if page_break else ""
    align = f'<w:jc w:val="{jc}"/>' if jc else ""
    return (
        f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{keep}{brk}{spacing}{ind}{align}</w:pPr>'
        f"{runs}</w:p>"
    )


def parse_body_xml(content: str) -> etree._Element:
    """Parse body content XML into a detached w:body holding it."""
    return etree.fromstring(f"<w:body {W_NSDECL}>{content}</w:body>", oxml_parser)
