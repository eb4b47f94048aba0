"""Blocks of a 通知 beside those of doctree.py: the parts GB/T 9704-2012 gives an official
notice (版头, 附件说明, the head of each 附件 page, 版记). Their writers are in
docx/notice.py; each profile decides how much of them it shows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# Outline entries of a document laid out to measure where the 版记 goes (Imprint.probe).
PROBE_END = "wenshu-end-of-text"
PROBE_IMPRINT = "wenshu-imprint"


@dataclass
class Masthead:
    """版头: the 发文机关标志 `issuer` (such as 城南中学文件) and the 发文字号 `number`.

    The official profile draws the red 版头 (标志, 文号 below it, a red rule across the
    text block); the school profile shows only the 文号, flush right above the title.
    """

    issuer: str
    number: str | None = None

    def texts(self) -> list[str]:
        # The 标志 is drawn from the unit's name; only the 文号 is text the user gave.
        return [self.number] if self.number else []


@dataclass
class AttachmentNote:
    """附件说明 after the body: 附件：1.公开课安排表 / 2.报名回执, the names aligned."""

    names: list[str]

    def lines(self) -> list[str]:
        """One line per attachment, numbered when there are several."""
        if len(self.names) == 1:
            return [f"附件：{self.names[0]}"]
        return [
            ("附件：" if i == 1 else "") + f"{i}.{name}" for i, name in enumerate(self.names, 1)
        ]

    def texts(self) -> list[str]:
        return self.lines()


@dataclass
class AttachmentHead:
    """The top of an 附件 page: a new page, `label` (附件1, or 附件 when there is only
    one) at the top left, the title centred on the third line."""

    label: str
    title: str

    def texts(self) -> list[str]:
        return [self.label, self.title]


@dataclass
class Imprint:
    """版记: 抄送, then 印发机关 and 印发日期, between rules at the foot of the last page.

    `own_page` is set once the pages have been laid out and the 版记 found no room under
    the last text: it then goes on a page of its own, without a page number. `probe` lays
    it out for that measurement (see kinds/notice/layout.py) instead of for reading.
    """

    copies: list[str] = field(default_factory=list)
    issuer: str = ""
    date: dt.date | None = None
    own_page: bool = False
    probe: bool = False

    def copies_line(self) -> str:
        """抄送：区教研室、各年级组。 ("" without copies)."""
        if not self.copies:
            return ""
        return "抄送：" + "、".join(self.copies) + "。"

    def texts(self) -> list[str]:
        # Every profile shows the 抄送; the 印发 line is the official profile's own.
        line = self.copies_line()
        return [line] if line else []
