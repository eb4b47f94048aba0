"""通知: the template context (版头, 文号, 主送, 正文 and its tree, 附件, 版记)."""

from __future__ import annotations

import re
from typing import Any

from ...context import ContextMaker, common_context
from ...doctree import Cell, Table
from ...textnorm import normalize_text
from .model import NoticeBody, NoticeSpec

# 城中教[2025]12号, 城中教（2025）第12号 → 城中教〔2025〕12号: GB/T 9704 writes the year in
# 〔〕 and no 第 before the number.
_YEAR = re.compile(r"[\[［(（【〔]\s*(\d{4})\s*[\]］)）】〕]")
_NUMBER = re.compile(r"〕\s*第\s*(\d+)\s*号")
_END = "：:，,。.；;、 \u3000"


def document_number(text: str) -> str:
    """A 发文字号 written the way GB/T 9704 writes it."""
    text = _YEAR.sub(r"〔\1〕", normalize_text(text).strip())
    return _NUMBER.sub(r"〕\1号", text)


def _name(text: str) -> str:
    """An attachment name or a recipient without the punctuation typed after it."""
    return normalize_text(text).strip().rstrip(_END)


def attachment_table(header: list[str], rows: list[list[str]]) -> Table:
    return Table(
        kind="附件",
        header=[normalize_text(h) for h in header],
        rows=[[Cell(normalize_text(v)) for v in row] for row in rows],
    )


def notice_context(spec: NoticeSpec, maker: ContextMaker) -> dict[str, Any]:
    """Everything a 通知 template can use."""
    ctx = common_context(spec, maker)
    unit_line = normalize_text(spec.unit + (spec.department or ""))
    if isinstance(spec.body, NoticeBody):
        body = maker.paragraphs(spec.body.content, ("正文", "内容"))
        tree = maker.tree(spec.body.items, ("正文", "条目"))
    else:
        body, tree = maker.paragraphs(spec.body, ("正文",)), []
    attachments = spec.attachments or []
    several = len(attachments) > 1
    shown = []
    for i, a in enumerate(attachments):
        shown.append(
            {
                "标号": f"附件{i + 1}" if several else "附件",
                "标题": _name(a.title),
                "内容": maker.paragraphs(a.content, ("附件", i, "内容")),
                "表格": attachment_table(a.table.header, a.table.rows) if a.table else None,
            }
        )
    addressee = _name(spec.addressee) + "：" if spec.addressee else None
    contact = normalize_text(spec.contact).strip() if spec.contact else None
    if contact:
        contact = re.sub(r"^联系人\s*[：:]\s*", "", contact)
    ctx.update(
        {
            "版头": normalize_text(spec.masthead) if spec.masthead else unit_line + "文件",
            "文号": document_number(spec.number) if spec.number else None,
            "主送": addressee,
            "正文": body,
            "条目": tree,
            "附件": shown,
            "附件名称": [a["标题"] for a in shown],
            "联系人": contact,
            "抄送": [_name(c) for c in spec.copies or [] if _name(c)],
            "印发机关": normalize_text(spec.issuer) if spec.issuer else unit_line,
            "印发日期": spec.issued or ctx["落款"]["日期"],
        }
    )
    return ctx
