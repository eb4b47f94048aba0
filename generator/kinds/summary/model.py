"""The 工作总结 spec, optionally linked to the plan it reports on."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, PrivateAttr

from ...spec.common import DocumentBase, Paragraphs, SpecModel, TextValue, TreeNode
from ...spec.types import NonEmptyStr

STATUSES = ("已完成", "部分完成", "未完成")
_PLACEHOLDER = re.compile(r"^【待[^】]*】$")


def _status(value: Any) -> str:
    if isinstance(value, str):
        v = value.strip()
        if v in STATUSES or _PLACEHOLDER.match(v):
            # A scaffold placeholder passes here and is reported by the placeholder warning.
            return v
    raise ValueError(f"“{value}”不是有效的完成情况，应为 {'、'.join(STATUSES)} 之一")


Status = Annotated[str, BeforeValidator(_status)]


class GoalResult(SpecModel):
    """How one plan goal turned out."""

    id: NonEmptyStr = Field(alias="编号")
    status: Status = Field(alias="完成情况")
    actual: NonEmptyStr | None = Field(default=None, alias="实际")
    note: TextValue | None = Field(default=None, alias="说明")
    # Only for summaries without a linked plan: the goal's own words.
    content: NonEmptyStr | None = Field(default=None, alias="内容")
    indicator: NonEmptyStr | None = Field(default=None, alias="指标")


class SummarySpec(DocumentBase):
    """工作总结."""

    kind: Literal["工作总结"] = Field(alias="文种")
    unit: NonEmptyStr | None = Field(default=None, alias="单位")  # may come from the plan
    plan: NonEmptyStr | None = Field(default=None, alias="计划")
    results: list[GoalResult] | None = Field(default=None, alias="目标完成", min_length=1)
    work: list[TreeNode] = Field(alias="主要工作及成效", min_length=1)
    problems: list[TextValue] | None = Field(default=None, alias="存在问题", min_length=1)
    directions: list[TextValue] | None = Field(default=None, alias="努力方向", min_length=1)
    preface: Paragraphs | None = Field(default=None, alias="前言")

    _plan: Any = PrivateAttr(default=None)  # the linked LoadedSpec, set by the checks

    @property
    def linked_plan(self) -> Any:
        return self._plan
