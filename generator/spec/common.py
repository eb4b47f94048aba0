"""Spec building blocks shared by every 文种: text (or a corpus reference), trees, periods,
signature. Keys are Chinese aliases; unknown keys are errors."""

from __future__ import annotations

import datetime as dt
from typing import Any, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .types import TERM_NAMES, CNDate, NonEmptyStr, SchoolYear, Term, YesNo, school_year_start


class SpecModel(BaseModel):
    """Base of every spec model: Chinese keys only, unknown keys forbidden."""

    # Schemas are built on first use: a build validates one 文种 and needs only its models.
    model_config = ConfigDict(
        extra="forbid", populate_by_name=False, frozen=False, defer_build=True
    )


class Ref(SpecModel):
    """`{引用: ID, 变量: {...}}`: inline a corpus section here."""

    ref: NonEmptyStr = Field(alias="引用")
    variables: dict[str, NonEmptyStr] = Field(default_factory=dict, alias="变量")


TextValue = Union[Ref, NonEmptyStr]
Paragraphs = Union[list[TextValue], TextValue]


def paragraphs_list(value: Paragraphs | None) -> list[TextValue]:
    """A 前言/指导思想 value as a list of items (a string or a reference each)."""
    if value is None:
        return []
    if isinstance(value, list):
        return value
    return [value]


def _string_shorthand(data: Any, key: str = "内容") -> Any:
    """A plain string, or a bare {引用: ID}, stands for {内容: ...}."""
    if isinstance(data, (str, int, float)) and not isinstance(data, bool):
        return {key: str(data)}
    if isinstance(data, dict) and "引用" in data and set(data) <= {"引用", "变量"}:
        return {key: data}
    return data


class TreeNode(SpecModel):
    """A node of 主要工作/保障措施/主要工作及成效: a heading and/or text, with children."""

    title: NonEmptyStr | None = Field(default=None, alias="标题")
    content: Paragraphs | None = Field(default=None, alias="内容")
    ref: NonEmptyStr | None = Field(default=None, alias="引用")
    variables: dict[str, NonEmptyStr] = Field(default_factory=dict, alias="变量")
    children: list[TreeNode] = Field(default_factory=list, alias="条目")

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        # A bare {引用: ID} stays a node-level reference: the section's title becomes the
        # node's heading and its items the node's children.
        if isinstance(data, dict):
            return data
        return _string_shorthand(data)

    @model_validator(mode="after")
    def _not_empty(self) -> TreeNode:
        if self.title is None and self.content is None and self.ref is None and not self.children:
            raise ValueError("此项既没有“标题”也没有“内容”，请填写其一，或删除此项")
        return self


class Signature(SpecModel):
    """落款: unit and date (both optional; unit defaults to the spec's 单位)."""

    unit: NonEmptyStr | None = Field(default=None, alias="单位")
    date: CNDate | None = Field(default=None, alias="日期")


class Period(SpecModel):
    """学年 + 学期, or 年度 (a calendar-year document)."""

    school_year: SchoolYear | None = Field(default=None, alias="学年")
    term: Term | None = Field(default=None, alias="学期")
    year: int | None = Field(default=None, alias="年度", ge=2000, le=2100)

    def has_period(self) -> bool:
        return self.year is not None or self.school_year is not None

    def period_check(self, required: bool) -> list[tuple[tuple, str]]:
        """Problems with how the period is given, as (field path, message)."""
        out: list[tuple[tuple, str]] = []
        if self.year is not None and (self.school_year or self.term):
            out.append(
                (
                    ("年度",),
                    "“年度”不能与“学年”“学期”同时使用：学期计划写学年和学期，年度计划只写年度",
                )
            )
        elif self.school_year and self.term is None:
            out.append(
                (
                    ("学期",),
                    "写了“学年”就需要“学期”（第一学期 或 第二学期）；年度计划请改用“年度: 2026”",
                )
            )
        elif self.term is not None and not self.school_year:
            out.append((("学年",), "写了“学期”就需要“学年”，如 学年: 2025—2026"))
        elif required and not self.has_period():
            out.append(((), "缺少时段：请写“学年”和“学期”，或写“年度”"))
        return out

    def months(self) -> list[int]:
        """Months of the period in calendar order."""
        if self.year is not None:
            return list(range(1, 13))
        if self.term == 1:
            return [9, 10, 11, 12, 1]
        if self.term == 2:
            return [2, 3, 4, 5, 6, 7]
        return list(range(1, 13))

    def date_range(self) -> tuple[dt.date, dt.date] | None:
        """First and last day of the period."""
        if self.year is not None:
            return dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)
        if self.school_year and self.term:
            start = school_year_start(self.school_year)
            if self.term == 1:
                return dt.date(start, 9, 1), dt.date(start + 1, 1, 31)
            return dt.date(start + 1, 2, 1), dt.date(start + 1, 7, 31)
        return None

    def year_of_month(self, month: int) -> int | None:
        """The calendar year a month of this period falls in."""
        if self.year is not None:
            return self.year
        if self.school_year and self.term:
            start = school_year_start(self.school_year)
            if self.term == 1:
                return start if month >= 9 else start + 1
            return start + 1
        return None

    def period_text(self) -> str:
        """2025—2026学年第一学期, or 2026年度."""
        if self.year is not None:
            return f"{self.year}年度"
        if self.school_year and self.term:
            return f"{self.school_year}学年{TERM_NAMES[self.term]}"
        return ""

    def term_name(self) -> str:
        return TERM_NAMES.get(self.term or 0, "")

    def period_words(self) -> dict[str, str]:
        """How running text names this period: 本学期/本年度, 学期初/年初, 学期末/年末,
        下学期/下一年度 (templates say 本期 and never hard-code 学期)."""
        if self.year is not None:
            return {"本期": "本年度", "期初": "年初", "期末": "年末", "下期": "下一年度"}
        return {"本期": "本学期", "期初": "学期初", "期末": "学期末", "下期": "下学期"}


class DocumentBase(Period):
    """Keys every 文种 shares."""

    kind: NonEmptyStr = Field(alias="文种")
    unit: NonEmptyStr = Field(alias="单位")
    department: NonEmptyStr | None = Field(default=None, alias="部门")
    template: NonEmptyStr | None = Field(default=None, alias="模板")
    template_dir: NonEmptyStr | None = Field(default=None, alias="模板目录")
    title: NonEmptyStr | None = Field(default=None, alias="标题")
    preface: Paragraphs | None = Field(default=None, alias="前言")
    closing: Paragraphs | None = Field(default=None, alias="结束语")
    signature: Signature | None = Field(default=None, alias="落款")
    toc: YesNo = Field(default=False, alias="目录")
