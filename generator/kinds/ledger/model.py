"""The 教研组台帐 spec: a teaching-research group's record book for one term."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, PrivateAttr

from ...numbering import cn_to_int
from ...spec.common import Paragraphs, Period, SpecModel, TextValue
from ...spec.types import CNDate, NonEmptyStr, YesNo

CATEGORIES = ("公开课", "论文", "获奖", "辅导学生", "课题")
# Blank forms the 空白 key can ask for, and the most of each.
BLANK_FORMS = ("签到表", "活动记录", "集体备课", "工作实绩")
MAX_BLANK = 50
# A term has about twenty weeks: these bounds are far above any real 台帐 and keep a
# mistaken paste from producing thousands of pages.
MAX_MEETINGS = 100
MAX_PEOPLE = 200
MAX_ITEMS = 100

_YEAR_MONTH = re.compile(r"(\d{4})\s*(?:[-./年]\s*(\d{1,2})\s*月?)?(?:[-./]\d{1,2}日?)?")


def _year_month(value: Any) -> tuple[int, int]:
    """出生年月: 1985-03, 1985.03, 1985年3月, 1985/3, a full date, or 198503."""
    if isinstance(value, dt.date):
        return value.year, value.month
    if isinstance(value, bool):
        raise ValueError(f"“{value}”不是年月，请写成 1985-03 这样的写法")
    text = str(value).strip()
    if isinstance(value, float):
        # YAML reads 1985.10 as the number 1985.1: the month cannot be told apart.
        if text.endswith(".1"):
            raise ValueError(f"“{text}”分不清是1月还是10月，请写成 {text[:4]}-01 或 {text[:4]}-10")
    elif isinstance(value, int) and len(text) == 6:
        text = f"{text[:4]}-{text[4:]}"
    text = re.sub("[０-９]", lambda m: chr(ord(m.group()) - 0xFEE0), text)
    text = re.sub("[一二三四五六七八九十〇]+", lambda m: str(cn_to_int(m.group()) or ""), text)
    m = _YEAR_MONTH.fullmatch(text)
    if not m or not m.group(2):
        raise ValueError(f"“{value}”不是有效的年月，请写成 1985-03 这样的写法")
    year, month = int(m.group(1)), int(m.group(2))
    if not 1 <= month <= 12:
        raise ValueError(f"“{value}”的月份应为 1～12")
    if not 1900 <= year <= 2100:
        raise ValueError(f"“{value}”的年份不对，请写四位年份，如 1985-03")
    return year, month


YearMonth = Annotated[tuple[int, int], BeforeValidator(_year_month)]


def _category(value: Any) -> str:
    if isinstance(value, str) and value.strip() in CATEGORIES:
        return value.strip()
    raise ValueError(f"“{value}”不是有效的类别，应为 {'、'.join(CATEGORIES)} 之一")


Category = Annotated[str, BeforeValidator(_category)]


def _names(value: Any) -> Any:
    """参加: a list of names, or one line 甲、乙、丙 (also separated by ，, spaces)."""
    if isinstance(value, str):
        return [n for n in re.split(r"[、，,；;\s]+", value) if n]
    return value


Names = Annotated[list[NonEmptyStr], BeforeValidator(_names)]


class Member(SpecModel):
    """One row of the 成员概况表."""

    name: NonEmptyStr = Field(alias="姓名")
    sex: Literal["男", "女"] | None = Field(default=None, alias="性别")
    born: YearMonth | None = Field(default=None, alias="出生年月")
    education: NonEmptyStr | None = Field(default=None, alias="学历")
    title: NonEmptyStr | None = Field(default=None, alias="职称")
    teaches: NonEmptyStr | None = Field(default=None, alias="任教")


class Activity(SpecModel):
    """A group activity: its 签到表 and its 教研组活动记录."""

    date: CNDate = Field(alias="日期")
    time: NonEmptyStr | None = Field(default=None, alias="时间")
    place: NonEmptyStr | None = Field(default=None, alias="地点")
    host: NonEmptyStr | None = Field(default=None, alias="主持")
    topic: NonEmptyStr = Field(alias="主题")
    present: Names | None = Field(default=None, alias="参加", max_length=MAX_PEOPLE)
    content: Paragraphs | None = Field(default=None, alias="内容")
    reflection: Paragraphs | None = Field(default=None, alias="反思")


class LessonPrep(SpecModel):
    """A 集体备课 session: its 集体备课活动记录."""

    date: CNDate = Field(alias="日期")
    lesson: NonEmptyStr = Field(alias="课题")
    lead: NonEmptyStr | None = Field(default=None, alias="主备")
    present: Names | None = Field(default=None, alias="参加", max_length=MAX_PEOPLE)
    draft: Paragraphs | None = Field(default=None, alias="初案")
    discussion: list[TextValue] | None = Field(
        default=None, alias="研讨", min_length=1, max_length=MAX_ITEMS
    )
    revision: Paragraphs | None = Field(default=None, alias="修改")


class Achievement(SpecModel):
    """One item of a member's 工作实绩."""

    category: Category = Field(alias="类别")
    content: NonEmptyStr = Field(alias="内容")
    level: NonEmptyStr | None = Field(default=None, alias="级别")
    date: YearMonth | None = Field(default=None, alias="日期")


