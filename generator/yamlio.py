"""YAML loading that remembers where every key and item stands, so messages can name lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .errors import Problem, SpecError, WenshuError

Loc = tuple[Any, ...]


class _StrTimestampConstructor(RoundTripConstructor):
    """Keep dates as text: pydantic parses them, so 2025-02-30 becomes a field error
    with a line number instead of a crash inside the YAML loader."""


_StrTimestampConstructor.add_constructor(
    "tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str
)


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.Constructor = _StrTimestampConstructor
    return y


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


def _plain(node: Any, loc: Loc, lines: dict[Loc, int]) -> Any:
    if isinstance(node, dict):
        out = {}
        lc = getattr(node, "lc", None)
        for key, value in node.items():
            k = str(key) if not isinstance(key, (str, int)) else key
            if lc is not None:
                try:
                    lines[loc + (k,)] = lc.key(key)[0] + 1
                except (KeyError, TypeError):
                    pass
            out[k] = _plain(value, loc + (k,), lines)
        return out
    if isinstance(node, list):
        out_list = []
        lc = getattr(node, "lc", None)
        for i, value in enumerate(node):
            if lc is not None:
                try:
                    lines[loc + (i,)] = lc.item(i)[0] + 1
                except (KeyError, TypeError):
                    pass
            out_list.append(_plain(value, loc + (i,), lines))
        return out_list
    if isinstance(node, str):
        return str(node)
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return node


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
        node = _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        # An unclosed quote or bracket is reported at the end of the file; the place
        # where it was opened is what the user needs.
        if (
            exc.context_mark is not None
            and "while scanning" in (exc.context or "")
            or (exc.context_mark is not None and "end of stream" in (exc.problem or ""))
        ):
            mark = exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = _yaml_problem_cn(exc)
        raise SpecError([Problem(what, file=label, line=line)], headline=None) from exc
    except YAMLError as exc:
        raise SpecError([Problem(f"YAML 格式错误：{exc}", file=label)]) from exc
    lines: dict[Loc, int] = {(): 1}
    data = _plain(node, (), lines)
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
    if "found character '\\t'" in problem or "\\t" in problem:
        return "YAML 格式错误：缩进里有 Tab 字符，请改用空格缩进。"
    if "did not find expected" in problem or "expected <block end>" in problem:
        return "YAML 格式错误：缩进不一致或列表项“- ”位置不对，请检查这一行及上一行的缩进。"
    return f"YAML 格式错误：{problem or exc}。请检查这一行的缩进、冒号和引号。"
