"""Split one file's cleaned lines into the documents it holds.

Three layouts are recognised, tried in this order:
- numbered series: "教科室工作职责1 … 职责15", "…主题篇一 … 篇十五", "科室工作计划 篇1";
- document-sharing pages: a title line repeated at the start of the next line
  ("小学教研工作制度" / "小学教研工作制度1. 前言…"), plus a later re-occurrence of the page
  title, plus stand-alone titles ending in a kind word ("新桥实验小学校本教研制度");
- otherwise the whole file is one document.
Title-only lines before the first document (page titles) are dropped and counted."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath

from .markers import match_marker
from .table_model import Table, token_index
from .textutil import cn_to_int, has_sentence_punct, is_body_like

_NUM = r"(?:篇\s*[一二三四五六七八九十百零〇\d]+|第[一二三四五六七八九十百\d]+篇|\d{1,3})"
_SERIES = re.compile(rf"^(?P<prefix>[^\s，,。；;:：、()（）]{{2,30}}?)\s*(?P<num>{_NUM})$")
_SERIES_PREFIX_END = re.compile(r"(?:职责|计划|总结|制度|方案|要点|安排|主题|范文|模板|报告|心得)$")
_COLLECTION_SUFFIX = re.compile(
    r"\s*[（(]\s*(?:精选|优选|通用)?\s*[\d一二三四五六七八九十]+\s*篇\s*[)）]\s*$|\s*[\d一二三四五六七八九十]+篇$"
)
_DOC_TITLE_END = re.compile(
    r"(?:职责|计划|总结|制度|方案|意见|办法|范本|规定|细则|要点|通知|章程|规范|守则)$"
)
TITLE_MAX = 60
FORM_TITLE_LINES = 2  # title lines right above a form belong to it


@dataclass
class DocPart:
    """One document cut out of a file."""

    title: str
    lines: list[str]
    suffix: str = ""  # "篇三" style label, "" when the file holds one document
    start: int = 0  # index of the document's first line in the file's lines


@dataclass
class SplitResult:
    """Documents of a file, plus page-header lines dropped and repeated titles removed."""

    parts: list[DocPart] = field(default_factory=list)
    dropped_header: int = 0
    repeated_titles: int = 0
    dropped: list[tuple[int, str, str]] = field(default_factory=list)  # (index, line, kind)


def split_documents(lines: list[str], source: str) -> list[tuple[str, list[str]]]:
    """(title, lines) of each document in a file's cleaned lines."""
    return [(p.title, p.lines) for p in split_report(lines, source).parts]


def split_report(lines: list[str], source: str, tables: list[Table] | None = None) -> SplitResult:
    """Like split_documents, with suffixes, start lines and what was dropped. Token lines
    stand for `tables`; a file of forms (one 岗位说明书 per table) is split at each form."""
    lines = [line.strip() for line in lines if line.strip()]
    result = SplitResult()
    series = _series_starts(lines)
    forms = _form_starts(lines, tables or [])
    if forms:
        starts = {i: "" for i in forms}
    elif series:
        starts = {i: label for i, label in series}
    else:
        starts = {i: "" for i in _sharing_site_starts(lines)}
    fallback = PurePath(source.split("#", 1)[0]).stem or source
    if not starts:
        title, body, start = _single(lines, fallback)
        result.parts.append(DocPart(title, body, "", start))
        return result
    first = min(starts)
    header = lines[:first]
    if any(is_body_like(line) for line in header):
        title, body, start = _single(header, fallback)
        result.parts.append(DocPart(title, body, "篇0" if series else "", start))
    else:
        result.dropped_header = len(header)
        result.dropped.extend((i, line, "页面标题") for i, line in enumerate(header))
    ordered = sorted(starts)
    for k, begin in enumerate(ordered):
        end = ordered[k + 1] if k + 1 < len(ordered) else len(lines)
        if token_index(lines[begin]) is not None:
            result.parts.append(DocPart("", lines[begin:end], starts[begin], begin))
            continue
        title = lines[begin]
        body = lines[begin + 1 : end]
        core = strip_collection_suffix(title)
        body, removed = _strip_repeated_title(core, body)
        result.repeated_titles += removed
        if removed:
            result.dropped.append((begin + 1, core, "重复标题"))
        result.parts.append(DocPart(core, body, starts[begin], begin))
    if len(result.parts) > 1:
        for k, part in enumerate(result.parts, start=1):
            part.suffix = part.suffix or f"篇{k}"
    else:
        result.parts[0].suffix = ""
    return result


