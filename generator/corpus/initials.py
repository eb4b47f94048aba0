"""Pinyin initials (课题研究 → ktyj) so that users can search with a few Latin letters.

pypinyin's own converter costs about 1 ms per 50 characters, far too slow for bulk
imports of 100,000 sections. Initials only need the first letter of each syllable, so
a per-character table is enough; characters whose readings start with different
letters (长 chang/zhang, 重 zhong/chong) are settled by pypinyin's two-character phrase
dictionary, which covers the common words in school documents (成长, 校长, 重点).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")


def _first_letter(reading: str) -> str:
    return unicodedata.normalize("NFD", reading)[0].lower()


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], set[str], dict[str, str]]:
    """Build (char → initial, ambiguous chars, phrase → initials) once per process."""
    from pypinyin.phrases_dict import phrases_dict
    from pypinyin.pinyin_dict import pinyin_dict

    char_initial: dict[str, str] = {}
    ambiguous: set[str] = set()
    for code, readings in pinyin_dict.items():
        letters = {_first_letter(r) for r in readings.split(",") if r}
        first = _first_letter(readings.split(",")[0])
        ch = chr(code)
        char_initial[ch] = first
        if len(letters) > 1:
            ambiguous.add(ch)
    # Only two-character phrases holding an ambiguous character are needed.
    phrase_initials: dict[str, str] = {}
    for phrase, readings in phrases_dict.items():
        if len(phrase) == 2 and (phrase[0] in ambiguous or phrase[1] in ambiguous):
            phrase_initials[phrase] = "".join(_first_letter(r[0]) for r in readings)
    return char_initial, ambiguous, phrase_initials


def _run_initials(run: str) -> str:
    char_initial, ambiguous, phrases = _tables()
    out = []
    for i, ch in enumerate(run):
        letter = char_initial.get(ch, "")
        if ch in ambiguous:
            after = phrases.get(run[i : i + 2])
            before = phrases.get(run[i - 1 : i + 1]) if i else None
            if after:
                letter = after[0]
            elif before:
                letter = before[1]
        out.append(letter)
    return "".join(out)


@lru_cache(maxsize=4096)
def initials(text: str) -> str:
    """Initials of the Chinese characters in `text`, one word per run of characters.

    Non-Chinese characters separate runs: "一、课题研究" → "y ktyj".
    """
    return " ".join(_run_initials(run) for run in _HAN_RUN.findall(text))
