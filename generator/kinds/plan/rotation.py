"""轮值表: a weekly rotation (周次 × 年级 → 学科), as an explicit grid or a compact rule."""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator

from ...spec.common import SpecModel
from ...spec.types import NonEmptyStr, Week


class RotationRow(SpecModel):
    """Explicit rows: these weeks, this subject for each grade."""

    weeks: list[Week] = Field(alias="周次", min_length=1)
    grades: dict[str, NonEmptyStr] = Field(alias="年级", min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _single_week(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("周次"), (int, str)):
            data = {**data, "周次": [data["周次"]]}
        return data


class Rotation(SpecModel):
    """轮值表: either 安排 (explicit rows) or 周次 + 学科 (subjects rotate across grades)."""

    caption: NonEmptyStr | None = Field(default=None, alias="标题")
    grades: list[NonEmptyStr] = Field(alias="年级", min_length=1)
    subjects: list[NonEmptyStr] | None = Field(default=None, alias="学科", min_length=1)
    weeks: list[Week] | None = Field(default=None, alias="周次", min_length=1)
    rows: list[RotationRow] | None = Field(default=None, alias="安排", min_length=1)


def expand_weeks(weeks: list[tuple[int, int]]) -> list[int]:
    """[(3, 3), (7, 9)] → [3, 7, 8, 9]."""
    out: list[int] = []
    for a, b in weeks:
        out.extend(range(a, b + 1))
    return out


def rotation_grid(rot: Rotation) -> list[tuple[int, dict[str, str]]]:
    """(week, {grade: subject}) in week order, from either form."""
    grid: dict[int, dict[str, str]] = {}
    if rot.rows:
        for row in rot.rows:
            for w in expand_weeks(row.weeks):
                grid.setdefault(w, {}).update(row.grades)
    elif rot.weeks and rot.subjects:
        m = len(rot.subjects)
        for k, w in enumerate(sorted(set(expand_weeks(rot.weeks)))):
            grid[w] = {g: rot.subjects[(i + k) % m] for i, g in enumerate(rot.grades)}
    return sorted(grid.items())


def check_rotation(
    rot: Rotation, max_week: int, why: str, period: str
) -> list[tuple[tuple, str, str]]:
    """Unknown grades, weeks beyond the period, subjects that never come round.
    `why` says how `max_week` was found; `period` names the period (本学期, 本年度)."""
    out: list[tuple[tuple, str, str]] = []
    base = ("轮值表",)
    if rot.rows and rot.weeks:
        out.append(
            (
                base + ("周次",),
                "轮值表请二选一：写“安排”（逐行列出），或写“周次”+“学科”（按规则轮换），不要同时写",
                "error",
            )
        )
    if not rot.rows and not (rot.weeks and rot.subjects):
        out.append((base, "轮值表需要“安排”，或者同时写“周次”和“学科”", "error"))
        return out
    grades = set(rot.grades)
    week_sources: list[tuple[tuple, list[tuple[int, int]]]] = []
    if rot.rows:
        for i, row in enumerate(rot.rows):
            week_sources.append((base + ("安排", i, "周次"), row.weeks))
            for g in row.grades:
                if g not in grades:
                    out.append(
                        (
                            base + ("安排", i, "年级", g),
                            f"年级“{g}”不在轮值表的“年级”列表（{'、'.join(rot.grades)}）中",
                            "error",
                        )
                    )
    else:
        week_sources.append((base + ("周次",), rot.weeks or []))
    for path, weeks in week_sources:
        for _first, b in weeks:
            if b > max_week:
                out.append((path, f"第{b}周超出{period}（{why}）", "error"))
    if out:
        return out
    grid = rotation_grid(rot)
    if rot.subjects:
        for g in rot.grades:
            got = {row.get(g) for _, row in grid}
            missing = [s for s in rot.subjects if s not in got]
            if missing:
                out.append(
                    (
                        base + ("学科",),
                        f"{g}没有轮到{'、'.join(missing)}：请增加周次或调整安排",
                        "warning",
                    )
                )
        if rot.rows:
            used = {s for _, row in grid for s in row.values()}
            for s in used - set(rot.subjects):
                out.append((base + ("安排",), f"学科“{s}”不在“学科”列表中", "error"))
    return out
