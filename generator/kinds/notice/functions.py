"""Template functions of 通知: masthead(), attachment_note(), attachment(), imprint()."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from ...docbuilder import DocBuilder
from ...notice_blocks import AttachmentHead, AttachmentNote, Imprint, Masthead


def notice_functions(builder: DocBuilder, context: dict[str, Any]) -> dict[str, Callable]:
    """The 通知's own parts as template functions."""

    def masthead(issuer: Any, number: Any = None) -> str:
        """版头: 发文机关标志 and 发文字号 (how much of it shows depends on the profile)."""
        builder.blocks.append(Masthead(str(issuer or ""), str(number) if number else None))
        return ""

    def attachment_note(names: Any) -> str:
        """附件说明 listing the attachments by name (nothing without attachments)."""
        names = [str(n) for n in names or [] if n]
        if names:
            builder.blocks.append(AttachmentNote(names))
        return ""

    def attachment(item: Any) -> str:
        """One 附件 on a new page: its label and title, then its text and its table."""
        builder.blocks.append(AttachmentHead(str(item["标号"]), str(item["标题"])))
        builder.p(item.get("内容"))
        builder.table(item.get("表格"))
        return ""

    def imprint(copies: Any = None, issuer: Any = "", date: dt.date | None = None) -> str:
        """版记: 抄送, 印发机关 and 印发日期 at the foot of the last page."""
        names = [str(c) for c in copies or [] if c]
        builder.blocks.append(Imprint(names, str(issuer or ""), date))
        return ""

    return {
        "masthead": masthead,
        "attachment_note": attachment_note,
        "attachment": attachment,
        "imprint": imprint,
    }
