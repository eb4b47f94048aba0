"""User-supplied holidays (调休 YAML): for years chinesecalendar does not know yet,
or to correct a known year. The same shape is the `假期` key of a plan spec:

    假日: [2027-04-05, 2027-05-01~2027-05-05, {日期: 2027-10-01~2027-10-07, 名称: 国庆节}]
    调休上班: [2027-04-25]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problem, SpecError
from ..spec.messages import format_path
from ..yamlio import parse_yaml, read_text
from .dates import DateFormatError, daterange, parse_date_range

YamlPath = tuple[str | int, ...]
LineLookup = Callable[[YamlPath], "int | None"]

HOLIDAY_KEY = "假日"
MAKEUP_KEY = "调休上班"
DATE_KEY = "日期"
NAME_KEY = "名称"
MAX_RANGE_DAYS = 31

# Likely slips for the two keys, so the message can say which one was meant.
_KEY_HINTS = {
    "假期": HOLIDAY_KEY,
    "节假日": HOLIDAY_KEY,
    "放假": HOLIDAY_KEY,
    "假日期": HOLIDAY_KEY,
    "法定节假日": HOLIDAY_KEY,
    "调休": MAKEUP_KEY,
    "补班": MAKEUP_KEY,
    "上班": MAKEUP_KEY,
    "调休日": MAKEUP_KEY,
    "补课": MAKEUP_KEY,
    "日子": DATE_KEY,
    "date": DATE_KEY,
    "名字": NAME_KEY,
    "节日": NAME_KEY,
    "name": NAME_KEY,
}

EXAMPLE = (
    "假日: [2027-04-05, 2027-05-01~2027-05-05, {日期: 2027-10-01~2027-10-07, 名称: 国庆节}]\n"
    "调休上班: [2027-04-25]"
)


@dataclass
class HolidayOverride:
    """Holiday days (date → name or None) and make-up workdays (date → name or None)."""

    holidays: dict[dt.date, str | None] = field(default_factory=dict)
    makeup_days: dict[dt.date, str | None] = field(default_factory=dict)
    source: str = ""

    @property
    def years(self) -> set[int]:
        """Calendar years this override says something about."""
        return {d.year for d in (*self.holidays, *self.makeup_days)}

    def merged(self, other: HolidayOverride) -> HolidayOverride:
        """A new override where `other` wins on dates both mention."""
        holidays = {d: n for d, n in self.holidays.items() if d not in other.makeup_days}
        makeup = {d: n for d, n in self.makeup_days.items() if d not in other.holidays}
        holidays.update(other.holidays)
        makeup.update(other.makeup_days)
        return HolidayOverride(holidays, makeup, other.source or self.source)


def _show(path: YamlPath, prefix: str) -> str:
    return format_path(((prefix,) if prefix else ()) + tuple(path))


class _Checker:
    def __init__(self, file_label: str | None, line_lookup: LineLookup | None, prefix: str):
        self.file = file_label
        self.lookup = line_lookup
        self.prefix = prefix
        self.problems: list[Problem] = []

    def line(self, path: YamlPath) -> int | None:
        # Walk up until a node with a known line (a missing value has none).
        while self.lookup is not None:
            found = self.lookup(path)
            if found or not path:
                return found
            path = path[:-1]
        return None

    def add(self, path: YamlPath, message: str) -> None:
        self.problems.append(
            Problem(message, self.file, self.line(path), _show(path, self.prefix) or None)
        )


def check_holiday_override(
    data: object,
    file_label: str | None = None,
    line_lookup: LineLookup | None = None,
    path_prefix: str = "",
) -> tuple[HolidayOverride, list[Problem]]:
    """Validate already-loaded data of the override shape; return it and all problems.

    `line_lookup(path)` gives the line of a value by its path relative to `data`
    (keys and list indexes); `path_prefix` (e.g. "假期") is shown before paths.
    """
    chk = _Checker(file_label, line_lookup, path_prefix)
    result = HolidayOverride(source=file_label or "")
    if data is None:
        return result, []
    if not isinstance(data, dict):
        chk.add((), f"应当写成“{HOLIDAY_KEY}: [...]”和“{MAKEUP_KEY}: [...]”两项，例如：\n{EXAMPLE}")
        return result, chk.problems
    for key in data:
        if key not in (HOLIDAY_KEY, MAKEUP_KEY):
            hint = _KEY_HINTS.get(str(key))
            tip = f"是不是“{hint}”？" if hint in (HOLIDAY_KEY, MAKEUP_KEY) else ""
            chk.add((key,), f"不认识的键“{key}”。{tip}只能写“{HOLIDAY_KEY}”和“{MAKEUP_KEY}”。")
    seen: dict[dt.date, tuple[str, YamlPath]] = {}
    for key, target in ((HOLIDAY_KEY, result.holidays), (MAKEUP_KEY, result.makeup_days)):
        for path, start, end, name in _entries(chk, data.get(key), (key,)):
            for day in daterange(start, end):
                earlier = seen.get(day)
                if earlier and earlier[0] != key:
                    where = chk.line(earlier[1])
                    at = f"（第{where}行）" if where else ""
                    chk.add(
                        path,
                        f"{day.isoformat()} 同时写在“{earlier[0]}”{at}和“{key}”里，请只保留一处。",
                    )
                    continue
                seen.setdefault(day, (key, path))
                if name is not None or day not in target:
                    target[day] = name
    return result, chk.problems


def _entries(chk: _Checker, value: object, path: YamlPath):
    """Yield (path, start, end, name) for each well-formed item of one list."""
    if value is None:
        return
    if isinstance(value, dict):
        chk.add(path, "应当是一个列表，例如 [2027-04-05, 2027-05-01~2027-05-05]。")
        return
    # A single date without brackets is accepted as a one-item list.
    items = value if isinstance(value, list) else [value]
    for i, item in enumerate(items):
        item_path = (*path, i) if isinstance(value, list) else path
        name = None
        raw = item
        date_path = item_path
        if isinstance(item, dict):
            for k in item:
                if k not in (DATE_KEY, NAME_KEY):
                    hint = _KEY_HINTS.get(str(k))
                    tip = f"是不是“{hint}”？" if hint in (DATE_KEY, NAME_KEY) else ""
                    chk.add(
                        (*item_path, k),
                        f"不认识的键“{k}”。{tip}这里只能写“{DATE_KEY}”和“{NAME_KEY}”。",
                    )
            if item.get(DATE_KEY) is None:
                chk.add(
                    item_path,
                    f"缺少“{DATE_KEY}”，例如 {{{DATE_KEY}: 2027-10-01~2027-10-07, {NAME_KEY}: 国庆节}}。",
                )
                continue
            raw = item[DATE_KEY]
            date_path = (*item_path, DATE_KEY)
            name = item.get(NAME_KEY)
            if name is not None and (not isinstance(name, str) or not name.strip()):
                chk.add((*item_path, NAME_KEY), f"“{NAME_KEY}”应当是节日名称文字，例如 国庆节。")
                name = None
            name = name.strip() if isinstance(name, str) else None
        elif item is None or isinstance(item, list):
            chk.add(
                item_path,
                "这一项是空的或格式不对，请写一个日期或日期范围，例如 2027-05-01~2027-05-05。",
            )
            continue
        try:
            start, end = parse_date_range(raw)
        except DateFormatError as exc:
            chk.add(date_path, f"{exc}。")
            continue
        if (end - start).days >= MAX_RANGE_DAYS:
            chk.add(
                date_path, f"“{raw}”跨度超过{MAX_RANGE_DAYS}天，不像是一次法定假期，请检查日期。"
            )
            continue
        yield date_path, start, end, name


def parse_holiday_override(
    data: object,
    file_label: str | None = None,
    line_lookup: LineLookup | None = None,
    path_prefix: str = "",
) -> HolidayOverride:
    """Like check_holiday_override, but raise SpecError listing every problem."""
    result, problems = check_holiday_override(data, file_label, line_lookup, path_prefix)
    if problems:
        raise SpecError(problems, headline=_headline(file_label, problems))
    return result


def _headline(file_label: str | None, problems: list[Problem]) -> str:
    where = f"节假日文件 {file_label}" if file_label else "节假日设置"
    return f"{where} 有 {len(problems)} 处问题，请修改后重试："


def load_holiday_override(path: Path | str) -> HolidayOverride:
    """Read and validate a holiday YAML file; raise SpecError with file and line."""
    label = str(path)
    loaded = parse_yaml(read_text(Path(path), what="节假日文件"), label)
    data, lookup, problems = loaded.data, loaded.lines.get, []
    if data is None and not problems:
        problems = [
            Problem(f"文件是空的。请按下面的格式写出假日和调休上班的日期：\n{EXAMPLE}", label)
        ]
    result, more = check_holiday_override(data, label, lookup)
    problems = sorted([*problems, *more], key=lambda p: p.line or 0)
    if problems:
        raise SpecError(problems, headline=_headline(label, problems))
    return result
