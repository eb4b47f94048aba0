"""`--annotate`: review notes as YAML comments above the lines they are about."""

from __future__ import annotations

from collections.abc import Callable

from ..yamlio import parse_yaml

MARKER = "# 待核对（wenshu rollover）："


def strip_annotations(text: str) -> str:
    """Drop comment lines left by an earlier rollover (they are about the old period)."""
    kept = [ln for ln in text.splitlines(keepends=True) if not ln.lstrip().startswith(MARKER)]
    stripped = "".join(kept)
    if stripped == text:
        return text
    # A marker line inside a block scalar would be text, not a comment: keep the original.
    same = parse_yaml(stripped, "").data == parse_yaml(text, "").data
    return stripped if same else text


def _comment(indent: str, item) -> str:
    shown = f"（“{item.text}”）" if item.text and item.text not in item.reason else ""
    return f"{indent}{MARKER}{item.reason}{shown}\n"


def annotate(text: str, notes: list[tuple[int, object]]) -> tuple[str, Callable[[int], int]]:
    """Put each (0-based anchor line, review item) as a comment above its anchor line.

    Returns the new text and a function mapping a 1-based line of `text` to its line in
    the new text. When the comments would change the data (a case the anchors should
    never produce), they are put at the top of the file instead.
    """
    lines = text.splitlines(keepends=True)
    before: dict[int, list[str]] = {}
    for anchor, item in notes:
        line = lines[anchor] if anchor < len(lines) else ""
        indent = line[: len(line) - len(line.lstrip(" "))]
        before.setdefault(anchor, []).append(_comment(indent, item))
    out = []
    for i, line in enumerate(lines):
        out.extend(dict.fromkeys(before.get(i, [])))
        out.append(line)
    new_text = "".join(out)
    counts = {a: len(dict.fromkeys(v)) for a, v in before.items()}
    if parse_yaml(new_text, "").data != parse_yaml(text, "").data:
        header = [c.lstrip(" ") for v in before.values() for c in dict.fromkeys(v)]
        total = len(header)
        return "".join(header) + text, lambda n: n + total

    def line_of(n: int) -> int:
        return n + sum(c for a, c in counts.items() if a <= n - 1)

    return new_text, line_of
