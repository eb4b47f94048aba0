"""JSON Schema of each 文种's spec, for editors (YAML language servers)."""

from __future__ import annotations

import json
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
    "日期": "日期，如 2025-09-01",
    "内容": "正文文字",
    "条目": "下一层的各项",
    "引用": "语料库片段编号",
    "变量": "填入片段的变量，如 {部门: 教务处}",
}


def key_help(kind: str) -> dict[str, str]:
    """Help per key for a 文种's form and schema: the shared keys, then the unit's own."""
    unit = kinds.get(kind)
    return {**SHARED_HELP, "文种": f"文种，本文件为 {kind}", **unit.help}


def _localise(node: Any, helps: dict[str, str]) -> None:
    if isinstance(node, dict):
        node.pop("description", None)
        for value in node.values():
            _localise(value, helps)
        props = node.get("properties")
        if isinstance(props, dict):
            for key, sub in props.items():
                if isinstance(sub, dict) and key in helps:
                    sub["description"] = helps[key]
    elif isinstance(node, list):
        for value in node:
            _localise(value, helps)


def schema_data(kind: str) -> dict[str, Any]:
    """The JSON Schema (by Chinese keys) of a 文种, with Chinese descriptions."""
    model = kinds.get(kind).model
    schema = model.model_json_schema(by_alias=True, mode="validation")
    _localise(schema, key_help(kind))
    schema["title"] = f"wenshu {kind}"
    schema["description"] = f"wenshu {kind}输入文件"
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def schema_json(kind: str) -> str:
    """schema_data as pretty JSON text."""
    return json.dumps(schema_data(kind), ensure_ascii=False, indent=2)
