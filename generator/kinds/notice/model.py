"""The 通知 spec: issuing body, title, 文号, 主送, 正文 (paragraphs, or a lead-in with a
numbered tree), 附件 (a table or text each), 联系人, 落款, 抄送."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, field_validator, model_validator

from ...spec.common import DocumentBase, Paragraphs, SpecModel, TreeNode
from ...spec.types import CNDate, NonEmptyStr


def _cell(value: Any) -> str:
    # An empty cell (a form to fill in by hand) may be left blank or written as ~.
    if value is None:
        return ""
    if isinstance(value, bool):
        raise ValueError("表格中的一格应为文字或数字")
    if isinstance(value, (int, float, str)):
        return str(value)
    raise ValueError("表格中的一格应为文字或数字，不能是列表或“键: 值”")


Cell = Annotated[str, BeforeValidator(_cell)]


class AttachmentTable(SpecModel):
    """An 附件's table: its header and rows (each row one cell per header column)."""

    header: list[NonEmptyStr] = Field(alias="表头", min_length=1)
    rows: list[list[Cell]] = Field(alias="行", min_length=1)


class Attachment(SpecModel):
    """An 附件 on a page of its own: its title, then text, a table, or both."""

    title: NonEmptyStr = Field(alias="标题")
    content: Paragraphs | None = Field(default=None, alias="内容")
    table: AttachmentTable | None = Field(default=None, alias="表格")


class NoticeBody(SpecModel):
    """正文 with numbered items: a lead-in (内容) and a tree (条目: 一、（一）1.)."""

    content: Paragraphs | None = Field(default=None, alias="内容")
    items: list[TreeNode] | None = Field(default=None, alias="条目", min_length=1)

    @model_validator(mode="after")
    def _not_empty(self) -> NoticeBody:
        if self.content is None and self.items is None:
            raise ValueError("正文是空的：请写“内容”（一段或几段），或“条目”（分条的正文）")
        return self


def _names(value: Any) -> Any:
    # "区教研室、各年级组" is how people type a list of recipients.
    if isinstance(value, str):
        parts = [p for p in re.split(r"[、，,；;]+", value.strip().rstrip("。.")) if p.strip()]
        return parts or value
    return value


class NoticeSpec(DocumentBase):
    """通知."""

    kind: Literal["通知"] = Field(alias="文种")
    title: NonEmptyStr = Field(alias="标题")
    number: NonEmptyStr | None = Field(default=None, alias="文号")
    masthead: NonEmptyStr | None = Field(default=None, alias="版头")
    addressee: NonEmptyStr | None = Field(default=None, alias="主送")
    body: NoticeBody | Paragraphs = Field(alias="正文")
    attachments: list[Attachment] | None = Field(default=None, alias="附件", min_length=1)
    contact: NonEmptyStr | None = Field(default=None, alias="联系人")
    copies: list[NonEmptyStr] | None = Field(default=None, alias="抄送", min_length=1)
    issuer: NonEmptyStr | None = Field(default=None, alias="印发机关")
    issued: CNDate | None = Field(default=None, alias="印发日期")

    @field_validator("copies", mode="before")
    @classmethod
    def _copies(cls, value: Any) -> Any:
        return _names(value)
