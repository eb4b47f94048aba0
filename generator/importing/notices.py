"""Notices that wrap the real document: "关于印发《…工作计划》的通知", a salutation
("各位教工："), a cover paragraph, a signature and date, then the real title and body.

The wrapper is kept with the document (nothing is lost) but is neither its title, nor
headings, nor reusable text; the real title becomes the document's title."""

from __future__ import annotations

import re

from .heading_rules import is_salutation
from .markers import match_marker
from .table_model import token_index
from .textutil import has_sentence_punct

_WRAPPER_TITLE = re.compile(r"(?:通知|公示|通报|公告|通告|的函|启事)$")
_DOC_TITLE = re.compile(
    r"(?:计划|方案|安排|职责|制度|总结|办法|细则|要点|规定|说明书|规划|意见|行事历|一览表|名单"
    r"|章程|守则|规范|标准|流程|分工|表)$"
)
_LEAD_OUT = re.compile(r"(?:如下|公示|通知|印发|下发)[^。]{0,6}[:：]$")
_BRACKETS = "《》〈〉「」“”\"' "
TITLE_MAX = 60
SEARCH_LINES = 12  # the real title comes within the first lines after the salutation


def is_wrapper_title(line: str) -> bool:
    """ "关于印发《…》的通知", "…名单的公示": the title of a notice around a document."""
    text = line.strip().rstrip(_BRACKETS)
    return (
        len(text) <= TITLE_MAX * 2
        and not has_sentence_punct(text)
        and bool(_WRAPPER_TITLE.search(text))
    )


def _is_real_title(line: str) -> bool:
    text = line.strip()
    if not text or len(text) > TITLE_MAX or has_sentence_punct(text) or text.startswith("附"):
        return False
    if match_marker(text) is not None or is_salutation(text) or any(c in text for c in "，,:："):
        return False
    return bool(_DOC_TITLE.search(text.strip(_BRACKETS)))


def unwrap(title: str, lines: list[str]) -> tuple[str, list[str], list[str]]:
    """(title, wrapper lines, body lines) of a document whose `title` was taken from its
    first line by the splitter; documents without a wrapper come back unchanged."""
    head = [title] if title else []
    if lines and not is_wrapper_title(title) and is_wrapper_title(lines[0]):
        head, lines = [*head, lines[0]], lines[1:]
    wrapped = any(is_wrapper_title(h) for h in head)
    salutation = next((k for k in range(min(2, len(lines))) if is_salutation(lines[k])), None)
    if not wrapped and salutation is None:
        return title, [], lines
    begin = salutation + 1 if salutation is not None else 0
    for k in range(begin, min(len(lines), begin + SEARCH_LINES)):
        line = lines[k].strip()
        if token_index(line) is not None or match_marker(line) is not None:
            break
        if _is_real_title(line) and k + 1 < len(lines) and (k > begin or wrapped):
            return line.strip(_BRACKETS), [*head, *lines[:k]], lines[k + 1 :]
        if _LEAD_OUT.search(line):
            return _title(head, title), [*head, *lines[: k + 1]], lines[k + 1 :]
    if salutation is None:
        return title, [], lines
    # The notice is itself the document: only its salutation is set aside.
    return title, lines[: salutation + 1], lines[salutation + 1 :]


def _title(head: list[str], title: str) -> str:
    return head[-1].strip() if head else title
