"""JSON Schema of each 文种's spec, for editors (YAML language servers), and the help
text of each key, by where the key stands.

Help is looked up by a key's path (its parents' keys, list positions left out): an
entry written with its parents (附件.标题) is for that place only and wins over a plain
one; a plain entry for a key the document itself has (标题, 单位, 教研组 …) describes
that field of the document, and is never the help of a key of the same name below it
(an 附件's 标题 is not the document's title). A key below the top level takes the
longest entry that ends its path, then the plain entry for its name.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .. import kinds

# Help for the keys every 文种 shares (common.py); each unit adds its own (KindUnit.help).
# Descriptions users see in their editor; model docstrings are for developers.
SHARED_HELP = {
    "单位": "学校或单位全称",
    "部门": "如 教科室、教务处、语文教研组",
    "学年": "如 2025—2026（也接受 2025-2026、2025-26）",
    "学期": "第一学期（9—1月）或 第二学期（2—7月），也可写 1 或 2",
    "年度": "年度计划或总结的年份，如 2026（不与学年、学期同时使用）",
    "模板": "模板名称，见 wenshu templates list",
    "模板目录": "自定义模板所在目录（相对本文件）",
    "标题": "文档标题；不写时由模板生成",
    "前言": "开头的一段或几段话",
    "结束语": "结尾的一段或几段话",
    "目录": "true 时在标题后插入目录（一、（一）两级标题及页码）",
    "落款": "文末署名：单位 和 日期",
    "落款.单位": "署名的单位；不写时同上面的单位",
    "落款.日期": "成文日期，如 2025-09-01",
    "日期": "日期，如 2025-09-01",
    # Keys of the items of lists (a tree's 标题 and 内容, …), unless a unit says more.
    "*.标题": "这一项的标题（可不写）",
    "内容": "这一项的文字",
    "条目": "下一层的各项",
    "引用": "语料库片段编号",
    "变量": "填入片段的变量，如 {部门: 教务处}",
}

# "*.标题": the plain entry for 标题 below the top level (标题 at the top is the title).
_BELOW = "*."


@dataclass(frozen=True)
class KeyHelp:
    """The help of a 文种's keys: `top` for the document's own fields, `below` (plain
    names and dotted paths) for keys further down. See the module docstring."""

    top: dict[str, str]
    below: dict[str, str]

    def at(self, keys: Sequence[str]) -> str:
        """The help of the key at `keys` (its path, list positions left out), or ""."""
        keys = list(keys)
        if len(keys) == 1 and keys[0] in self.top:
            return self.top[keys[0]]
        for n in range(len(keys), 0, -1):
            text = self.below.get(".".join(keys[-n:]))
            if text is not None:
                return text
        return ""

    def as_json(self) -> dict[str, dict[str, str]]:
        """For the editor page, which looks keys up the same way (form.js helpFor)."""
        return {"top": self.top, "below": self.below}


def top_keys(kind: str) -> set[str]:
    """The keys of the document itself (its model's fields, by their Chinese names)."""
    model = kinds.get(kind).model
    return {f.alias or name for name, f in model.model_fields.items()}


def key_help(kind: str) -> KeyHelp:
    """Help per key for a 文种's form and schema: the shared keys, then the unit's own."""
    unit = kinds.get(kind)
    entries = {**SHARED_HELP, "文种": f"文种，本文件为 {kind}", **unit.help}
    top_level = top_keys(kind)
    top = {k: v for k, v in entries.items() if k in top_level}
    below = {k.removeprefix(_BELOW): v for k, v in entries.items() if k not in top_level}
    return KeyHelp(top, below)


def _drop_descriptions(node: Any) -> None:
    if isinstance(node, dict):
        node.pop("description", None)
        for value in node.values():
            _drop_descriptions(value)
    elif isinstance(node, list):
        for value in node:
            _drop_descriptions(value)


def _models_below(schema: dict[str, Any], node: Any) -> list[dict[str, Any]]:
    """The object schemas a property's value may be (through $ref, anyOf, list items)."""
    out: list[dict[str, Any]] = []
    todo, seen = [node], set()
    while todo:
        node = todo.pop()
        if not isinstance(node, dict) or id(node) in seen:
            continue
        seen.add(id(node))
        if "$ref" in node:
            todo.append(schema["$defs"][node["$ref"].rsplit("/", 1)[1]])
        todo.extend(node.get("anyOf", []))
        todo.extend(node.get("oneOf", []))
        todo.extend(node.get("allOf", []))
        for key in ("items", "additionalProperties"):
            todo.append(node.get(key))
        if isinstance(node.get("properties"), dict):
            out.append(node)
    return out


def key_paths(
    schema: dict[str, Any], every: bool = False
) -> list[tuple[tuple[str, ...], dict[str, Any]]]:
    """Every property of a schema with its path of keys, shortest paths first. A model
    met again (a model used in two places) is walked once, or with `every` once per
    place; never inside itself (a tree's 条目 stop at the first level)."""
    out = []
    level: list[tuple[tuple[str, ...], dict[str, Any], frozenset[int]]] = [
        ((), schema, frozenset({id(schema)}))
    ]
    walked = {id(schema)}
    while level:
        below = []
        for path, model, inside in level:
            for key, sub in model["properties"].items():
                out.append(((*path, key), sub))
                for inner in _models_below(schema, sub):
                    if id(inner) in inside or (not every and id(inner) in walked):
                        continue
                    walked.add(id(inner))
                    below.append(((*path, key), inner, inside | {id(inner)}))
        level = below
    return out


def schema_data(kind: str) -> dict[str, Any]:
    """The JSON Schema (by Chinese keys) of a 文种, with Chinese descriptions. A model
    used in several places (a tree's items) has one description per key: that of the
    first place, as JSON Schema cannot say more; the editor page looks help up by the
    whole path (KeyHelp.at)."""
    model = kinds.get(kind).model
    schema = model.model_json_schema(by_alias=True, mode="validation")
    _drop_descriptions(schema)
    helps = key_help(kind)
    for path, sub in key_paths(schema):
        if isinstance(sub, dict) and "description" not in sub:
            text = helps.at(path)
            if text:
                sub["description"] = text
    schema["title"] = f"wenshu {kind}"
    schema["description"] = f"wenshu {kind}输入文件"
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def schema_json(kind: str) -> str:
    """schema_data as pretty JSON text."""
    return json.dumps(schema_data(kind), ensure_ascii=False, indent=2)
