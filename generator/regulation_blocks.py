"""Blocks of a 制度 beside those of doctree.py: its 章 headings and numbered 条. Their
writers are in docx/regulation.py."""

from __future__ import annotations

from dataclasses import dataclass

from .doctree import Heading


@dataclass
class Chapter(Heading):
    """A 章 heading (第一章　总则): a level-1 heading, centred."""


@dataclass
class Article:
    """A 条: its number (第一条) and text, on one line; the number stands out in the
    profile's way (黑体 in GB/T documents, bold elsewhere)."""

    label: str
    text: str

    def texts(self) -> list[str]:
        return [f"{self.label}\u3000{self.text}"]
