"""Build the heading/item tree of one document.

Levels follow the order in which marker styles appear, as a person reads: the first style
seen is level 1, a new style below it is level 2, and a style seen before returns to its
level (so "1. 2. 3." restarting under a new "二、" stays at its level). Unnumbered headings
("指导思想", "九月份：") are placed by context, see `_unmarked_index`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from .glued import (
    GLUED_SECTION_TITLE_MIN,
    GLUED_TITLE_MIN,
    Subjects,
    document_subjects,
    glued_title,
    split_glued,
)
from .heading_rules import (
    is_marked_heading,
    is_month_or_week,
    is_standard_section,
    is_subtitle,
    is_unmarked_heading,
    same_field_shape,
    split_run_in,
    strong_heading,
)
from .markers import Marker, match_marker
from .model import Node
from .table_model import Table, token_index
from .table_roles import read_form, structure_nodes
from .textutil import COLONS, ends_sentence, squeeze

MAX_LEVEL = 5
UNMARKED = ""  # style key of unnumbered headings
_DIGIT_FAMILY = ("1.", "1、")  # writers switch between these mid-list
# Marker styles that number sections of a document rather than items of a list.
_SECTION_STYLES = ("第一部分", "第一章", "第一节", "第一、", "一、", "（一）")
_SENTENCE_STOP = re.compile("[。！？!?；;]")
_TOP_STYLES = ("第一部分", "第一章", "一、")  # the styles that number a document's main parts
_LEAD_IN_END = re.compile(r"(?:如下|以下|下列|几个方面|几项工作)[^，,。]{0,6}[:：。]?$|[:：]$")


@dataclass
class Parsed:
    """A document's parse: text before the first heading, the node tree, a form's fields and
    the tables (indices into the file's tables) in the order they appeared."""

    preamble: str
    nodes: list[Node]
    fields: list[tuple[str, str]] = field(default_factory=list)
    tables: list[int] = field(default_factory=list)
    form_name: str = ""
    anchors: list[Node | None] = field(default_factory=list)  # node each table stands under


def parse_nodes(lines: list[str]) -> tuple[str, list[Node]]:
    """(preamble, top-level nodes) of a document's cleaned lines; every character of the
    input except whitespace ends up in the preamble or in a node's marker/title/text."""
    parsed = parse_document(lines)
    return parsed.preamble, parsed.nodes


def parse_document(
    lines: list[str], tables: list[Table] | None = None, title: str = ""
) -> Parsed:
    """Parse a document's cleaned lines; token lines stand for `tables` (see table_model).
    `title` (the document's) tells which words open its sentences, for a page that glued
    every heading to the line after it."""
    glued = split_glued(lines)
    parts = [(n, text) for n, text in glued.parts if text.strip()]
    builder = _TreeBuilder(tables or [])
    markers = [match_marker(text) for _, text in parts]  # read once: huge files overflow its cache
    numbered = sum(1 for m in markers if m is not None)
    if glued.heading_glues >= max(GLUED_PAGE_MIN, numbered * GLUED_PAGE_SHARE):
        builder.subjects = document_subjects(title, lines)
    previous_body: str | None = None  # the line before, when it was read as running text
    for i, (line_no, text) in enumerate(parts):
        following = parts[i + 1][1] if i + 1 < len(parts) else None
        if following is not None and token_index(following) is not None:
            following = None
        index = token_index(text)
        if index is not None:
            builder.add_table(index)
            continue
        if builder.closing_line(text, line_no):
            continue
        marker = markers[i]
        body = None
        if marker is not None:
            builder.add_marked(marker, line_no, text)
        elif builder.at_start() and is_subtitle(text):
            builder.add_body(text)
        elif is_unmarked_heading(text, following) and not same_field_shape(previous_body, text):
            builder.add_unmarked(text, line_no, following)
        else:
            builder.add_body(text)
            body = text
        previous_body = body
    anchored = frozenset(id(n) for n in builder.anchors if n is not None)
    promote_headings(builder.roots, anchored, _last_node(builder.roots))
    return Parsed(
        "\n".join(builder.preamble),
        builder.roots,
        builder.fields,
        builder.table_ids,
        builder.form_name,
        builder.anchors,
    )


def parse_items(lines: list[str]) -> list[Node]:
    """Nodes of a few paragraphs (a table cell): text before any number is an item too."""
    preamble, nodes = parse_nodes(lines)
    loose = [Node(1, "", "", p, source=p) for p in preamble.split("\n") if p.strip()]
    return loose + nodes


def iter_nodes(nodes: list[Node]) -> Iterator[Node]:
    """All nodes in document order (pre-order)."""
    for node in nodes:
        yield node
        yield from iter_nodes(node.children)


def is_heading(node: Node) -> bool:
    """True for a heading node (a title of its own), False for a numbered item/paragraph."""
    return bool(node.title) and not node.run_in


def display_title(node: Node) -> str:
    """The node's title without a trailing colon or full stop, for display and matching."""
    return node.title.rstrip(COLONS + "。.").strip()


# "附件：", "附1：…", "附件一：…": the attachment list that closes a document.
_ATTACHMENT = re.compile(r"^附(?:件|表|录)?\s*[\d一二三四五六七八九十]{0,3}\s*(?:[:：]|$)")
ATTACHMENT_ENTRY_MAX = 50
_ENTRY_STYLES = ("1.", "1、", "(1)", "①")  # how attachment lists number their entries
RUN_IN_PEER_MAX = 30  # a run-in title among headings, as long as a heading may be
SECTION_LABEL_MAX = 10  # "护理质量管理：…": a section name, not a duty phrase
SENTENCE_HEADING_MAX = 40  # a one-sentence numbered line over sub-items is a heading
SENTENCE_TITLE_MAX = 25  # a one-sentence line over paragraphs of its own reads as a title…
SENTENCE_TITLE_LONG = 32  # …and so does a longer one without a comma
LEAF_TITLE_MAX = 20  # a titled line with nothing under it, in a list of headings
# Headings glued to their next line, at least this many and this share of the numbered
# lines: the page lost the line break after its headings.
GLUED_PAGE_MIN = 2
GLUED_PAGE_SHARE = 0.1


class _TreeBuilder:
    def __init__(self, tables: list[Table]) -> None:
        self.tables = tables
        self.preamble: list[str] = []
        self.roots: list[Node] = []
        self.styles: list[str] = []  # style key per open level
        self.path: list[Node] = []  # open node per level
        self.numbers: list[int | None] = []  # number of the open node per level
        self.fields: list[tuple[str, str]] = []
        self.table_ids: list[int] = []
        self.anchors: list[Node | None] = []
        self.form_name = ""
        self.closing: Node | None = None  # the attachment list, once it started
        # Set for a page that lost the line break after its headings: the words that open
        # its sentences, to find titles glued to their paragraph.
        self.subjects: Subjects | None = None

    def at_start(self) -> bool:
        return not self.roots and not self.preamble

    def add_body(self, text: str) -> None:
        if not self.path:
            self.preamble.append(text.strip())
            return
        node = self.path[-1]
        node.text = f"{node.text}\n{text.strip()}" if node.text else text.strip()

    def closing_line(self, text: str, line_no: int) -> bool:
        """Attachment lists close the document: they sit at its top level, and what follows
        starts again at level 1. True when `text` was taken as part of the list."""
        stripped = text.strip()
        if self.closing is not None:
            marker = match_marker(stripped)
            entry = marker is None or marker.style in _ENTRY_STYLES
            if entry and len(stripped) <= ATTACHMENT_ENTRY_MAX and not ends_sentence(stripped):
                if _ATTACHMENT.match(stripped) or not is_unmarked_heading(stripped, None):
                    self.closing.text = f"{self.closing.text}\n{stripped}"
                    return True
            self.closing = None
            self.styles, self.path, self.numbers = [], [], []
            return False
        if not self.roots or not _ATTACHMENT.match(stripped):
            return False
        node = Node(1, "", "", stripped, line=line_no, source=stripped)
        self.roots.append(node)
        self.closing = node
        self.styles, self.path, self.numbers = [], [], []
        return True

    def add_table(self, index: int) -> None:
        if not 0 <= index < len(self.tables):
            return
        table = self.tables[index]
        self.table_ids.append(index)
        self.anchors.append(self.path[-1] if self.path else None)
        if table.kind == "structure":
            self._graft(structure_nodes(table))
        elif table.kind == "form":
            form = read_form(table, parse_items)
            self.fields.extend(form.fields)
            self.form_name = self.form_name or form.name
            self._graft(form.nodes)

    def _graft(self, nodes: list[Node]) -> None:
        """Hang a table's nodes under the deepest open heading (or at the top level)."""
        anchor = next((n for n in reversed(self.path) if is_heading(n)), None)
        base = anchor.level if anchor is not None else 0
        _relevel(nodes, base + 1)
        (anchor.children if anchor is not None else self.roots).extend(nodes)

    def add_marked(self, marker: Marker, line_no: int, line: str) -> None:
        style = self._continued_style(marker)
        index = self._index_of(style, marker.number, marker.rest)
        rest = marker.rest.strip()
        heading = is_marked_heading(rest)
        glued = None
        if self.subjects is not None and not heading:
            shortest = GLUED_SECTION_TITLE_MIN if style in _TOP_STYLES else GLUED_TITLE_MIN
            glued = glued_title(rest, self.subjects, shortest)
        if heading:
            node = Node(0, marker.text.strip(), marker.rest.strip(), line=line_no)
        elif glued is not None:
            node = Node(0, marker.text.strip(), rest[:glued], rest[glued:], line=line_no)
        else:
            title, text = split_run_in(marker.rest)
            node = Node(0, marker.text.strip(), title, text, line=line_no, run_in=bool(title))
        node.source = line.strip()
        self._place(node, index, style, marker.number)

    def _index_of(self, style: str, number: int | None, rest: str = "") -> int:
        """0-based level of a numbered line. A style already open returns to its level; with
        the style open at several levels, the one its number continues. Numbering that
        restarts at 1 right under a heading of another style is a new, deeper list (a long
        plan restarting 一、 inside each sub-project). When the number continues lists at two
        levels, a standard section name ("保障措施") belongs to the outer one."""
        open_at = [j for j, s in enumerate(self.styles) if s == style]
        if not open_at:
            last = self.path[-1] if self.path else None
            if (
                number == 1
                and style in _TOP_STYLES
                and last is not None
                and self.styles[-1] == UNMARKED
                and _own_paragraph(last)
            ):
                # "指导思想：" with its paragraph, then "一、…": the sections that follow are
                # its peers, not its parts (a lead-in "…如下：" would introduce them).
                return len(self.styles) - 1
            return len(self.styles)
        if number is not None:
            continuing = [j for j in open_at if self.numbers[j] == number - 1]
            if len(continuing) > 1 and is_standard_section(rest):
                return continuing[0]  # "三、保障措施" closes the nested lists
            if continuing:
                return continuing[-1]
            last = self.path[-1]
            if (
                number == 1
                and len(self.path) - 1 > open_at[-1]
                and is_heading(last)
                and not last.children
                and self.styles[-1] != style
            ):
                return len(self.styles)
        return open_at[-1]

    def _continued_style(self, marker: Marker) -> str:
        """ "8、" right after "7." continues that list: same level despite the other mark."""
        if marker.style in self.styles or marker.style not in _DIGIT_FAMILY:
            return marker.style
        for j in range(len(self.styles) - 1, -1, -1):
            if self.styles[j] in _DIGIT_FAMILY and self.numbers[j] is not None:
                if marker.number is not None and self.numbers[j] + 1 == marker.number:
                    return self.styles[j]
                break
        return marker.style

    def add_unmarked(self, text: str, line_no: int, following: str | None) -> None:
        node = Node(0, "", text.strip(), line=line_no, source=text.strip())
        index = self._unmarked_index(following, text.strip())
        # A heading never stands inside a numbered paragraph: it closes that list.
        for j, open_node in enumerate(self.path[:index]):
            if _paragraph_item(open_node):
                index = j
                break
        self._place(node, index, UNMARKED)

    def _unmarked_index(self, following: str | None, text: str = "") -> int:
        """0-based level of an unnumbered heading, decided by what surrounds it."""
        # A month or week label is a peer of the month or week label still open.
        if is_month_or_week(text):
            for j in range(len(self.styles) - 1, -1, -1):
                if self.styles[j] == UNMARKED and is_month_or_week(self.path[j].title):
                    return j
        last = self.path[-1] if self.path else None
        nxt = match_marker(following) if following else None
        open_style = nxt is not None and nxt.style in self.styles
        if open_style and nxt is not None:
            j = self.styles.index(nxt.style)
            # The numbering goes on after the label (1、…3、 教务处 4、…): it heads part of
            # that flat list, even right after a short numbered line.
            if nxt.number is not None and self.numbers[j] == nxt.number - 1:
                return j - 1 if j > 0 and self.styles[j - 1] == UNMARKED else j
        # Right under a heading that has nothing yet: it is that heading's first child.
        if last is not None and is_heading(last) and not last.text and not last.children:
            return len(self.path)
        # Followed by numbered lines of a style already open: it heads that list.
        if open_style and nxt is not None:
            j = self.styles.index(nxt.style)
            return j - 1 if j > 0 and self.styles[j - 1] == UNMARKED else j
        # A heading over headings ("每月安排" over "九月份：") is a peer of the open
        # unnumbered heading that groups headings too.
        if following is not None and strong_heading(following.strip()):
            for j in range(len(self.styles) - 1, -1, -1):
                node = self.path[j]
                if self.styles[j] == UNMARKED and any(is_heading(c) for c in node.children):
                    return j
        # Otherwise a sibling of the nearest open unnumbered heading, or one level down.
        if UNMARKED in self.styles:
            return len(self.styles) - 1 - self.styles[::-1].index(UNMARKED)
        return len(self.styles)

    def _place(self, node: Node, index: int, style: str, number: int | None = None) -> None:
        index = min(index, MAX_LEVEL - 1)
        del self.styles[index:]
        del self.path[index:]
        del self.numbers[index:]
        node.level = index + 1
        if self.path:
            self.path[-1].children.append(node)
        else:
            self.roots.append(node)
        self.styles.append(style)
        self.path.append(node)
        self.numbers.append(number)


def _own_paragraph(node: Node) -> bool:
    """An unnumbered heading followed by a paragraph of its own (not a lead-in to a list)."""
    text = node.text.strip()
    if not text or node.children:
        return False
    last = text.split("\n")[-1].strip()
    return ends_sentence(last) and not _LEAD_IN_END.search(last)


def _paragraph_item(node: Node) -> bool:
    """A numbered paragraph: an item whose line is more than one short sentence."""
    if not node.marker or is_heading(node):
        return False
    line = _own_line(node)
    return len(squeeze(line)) > SENTENCE_HEADING_MAX or not _one_sentence(line)


def _relevel(nodes: list[Node], level: int) -> None:
    for node in nodes:
        node.level = min(level, MAX_LEVEL)
        _relevel(node.children, level + 1)


def _last_node(nodes: list[Node]) -> Node | None:
    last = None
    for node in iter_nodes(nodes):
        last = node
    return last


def promote_headings(
    nodes: list[Node], anchored: frozenset[int] = frozenset(), last: Node | None = None
) -> None:
    """Settle which numbered lines are headings, as a reader does, list by list (the
    siblings of one numbering style under one parent decide together):
    - a line of one sentence ("（一）加强队伍建设。", "2、研修形式：") with numbered lines or
      headings under it is a heading;
    - a short one-sentence line ("2、做好教师教科研考核工作。") with its own paragraphs under
      it is a heading when such lines and headings outnumber the plain items of its list;
    - a short titled line with nothing under it ("（三）教研组活动开展情况。") is a heading when
      the rest of its list are headings;
    - a run-in label ("五、培养措施：继续…", "1.乐于全域服务。抱着…") is a heading among
      siblings that are mostly headings, or as a labelled section at the top level;
    - a short phrase with nothing under it ("1、课题资料整理") in a list of such phrases is a
      list entry, not a heading (numbered sections such as 一、 stay headings).
    `anchored` holds the ids of nodes a table stands under (their content); `last` is the
    document's last node, whose trailing paragraphs may close the document instead."""
    for node in nodes:
        promote_headings(node.children, anchored, last)
    for node in nodes:
        if node.marker and not is_heading(node) and _heads_children(node):
            node.title, node.text, node.run_in = _own_line(node), _body_text(node), False
    by_style: dict[str, list[Node]] = {}
    for node in nodes:
        if node.marker:
            by_style.setdefault(_style_of(node.marker), []).append(node)
    for style, group in by_style.items():
        _settle_group(group, style, anchored, last)


def _settle_group(
    group: list[Node], style: str, anchored: frozenset[int], last: Node | None
) -> None:
    kinds = [_kind(node, anchored) for node in group]
    if group[-1] is last and kinds[-1] == "candidate" and not last.children:
        # Paragraphs after the document's last list entry close the document when the
        # entries before it have none of their own ("培训由护士长负责组织…").
        if any(k in ("leaf", "entry", "item") for k in kinds[:-1]):
            kinds[-1] = "leaf"
    items = kinds.count("item")
    if kinds.count("heading") + kinds.count("candidate") > items:
        for node, kind in zip(group, kinds):
            if kind == "candidate":
                node.title, node.text, node.run_in = _own_line(node), _body_text(node), False
        kinds = ["heading" if k == "candidate" else k for k in kinds]
    others = len(group) - 1
    # Sentence headings ("（一）教学计划的制订和执行情况。") make a titled sentence with
    # nothing under it one of them; phrase headings do not.
    sentences = sum(
        1 for n, k in zip(group, kinds) if k == "heading" and ends_sentence(_own_line(n))
    )
    headings = kinds.count("heading")
    for node, kind in zip(group, kinds):
        peers = headings - (kind == "heading")
        majority = others > 0 and peers * 2 > others
        if kind == "leaf" and majority and items == 0 and sentences * 2 > peers:
            node.title, node.text, node.run_in = _own_line(node), "", False
        elif kind == "entry" and not majority and style not in _SECTION_STYLES:
            node.run_in = True  # a list entry: its text is all "title", as one-sentence items
        elif kind == "run-in":
            label = squeeze(node.title).rstrip(COLONS)
            labelled = (
                node.title.rstrip()[-1:] in COLONS
                and len(label) <= SECTION_LABEL_MAX
                and not any(ch in label for ch in "、，,")
            )
            if (majority and len(label) <= RUN_IN_PEER_MAX) or (
                labelled and style in _SECTION_STYLES and node.level == 1
            ):
                node.run_in = False


def _kind(node: Node, anchored: frozenset[int]) -> str:
    """How a numbered line reads: "heading" (a heading with content), "entry" (a heading
    phrase with nothing under it), "candidate" (one short sentence over its own paragraphs
    or items), "leaf" (one short titled sentence with nothing under it), "run-in" (a label
    with text after it on its line), or "item"."""
    content = bool(node.children) or id(node) in anchored or bool(_body_text(node))
    if is_heading(node):
        return "heading" if content or node.text.strip() else "entry"
    line = _own_line(node)
    if node.run_in and _inline_text(node):
        return "run-in"
    if not _one_sentence(line) or "\n" in line:
        return "item"
    size = len(squeeze(line))
    titled = size <= SENTENCE_TITLE_MAX or (
        size <= SENTENCE_TITLE_LONG and not any(ch in line for ch in "，,；;")
    )
    if titled and content:
        return "candidate"
    if titled and size <= LEAF_TITLE_MAX and not any(ch in line for ch in "，,；;"):
        return "leaf"
    return "item"


def _heads_children(node: Node) -> bool:
    """A numbered sentence over numbered lines or headings heads them: one sentence of at
    most SENTENCE_HEADING_MAX characters, or a line that ends with a colon."""
    if not node.children or not any(c.marker or is_heading(c) for c in node.children):
        return False
    line = _own_line(node)
    if "\n" in line or not line:
        return False
    if line.rstrip()[-1] in COLONS and _one_sentence(line.rstrip().rstrip(COLONS)):
        return True
    return len(squeeze(line)) <= SENTENCE_HEADING_MAX and _one_sentence(line)


def _own_line(node: Node) -> str:
    """The node's own line after its marker (the title and the text on the same line)."""
    source = node.source.strip()
    if source.startswith(node.marker):
        return source[len(node.marker) :].strip()
    return f"{node.title}{node.text.split(chr(10), 1)[0]}".strip()


def _inline_text(node: Node) -> str:
    """Text after a run-in title on the node's own line."""
    own = squeeze(_own_line(node))
    title = squeeze(node.title)
    return own[len(title) :] if own.startswith(title) else own


def _body_text(node: Node) -> str:
    """The node's text from the lines under its own line (paragraphs of its own)."""
    text = node.text
    inline = len(_inline_text(node))
    if not inline:
        return text.strip()
    seen = 0
    for k, ch in enumerate(text):
        if seen == inline:
            return text[k:].strip()
        seen += not ch.isspace()
    return ""


def _style_of(marker: str) -> str:
    found = match_marker(marker + "x")
    return found.style if found else marker


def _one_sentence(text: str) -> bool:
    """True when `text` holds one sentence: no sentence end before its last character."""
    core = text.rstrip("。！？!?；;：:")
    return _SENTENCE_STOP.search(core) is None
