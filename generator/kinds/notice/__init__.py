"""通知: a notice with 主送, 正文, 附件 (each on its own page), 落款; in the GB/T 9704
profile with its red 版头 and its 版记."""

from __future__ import annotations

from .. import KindUnit
from .checks import check_notice
from .context import notice_context
from .form import HELP
from .functions import notice_functions
from .layout import settle_imprint
from .model import NoticeSpec

KIND = KindUnit(
    name="通知",
    model=NoticeSpec,
    check=check_notice,
    context=notice_context,
    order=50,
    help=HELP,
    functions=notice_functions,
    layout=settle_imprint,
)
