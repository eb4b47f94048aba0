"""YAML loading that remembers where every key and item stands, so messages can name lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import Problem, SpecError, WenshuError

Loc = tuple[Any, ...]


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


_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"


def _scalar(node: ScalarNode) -> Any:
    """Scalars by their resolved tag; dates stay text so pydantic reports bad ones
    (2025-02-30) with a line instead of the loader crashing."""
    tag, value = node.tag, node.value
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return value.lower() in ("true", "yes", "on")
    if tag == _INT:
        text = value.replace("_", "")
        try:
            return int(text)
        except ValueError:
            try:
                return int(text, 0)
            except ValueError:
                return value
    if tag == _FLOAT:
        try:
            return float(value.replace("_", ""))
        except ValueError:
            return value
    return value


def _plain(node: Node, loc: Loc, lines: dict[Loc, int], label: str) -> Any:
    if isinstance(node, MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _plain(key_node, loc, {}, label)
            if not isinstance(key, (str, int)):
                key = str(key)
            line = key_node.start_mark.line + 1
            if key in out:
                first = lines.get(loc + (key,))
                raise SpecError(
                    [
                        Problem(
                            f"YAML 格式错误：键“{key}”重复出现（第{first}行已有），同一层级的键不能重复，请删除或合并。",
                            file=label,
                            line=line,
                        )
                    ]
                )
            lines[loc + (key,)] = line
            out[key] = _plain(value_node, loc + (key,), lines, label)
        return out
    if isinstance(node, SequenceNode):
        items = []
        for i, child in enumerate(node.value):
            lines[loc + (i,)] = child.start_mark.line + 1
            items.append(_plain(child, loc + (i,), lines, label))
        return items
    if isinstance(node, ScalarNode):
        return _scalar(node)
    return None


def read_text(path: Path, what: str = "文件") -> str:
    """Read a UTF-8 (optionally BOM) or GB18030 text file; `what` names it in messages."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise WenshuError(f"找不到{what} {path}。请检查文件名和路径。") from exc
    except IsADirectoryError as exc:
        raise WenshuError(f"{path} 是文件夹，请给出{what}的文件名。") from exc
    except OSError as exc:
        raise WenshuError(f"无法读取{what} {path}：{exc.strerror or exc}") from exc
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    raise WenshuError(
        f"{what} {path} 不是文本文件（无法按 UTF-8 或 GB18030 解码）。请另存为 UTF-8 编码。"
    )


def parse_yaml(text: str, label: str) -> LoadedYaml:
    """Parse YAML text; malformed YAML raises SpecError naming the line."""
    try:
        node = _yaml().compose(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        # An unclosed quote or bracket is reported at the end of the file; the place
        # where it was opened is what the user needs.
        context = exc.context or ""
        if exc.context_mark is not None and (
            any(w in context for w in ("quoted", "flow", "simple key"))
            or "end of stream" in (exc.problem or "")
        ):
            mark = exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = _yaml_problem_cn(exc)
        raise SpecError([Problem(what, file=label, line=line)], headline=None) from exc
    except YAMLError as exc:
        raise SpecError([Problem(f"YAML 格式错误：{exc}", file=label)]) from exc
    lines: dict[Loc, int] = {(): 1}
    data = _plain(node, (), lines, label) if node is not None else None
    return LoadedYaml(data=data, label=label, lines=lines)


def load_yaml(path: Path) -> LoadedYaml:
    """Read and parse a YAML file; messages use the file name as the user gave it."""
    path = Path(path)
    return parse_yaml(read_text(path), label=str(path))


def _yaml_problem_cn(exc: MarkedYAMLError) -> str:
    problem = (exc.problem or "").strip()
    if "found duplicate key" in problem or "duplicate key" in str(exc):
        return "YAML 格式错误：同一层级出现了重复的键，请删除或合并重复项。"
    if "mapping values are not allowed" in problem:
        return "YAML 格式错误：此处不能出现“键: 值”。常见原因是冒号后少了空格、缩进不对，或文字里有英文冒号（可改用中文冒号“：”或给整段加引号）。"
    if "simple key" in (exc.context or ""):
        return "YAML 格式错误：这一行的“键: 值”不完整，常见原因是英文冒号后面少了空格（应写成“学年: 2025—2026”），或缺少冒号。"
    if "could not find expected ':'" in problem:
        return "YAML 格式错误：缺少英文冒号“:”，或上一行的引号没有闭合。"
    if "end of stream" in problem and "quoted" in (exc.context or ""):
        return "YAML 格式错误：这一行开始的引号没有闭合，请补上配对的引号。"
    if "expected ',' or ']'" in problem or "expected ',' or '}'" in problem:
        return "YAML 格式错误：方括号 [ ] 或花括号 { } 没有闭合，或其中的项之间缺少逗号。"
    if "tab" in problem or "\\t" in problem:
        return "YAML 格式错误：缩进里有 Tab 字符，请改用空格缩进。"
    if "did not find expected" in problem or "expected <block end>" in problem:
        return "YAML 格式错误：缩进不一致或列表项“- ”位置不对，请检查这一行及上一行的缩进。"
    return f"YAML 格式错误：{problem or exc}。请检查这一行的缩进、冒号和引号。"
