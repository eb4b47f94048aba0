"""The 工作职责 spec: a flat list of duties, or duties grouped by 类别."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ...spec.common import DocumentBase, SpecModel, TextValue
from ...spec.types import NonEmptyStr


class DutyGroup(SpecModel):
    """A group of duties under one heading (常规工作, 教学研究 …)."""

    category: NonEmptyStr = Field(alias="类别")
    items: list[TextValue] = Field(alias="条目", min_length=1)


class DutySpec(DocumentBase):
    """工作职责."""

    kind: Literal["工作职责"] = Field(alias="文种")
    post: NonEmptyStr | None = Field(default=None, alias="岗位")
    duties: list[DutyGroup | TextValue] = Field(alias="职责", min_length=1)
