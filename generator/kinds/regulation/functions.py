"""Template functions of 制度: chapter() and articles(), numbered the way 编号 says.

编号 条: 第一章 headings (centred) and 第一条, 第二条 … running on across chapters and
into the 附则; 款 numbered （一）（二）. 编号 条目: chapters are 一、 headings, 条 the next
level down (一、 without chapters, （一） under a chapter), 款 one level below that.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...docbuilder import DocBuilder, TemplateUsageError, sentence
from ...doctree import Paragraph
from ...numbering import chinese_number, strip_typed_marker
from ...regulation_blocks import Article, Chapter


def regulation_functions(builder: DocBuilder, context: dict[str, Any]) -> dict[str, Callable]:
    """chapter(标题) and articles(条列表) for a 制度 template."""
    by_article = context.get("编号", "条") == "条"
    count = {"章": 0, "条": 0}

    def chapter(text: Any) -> str:
        title = strip_typed_marker(str(text)).rstrip("。；;，,：:")
        if not title:
            raise TemplateUsageError("chapter() 需要章的标题")
        if not by_article:
            return builder.heading(1, title)
        count["章"] += 1
        marker = f"第{chinese_number(count['章'])}章\u3000"
        builder.blocks.append(Chapter(1, title, marker))
        builder.level = 1
        return ""

    def articles(clauses: Any) -> str:
        for clause in clauses or []:
            if isinstance(clause, str):
                clause = {"内容": clause}
            text = sentence(strip_typed_marker(str(clause.get("内容") or "")))
            if not text:
                continue
            level = builder.level + 1  # 条目 numbering: one level below the chapter
            if by_article:
                count["条"] += 1
                builder.blocks.append(Article(f"第{chinese_number(count['条'])}条", text))
            else:
                builder.blocks.append(Paragraph.plain(builder.counter.next(level) + text))
            for extra in clause.get("段") or []:
                builder.blocks.append(Paragraph.plain(sentence(extra)))
            for j, item in enumerate(clause.get("款") or [], 1):
                marker = (
                    f"（{chinese_number(j)}）" if by_article else builder.counter.next(level + 1)
                )
                builder.blocks.append(Paragraph.plain(marker + sentence(strip_typed_marker(item))))
        return ""

    return {"chapter": chapter, "articles": articles}
