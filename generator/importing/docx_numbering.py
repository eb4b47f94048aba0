"""Word's own list numbering (numbering.xml) rendered as the text a reader sees.

A paragraph numbered by Word holds no "一、" in its text: the label comes from its
numbering instance (w:numId, directly or through its style) and level (w:ilvl), the
level's format (chineseCounting, decimal, …) and template ("%1、", "（%1）", "%1.%2"),
and counters that run across the document. Counters belong to the abstract numbering,
so two instances of one list continue each other unless an instance restarts a level
(w:startOverride). Deeper levels restart when a shallower one advances (unless
w:lvlRestart says otherwise)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..numbering import _letters, chinese_number
from .docx_xml import W, attr, child

MAX_LEVELS = 9
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULLSTOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_HEAVENLY = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY = "子丑寅卯辰巳午未申酉戌亥"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_DIGIT_CN = "〇一二三四五六七八九"


@dataclass
class Level:
    """One level of an abstract numbering definition."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level; 0 = never
    legal: bool = False  # w:isLgl: show every level's number as decimal


@dataclass
class Instance:
    """A w:num: which abstract numbering it uses and the levels it restarts or redefines."""

    abstract: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, Level] = field(default_factory=dict)


def _level(el) -> Level:
    level = Level()
    start = child(el, "start")
    if start is not None:
        level.start = _int(attr(start, "val"), 1)
    fmt = child(el, "numFmt")
    if fmt is not None:
        level.fmt = attr(fmt, "val") or "decimal"
    text = child(el, "lvlText")
    if text is not None:
        level.text = attr(text, "val") or ""
    restart = child(el, "lvlRestart")
    if restart is not None:
        level.restart = _int(attr(restart, "val"), None)
    legal = child(el, "isLgl")
    level.legal = legal is not None and attr(legal, "val") not in ("0", "false")
    return level


def _int(value: str | None, default):
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class Numbering:
    """Numbering definitions of one document plus the running counters."""

    def __init__(self, root=None, style_links: dict[str, str] | None = None):
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.links: dict[str, str] = {}  # abstract id → style name it follows (numStyleLink)
        self.instances: dict[str, Instance] = {}
        self.style_links = style_links or {}  # numbering style id → numId
        self.counters: dict[str, list[int]] = {}
        self.started: set[str] = set()  # instances whose overrides were applied
        if root is not None:
            self._read(root)

    def _read(self, root) -> None:
        for ab in root.iterchildren(f"{W}abstractNum"):
            key = attr(ab, "abstractNumId") or ""
            levels = {}
            for lvl in ab.iterchildren(f"{W}lvl"):
                ilvl = _int(attr(lvl, "ilvl"), 0)
                if 0 <= ilvl < MAX_LEVELS:
                    levels[ilvl] = _level(lvl)
            self.abstracts[key] = levels
            link = child(ab, "numStyleLink")
            if link is not None and attr(link, "val"):
                self.links[key] = attr(link, "val") or ""
        for num in root.iterchildren(f"{W}num"):
            ab = child(num, "abstractNumId")
            if ab is None:
                continue
            inst = Instance(attr(ab, "val") or "")
            for override in num.iterchildren(f"{W}lvlOverride"):
                ilvl = _int(attr(override, "ilvl"), 0)
                start = child(override, "startOverride")
                if start is not None:
                    inst.start_overrides[ilvl] = _int(attr(start, "val"), 1)
                lvl = child(override, "lvl")
                if lvl is not None:
                    inst.level_overrides[ilvl] = _level(lvl)
            self.instances[attr(num, "numId") or ""] = inst

    def _abstract_of(self, num_id: str, depth: int = 0) -> str | None:
        inst = self.instances.get(num_id)
        if inst is None:
            return None
        key = inst.abstract
        # A list that follows a numbering style takes that style's list definition.
        style = self.links.get(key)
        if style and depth < 3 and self.style_links.get(style):
            return self._abstract_of(self.style_links[style], depth + 1) or key
        return key

    def label(self, num_id: str | None, ilvl: int) -> str:
        """Advance the counters for a paragraph numbered (num_id, ilvl); its label text."""
        if not num_id or num_id == "0":
            return ""
        key = self._abstract_of(num_id)
        if key is None or key not in self.abstracts:
            return ""
        inst = self.instances[num_id]
        ilvl = min(max(ilvl, 0), MAX_LEVELS - 1)
        levels = {**self.abstracts[key], **inst.level_overrides}
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(key, [0] * MAX_LEVELS)
        if num_id not in self.started:
            self.started.add(num_id)
            for lvl, start in inst.start_overrides.items():
                if 0 <= lvl < MAX_LEVELS:
                    counters[lvl] = start - 1
                    for deeper in range(lvl + 1, MAX_LEVELS):
                        counters[deeper] = 0
        level = levels[ilvl]
        counters[ilvl] = (counters[ilvl] or level.start - 1) + 1
        for deeper in range(ilvl + 1, MAX_LEVELS):
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart != 0 and restart <= ilvl + 1):
                counters[deeper] = 0
        return self._render(level, levels, counters, ilvl)

    def _render(self, level: Level, levels: dict[int, Level], counters: list[int], ilvl: int):
        if level.fmt == "bullet":
            return "•"
        if level.fmt == "none":
            return _fill(level.text, lambda _k: "")
        text = level.text

        def value(k: int) -> str:
            lvl = levels.get(k)
            n = counters[k] or (lvl.start if lvl else 1)
            fmt = "decimal" if (level.legal and k < ilvl) or lvl is None else lvl.fmt
            return format_number(n, fmt)

        return _fill(text, value)


def _fill(template: str, value) -> str:
    out = []
    i = 0
    while i < len(template):
        ch = template[i]
        if ch == "%" and i + 1 < len(template) and template[i + 1].isdigit():
            k = int(template[i + 1]) - 1
            out.append(value(k) if 0 <= k < MAX_LEVELS else "")
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def format_number(n: int, fmt: str) -> str:
    """A counter value in one of Word's number formats (unknown formats: decimal)."""
    if n <= 0:
        return str(n)
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting",
               "japaneseCounting", "koreanCounting", "chineseCountingTenThousand"):  # fmt: skip
        return chinese_number(n) if n < 1000 else str(n)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_DIGIT_CN[int(d)] for d in str(n))
    if fmt == "chineseLegalSimplified":
        return "".join(_LEGAL[int(d)] for d in str(n)) if n >= 10 else _LEGAL[n]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _CIRCLED[n - 1] if n <= len(_CIRCLED) else str(n)
    if fmt == "decimalEnclosedParen":
        return _PAREN[n - 1] if n <= len(_PAREN) else f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return _FULLSTOP[n - 1] if n <= len(_FULLSTOP) else f"{n}."
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt in ("ideographTraditional",):
        return _HEAVENLY[(n - 1) % 10]
    if fmt in ("ideographZodiac",):
        return _EARTHLY[(n - 1) % 12]
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    return str(n)


def _roman(n: int) -> str:
    if n >= 4000:
        return str(n)
    out = []
    for value, letters in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)
