"""YAML loading that remembers where every key and item stands, so messages can name lines.

Input is hostile until proven otherwise: files are read only when they are regular files
under a size limit, and the document is built from the parser's event stream without
recursion, with explicit limits on nesting depth and on the size aliases expand to. Every
complaint is Chinese and names the file and line.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    DocumentStartEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceStartEvent,
)
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.util import create_timestamp, timestamp_regexp

from .errors import Problem, SpecError, WenshuError
from .fsutil import read_user_file
from .yamlmessages import yaml_problem_cn

Loc = tuple[Any, ...]

# A spec of a busy term is some tens of KB; anything past this is not a spec.
MAX_YAML_BYTES = 5 * 1024 * 1024
# Specs nest a 5-level tree (a mapping and a list per level): about 12 levels. The
# libraries that see the data afterwards recurse, ~3 Python frames per level.
MAX_DEPTH = 100
# Values in the document, aliases counted as often as they are used ("billion laughs").
MAX_NODES = 200_000
# Longer digit strings are refused by int() (CPython's str-to-int limit is 4300 digits).
_MAX_INT_DIGITS = 4000


def _yaml() -> YAML:
    # The C parser (ruamel.yaml.clib) when present; the pure-Python one otherwise.
    return YAML(typ="safe", pure=False)


@dataclass
class LoadedYaml:
    """Plain data (dict/list/str/int...) plus the 1-based line of every key and item."""

    data: Any
    label: str
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_for(self, loc: Loc) -> int | None:
        """The line of the longest prefix of `loc` that has a known position."""
        for end in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return None


# ---------------------------------------------------------------------------- reading

_BOMS = [  # longest first: the UTF-32-LE mark starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
]


def decode_text(raw: bytes, path: Path | str, what: str = "文件") -> str:
    """Text of a file: by its byte-order mark (UTF-8/16/32), else UTF-8, else GB18030."""
    for bom, encoding, name in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise WenshuError(
                    f"{what} {path} 开头标明是 {name} 编码，但内容不是有效的 {name}"
                    "（文件可能已损坏）。请用编辑器另存为 UTF-8 编码。"
                ) from None
    head = raw[:4096]
    if head and head.count(0) * 4 >= len(head):
        raise WenshuError(
            f"{what} {path} 看起来是没有字节顺序标记（BOM）的 UTF-16 或 UTF-32 文件。"
            "请用编辑器另存为 UTF-8 编码。"
        )
    for enc in ("utf-8", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    raise WenshuError(
        f"{what} {path} 不是文本文件（无法按 UTF-8、GB18030、UTF-16 或 UTF-32 解码）。"
        "请另存为 UTF-8 编码。"
    )


def read_text(path: Path, what: str = "文件", max_bytes: int = MAX_YAML_BYTES) -> str:
    """Read a text file a user named (regular file, at most `max_bytes`)."""
    path = Path(path)
    return decode_text(read_user_file(path, what, max_bytes), path, what)


# ------------------------------------------------------------------------- checking text

# Characters YAML does not allow anywhere in a file (YAML 1.2 c-printable, as libyaml).
_FORBIDDEN = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_CHAR_NAMES = {"\x00": "NUL（空字符）", "\x7f": "DEL", "\ufffe": "非字符", "\uffff": "非字符"}


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def yaml_quote(text: str) -> str:
    """`text` as a YAML double-quoted scalar on one line: line breaks become spaces, and
    characters a YAML file cannot hold (controls, U+FFFF…) are written as escapes."""
    body = text.replace("\\", "\\\\").replace('"', '\\"')
    body = re.sub(r"\r\n|[\n\r\x85\u2028\u2029]", " ", body)
    return '"' + _FORBIDDEN.sub(lambda m: _escape(m.group()), body) + '"'


def yaml_comment(text: str) -> str:
    """`text` made safe for a `# comment`: one line, no characters YAML cannot hold."""
    return _FORBIDDEN.sub("", re.sub(r"\s+", " ", text)).strip()


def _check_characters(text: str, label: str) -> None:
    m = _FORBIDDEN.search(text)
    if m is None:
        return
    ch = m.group()
    line = text.count("\n", 0, m.start()) + 1
    if "\ud800" <= ch <= "\udfff":
        name = "不成对的代理码位"
    else:
        name = _CHAR_NAMES.get(ch, "控制字符")
    raise SpecError(
        [
            Problem(
                f"YAML 格式错误：这一行有 YAML 文件不允许的字符 U+{ord(ch):04X}（{name}），"
                "它通常是从其他程序复制文字时带进来的，看不见。请删除它（可删去这一行后重新输入）。",
                file=label,
                line=line,
            )
        ]
    )


# ------------------------------------------------------------------------------ building

_T = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL = (_T + s for s in ("str", "int", "float", "bool", "null"))
_TIMESTAMP, _SEQ, _MAP, _MERGE = (_T + s for s in ("timestamp", "seq", "map", "merge"))
_SCALAR_TAGS = {_STR, _INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP}


class _Fail(Exception):
    """A problem found while building; turned into a SpecError with file and line."""

    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.message = message
        self.line = line


def _line(event: Any) -> int:
    return event.start_mark.line + 1


def _tag_name(tag: str) -> str:
    return "!!" + tag[len(_T) :] if tag.startswith(_T) else tag


def _is_timestamp(value: str) -> bool:
    m = timestamp_regexp.match(value)
    if m is None:
        return False
    try:
        create_timestamp(**m.groupdict())
    except (ValueError, OverflowError, TypeError):
        return False
    return True


class _Builder:
    """Plain data from parser events: an explicit stack instead of recursion."""

    def __init__(self, resolver: Any):
        self.resolver = resolver
        self.stack: list[_Frame] = []
        self.entries: list[tuple[Loc, int]] = [((), 1)]
        # The latest definition of each anchor: a finished value, or the frame of a
        # collection still being read (an alias to that would make a cycle).
        self.anchors: dict[str, _Anchored | _Frame] = {}
        self.nodes = 0
        self.root: Any = None
        self.done = False

    # -- values
    def scalar(self, event: Any) -> Any:
        tag = event.tag
        value = event.value
        implicit = tag is None or tag == "!"
        if implicit:
            tag = str(self.resolver.resolve(ScalarNode, value, event.implicit))
        elif tag not in _SCALAR_TAGS:
            raise _Fail(self._unsupported_tag(tag), _line(event))
        elif tag != _STR:
            resolved = str(self.resolver.resolve(ScalarNode, value, (True, False)))
            if resolved != tag:
                raise _Fail(
                    f"YAML 格式错误：“{value[:30]}”不符合它前面的标签 {_tag_name(tag)}。"
                    "请删去标签，或改正这个值。",
                    _line(event),
                )
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return value.lower() in ("true", "yes", "on", "y")
        if tag == _INT:
            return self._int(value, _line(event))
        if tag == _FLOAT:
            try:
                return float(value.replace("_", ""))
            except ValueError:
                return value
        if tag == _TIMESTAMP and not implicit and not _is_timestamp(value):
            # Said to be a date but is none: the round-trip loader (rollover) refuses it
            # too. An implicit one is text, and date fields report it with their path.
            raise _Fail(
                f"YAML 格式错误：“{value[:30]}”的写法像日期，但不是真实存在的日期或时间。"
                "请改正日期；如果它是一段文字，请加上引号。",
                _line(event),
            )
        if tag == _MERGE:
            raise _Fail(self._unsupported_tag(tag), _line(event))
        # Dates stay text so pydantic reports bad ones (2025-02-30) with a line.
        return value

    def _int(self, value: str, line: int) -> Any:
        text = value.replace("_", "")
        if len(text) > _MAX_INT_DIGITS:
            raise _Fail(
                f"YAML 格式错误：数字太长（{len(text)} 位）。如果它是一段文字，请加上引号。", line
            )
        try:
            return int(text)
        except ValueError:
            try:
                return int(text, 0)
            except ValueError:
                return value

    @staticmethod
    def _unsupported_tag(tag: str) -> str:
        if tag == _MERGE:
            return "YAML 格式错误：不支持合并键“<<”。请把要重复的内容直接写出来。"
        return (
            f"YAML 格式错误：不支持 YAML 标签“{_tag_name(tag)}”。请删去它"
            "（输入文件只需要文字、数字、列表和“键: 值”）；如果“!”是文字的一部分，请给整段文字加引号。"
        )

    # -- structure
    def count(self, n: int, line: int) -> None:
        self.nodes += n
        if self.nodes > MAX_NODES:
            raise _Fail(
                f"YAML 格式错误：内容太多（展开别名后超过 {MAX_NODES} 项）。"
                "请检查别名（*名字）是否层层引用，或文件是否选错。",
                line,
            )

    def child_loc(self) -> Loc | None:
        """Where the next value goes; None when it is a mapping key."""
        if not self.stack:
            return ()
        frame = self.stack[-1]
        if isinstance(frame.value, list):
            return frame.loc + (len(frame.value),)
        if frame.key is _NO_KEY:
            return None
        return frame.loc + (frame.key,)

    def start(self, event: Any) -> None:
        line = _line(event)
        self.count(1, line)
        if self.done:
            raise _Fail(_MANY_DOCUMENTS, line)
        loc = self.child_loc()
        if loc is None:
            raise _Fail(
                "YAML 格式错误：键必须是一段文字，不能是列表或“键: 值”。请检查这一行的缩进和括号。",
                line,
            )
        if len(self.stack) >= MAX_DEPTH:
            raise _Fail(
                f"YAML 格式错误：嵌套层次太深（超过 {MAX_DEPTH} 层）。"
                "请检查是否多写了括号 [ {，或缩进越来越深。",
                line,
            )
        tag = event.tag
        want = _MAP if isinstance(event, MappingStartEvent) else _SEQ
        if tag not in (None, "!", want):
            raise _Fail(self._unsupported_tag(tag), line)
        self._mark_item(loc, line)
        value: Any = {} if want == _MAP else []
        frame = _Frame(value, loc, event.anchor, len(self.entries), self.nodes - 1)
        if event.anchor:
            self.anchors[event.anchor] = frame
        self.stack.append(frame)

    def end(self, event: Any) -> None:
        frame = self.stack.pop()
        if frame.anchor and self.anchors.get(frame.anchor) is frame:  # not redefined inside
            self.anchors[frame.anchor] = _Anchored(
                frame.value,
                self.nodes - frame.nodes_before,
                frame.loc,
                self.entries[frame.entries_from :],
            )
        self._attach(frame.value, None)

    def leaf(self, event: Any) -> None:
        line = _line(event)
        if self.done:
            raise _Fail(_MANY_DOCUMENTS, line)
        loc = self.child_loc()
        if isinstance(event, AliasEvent):
            value = self._alias(event, loc, line)
        else:
            self.count(1, line)
            value = self.scalar(event)
            if loc is None:  # a key is its text as written (1, true, ~ included)
                value = event.value
            if event.anchor:
                self.anchors[event.anchor] = _Anchored(value, 1, loc or (), [])
            if loc is not None:
                self._mark_item(loc, line)
        self._attach(value, line)

    def _alias(self, event: Any, loc: Loc | None, line: int) -> Any:
        name = event.anchor
        target = self.anchors.get(name)
        if isinstance(target, _Frame):
            raise _Fail(
                f"YAML 格式错误：别名“*{name}”出现在它自己的锚点“&{name}”里面，"
                "会无限循环。请把要重复的内容直接写出来。",
                line,
            )
        if target is None:
            raise _Fail(
                f"YAML 格式错误：别名“*{name}”找不到对应的锚点“&{name}”（锚点要写在别名之前）。"
                "如果“*”是文字的一部分，请给整段文字加引号。",
                line,
            )
        self.count(target.size, line)
        if loc is None:  # used as a key
            if isinstance(target.value, (dict, list)):
                raise _Fail("YAML 格式错误：键必须是一段文字，别名“*" + name + "”不是。", line)
            return target.value if isinstance(target.value, str) else str(target.value)
        self._mark_item(loc, line)
        base = len(target.loc)
        for sub, sub_line in target.entries:
            if len(sub) > base:
                self.entries.append((loc + sub[base:], sub_line))
        return _copy(target.value)

    def _mark_item(self, loc: Loc, line: int) -> None:
        # A mapping value is placed at its key's line (recorded with the key).
        if self.stack and isinstance(self.stack[-1].value, dict):
            return
        self.entries.append((loc, line))

    def _attach(self, value: Any, line: int | None) -> None:
        if not self.stack:
            self.root = value
            self.done = True
            return
        frame = self.stack[-1]
        if isinstance(frame.value, list):
            frame.value.append(value)
            return
        if frame.key is _NO_KEY:
            key = value
            if key in frame.value:
                first = dict(self.entries).get(frame.loc + (key,))
                raise _Fail(
                    f"YAML 格式错误：键“{key}”重复出现（第{first}行已有），同一层级的键不能重复，请删除或合并。",
                    line or 0,
                )
            frame.key = key
            self.entries.append((frame.loc + (key,), line or 0))
            return
        frame.value[frame.key] = value
        frame.key = _NO_KEY


_NO_KEY = object()
_MANY_DOCUMENTS = "YAML 格式错误：文件里有多个 YAML 文档（用“---”分开）。一个输入文件只能写一份文档，请删去多余的部分。"


@dataclass
class _Frame:
    value: Any
    loc: Loc
    anchor: str | None
    entries_from: int
    nodes_before: int
    key: Any = _NO_KEY


@dataclass
class _Anchored:
    value: Any
    size: int
    loc: Loc
    entries: list[tuple[Loc, int]]


def _copy(value: Any) -> Any:
    """A deep copy of plain data without recursion (aliases must not share objects)."""
    if not isinstance(value, (dict, list)):
        return value
    root: Any = {} if isinstance(value, dict) else []
    todo = [(value, root)]
    while todo:
        src, dst = todo.pop()
        items = src.items() if isinstance(src, dict) else enumerate(src)
        for k, v in items:
            if isinstance(v, (dict, list)):
                new: Any = {} if isinstance(v, dict) else []
                todo.append((v, new))
            else:
                new = v
            if isinstance(dst, dict):
                dst[k] = new
            else:
                dst.append(new)
    return root


def parser_problem(exc: MarkedYAMLError, text: str, label: str) -> Problem:
    """A parser complaint as a Chinese Problem at the line the user needs to look at."""
    mark = exc.problem_mark or exc.context_mark
    # An unclosed quote or bracket is reported at the end of the file; the place
    # where it was opened is what the user needs.
    context = exc.context or ""
    problem = exc.problem or ""
    if exc.context_mark is not None and (
        any(w in context for w in ("quoted", "flow", "simple key")) or "end of stream" in problem
    ):
        mark = exc.context_mark
    lines = text.split("\n")
    line = mark.line + 1 if mark is not None else None
    near: list[tuple[int, str]] = []  # the lines at the marks and the ones before them
    for m in (exc.context_mark, exc.problem_mark):
        if m is not None:
            near += [(n + 1, lines[n]) for n in (m.line, m.line - 1) if 0 <= n < len(lines)]
    char = None
    if exc.problem_mark is not None and 0 <= exc.problem_mark.index < len(text):
        char = text[exc.problem_mark.index]
    message, about = yaml_problem_cn(problem, context, near, char)
    return Problem(message, file=label, line=about or line)


def parse_yaml(text: str, label: str) -> LoadedYaml:
    """Parse YAML text; malformed or hostile YAML raises SpecError naming the line."""
    _check_characters(text, label)
    y = _yaml()
    builder = _Builder(y.resolver)
    try:
        for event in y.parse(text):
            if isinstance(event, (ScalarEvent, AliasEvent)):
                builder.leaf(event)
            elif isinstance(event, (MappingStartEvent, SequenceStartEvent)):
                builder.start(event)
            elif isinstance(event, CollectionEndEvent):
                builder.end(event)
            elif isinstance(event, DocumentStartEvent) and builder.done:
                raise _Fail(_MANY_DOCUMENTS, _line(event))
    except _Fail as exc:
        raise SpecError([Problem(exc.message, file=label, line=exc.line or None)]) from None
    except MarkedYAMLError as exc:
        raise SpecError([parser_problem(exc, text, label)]) from None
    except YAMLError:
        raise SpecError(
            [
                Problem(
                    "YAML 格式错误：文件无法按 YAML 读取。请检查缩进、冒号、引号和括号。",
                    file=label,
                )
            ]
        ) from None
    return LoadedYaml(data=builder.root, label=label, lines=dict(builder.entries))


def load_yaml(path: Path, what: str = "输入文件") -> LoadedYaml:
    """Read and parse a YAML file; messages use the file name as the user gave it."""
    path = Path(path)
    return parse_yaml(read_text(path, what), label=str(path))
