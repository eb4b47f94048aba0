"""工作计划: goals, the 主要工作 tree, 行事历 with weeks and holidays, 分工, 教研组, 轮值表."""

from __future__ import annotations

from typing import Any

from .. import KindUnit
from .checks import check_plan
from .context import goal_ids, plan_context
from .form import GRIDS, HELP
from .model import PlanSpec


def _goal_note(loaded: Any) -> list[str]:
    """Goals without 编号 get G1, G2 …: say which, so a summary can refer to them."""
    if all(g.id is not None for g in loaded.spec.goals):
        return []
    return ["工作目标编号（供工作总结引用）：" + "、".join(goal_ids(loaded.spec))]


KIND = KindUnit(
    name="工作计划",
    model=PlanSpec,
    check=check_plan,
    context=plan_context,
    order=10,
    help=HELP,
    grids=GRIDS,
    notes=_goal_note,
    importable=True,
)
