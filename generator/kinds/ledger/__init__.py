"""教研组台帐: a group's record book for a term, as printed forms (成员概况表, 工作计划,
活动签到表, 活动记录, 集体备课活动记录, 工作实绩记录, 工作鉴定) behind a cover and a 目录."""

from __future__ import annotations

from .. import KindUnit
from .checks import check_ledger
from .context import ledger_context
from .form import GRIDS, HELP
from .functions import ledger_functions
from .model import LedgerSpec

KIND = KindUnit(
    name="教研组台帐",
    model=LedgerSpec,
    check=check_ledger,
    context=ledger_context,
    order=40,
    help=HELP,
    grids=GRIDS,
    links={"计划": "工作计划"},
    functions=ledger_functions,
)
