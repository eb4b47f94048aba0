"""工作职责: duties of a post, flat (1. 2. 3.) or grouped by 类别."""

from __future__ import annotations

from .. import KindUnit
from .checks import check_duty
from .context import duty_context
from .form import HELP
from .model import DutySpec

KIND = KindUnit(
    name="工作职责",
    model=DutySpec,
    check=check_duty,
    context=duty_context,
    order=20,
    help=HELP,
    importable=True,
)
