"""工作总结: results against a linked plan's goals, the work done, problems, directions."""

from __future__ import annotations

from .. import KindUnit
from .checks import check_summary
from .context import summary_context
from .form import GRIDS, HELP
from .model import SummarySpec

KIND = KindUnit(
    name="工作总结",
    model=SummarySpec,
    check=check_summary,
    context=summary_context,
    order=30,
    help=HELP,
    grids=GRIDS,
    links={"计划": "工作计划"},
    importable=True,
)
