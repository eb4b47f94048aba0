"""Checks of 通知 specs: the title, each 附件 (text or a table whose rows fit its header),
the 成文日期."""

from __future__ import annotations

from ...spec.checks import Finding, check_period, check_unique
from ...spec.messages import _value_at
from .model import NoticeSpec


def _typed_length(ctx: object, path: tuple, fallback: int) -> int:
    """Length of the list the user typed at `path` (the model's copy may lack cells that
    were themselves wrong, and are reported as such)."""
    node = _value_at(getattr(getattr(ctx, "loaded", None), "data", None), path)
    return len(node) if isinstance(node, list) else fallback


def check_notice(spec: NoticeSpec, ctx: object = None) -> list[Finding]:
    out: list[Finding] = list(check_period(spec, required=False))
    if not spec.title.rstrip().rstrip("。").endswith("通知"):
        out.append(
            (
                ("标题",),
                "通知的标题一般以“通知”结尾，如“关于开展公开课活动的通知”",
                "warning",
            )
        )
    for i, attachment in enumerate(spec.attachments or []):
        if attachment.content is None and attachment.table is None:
            out.append(
                (
                    ("附件", i),
                    f"附件“{attachment.title}”没有内容：请写“内容”（文字）或“表格”（表头和行）",
                    "error",
                )
            )
        table = attachment.table
        if table is None:
            continue
        width = len(table.header)
        for r, row in enumerate(table.rows):
            path = ("附件", i, "表格", "行", r)
            cells = _typed_length(ctx, path, len(row))
            if cells != width:
                out.append(
                    (
                        path,
                        f'这一行有{cells}格，表头有{width}列：请补齐或删去多余的格（空格写 ""）',
                        "error",
                    )
                )
    out += check_unique(
        "附件",
        [(i, a.title) for i, a in enumerate(spec.attachments or [])],
        "标题",
        "附件标题“{value}”",
        "请改用不同的标题",
        severity="warning",
    )
    if spec.signature is None or spec.signature.date is None:
        where = ("落款",) if spec.signature is not None else ()
        out.append(
            (
                where,
                "通知应写成文日期：落款: {单位: ..., 日期: 2025-09-01}",
                "warning",
            )
        )
    return out
