"""The 制度 spec: 条 (or 章 holding 条), each with optional 款, and 附则."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from ...spec.common import DocumentBase, SpecModel, TextValue, _string_shorthand
from ...spec.types import NonEmptyStr

NUMBERINGS = ("条", "条目")


class Clause(SpecModel):
    """A 条: its text (or a corpus section: its text, with its items as 款) and its 款."""

    content: TextValue = Field(alias="内容")
    items: list[TextValue] | None = Field(default=None, alias="款", min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        return _string_shorthand(data)


class Chapter(SpecModel):
    """A 章: its title (总则) and its 条; 条 numbers run on from the chapter before."""

    title: NonEmptyStr = Field(alias="标题")
    clauses: list[Clause] = Field(alias="条", min_length=1)


class RegulationSpec(DocumentBase):
    """制度."""

    kind: Literal["制度"] = Field(alias="文种")
    title: NonEmptyStr = Field(alias="标题")
    numbering: Literal["条", "条目"] = Field(default="条", alias="编号")
    chapters: list[Chapter] | None = Field(default=None, alias="章", min_length=1)
    clauses: list[Clause] | None = Field(default=None, alias="条", min_length=1)
    supplementary: list[Clause] | None = Field(default=None, alias="附则", min_length=1)

    @field_validator("supplementary", mode="before")
    @classmethod
    def _one_clause(cls, value: Any) -> Any:
        # 附则: 本制度自……起施行。 — a single clause needs no list.
        if value is not None and not isinstance(value, list):
            return [value]
        return value