def strip_collection_suffix(title: str) -> str:
    """ "小学教学教研工作管理制度(5篇)" → "小学教学教研工作管理制度"."""
    return _COLLECTION_SUFFIX.sub("", title).strip() or title


def is_title_like(line: str) -> bool:
    """Short, unnumbered, without sentence punctuation: could be a document title."""
    return (
        len(line) <= TITLE_MAX
        and not has_sentence_punct(line)
        and match_marker(line) is None
        and token_index(line) is None
    )


def _form_starts(lines: list[str], tables: list[Table]) -> list[int]:
    """Where each form begins (its title lines included), in a file made of forms."""
    forms = [i for i, line in enumerate(lines) if _is_form(line, tables)]
    if len(forms) < 2:
        return []
    body = [
        line
        for line in lines
        if token_index(line) is None and is_body_like(line) and not is_title_like(line)
    ]
    if len(body) > len(forms):
        return []  # text around the forms: the forms belong to a document
    starts = []
    previous = -1
    for i in forms:
        start = i
        while start - 1 > previous and i - (start - 1) <= FORM_TITLE_LINES:
            if not is_title_like(lines[start - 1]):
                break
            start -= 1
        starts.append(start)
        previous = i
    return starts


def _is_form(line: str, tables: list[Table]) -> bool:
    index = token_index(line)
    return index is not None and 0 <= index < len(tables) and tables[index].kind == "form"


def _single(lines: list[str], fallback: str) -> tuple[str, list[str], int]:
    if lines and len(lines[0]) <= 40 and is_title_like(lines[0]) and not _is_heading_word(lines[0]):
        return strip_collection_suffix(lines[0]), lines[1:], 0
    return fallback, lines, 0


def _is_heading_word(line: str) -> bool:
    from .heading_rules import is_document_title, is_unmarked_heading

    return is_unmarked_heading(line, None) and not is_document_title(line)


def _series_starts(lines: list[str]) -> list[tuple[int, str]]:
    """Indices and labels of the longest numbered title series starting at 1."""
    groups: dict[str, list[tuple[int, int, str]]] = {}
    for i, line in enumerate(lines):
        m = _SERIES.match(line)
        if not m or match_marker(line) is not None:
            continue
        prefix, num = m.group("prefix"), m.group("num")
        if not ("篇" in num or _SERIES_PREFIX_END.search(prefix)):
            continue
        value = cn_to_int(re.sub(r"[篇第\s]", "", num))
        if value:
            groups.setdefault(prefix, []).append((i, value, num))
    best: list[tuple[int, str]] = []
    for members in groups.values():
        chain, expected = [], 1
        for i, value, num in members:
            if value == expected:
                label = num.replace(" ", "")
                chain.append((i, label if label.startswith(("篇", "第")) else f"篇{label}"))
                expected += 1
        if len(chain) >= 2 and len(chain) > len(best):
            best = chain
    return best


def _sharing_site_starts(lines: list[str]) -> list[int]:
    starts = [i for i in range(len(lines) - 1) if _is_repeated_title(lines[i], lines[i + 1])]
    if starts and len(lines[0]) >= 6:
        page_title = lines[0]
        starts += [
            i
            for i in range(1, len(lines))
            if i not in starts and lines[i].startswith(page_title) and is_title_like(lines[i])
        ]
    starts += _standalone_titles(lines, set(starts))
    return sorted(set(starts))


def _is_repeated_title(line: str, following: str) -> bool:
    core = strip_collection_suffix(line)
    if not 4 <= len(core) <= TITLE_MAX or not is_title_like(line) or len(following) <= len(core):
        return False
    if not (_DOC_TITLE_END.search(core) or "《" in core):
        return False
    return core in following[: len(core) + 6]


def _standalone_titles(lines: list[str], taken: set[int]) -> list[int]:
    found: list[int] = []
    seen_body = False
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if (
            i > 0
            and seen_body
            and i not in taken
            and i - 1 not in taken
            and len(line) <= 30
            and is_title_like(line)
            and not any(ch in line for ch in "，,、:：")
            and _DOC_TITLE_END.search(line)
            and following
            and match_marker(following) is None
            and is_body_like(following)
        ):
            found.append(i)
            seen_body = False
            continue
        seen_body = seen_body or is_body_like(line)
    return found


def _strip_repeated_title(title: str, body: list[str]) -> tuple[list[str], int]:
    """Remove copies of the title glued to the start of the first body line."""
    if not body or len(title) < 4:
        return body, 0
    first = body[0]
    if first.startswith(title) and len(first) > len(title):
        # Only one copy: a second one is usually the first sentence's own subject.
        return [first[len(title) :].lstrip(), *body[1:]], 1
    return body, 0
