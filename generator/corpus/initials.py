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
def _tables() -> tuple[dict[int, str], dict[int, str], dict[str, str]]:
    """Build the tables once per process: (char → default initial, marks for characters
    that some phrase reads differently, two-character phrase → its initials)."""
    from pypinyin.phrases_dict import phrases_dict
    from pypinyin.pinyin_dict import pinyin_dict

    table = {code: _first_letter(readings.split(",")[0]) for code, readings in pinyin_dict.items()}
    # Keep only the phrases whose initials differ from the default per-character ones.
    phrase_initials: dict[str, str] = {}
    special: set[int] = set()
    for phrase, readings in phrases_dict.items():
        if len(phrase) != 2 or len(readings) != 2:
            continue
        letters = "".join(_first_letter(r[0]) for r in readings)
        defaults = "".join(table.get(ord(ch), "") for ch in phrase)
        if letters != defaults:
            phrase_initials[phrase] = letters
            special.update(ord(ch) for ch, a, b in zip(phrase, letters, defaults) if a != b)
    marks = {code: _MARK for code in special}
    return table, marks, phrase_initials


_MARK = "\x01"


def _run_initials(run: str) -> str:
    table, marks, phrases = _tables()
    # str.translate does the bulk in C; only marked characters are looked at in Python.
    letters = run.translate(table)
    if len(letters) != len(run):  # a character without a reading was dropped
        letters = "".join(table.get(ord(ch), "") or "?" for ch in run)
    marked = run.translate(marks)
    i = marked.find(_MARK)
    if i >= 0:
        chars = list(letters)
        while i >= 0:
            after = phrases.get(run[i : i + 2])
            before = phrases.get(run[i - 1 : i + 1]) if i else None
            if after:
                chars[i] = after[0]
            elif before:
                chars[i] = before[1]
            i = marked.find(_MARK, i + 1)
        letters = "".join(chars)
    return letters.replace("?", "")


@lru_cache(maxsize=4096)
def initials(text: str) -> str:
    """Initials of the Chinese characters in `text`, one word per run of characters.

    Non-Chinese characters separate runs: "一、课题研究" → "y ktyj".
    """
    return " ".join(_run_initials(run) for run in _HAN_RUN.findall(text))
