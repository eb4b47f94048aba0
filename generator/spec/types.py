"""Constrained value types used across specs (school year, term, month, dates, weeks)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator

from ..numbering import cn_to_int
from ..periods import TERM_NAMES, parse_date, parse_school_year, parse_term  # noqa: F401


def _school_year(value: Any) -> str:
    start = parse_school_year(value)
    return f"{start}—{start + 1}"


def school_year_start(school_year: str) -> int:
    """'2025—2026' → 2025."""
    return int(school_year[:4])


def _month(value: Any) -> int:
    n: int | None = None
    if isinstance(value, bool):
        n = None
    elif isinstance(value, int):
        n = value
    elif isinstance(value, str):
        v = value.strip()
        v = re.sub(r"(月份|月)$", "", v)
        n = cn_to_int(v)
    if n is None or not 1 <= n <= 12:
        raise ValueError(f"“{value}”不是有效的月份，应为 1～12 或“九月”这样的写法")
    return n


def _week(value: Any) -> tuple[int, int]:
    if isinstance(value, bool):
        raise ValueError("周次应为正整数，如 3，或范围 3-4")
    if isinstance(value, int):
        if value < 1:
            raise ValueError("周次应从 1 开始")
        return (value, value)
    if isinstance(value, str):
        v = value.strip().removeprefix("第").removesuffix("周")
        m = re.fullmatch(r"(\d{1,2})(?:\s*[-–—~～至到]\s*(\d{1,2}))?", v)
        if m:
            a = int(m.group(1))
            b = int(m.group(2) or a)
            if a < 1 or b < a:
                raise ValueError(f"周次“{value}”无效：应从 1 开始，范围的后一个数不能小于前一个")
            return (a, b)
    raise ValueError(f"“{value}”不是有效的周次，应为正整数（如 3）或范围（如 3-4）")


def format_week(week: tuple[int, int]) -> str:
    """(3, 3) → 第3周; (3, 4) → 第3—4周."""
    a, b = week
    return f"第{a}周" if a == b else f"第{a}—{b}周"


SchoolYear = Annotated[str, BeforeValidator(_school_year)]
Term = Annotated[int, BeforeValidator(parse_term)]
Month = Annotated[int, BeforeValidator(_month)]
CNDate = Annotated[dt.date, BeforeValidator(parse_date)]
Week = Annotated[tuple[int, int], BeforeValidator(_week)]


def _text_in(value: Any) -> Any:
    # Numbers typed where text is expected (成员: 2025, 活动时间: 3) are kept as text.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def _non_empty(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("不能为空，请填写内容或删除此项")
    return value


NonEmptyStr = Annotated[str, BeforeValidator(_text_in), AfterValidator(_non_empty)]

_YES = {"true", "yes", "y", "1", "是", "要", "有", "需要", "插入", "开"}
_NO = {"false", "no", "n", "0", "否", "不", "不要", "无", "没有", "不需要", "关"}


def _yes_no(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ValueError(f"应写 true 或 false（也可写 是/否），而不是“{value}”")


YesNo = Annotated[bool, BeforeValidator(_yes_no)]
