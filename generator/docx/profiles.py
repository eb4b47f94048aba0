"""Layout profiles: page, fonts and spacing for the Word writer.

Numbers follow GB/T 9704-2012 (see shared/reference/format-profiles.md). `school`
uses fonts that ship with Windows; `gbt9704` uses the exact font names of the
standard and a 22 × 28 character grid.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import WenshuError

LATIN_FONT = "Times New Roman"

# Point sizes of the Chinese 号 used below.
SIZE_2 = 22.0  # 二号
SIZE_3 = 16.0  # 三号
SIZE_4 = 14.0  # 四号
SIZE_S4 = 12.0  # 小四


@dataclass(frozen=True)
class FontSpec:
    """One text style: Chinese font, size in points, bold; Latin/digits in `latin`."""

    east_asia: str
    size_pt: float
    bold: bool = False
    latin: str = LATIN_FONT

    @property
    def half_points(self) -> int:
        """Size as OOXML w:sz (half-points)."""
        return round(self.size_pt * 2)

    @property
    def char_twips(self) -> int:
        """Width of one full-width character in twips (for 字-based indents)."""
        return round(self.size_pt * 20)


@dataclass(frozen=True)
class Profile:
    """Everything the writer needs to lay out a document."""

    name: str
    label: str
    body: FontSpec
    title: FontSpec
    subtitle: FontSpec
    # Fonts of heading levels 1..5 (一、 （一） 1. （1） ①).
    headings: tuple[FontSpec, ...]
    table: FontSpec
    caption: FontSpec
    page_number: FontSpec
    # Exact line spacing of body text in twips.
    line_twips: int
    # Line pitch of a "lines" document grid in twips; None: no grid.
    grid_pitch_twips: int | None = None
    # Character spacing on body text in twentieths of a point (w:spacing w:val).
    char_spacing: int = 0
    # Widow and orphan control: a paragraph never leaves a single line alone at the top
    # or bottom of a page. Off where the page must keep an exact number of lines.
    widow_control: bool = True
    page_width_mm: float = 210.0
    page_height_mm: float = 297.0
    margin_top_mm: float = 37.0
    margin_bottom_mm: float = 35.0
    margin_left_mm: float = 28.0
    margin_right_mm: float = 26.0
    header_mm: float = 15.0
    # Footer distance from the page bottom: puts the page number about 7 mm below
    # the text block as GB/T 9704 asks.
    footer_mm: float = 23.0

    def heading(self, level: int) -> FontSpec:
        """Font of heading `level` (clamped to 1..5)."""
        return self.headings[min(max(level, 1), len(self.headings)) - 1]

    @property
    def text_width_mm(self) -> float:
        return self.page_width_mm - self.margin_left_mm - self.margin_right_mm

    @property
    def text_height_mm(self) -> float:
        return self.page_height_mm - self.margin_top_mm - self.margin_bottom_mm

    def font_names(self) -> list[str]:
        """Every font name the profile uses, in first-use order without repeats."""
        specs = [
            self.body,
            self.title,
            self.subtitle,
            *self.headings,
            self.table,
            self.caption,
            self.page_number,
        ]
        names: list[str] = []
        for spec in specs:
            for name in (spec.east_asia, spec.latin):
                if name not in names:
                    names.append(name)
        return names


SCHOOL = Profile(
    name="school",
    label="学校常用格式（Windows 自带字体）",
    body=FontSpec("仿宋", SIZE_3),
    # 方正小标宋简体 is rarely installed; bold 宋体 is the usual stand-in.
    title=FontSpec("宋体", SIZE_2, bold=True),
    subtitle=FontSpec("楷体", SIZE_3),
    headings=(
        FontSpec("黑体", SIZE_3),
        FontSpec("楷体", SIZE_3),
        FontSpec("仿宋", SIZE_3, bold=True),
        FontSpec("仿宋", SIZE_3),
        FontSpec("仿宋", SIZE_3),
    ),
    table=FontSpec("宋体", SIZE_S4),
    caption=FontSpec("宋体", SIZE_3, bold=True),
    page_number=FontSpec("宋体", SIZE_4, latin="宋体"),
    line_twips=560,
)

GBT9704 = Profile(
    name="gbt9704",
    label="严格按 GB/T 9704-2012 党政机关公文格式",
    body=FontSpec("仿宋_GB2312", SIZE_3),
    title=FontSpec("方正小标宋简体", SIZE_2),
    subtitle=FontSpec("楷体_GB2312", SIZE_3),
    headings=(
        FontSpec("黑体", SIZE_3),
        FontSpec("楷体_GB2312", SIZE_3),
        FontSpec("仿宋_GB2312", SIZE_3),
        FontSpec("仿宋_GB2312", SIZE_3),
        FontSpec("仿宋_GB2312", SIZE_3),
    ),
    table=FontSpec("宋体", SIZE_S4),
    caption=FontSpec("宋体", SIZE_3, bold=True),
    page_number=FontSpec("宋体", SIZE_4, latin="宋体"),
    # 28.95 pt: 22 lines fill the 225 mm text block (29 pt gives only 21).
    line_twips=579,
    grid_pitch_twips=579,
    # −0.25 pt lets LibreOffice fit 28 三号 characters into the 156 mm line.
    char_spacing=-5,
    # Moving a line to the next page would leave 21 lines on this one: the 22-line grid
    # of the standard wins over widow control.
    widow_control=False,
)

PROFILES: dict[str, Profile] = {p.name: p for p in (SCHOOL, GBT9704)}
DEFAULT_PROFILE = "school"


def get_profile(name: str | Profile) -> Profile:
    """Return the profile called `name`; WenshuError listing valid names otherwise."""
    if isinstance(name, Profile):
        return name
    try:
        return PROFILES[name]
    except KeyError:
        valid = "、".join(f"{p.name}（{p.label}）" for p in PROFILES.values())
        raise WenshuError(f"未知的版式“{name}”。可用的版式：{valid}。") from None
