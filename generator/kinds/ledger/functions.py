"""Template functions of 教研组台帐: block(), which puts in the parts its context made
(the cover, the pages of forms, the included plan) in the order the template gives."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...docbuilder import DocBuilder, TemplateUsageError
from ...doctree import Heading, PageBreak, Paragraph, Signature, Table, TableOfContents, Title


def _is_block(value: object) -> bool:
    """A block of the document tree: one of doctree's, or one with a Word writer."""
    from ...docx.writer import BLOCK_WRITERS

    doctree_types = (Title, Heading, Paragraph, Table, Signature, PageBreak, TableOfContents)
    return isinstance(value, doctree_types) or type(value) in BLOCK_WRITERS


def ledger_functions(builder: DocBuilder, context: dict[str, Any]) -> dict[str, Callable]:
    """block(部件) for a 台帐 template: one part, or a list of them (表单.活动)."""

    def block(value: Any) -> str:
        items = value if isinstance(value, (list, tuple)) else [value]
        for item in items:
            if not _is_block(item):
                raise TemplateUsageError(
                    "block() 需要上下文中准备好的部件（如 封面、表单.活动），而不是文字或其他值"
                )
            if isinstance(item, Title) and not builder.title_text:
                builder.title_text = item.text  # the document's title (docProps)
            builder.blocks.append(item)
        return ""

    return {"block": block}
