"""Load YAML as plain strings, lists and dicts, remembering the line of every value.

Scalars stay text: ruamel's own date typing crashes on 2027-02-30 before we can
say which line is wrong, so the calendar validates dates itself.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import Problem, SpecError, WenshuError

YamlPath = tuple[str | int, ...]
LineLookup = Callable[[YamlPath], "int | None"]

_NULLS = {"", "~", "null", "Null", "NULL"}


def read_text(path: Path, what: str) -> str:
    """Read a UTF-8 (optionally BOM) text file or raise WenshuError naming `what`."""
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise WenshuError(f"找不到{what} {path}，请检查文件名和路径。") from None
    except IsADirectoryError:
        raise WenshuError(f"{path} 是一个文件夹，请指定{what}的文件名。") from None
    except UnicodeDecodeError:
        raise WenshuError(
            f"{what} {path} 不是 UTF-8 编码，请用记事本等另存为 UTF-8 后再试。"
        ) from None
    except OSError as exc:
        raise WenshuError(f"无法读取{what} {path}：{exc.strerror or exc}") from None


def load_plain(text: str, file_label: str) -> tuple[object, LineLookup, list[Problem]]:
    """Parse YAML text; return (data, line_lookup, problems such as duplicate keys).

    Raises SpecError with the line number when the text is not valid YAML.
    """
    try:
        node = YAML().compose(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        reason = exc.problem or exc.context or "无法解析"
        raise SpecError(
            [
                Problem(
                    f"YAML 格式错误（{reason}）。请检查缩进、冒号后的空格和括号是否配对。",
                    file_label,
                    line,
                )
            ]
        ) from None
    except YAMLError as exc:
        raise SpecError([Problem(f"YAML 格式错误：{exc}", file_label)]) from None
    lines: dict[YamlPath, int] = {}
    problems: list[Problem] = []
    data = _plain(node, (), lines, problems, file_label) if node is not None else None
    return data, lambda path: lines.get(tuple(path)), problems


def _plain(node: Node, path: YamlPath, lines: dict, problems: list, file_label: str):
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, ScalarNode):
        # Only plain (unquoted) null spellings mean "nothing"; quoted "" is text.
        if node.style is None and node.value in _NULLS:
            return None
        return node.value
    if isinstance(node, SequenceNode):
        return [
            _plain(child, (*path, i), lines, problems, file_label)
            for i, child in enumerate(node.value)
        ]
    if isinstance(node, MappingNode):
        out: dict = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else str(key_node.value)
            key_line = key_node.start_mark.line + 1
            if key in out:
                problems.append(
                    Problem(
                        f"键“{key}”重复出现（第{lines[(*path, key)]}行已有），请合并为一处。",
                        file_label,
                        key_line,
                    )
                )
                continue
            # A key's line is where the key is written, also for block values below it.
            lines[(*path, key)] = key_line
            out[key] = _plain(value_node, (*path, key), lines, problems, file_label)
        return out
    return None
