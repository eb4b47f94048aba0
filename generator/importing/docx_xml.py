"""Small helpers for reading WordprocessingML with lxml: namespaces, a parser that never
resolves entities or fetches anything, and attribute/child look-ups."""

from __future__ import annotations

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def parse_xml(data: bytes):
    """The root element of an XML part (no DTDs, entities or network; huge trees refused)."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, recover=False
    )
    return etree.fromstring(data, parser)


def attr(el, name: str) -> str | None:
    """A w: attribute of `el` (None when absent)."""
    return el.get(f"{W}{name}")


def child(el, name: str):
    """The first w:`name` child of `el`, or None."""
    return el.find(f"{W}{name}")


def local(el) -> str:
    """The tag of `el` without its namespace ("" for comments and processing instructions)."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]
