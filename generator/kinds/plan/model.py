"""The 工作计划 spec."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import Field, PrivateAttr, model_validator

from ...spec.common import (
    DocumentBase,
    Paragraphs,
    SpecModel,
    TextValue,
    TreeNode,
    _string_shorthand,
)
from ...spec.types import CNDate, Month, NonEmptyStr, Week
from .rotation import Rotation


class Goal(SpecModel):
    """A 工作目标: text, optional measurable 指标, optional 编号 (linked from summaries)."""

    content: TextValue = Field(alias="内容")
    indicator: NonEmptyStr | None = Field(default=None, alias="指标")
    id: NonEmptyStr | None = Field(default=None, alias="编号")

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        return _string_shorthand(data)


class Activity(SpecModel):
    """One activity of a month in 行事历."""

    content: TextValue = Field(alias="内容")
    owner: NonEmptyStr | None = Field(default=None, alias="负责人")
    week: Week | None = Field(default=None, alias="周次")
    date: CNDate | None = Field(default=None, alias="日期")

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        return _string_shorthand(data)


class MonthPlan(SpecModel):
    """A month of 行事历 with its activities."""

    month: Month = Field(alias="月份")
    activities: list[Activity] = Field(alias="活动", min_length=1)


def _name_list(data: Any, key: str) -> Any:
    """ "张三、李四、王五" is how people type a list of names: split it."""
    if isinstance(data, dict) and isinstance(data.get(key), str):
        parts = [p for p in re.split(r"[、，,；;\s]+", data[key]) if p]
        data = {**data, key: parts}
    return data


class Assignment(SpecModel):
    """A person in 具体分工: what they are responsible for, and optionally the schools,
    grades or wards they are linked to (联系: 教研员联系学校, 行政联系年级, 质控员联系病区)."""

    name: NonEmptyStr = Field(alias="姓名")
    post: NonEmptyStr | None = Field(default=None, alias="职务")
    links: list[NonEmptyStr] | None = Field(default=None, alias="联系", min_length=1)
    duties: list[TextValue] = Field(alias="职责", min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _duty_string(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("职责"), str):
            data = {**data, "职责": [data["职责"]]}
        return _name_list(data, "联系")


class SubjectGroup(SpecModel):
    """A 教研组: name, leader, members, meeting time, research theme."""

    name: NonEmptyStr = Field(alias="名称")
    leader: NonEmptyStr = Field(alias="组长")
    members: list[NonEmptyStr] = Field(alias="成员", min_length=1)
    meeting: NonEmptyStr | None = Field(default=None, alias="活动时间")
    theme: NonEmptyStr | None = Field(default=None, alias="研究主题")

    @model_validator(mode="before")
    @classmethod
    def _members_string(cls, data: Any) -> Any:
        return _name_list(data, "成员")


class PlanSpec(DocumentBase):
    """工作计划."""

    kind: Literal["工作计划"] = Field(alias="文种")
    guiding: Paragraphs = Field(alias="指导思想")
    goals: list[Goal] = Field(alias="工作目标", min_length=1)
    work: list[TreeNode] = Field(alias="主要工作", min_length=1)
    safeguards: list[TreeNode] | None = Field(default=None, alias="保障措施", min_length=1)
    calendar: list[MonthPlan] | None = Field(default=None, alias="行事历", min_length=1)
    assignments: list[Assignment] | None = Field(default=None, alias="具体分工", min_length=1)
    groups: list[SubjectGroup] | None = Field(default=None, alias="教研组", min_length=1)
    term_start: CNDate | None = Field(default=None, alias="开学")
    week_start: Literal["周一", "周日", "mon", "sun"] | None = Field(default=None, alias="周起始")
    holidays: dict[str, Any] | None = Field(default=None, alias="假期")
    rotation: Rotation | None = Field(default=None, alias="轮值表")

    _calendar: Any = PrivateAttr(default=None)  # TermCalendar when 开学 is given

    @property
    def term_calendar(self) -> Any:
        return self._calendar