class MemberRecord(SpecModel):
    """A member's achievements this term."""

    name: NonEmptyStr = Field(alias="姓名")
    items: list[Achievement] = Field(alias="项目", min_length=1, max_length=MAX_ITEMS)


class Appraisal(SpecModel):
    """教研组工作鉴定: the group's own appraisal and the school's opinion."""

    self_review: Paragraphs | None = Field(default=None, alias="自评")
    school: Paragraphs | None = Field(default=None, alias="学校意见")


def _blank_count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"“{value}”不是份数，请写 0～{MAX_BLANK} 的整数")
    if not 0 <= value <= MAX_BLANK:
        raise ValueError(f"份数应为 0～{MAX_BLANK}")
    return value


BlankCount = Annotated[int, BeforeValidator(_blank_count)]


class Blanks(SpecModel):
    """How many blank forms to add for filling in by hand."""

    sign_in: BlankCount = Field(default=0, alias="签到表")
    record: BlankCount = Field(default=0, alias="活动记录")
    prep: BlankCount = Field(default=0, alias="集体备课")
    achievements: BlankCount = Field(default=0, alias="工作实绩")


class LedgerSpec(Period):
    """教研组台帐. Not a DocumentBase: a 台帐 has no 前言, 结束语 or 落款, and its 部门 is
    the 教研组."""

    kind: Literal["教研组台帐"] = Field(alias="文种")
    unit: NonEmptyStr = Field(alias="单位")
    group: NonEmptyStr = Field(alias="教研组")
    leader: NonEmptyStr | None = Field(default=None, alias="组长")
    members: list[Member] | None = Field(
        default=None, alias="成员", min_length=1, max_length=MAX_PEOPLE
    )
    plan: NonEmptyStr | None = Field(default=None, alias="计划")
    activities: list[Activity] | None = Field(
        default=None, alias="活动", min_length=1, max_length=MAX_MEETINGS
    )
    preps: list[LessonPrep] | None = Field(
        default=None, alias="集体备课", min_length=1, max_length=MAX_MEETINGS
    )
    achievements: list[MemberRecord] | None = Field(
        default=None, alias="工作实绩", min_length=1, max_length=MAX_PEOPLE
    )
    appraisal: Appraisal | None = Field(default=None, alias="鉴定")
    blanks: Blanks | None = Field(default=None, alias="空白")
    title: NonEmptyStr | None = Field(default=None, alias="标题")
    template: NonEmptyStr | None = Field(default=None, alias="模板")
    template_dir: NonEmptyStr | None = Field(default=None, alias="模板目录")
    # A 台帐 opens with its 目录 unless told otherwise.
    toc: YesNo = Field(default=True, alias="目录")

    _plan: Any = PrivateAttr(default=None)  # the linked LoadedSpec, set by the checks

    @property
    def department(self) -> str:
        """The 教研组, where other 文种 have their 部门 (document author, corpus variables)."""
        return self.group

    @property
    def linked_plan(self) -> Any:
        return self._plan
