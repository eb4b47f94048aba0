"""Traditional characters → simplified (OpenCC), only for texts written in traditional
characters: a simplified text that happens to hold a traditional name stays as it is."""

from __future__ import annotations

import re
from functools import cache

from .textutil import CJK

# A text is converted when at least this share of its CJK characters change (traditional
# texts change 10–30 %, simplified ones well under 0.1 %, or a little more when they name
# a school or a book in traditional characters).
MIN_CHANGED_SHARE = 0.05
MIN_CHANGED = 3
_CJK_RE = re.compile(f"[{CJK}]")
_SAMPLE = 200_000  # characters looked at to decide


@cache
def _converter():
    import opencc

    # Taiwan variants (臺, 裡, 著) as well as plain traditional forms.
    return opencc.OpenCC("tw2s")


def is_traditional(text: str) -> bool:
    """True when `text` is written in traditional characters."""
    sample = text[:_SAMPLE]
    cjk = len(_CJK_RE.findall(sample))
    if not cjk:
        return False
    converted = _converter().convert(sample)
    if len(converted) != len(sample):
        changed = max(len(sample), len(converted)) // 10  # phrases changed: certainly traditional
    else:
        changed = sum(1 for a, b in zip(sample, converted) if a != b)
    return changed >= MIN_CHANGED and changed / cjk >= MIN_CHANGED_SHARE


def to_simplified(lines: list[str]) -> list[str]:
    """The lines in simplified characters (one line in, one line out)."""
    converter = _converter()
    joined = converter.convert("\n".join(lines)).split("\n")
    if len(joined) == len(lines):
        return joined
    return [converter.convert(line) for line in lines]
