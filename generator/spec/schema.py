"""JSON Schema of each 文种's spec, for editors (YAML language servers)."""

from __future__ import annotations

import json
from typing import Any

from .loader import model_for

# Descriptions users see in their editor; model docstrings are for developers.
KEY_HELP = {
    "文种": "工作计划、工作职责 或 工作总结",
    "单位": "学校或单位全称",
    "部门": "如 教科室、教务处、语文教研组",
    "岗位": "如 教科室主任、教研组长",
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
    "指导思想": "一段或几段",
    "工作目标": "目标列表；每项可写 内容、指标、编号",
    "内容": "正文文字",
    "指标": "可衡量的指标，如 区级以上获奖不少于12篇",
    "编号": "目标编号，如 G1，供工作总结对照",
    "主要工作": "工作及措施，可多层：标题、内容、条目",
    "保障措施": "写法同主要工作",
    "条目": "下一层的各项",
    "行事历": "按月份列出活动",
    "月份": "1～12，或 九月 这样的写法",
    "活动": "该月的活动：内容、负责人、周次、日期",
    "负责人": "负责人姓名或岗位",
    "周次": "第几周，如 3 或 3-4",
    "具体分工": "人员分工：姓名、职务、职责",
    "姓名": "姓名",
    "职务": "职务",
    "职责": "职责条目；工作职责中可平列，也可分组（类别 + 条目）",
    "类别": "职责分组名称，如 常规工作",
    "教研组": "教研组安排：名称、组长、成员、活动时间、研究主题",
    "名称": "名称",
    "组长": "组长",
    "成员": "成员列表，或 甲、乙、丙",
    "活动时间": "如 每周二下午第三节",
    "研究主题": "本学期研究主题",
    "开学": "开学日期；写了以后 周次 和 日期 可互相推算",
    "周起始": "每周从 周一 或 周日 开始",
    "假期": "补充或更正的节假日：假日、调休上班",
    "轮值表": "周次 × 年级 的轮值安排",
    "安排": "逐行列出：周次 和 各年级的学科",
    "学科": "参加轮换的学科",
    "年级": "年级列表（或一行中 年级: 学科 的对应）",
    "计划": "关联的工作计划文件（相对本文件）",
    "目标完成": "按计划目标编号逐项写完成情况",
    "完成情况": "已完成、部分完成 或 未完成",
    "实际": "实际达到的结果",
    "说明": "原因或补充说明",
    "主要工作及成效": "写法同主要工作",
    "存在问题": "问题列表",
    "努力方向": "今后努力方向",
    "引用": "语料库片段编号",
    "变量": "填入片段的变量，如 {部门: 教务处}",
}


def _localise(node: Any) -> None:
    if isinstance(node, dict):
        node.pop("description", None)
        for value in node.values():
            _localise(value)
        props = node.get("properties")
        if isinstance(props, dict):
            for key, sub in props.items():
                if isinstance(sub, dict) and key in KEY_HELP:
                    sub["description"] = KEY_HELP[key]
    elif isinstance(node, list):
        for value in node:
            _localise(value)


def schema_data(kind: str) -> dict[str, Any]:
    """The JSON Schema (by Chinese keys) of a 文种, with Chinese descriptions."""
    model = model_for(kind)
    schema = model.model_json_schema(by_alias=True, mode="validation")
    _localise(schema)
    schema["title"] = f"wenshu {kind}"
    schema["description"] = f"wenshu {kind}输入文件"
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def schema_json(kind: str) -> str:
    """schema_data as pretty JSON text."""
    return json.dumps(schema_data(kind), ensure_ascii=False, indent=2)
