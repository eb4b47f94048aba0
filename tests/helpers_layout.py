"""Reading layout facts back from a built .docx: table geometry, alignment, styles; and
building the demo and the realistic test specs (tests/specs) into a folder."""

from __future__ import annotations

import re
import shutil
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from helpers_docx import NS, document_xml, q
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
SPECS_DIR = Path(__file__).resolve().parent / "specs"


def spec_sources() -> list[Path]:
    """The demo specs and the realistic test specs, in 文种 order (summaries link plans)."""
    from wenshu.generator import kinds
    from wenshu.generator.demo import demo_specs
    from wenshu.generator.yamlio import load_yaml

    order = {u.name: u.order for u in kinds.units()}
    specs = [*demo_specs(), *SPECS_DIR.glob("*.yaml")]
    return sorted(specs, key=lambda p: (order[load_yaml(p).data["文种"]], p.name))


def template_of(spec: Path) -> tuple[str, str]:
    """(文种, 模板) a spec is built with (the 文种's default when it names none)."""
    from wenshu.generator import kinds
    from wenshu.generator.yamlio import load_yaml

    data = load_yaml(spec).data
    return data["文种"], data.get("模板") or kinds.get(data["文种"]).default_template


def library() -> list[tuple[str, str]]:
    """(文种, 名称) of every built-in template."""
    from wenshu.generator.templating import TemplateLibrary

    return [(t.kind, t.name) for t in TemplateLibrary().list() if t.builtin]


def base_spec(kind: str) -> Path:
    """The fullest input of a 文种: its realistic test spec, else its first demo."""
    from wenshu.generator import kinds
    from wenshu.generator.yamlio import load_yaml

    for spec in sorted(SPECS_DIR.glob("*.yaml")):
        if load_yaml(spec).data["文种"] == kind:
            return spec
    return kinds.get(kind).demos[0]


def template_variants(folder: Path, every: bool = True) -> list[Path]:
    """For each built-in template (with `every` False: each one no demo or test spec
    uses), the fullest input of its 文种 set to that template, written into `folder`
    as 模板-<文种>-<名称>.yaml (beside the specs it links). No 目录, so building it
    needs no LibreOffice."""
    from ruamel.yaml import YAML

    used = set() if every else {template_of(p) for p in spec_sources()}
    yaml = YAML()
    out = []
    for kind, name in library():
        if (kind, name) in used:
            continue
        data = yaml.load(base_spec(kind).read_text(encoding="utf-8"))
        data["模板"] = name
        data.pop("目录", None)
        target = folder / f"模板-{kind}-{name}.yaml"
        with target.open("w", encoding="utf-8") as f:
            yaml.dump(data, f)
        out.append(target)
    return out


def build_all(
    folder: Path, profile: str, pdf: bool = False, variants: str | None = None
) -> dict[str, object]:
    """Copy every spec into `folder` and build it; name (stem) → BuildResult. With
    `variants` "all" (or "missing"), also every built-in template (not used by a spec)
    on the fullest input of its 文种 (see template_variants)."""
    from wenshu.generator.build import build

    folder.mkdir(parents=True, exist_ok=True)
    for spec in spec_sources():
        shutil.copyfile(spec, folder / spec.name)
    specs = [folder / spec.name for spec in spec_sources()]
    if variants:
        specs += template_variants(folder, every=variants == "all")
    return {spec.stem: build(spec, profile=profile, pdf=pdf, force=True) for spec in specs}


def em(text: str) -> float:
    """Width in em at the text's own size: CJK (wide, full-width, ambiguous) 1, others ½."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WFA" else 0.5 for ch in text)


@dataclass
class GCell:
    """A table cell: its paragraphs' texts and alignments, and its right margin override."""

    lines: list[str]
    jcs: list[str]
    merged: bool = False  # continues the cell above
    right_margin: int | None = None
    span: int = 1  # grid columns the cell covers (w:gridSpan)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass
