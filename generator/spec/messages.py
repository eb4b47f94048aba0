"""Turning pydantic ValidationErrors into one readable Chinese line per field."""

from __future__ import annotations

import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import Problem
from ..yamlio import LoadedYaml


def format_path(loc: tuple) -> str:
    """('行事历', 1, '月份') → 行事历[2].月份 (item numbers count from 1, as people do)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out


_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def parse_path(text: str | None) -> list[Any]:
    """行事历[2].活动[1].日期 → ["行事历", 1, "活动", 0, "日期"]: format_path undone."""
    return [int(index) - 1 if index else name for name, index in _PART.findall(text or "")]


def _is_tag(part: Any, container: Any) -> bool:
    """pydantic puts union member names ('str', 'Ref', 'list[...]') into locations; our keys
    are Chinese, so an ASCII name that is not a key of the data is such a tag."""
    if not isinstance(part, str):
        return False
    if isinstance(container, dict) and part in container:
        return False
    return part.isascii()


def clean_loc(loc: tuple, data: Any) -> tuple[tuple, list[tuple[str, int]]]:
    """Drop union tags from `loc`, returning the data path and the tags seen, each with
    the depth of the path it applied to."""
    path: list[Any] = []
    tags: list[tuple[str, int]] = []
    node = data
    for part in loc:
        if _is_tag(part, node):
            tags.append((part, len(path)))
            continue
        path.append(part)
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            node = None
    return tuple(path), tags


def _value_at(data: Any, path: tuple) -> Any:
    node = data
    for part in path:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            return None
    return node


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    out: list[type[BaseModel]] = []
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _models_in(typing.get_args(annotation)[0])
    if origin is not None or isinstance(annotation, types.UnionType):
        for arg in typing.get_args(annotation):
            out.extend(_models_in(arg))
    return out


def _aliases(model: type[BaseModel]) -> dict[str, Any]:
    return {(f.alias or name): f for name, f in model.model_fields.items()}


def allowed_keys(root: type[BaseModel], path: tuple) -> list[str]:
    """Keys allowed in the mapping found at `path` below `root`."""
    current = [root]
    for part in path:
        if isinstance(part, int):
            continue
        nxt: list[type[BaseModel]] = []
        for model in current:
            field = _aliases(model).get(part)
            if field is not None:
                nxt.extend(_models_in(field.annotation))
        current = nxt
    keys: list[str] = []
    for model in current:
        for k in _aliases(model):
            if k not in keys:
                keys.append(k)
    return keys


def suggest(word: str, choices: list[str]) -> str | None:
    """The closest choice to a mistyped key, if one is close enough."""
    if not choices:
        return None
    from rapidfuzz import process  # only needed when something is misspelt

    hit = process.extractOne(word, choices, score_cutoff=50)
    return hit[0] if hit else None


def _kind_of(value: Any) -> str:
    if isinstance(value, dict):
        return "dict"
    if isinstance(value, list):
        return "list"
    return "scalar"


def _tag_kind(tag: str) -> str:
    if tag.startswith("list["):
        return "list"
    if tag[:1].isupper():  # a model name such as Ref or TreeNode
        return "dict"
    return "scalar"


# "月份： 10月": a key typed with the full-width colon reads as one piece of text. Stricter
# than the parser's pattern: a parsed text is a key only when its head is a short word.
_FULLWIDTH_PAIR = re.compile(r"^\s*([^\s：:，。、；]{1,8})\s*：\s*(.*)$", re.S)


def _fullwidth_colon_hint(value: Any) -> str:
    from ..yamlmessages import fullwidth_colon_fix

    m = _FULLWIDTH_PAIR.match(value) if isinstance(value, str) else None
    return "。" + fullwidth_colon_fix(m[1], m[2].strip()).rstrip("。") if m else ""


def _message(err: dict, path: tuple, root: type[BaseModel], data: Any) -> str:
    etype = err["type"]
    ctx = err.get("ctx") or {}
    field = path[-1] if path else ""
    if etype == "missing":
        return f"缺少必填项“{field}”"
    if etype == "extra_forbidden":
        choices = allowed_keys(root, path[:-1])
        hint = suggest(str(field), choices)
        text = f"未知的键“{field}”"
        if hint:
            return text + f"，是不是“{hint}”？"
        if choices:
            return text + "。此处可用的键：" + "、".join(choices)
        return text
    if etype == "value_error":
        return str(ctx.get("error", err.get("msg", "")))
    if etype in ("string_type", "str_type"):
        return "应为文字"
    if etype == "string_too_short":
        return "不能为空，请填写内容或删除此项"
    if etype == "too_short":
        if isinstance(_value_at(data, path), list):
            return "不能为空列表，至少写一项（或整个删去这个键）"
        return "不能为空，请填写内容或删除此项"
    if etype == "list_type":
        return "应为列表：每项另起一行，以“- ”开头"
    if etype in ("dict_type", "model_type", "model_attributes_type"):
        hint = _fullwidth_colon_hint(_value_at(data, path))
        return "应为一组“键: 值”，而不是单独的文字或列表" + hint
    if etype in ("int_type", "int_parsing", "int_from_float"):
        return "应为整数"
    if etype == "greater_than_equal":
        return f"不能小于 {ctx.get('ge')}"
    if etype == "less_than_equal":
        return f"不能大于 {ctx.get('le')}"
    if etype == "literal_error":
        expected = str(ctx.get("expected", "")).replace("'", "").replace(" or ", "、")
        return f"应为以下之一：{expected}"
    if etype in ("date_type", "date_parsing", "date_from_datetime_parsing"):
        return "不是有效日期，应写成 2025-09-01 这样的格式"
    if etype in ("bool_type", "bool_parsing"):
        return "应为 是/否（true/false）"
    if etype in ("float_type", "float_parsing", "finite_number", "int_parsing_size"):
        return "应为一个普通大小的数字"
    if etype in ("string_too_long", "too_long"):
        return f"太长了，最多 {ctx.get('max_length')} 项（或字）"
    if etype == "invalid_key":
        return "键应为文字"
    if etype == "recursion_loop":
        return "内容引用了自身，请把它直接写出来"
    # Anything else: no English from pydantic reaches the user.
    return "格式不正确，请对照 wenshu new 生成的示例检查这一项"


def _best_union_members(kept: list) -> list:
    """Where a mapping fits none of a union's models, keep the complaints of the model it
    comes closest to (fewest complaints), e.g. a mistyped 职责 group rather than 引用."""
    counts: dict[tuple, dict[str, int]] = {}
    for _err, path, tags in kept:
        models = [(t, d) for t, d in tags if _tag_kind(t) == "dict"]
        if models:
            tag, depth = models[-1]
            counts.setdefault(tuple(path[:depth]), {}).setdefault(tag, 0)
            counts[tuple(path[:depth])][tag] += 1
    best = {base: min(per.values()) for base, per in counts.items()}
    out = []
    for item in kept:
        models = [(t, d) for t, d in item[2] if _tag_kind(t) == "dict"]
        if models:
            tag, depth = models[-1]
            base = tuple(item[1][:depth])
            if counts[base][tag] > best[base]:
                continue
        out.append(item)
    return out


def problems_from_validation(
    exc: ValidationError, root: type[BaseModel], loaded: LoadedYaml
) -> list[Problem]:
    """One Problem per field; union alternatives that do not fit the value's shape are
    dropped so a user sees the relevant complaint only."""
    raw = [(err, *clean_loc(tuple(err["loc"]), loaded.data)) for err in exc.errors()]
    kept = []
    for err, path, tags in raw:
        if tags:
            tag, depth = tags[-1]
            # Keep a union member's complaint only when the value the union was asked to
            # read has that member's shape (a mapping for a model, a list for list[...]).
            if _tag_kind(tag) != _kind_of(_value_at(loaded.data, path[:depth])):
                continue
        kept.append((err, path, tags))
    kept = _best_union_members(kept)
    if not kept:  # nothing matched the value's shape: say what shapes are accepted
        seen_paths = []
        for err, path, _tags in raw:
            base = path if err["type"] not in ("missing", "extra_forbidden") else path[:-1]
            if base not in seen_paths:
                seen_paths.append(base)
        return [
            Problem(
                "格式不正确：应为文字、文字列表，或 {引用: 编号}",
                file=loaded.label,
                line=loaded.line_for(p),
                path=format_path(p),
            )
            for p in seen_paths
        ]
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for err, path, _tags in kept:
        msg = _message(err, path, root, loaded.data)
        key = (format_path(path), msg)
        if key in seen:
            continue
        seen.add(key)
        problems.append(
            Problem(msg, file=loaded.label, line=loaded.line_for(path), path=format_path(path))
        )
    problems.sort(key=lambda p: p.line or 0)
    return problems
