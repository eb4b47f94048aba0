"""Writers of a 制度's blocks: centred 章 headings and 条 with their number run in."""

from __future__ import annotations

from ..regulation_blocks import Article, Chapter
from .ooxml import clean_text, run_xml, text_run_xml
from .profiles import FontSpec, Profile
from .styles import BODY, heading_style_id
from .writer import _Builder, block_writer

# Profiles whose 条 numbers are set in 黑体 (the font of 一、 headings), as GB/T documents
# do; the others set them in bold body type, as school documents do.
_HEITI_LABELS = {"gbt9704"}


def label_font(profile: Profile) -> tuple[FontSpec, bool]:
    """Font and boldness of a 条's number (第一条) in `profile`."""
    if profile.name in _HEITI_LABELS:
        font = profile.heading(1)
        return font, font.bold
    return profile.body, True


@block_writer(Chapter)
def write_chapter(builder: _Builder, block: Chapter) -> None:
    """第一章　总则 in the level-1 heading style, centred, without the first-line indent."""
    builder._paragraph(
        heading_style_id(block.level),
        text_run_xml(block.full_text),
        ind=builder._indent(0),
        jc="center",
    )


@block_writer(Article)
def write_article(builder: _Builder, block: Article) -> None:
    """第一条　为规范……: the number in its own font, the text in the body font."""
    font, bold = label_font(builder.profile)
    label = run_xml(builder._props(font, bold), clean_text(f"{block.label}\u3000"))
    builder._paragraph(BODY, label + text_run_xml(block.text))