class GTable:
    """A table as written: column widths and cell margins (twips), header, body rows."""

    widths: list[int]
    margin_left: int
    margin_right: int
    style: str
    props: str  # tblPr without the width and margins, to compare tables
    header: list[GCell]
    rows: list[list[GCell]] = field(default_factory=list)
    row_props: list[etree._Element] = field(default_factory=list)

    @property
    def is_cover(self) -> bool:
        """The field table of a cover page: no ruling, a line under each value."""
        top = etree.fromstring(self.props).find("w:tblBorders/w:top", NS)
        return top is not None and top.get(q("val")) == "nil"

    @property
    def is_form(self) -> bool:
        """A printed form (教研组台帐): rows of set heights for writing in, cells spanning
        columns; the rules for data tables do not apply to it."""
        # Every row of a form has a set height; a data table sets one only on its blank
        # rows (left to write in), never on its header row.
        first = self.row_props[0]
        return first is not None and first.find("w:trHeight", NS) is not None

    def content_twips(self, col: int) -> int:
        return self.widths[col] - self.margin_left - self.margin_right

    def column(self, col: int) -> list[GCell]:
        return [row[col] for row in self.rows if not row[col].merged]


def _cell(tc: etree._Element) -> GCell:
    lines, jcs = [], []
    for p in tc.findall("w:p", NS):
        lines.append("".join(t.text or "" for t in p.iter(q("t"))))
        jc = p.find("w:pPr/w:jc", NS)
        jcs.append(jc.get(q("val")) if jc is not None else "")
    vm = tc.find("w:tcPr/w:vMerge", NS)
    merged = vm is not None and vm.get(q("val")) != "restart"
    right = tc.find("w:tcPr/w:tcMar/w:right", NS)
    span = tc.find("w:tcPr/w:gridSpan", NS)
    return GCell(
        lines,
        jcs,
        merged,
        int(right.get(q("w"))) if right is not None else None,
        int(span.get(q("val"))) if span is not None else 1,
    )


def tables_of(path: Path) -> list[GTable]:
    """Every table of the body with its geometry."""
    out = []
    for tbl in document_xml(path).iter(q("tbl")):
        tbl_pr = tbl.find("w:tblPr", NS)
        mar = tbl_pr.find("w:tblCellMar", NS)
        left = int(mar.find("w:left", NS).get(q("w")))
        right = int(mar.find("w:right", NS).get(q("w")))
        shape = etree.fromstring(etree.tostring(tbl_pr))
        for tag in ("tblW", "tblCellMar"):
            for node in shape.findall(f"w:{tag}", NS):
                shape.remove(node)
        trs = tbl.findall("w:tr", NS)
        table = GTable(
            widths=[int(g.get(q("w"))) for g in tbl.findall("w:tblGrid/w:gridCol", NS)],
            margin_left=left,
            margin_right=right,
            style=tbl_pr.find("w:tblStyle", NS).get(q("val")),
            props=etree.tostring(shape).decode(),
            header=[_cell(tc) for tc in trs[0].findall("w:tc", NS)],
            rows=[[_cell(tc) for tc in tr.findall("w:tc", NS)] for tr in trs[1:]],
            row_props=[tr.find("w:trPr", NS) for tr in trs],
        )
        out.append(table)
    return out


def table_font_em_twips(path: Path) -> int:
    """Twips of one em at the table text size (the TableText style's w:sz)."""
    with zipfile.ZipFile(path) as z:
        styles = etree.fromstring(z.read("word/styles.xml"))
    style = styles.find("w:style[@w:styleId='TableText']", NS)
    sz = style.find("w:rPr/w:sz", NS)
    return int(sz.get(q("val"))) * 10  # half-points → twips of an em


def style_names(path: Path) -> dict[str, tuple[str, bool]]:
    """Style id → (name, custom) of every style."""
    with zipfile.ZipFile(path) as z:
        styles = etree.fromstring(z.read("word/styles.xml"))
    out = {}
    for style in styles.findall("w:style", NS):
        name = style.find("w:name", NS).get(q("val"))
        out[style.get(q("styleId"))] = (name, style.get(q("customStyle")) == "1")
    return out


def style_ppr(path: Path, style_id: str) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        styles = etree.fromstring(z.read("word/styles.xml"))
    return styles.find(f"w:style[@w:styleId='{style_id}']/w:pPr", NS)


def is_numbered(text: str) -> bool:
    """Starts with a list marker of the document's own levels: 一、（一）1.（1）①."""
    return bool(
        re.match(
            r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|（\d+）|[①-⑳])", text
        )
    )
