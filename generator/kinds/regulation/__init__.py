"""制度: a school rule set: 前言, 条 (第一条 … or 一、（一）), optional 章, 附则, 落款."""

from __future__ import annotations

from .. import KindUnit
from .checks import check_regulation
from .context import regulation_context
from .form import HELP
from .functions import regulation_functions
from .model import RegulationSpec

KIND = KindUnit(
    name="制度",
    model=RegulationSpec,
    check=check_regulation,
    context=regulation_context,
    order=40,
    help=HELP,
    functions=regulation_functions,
    importable=True,
)
