"""The YAML parser's (English) complaints in Chinese, with a hint at the usual cause.

Both parsers ruamel can use are covered: libyaml's wording (ruamel.yaml.clib) and the
pure-Python scanner's. Nothing English reaches the user: an unknown complaint gets a
general hint about this line.
"""

from __future__ import annotations

import re

_HEAD = "YAML 格式错误："

# A key written with a full-width colon: `部门：教科室` (optionally as a list item).
_FULLWIDTH_KEY = re.compile(
    r"^(\s*(?:-\s+)?)([^\s:：#'\"{}\[\],&*!|>%@`-][^:：#]{0,30}?)\s*：\s*(.*)$"
)

_STRUCTURE = (
    "simple key",
    "could not find expected ':'",
    "mapping values are not allowed",
    "did not find expected key",
    "expected <block end>",
    "block end",
)

# (words in the problem or context, message). The first match wins.
_RULES: list[tuple[tuple[str, ...], str]] = [
    (
        ("undefined alias",),
        "别名“*{alias}”找不到对应的锚点“&{alias}”（锚点要写在别名之前）。"
        "如果“*”是文字的一部分，请给整段文字加引号。",
    ),
    (
        ("another document", "single document", "document separator", "document indicator"),
        "文件里有多个 YAML 文档（用“---”或“...”分开）。一个输入文件只能写一份文档，请删去多余的部分。",
    ),
    (
        ("non-comment content after document end",),
        "文档结束标记“...”之后还有内容。请删去“...”这一行。",
    ),
    (
        ("escape",),
        "双引号里的反斜杠“\\”写法无效（如 \\u 后面不是合法的字符编码）。"
        "如果反斜杠是文字的一部分，请改用单引号，或写成两个反斜杠“\\\\”。",
    ),
    (
        ("tab character", "\\t"),
        "缩进里有 Tab 字符，请改用空格缩进。",
    ),
    (
        ("cannot start any token",),
        "这里的字符“{char}”在 YAML 中有特殊含义，不能放在一段文字的开头"
        "（Tab、@、` 都是如此）。如果它是文字的一部分，请给整段文字加引号。",
    ),
    (
        ("end of stream",),
        "文件在这里意外结束：这一行开始的引号或括号没有闭合，请补上配对的引号或括号。",
    ),
    (
        ("expected ',' or ']'", "expected ',' or '}'", "flow sequence", "flow mapping"),
        "方括号 [ ] 或花括号 { } 没有闭合，或其中的项之间缺少逗号。"
        "如果括号是文字的一部分，请给整段文字加引号。",
    ),
    (
        ("mapping values are not allowed",),
        "此处不能出现“键: 值”。常见原因是冒号后少了空格、缩进不对，或文字里有英文冒号"
        "（可改用中文冒号“：”或给整段文字加引号）。",
    ),
    (
        ("simple key",),
        "这一行的“键: 值”不完整，常见原因是英文冒号后面少了空格（应写成“学年: 2025—2026”），或缺少冒号。",
    ),
    (
        ("could not find expected ':'", "found unexpected ':'"),
        "缺少英文冒号“:”，或上一行的引号没有闭合。",
    ),
    (
        ("block sequence entries are not allowed",),
        "此处不能开始列表项“- ”：同一行的键已经有值了，或者缩进不对。",
    ),
    (
        ("mapping keys are not allowed", "'?'"),
        "此处不能出现“? ”开头的键。如果问号是文字的一部分，请给整段文字加引号。",
    ),
    (
        ("anchor", "alias"),
        "“&”或“*”后面应是锚点或别名的名字。如果“&”“*”是文字的一部分，请给整段文字加引号。",
    ),
    (
        ("tag",),
        "以“!”开头的是 YAML 标签，这里不支持或写法无效。如果“!”是文字的一部分，请给整段文字加引号。",
    ),
    (
        ("directive", "incompatible YAML document", "%YAML", "%TAG"),
        "以“%”开头的行是 YAML 指令，这里不支持。如果“%”是文字的一部分，请给整段文字加引号。",
    ),
    (
        ("block scalar", "indentation indicator", "chomping"),
        "多行文字（“|”或“>”）写法不对：“|”后面应直接换行，内容从下一行开始并缩进。",
    ),
    (
        ("comment or line break", "comment or a line break", "whitespace"),
        "这一行在一个值结束之后还有多余的内容（例如引号后面又写了文字）。请把整段文字放在一对引号里。",
    ),
    (
        ("node content",),
        "这里缺少内容：可能多写了逗号、“-”或冒号，或者值以 YAML 的特殊字符（] } , 等）开头。"
        "如果是文字，请给整段文字加引号。",
    ),
    (
        ("did not find expected", "expected <block end>", "'-' indicator", "expected"),
        "缩进不一致或列表项“- ”位置不对，请检查这一行及上一行的缩进。",
    ),
]


def fullwidth_colon_fix(key: str, rest: str, lead: str = "") -> str:
    """What to say of `key：rest` typed with the full-width colon (`lead` is a list's "- ")."""
    fixed = f"{lead.strip() + ' ' if lead.strip() else ''}{key}: {rest}".rstrip()
    return f"“{key}”后面用了中文冒号“：”。键和值之间要用英文冒号加一个空格，请改成“{fixed}”。"


def _fullwidth_colon(lines: list[tuple[int, str]]) -> tuple[int, str] | None:
    for number, text in lines:
        m = _FULLWIDTH_KEY.match(text)
        if m:
            lead, key, rest = m.groups()
            return number, fullwidth_colon_fix(key, rest, lead)
    return None


def yaml_problem_cn(
    problem: str, context: str, source_lines: list[tuple[int, str]], char: str | None = None
) -> tuple[str, int | None]:
    """A Chinese message for one parser complaint, and the line it is about when that is
    not the line the parser names.

    `source_lines` are (line number, text) of the lines around the error, used to
    recognise a full-width colon; `char` is the character at the error.
    """
    both = f"{problem} {context}"
    if any(w in both for w in _STRUCTURE):
        hit = _fullwidth_colon(source_lines)
        if hit:
            return _HEAD + hit[1], hit[0]
    if "found unexpected ':'" in problem and "plain scalar" in context:
        # Only inside [ ] or { } does a colon stop a plain text (8:00 in a table row).
        return _HEAD + (
            "方括号 [ ] 或花括号 { } 里的一项含有英文冒号（如时间 8:00），"
            "请给这一项加引号（如 \"8:00-9:30\"），或改用中文冒号“：”。"
        ), None
    m = re.search(r"alias '?([^'\s]*)'?", problem)
    alias = m.group(1) if m else ""
    for words, message in _RULES:
        if any(w in both for w in words):
            shown = _show_char(char)
            return _HEAD + message.replace("{alias}", alias).replace("{char}", shown), None
    return _HEAD + "这一行的写法无法识别。请检查这一行的缩进、冒号、引号和括号。", None


def _show_char(char: str | None) -> str:
    if not char:
        return "?"
    if char == "\t":
        return "Tab"
    if not char.isprintable() or char.isspace():
        return f"U+{ord(char):04X}"
    return char
