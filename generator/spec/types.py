"""Constrained value types used across specs (school year, term, month, dates, weeks)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator

from ..numbering import cn_to_int


def _school_year(value: Any) -> str:
    if isinstance(value, int):
        raise ValueError(f"学年应写成“{value}—{value + 1}”这样的起止年份")
    if not isinstance(value, str):
        raise ValueError("学年应为文字，如 2025—2026")
    m = re.fullmatch(
        r"\s*(\d{4})\s*(?:年)?\s*[-–—~～－至到/]\s*(\d{2}|\d{4})\s*(?:年|学年)?\s*", value
    )
    if not m:
        raise ValueError(f"“{value}”不是有效的学年，应写成 2025—2026（也接受 2025-2026、2025-26）")
    a = int(m.group(1))
    b_text = m.group(2)
    if len(b_text) == 2:
        b = a // 100 * 100 + int(b_text)
        if b < a:  # 1999-00
            b += 100
    else:
        b = int(b_text)
    if b != a + 1:
        raise ValueError(f"学年的两个年份应相邻，“{value}”不是（应为 {a}—{a + 1}）")
    return f"{a}—{b}"


def school_year_start(school_year: str) -> int:
    """'2025—2026' → 2025."""
    return int(school_year[:4])


TERM_NAMES = {1: "第一学期", 2: "第二学期"}


def _term(value: Any) -> int:
    if isinstance(value, bool):
        raise ValueError("学期应为 第一学期 或 第二学期")
    if isinstance(value, int) and value in (1, 2):
        return value
    if isinstance(value, str):
        v = value.strip().replace(" ", "")
        table = {
            "1": 1,
            "2": 2,
            "第一学期": 1,
            "第二学期": 2,
            "一": 1,
            "二": 2,
            "上学期": 1,
            "下学期": 2,
            "第1学期": 1,
            "第2学期": 2,
            "秋季学期": 1,
            "春季学期": 2,
            "秋季": 1,
            "春季": 2,
        }
        if v in table:
            return table[v]
    raise ValueError(f"“{value}”不是有效的学期，应为 第一学期 或 第二学期（也可写 1 或 2）")


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


_DATE_FORMS = [
    re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"),
    re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"),
    re.compile(r"(\d{4})\.(\d{1,2})\.(\d{1,2})"),
    re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日"),
]


def parse_date(value: Any) -> dt.date:
    """Accept 2025-09-01, 2025/9/1, 2025.9.1, 2025年9月1日; reject impossible days."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError("日期应写成 2025-09-01 这样的格式")
    v = value.strip()
    for form in _DATE_FORMS:
        m = form.fullmatch(v)
        if m:
            y, mo, d = (int(g) for g in m.groups())
            try:
                return dt.date(y, mo, d)
            except ValueError:
                if 1 <= mo <= 12:
                    raise ValueError(f"{v} 不是真实存在的日期（{y}年{mo}月没有{d}日）") from None
                raise ValueError(f"{v} 不是真实存在的日期（没有{mo}月）") from None
    raise ValueError(f"“{v}”不是有效日期，应写成 2025-09-01 这样的格式")


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
Term = Annotated[int, BeforeValidator(_term)]
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
