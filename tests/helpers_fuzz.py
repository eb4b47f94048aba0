"""Hostile inputs for the fuzz tests (tests/test_fuzz_*.py) and bench/fuzz.py.

Specs are drawn from a grammar of the real keys: one of the built-in demo or starter specs
of each 文种, mutated (values replaced by wrong types, odd Unicode, huge or empty text,
deep nesting; keys removed or added), written out as YAML with random styles, anchors and
aliases, then sometimes damaged as text (hostile snippets, truncation, a full-width colon,
odd encodings). Each run goes through the real CLI (click's runner, in-process), and
`problems_of` states the property: exit code 0–6, no traceback, and a written .docx
opens with python-docx.
"""

from __future__ import annotations

import contextlib
import copy
import json
import re
import shutil
import signal
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from wenshu.generator import kinds as kind_units

ROOT = Path(__file__).resolve().parent.parent
# Every 文种 unit is fuzzed, starting from its demo and starter specs.
KINDS = tuple(kind_units.names())
ALLOWED_EXIT = frozenset(range(7))

# ---- the grammar: real keys and values ------------------------------------------------------

KEYS = (
    "文种 单位 部门 学年 学期 年度 模板 模板目录 标题 前言 指导思想 工作目标 主要工作 保障措施 "
    "行事历 具体分工 教研组 结束语 落款 开学 周起始 假期 轮值表 计划 目标完成 主要工作及成效 "
    "存在问题 努力方向 岗位 职责 类别 条目 内容 指标 编号 引用 变量 月份 活动 负责人 周次 日期 "
    "姓名 职务 名称 组长 成员 活动时间 研究主题 年级 学科 安排 完成情况 实际 说明 假日 调休上班 "
    "章 条 款 附则 文号 版头 主送 正文 附件 表格 表头 行 联系人 抄送 印发机关 印发日期 "
    "教研组 性别 出生年月 学历 职称 任教 时间 地点 主持 主题 参加 反思 集体备课 课题 主备 初案 研讨 "
    "修改 工作实绩 项目 级别 鉴定 自评 学校意见 空白 签到表 活动记录 目录"
).split()

ODD_TEXT = [
    "",
    " ",
    "\u3000",
    "\x00",
    "a\x00b",
    "\x07\x1b[31m",
    "\ud800",
    "x\udfffy",
    "\u202e右到左\u202c文字",
    "\u200f\u05e9\u05dc\u05d5\u05dd",
    "e\u0301\u0301\u0301\u0301",
    "\u0e01\u0e34\u0e34\u0e34\u0e34",
    "２０２５—２０２６",
    "二〇二五—二〇二六",
    "二〇二五年九月一日",
    "〇",
    "２０２６",
    "\ufeff前言",
    "\u2028\u2029",
    "\uffff\ufffe",
    "\U0001f600\U0001f468\u200d\U0001f469",
    "{{ ''.__class__.__mro__ }}",
    "{% for x in range(10**9) %}x{% endfor %}",
    "{{ 单位 }}{{ 没有 }}",
    "20xx年XX月××某某____【待填写】",
    "*a",
    "&a",
    "!!binary",
    "%YAML 1.1",
    "@",
    "`",
    "- ",
    ": ",
    "#",
    "'",
    '"',
    "\\",
    "\\u",
    "\t",
    "\r\n",
    "a: b",
    "部门：教科室",
    "yes",
    "~",
    "null",
    ".inf",
    "0x1F",
    "0o17",
    "1_000",
    "1e999",
    "2025-02-30",
    "2025-13-45",
    "2025-09-01",
    "2025-09-01T25:61:00",
    "2025/9/1",
    "2025年9月1日",
    "9999-12-31",
    "0001-01-01",
    "第3周",
    "第一学期",
    "第三学期",
    "第三条",
    "条目",
    "城中教[2025]第3号",
    "九月",
    "十三月",
    "周日",
    "已完成",
    "部分完成",
    "G1",
    "../../../etc/passwd",
    "/dev/zero",
    "/proc/self/environ",
    "计划.yaml",
    "a" * 300 + ".yaml",
    "通用",
    "教科室",
]

SCALARS = st.one_of(
    st.sampled_from(ODD_TEXT),
    st.text(max_size=30),
    st.text(alphabet="一二三四五六七八九十〇年月日学期周第（）、，。：；—-0123456789", max_size=20),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from([0, 1, 2, 3, 9, 13, 20, 25, 2025, 2026, 2101, -1, 10**6]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.integers(min_value=1000, max_value=200_000).map(lambda n: "长" * n),
)

KEY_TEXT = st.one_of(st.sampled_from(KEYS), st.text(max_size=8), st.integers(-5, 5))


def values(max_leaves: int = 12) -> st.SearchStrategy[Any]:
    """Any YAML value: scalars, lists and mappings (keys mostly real ones)."""
    return st.recursive(
        SCALARS,
        lambda children: st.one_of(
            st.lists(children, max_size=4),
            st.dictionaries(KEY_TEXT, children, max_size=4),
        ),
        max_leaves=max_leaves,
    )


def _load_bases() -> dict[str, list[Any]]:
    from wenshu.generator.yamlio import load_yaml

    bases: dict[str, list[Any]] = {k: [] for k in KINDS}
    for unit in kind_units.units():
        for path in [*unit.demos, unit.starter]:
            data = load_yaml(path).data
            bases.setdefault(data["文种"], []).append(data)
    return bases


_BASES: dict[str, list[Any]] | None = None


def bases() -> dict[str, list[Any]]:
    global _BASES
    if _BASES is None:
        _BASES = _load_bases()
    return _BASES


# ---- mutations of the data --------------------------------------------------------------------


def _paths(node: Any, path: tuple = ()) -> Iterator[tuple]:
    yield path
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, path + (i,))


def _get(node: Any, path: tuple) -> Any:
    for p in path:
        node = node[p]
    return node


def _nest(value: Any, depth: int, as_list: bool) -> Any:
    for _ in range(depth):
        value = [value] if as_list else {"条目": value}
    return value


PRINTABLE_ODD = [t for t in ODD_TEXT if t.isprintable() and t.strip()]


@st.composite
def mutated_data(draw: st.DrawFn, kind: str, gentle: bool = False) -> Any:
    """A spec of `kind` with up to five mutations at random places; `gentle` ones only
    change text to other (odd, printable) text, so that the spec mostly stays valid and
    its text goes all the way into the document."""
    data = copy.deepcopy(draw(st.sampled_from(bases()[kind])))
    ops = (
        ["text"] * 5 + ["dup"]
        if gentle
        else ["text"] * 4 + ["replace", "replace", "delete", "add", "nest", "dup"]
    )
    for _ in range(draw(st.sampled_from([0, 1, 1, 1, 2, 2, 3, 5]))):
        paths = list(_paths(data))
        path = draw(st.sampled_from(paths))
        op = draw(st.sampled_from(ops))
        if op == "text":  # keeps the type: the spec often stays valid and gets rendered
            texts = [p for p in paths if p and isinstance(_get(data, p), str)]
            if texts:
                where = draw(st.sampled_from(texts))
                old = _get(data, where)
                if gentle:
                    new = draw(
                        st.one_of(
                            st.sampled_from(PRINTABLE_ODD),
                            st.text(
                                st.characters(blacklist_categories=("C",)), min_size=1, max_size=40
                            ),
                        )
                    )
                else:
                    new = draw(
                        st.one_of(st.sampled_from(ODD_TEXT), st.text(min_size=1, max_size=40))
                    )
                _get(data, where[:-1])[where[-1]] = draw(
                    st.sampled_from([new, old + new, new + old, old[: len(old) // 2] + new])
                )
            continue
        if not path:
            if op == "replace" and draw(st.booleans()):
                data = draw(values())
            continue
        parent, last = _get(data, path[:-1]), path[-1]
        if op == "replace":
            parent[last] = draw(values())
        elif op == "delete":
            del parent[last]
        elif op == "add":
            target = parent[last] if isinstance(parent[last], (dict, list)) else parent
            if isinstance(target, dict):
                target[draw(KEY_TEXT)] = draw(values())
            else:
                target.insert(draw(st.integers(0, len(target))), draw(values()))
        elif op == "nest":
            parent[last] = _nest(parent[last], draw(st.integers(1, 140)), draw(st.booleans()))
        elif op == "dup" and isinstance(parent, list):
            # 1000 and more items at one level: numbered 一千…
            times = draw(st.sampled_from([1, 1, 2, 2, 10, 10, 50, 50, 1000, 3000]))
            parent.extend(copy.deepcopy(parent[last]) for _ in range(times))
        if not isinstance(data, (dict, list)):
            break
    return data


# ---- writing YAML with random styles, anchors and aliases --------------------------------------

_PLAIN_OK = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:#\n]*$")


class _Emitter:
    def __init__(self, draw: st.DrawFn, wild: bool):
        self.draw = draw
        self.wild = wild  # aliases may stand for anything, not only for equal values
        self.anchors: list[str] = []
        self.count = 0
        self.lines: list[str] = []

    def scalar(self, value: Any) -> str:
        draw = self.draw
        if value is None:
            return draw(st.sampled_from(["", "~", "null"]))
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (int, float)):
            return json.dumps(value) if value == value else ".nan"
        text = str(value)
        style = draw(st.sampled_from(["plain", "double", "double_ascii", "single"]))
        if style == "plain" and _PLAIN_OK.match(text) and text == text.strip():
            return text
        if style == "single" and "\n" not in text:
            return "'" + text.replace("'", "''") + "'"
        return json.dumps(text, ensure_ascii=style == "double_ascii")

    def _maybe_anchor(self) -> str:
        """An anchor for the node about to be written; aliases may use it once it is done
        (call _close with the returned text afterwards)."""
        if self.draw(st.integers(0, 9)) == 0:
            self.count += 1
            return f"&a{self.count} "
        return ""

    def _close(self, anchor: str, value: Any) -> None:
        if anchor:
            self.anchors.append((anchor[1:].strip(), value))

    def _maybe_alias(self, value: Any) -> str | None:
        """An alias standing for `value` (an earlier node equal to it); rarely any alias."""
        if not self.anchors:
            return None
        same = [name for name, v in self.anchors if v == value and type(v) is type(value)]
        if same and self.draw(st.integers(0, 2)) == 0:
            return "*" + self.draw(st.sampled_from(same))
        if self.wild and self.draw(st.integers(0, 30)) == 0:
            return "*" + self.draw(st.sampled_from([name for name, _ in self.anchors]))
        return None

    def flow(self, value: Any, depth: int = 0) -> str:
        alias = self._maybe_alias(value)
        if alias:
            return alias
        anchor = self._maybe_anchor()
        if isinstance(value, dict):
            body = ", ".join(
                f"{self.scalar(k)}: {self.flow(v, depth + 1)}" for k, v in value.items()
            )
            text = "{" + body + "}"
        elif isinstance(value, list):
            text = "[" + ", ".join(self.flow(v, depth + 1) for v in value) + "]"
        else:
            text = self.scalar(value)
        self._close(anchor, value)
        return anchor + text

    def block(self, value: Any, indent: int) -> None:
        pad = " " * indent
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for k, v in items:
            head = f"{pad}{self.scalar(k)}:" if isinstance(value, dict) else f"{pad}-"
            alias = self._maybe_alias(v)
            if alias:
                self.lines.append(f"{head} {alias}")
            elif (
                isinstance(v, (dict, list))
                and v
                and indent < 60
                and not self.draw(st.integers(0, 4)) == 0
            ):
                anchor = self._maybe_anchor()
                self.lines.append(f"{head} {anchor}".rstrip())
                self.block(v, indent + 2)
                self._close(anchor, v)
            else:
                self.lines.append(f"{head} {self.flow(v)}")


@st.composite
def yaml_text(draw: st.DrawFn, data: Any) -> str:
    """`data` as YAML text in random styles, with anchors and aliases."""
    emitter = _Emitter(draw, wild=draw(st.integers(0, 9)) == 0)
    if isinstance(data, (dict, list)) and data:
        emitter.block(data, 0)
        return "\n".join(emitter.lines) + "\n"
    return emitter.flow(data) + "\n"


# ---- damage done to the text ------------------------------------------------------------------


def _laughs(levels: int, width: int) -> str:
    lines = ["炸弹:", '  - &l0 "哈"']
    for i in range(1, levels):
        lines.append(f"  - &l{i} [" + ", ".join([f"*l{i - 1}"] * width) + "]")
    return "\n".join(lines) + f"\n结束语: *l{levels - 1}\n"


SNIPPETS = st.one_of(
    st.builds(_laughs, st.integers(2, 10), st.integers(2, 10)),
    st.just("职责: &c\n  - 类别: x\n    条目: *c\n"),
    st.just("主要工作: &w\n  - 标题: x\n    条目: *w\n"),
    st.integers(50, 3000).map(lambda n: "结束语: " + "[" * n + "]" * n + "\n"),
    st.integers(50, 3000).map(lambda n: "结束语: " + "{a: " * n + "}" * n + "\n"),
    st.integers(40, 400).map(
        lambda n: (
            "前言:\n" + "".join(" " * (2 * i) + "-\n" for i in range(n)) + " " * (2 * n) + "x\n"
        )
    ),
    st.just("结束语: *nowhere\n"),
    st.just("---\n文种: 工作计划\n"),
    st.just("...\n结束语: x\n"),
    st.sampled_from(
        [
            "结束语: !!timestamp 2025-13-45\n",
            "结束语: !!timestamp 2025-02-30\n",
            "结束语: !!int abc\n",
            "结束语: !!float x\n",
            "结束语: !!bool maybe\n",
            "结束语: !!null x\n",
            "结束语: !!binary aGVsbG8=\n",
            "结束语: !foo bar\n",
            "结束语: !!set {a, b}\n",
            "结束语: !!omap [a: 1]\n",
            "结束语: !!python/object:os.system x\n",
            "基础: &b {单位: x}\n合并:\n  <<: *b\n",
            "<<: {单位: y}\n",
            "? [a, b]\n: c\n",
            "? {a: b}\n: c\n",
            "%YAML 1.1\n---\n",
            "%TAG ! tag:x,2000:\n---\n",
            "部门：教科室\n",
            "单位：城南中学\n学年：2025—2026\n",
            "\t结束语: x\n",
            "结束语:\n\t- x\n",
            "结束语: 'unclosed\n",
            '结束语: "\\ud800"\n',
            '结束语: "\\x00\\u0007"\n',
            "结束语: |9\n  x\n",
            "结束语: a\x00b\n",
            "结束语: a\x85b\x9fc\n",
            "结束语: @x\n",
            "结束语: [a, b\n",
            "结束语: {a: b\n",
            "落款:\n  日期: 2025-13-45\n",
            "落款: {日期: 二〇二五年九月一日}\n",
            "学年: 二〇二五—二〇二六\n",
            "学年: ２０２５—２０２６\n",
            "年度: 〇\n",
        ]
    ),
    st.integers(4300, 5000).map(lambda n: "结束语: " + "1" * n + "\n"),
    st.integers(10_000, 2_000_000).map(lambda n: "结束语: " + "长" * n + "\n"),
)


@st.composite
def damaged(draw: st.DrawFn, text: str) -> str:
    """`text`, sometimes with one kind of damage done to it."""
    kind = draw(
        st.sampled_from(
            ["none"] * 8 + ["snippet", "snippet", "snippet", "truncate", "line", "colon", "char"]
        )
    )
    lines = text.split("\n")
    if kind == "snippet":
        at = draw(st.integers(0, len(lines)))
        return "\n".join(lines[:at]) + ("\n" if at else "") + draw(SNIPPETS) + "\n".join(lines[at:])
    if kind == "truncate":
        return text[: draw(st.integers(0, len(text)))]
    if kind == "line" and len(lines) > 1:
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["drop", "dup", "swap"]))
        if op == "drop":
            del lines[i]
        elif op == "dup":
            lines.insert(i, lines[i])
        else:
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        return "\n".join(lines)
    if kind == "colon":
        keyed = [i for i, ln in enumerate(lines) if ": " in ln]
        if keyed:
            i = draw(st.sampled_from(keyed))
            lines[i] = lines[i].replace(": ", "：", 1)
        return "\n".join(lines)
    if kind == "char":
        at = draw(st.integers(0, len(text)))
        return text[:at] + draw(st.sampled_from(ODD_TEXT + ["\n", "  ", "[", "{", "]"])) + text[at:]
    return text


ENCODINGS = ["utf-8"] * 8 + ["utf-8-sig", "utf-16", "utf-16-be", "utf-32", "gb18030"]


def encode(text: str, encoding: str) -> bytes:
    """Bytes of `text`; lone surrogates are written as such (invalid UTF-8 on purpose)."""
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


@dataclass
class SpecCase:
    """One fuzzed spec file (and, for a 工作总结, the plan it may link to)."""

    kind: str
    data: bytes
    plan: bytes | None = None
    notes: list[str] = field(default_factory=list)


@st.composite
def spec_cases(draw: st.DrawFn, kinds: tuple[str, ...] = KINDS) -> SpecCase:
    kind = draw(st.sampled_from(kinds))
    gentle = draw(st.integers(0, 9)) < 4
    text = draw(yaml_text(draw(mutated_data(kind, gentle))))
    if gentle:
        data = encode(text, draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"])))
    else:
        data = encode(draw(damaged(text)), draw(st.sampled_from(ENCODINGS)))
    plan = None
    if kind == "工作总结":
        # Its 计划 names 教科室工作计划.yaml: a sound plan, or a fuzzed one.
        plan_text = draw(st.one_of(st.none(), yaml_text(draw(mutated_data("工作计划")))))
        plan = None if plan_text is None else encode(plan_text, "utf-8")
    return SpecCase(kind, data, plan)


# ---- running the CLI and judging the outcome ----------------------------------------------------


class Hang(Exception):
    """A run took longer than its time limit."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise Hang in the main thread after `seconds` (POSIX; no limit elsewhere)."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def alarm(_signum, _frame):
        raise Hang(f"no result after {seconds} s")

    old = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


@dataclass
class Outcome:
    command: str
    exit_code: int | None
    output: str
    problems: list[str]

    @property
    def label(self) -> str:
        if self.problems:
            return "FAIL " + self.problems[0].split(":")[0]
        return f"exit {self.exit_code}"


def _cli(args: list[str]):
    from helpers_docx import runner

    from wenshu.cli import main

    return runner().invoke(main, [str(a) for a in args], catch_exceptions=True)


def run(
    args: list[str],
    command: str,
    limit: float = 60.0,
    docx: Path | None = None,
    ours: bool = False,
) -> Outcome:
    """Run `wenshu ARGS` in-process and list what breaks the fuzz property. `ours`: the
    input is a file wenshu wrote itself, which must at least be valid YAML."""
    from helpers_docx import stderr_of

    try:
        with time_limit(limit):
            result = _cli(args)
    except Hang as exc:
        return Outcome(command, None, "", [f"hang: {exc}"])
    output = result.output + stderr_of(result)
    problems = []
    code = result.exit_code
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        problems.append(f"exception: {result.exception!r}")
    if "Traceback" in output:
        problems.append("traceback: in the output")
    if code not in ALLOWED_EXIT:
        problems.append(f"exit {code}: {output.strip()[-300:]}")
    if code == 0 and docx is not None:
        problems += _docx_problems(docx)
    if ours and "YAML 格式错误" in output:
        problems.append(f"own output unreadable: {output.strip()[-300:]}")
    return Outcome(command, code, output, problems)


def _docx_problems(path: Path) -> list[str]:
    import docx

    if not path.is_file():
        return [f"no docx: {path.name} missing after exit 0"]
    try:
        docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001 - any failure to open is the finding
        return [f"bad docx: {exc!r}"]
    return []


@contextlib.contextmanager
def scratch() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="wenshu-fuzz-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def write_case(case: SpecCase, folder: Path) -> Path:
    spec = folder / "输入.yaml"
    spec.write_bytes(case.data)
    from wenshu.generator.demo import demo_specs

    # The demos beside it, so that a spec linking another demo (计划: …) finds it.
    for demo in demo_specs():
        (folder / demo.name).write_bytes(demo.read_bytes())
    if case.plan is not None:
        (folder / "教科室工作计划.yaml").write_bytes(case.plan)
    return spec


def run_spec_case(case: SpecCase, corpus: Path, commands: tuple[str, ...]) -> list[Outcome]:
    """Run one fuzzed spec through `build`, `summary init` and/or `rollover`.

    A file a command writes is taken further: the built .docx must open, and the files
    summary init and rollover write must themselves build (exit 0–6).
    """
    outcomes = []
    with scratch() as folder:
        spec = write_case(case, folder)
        base = ["--corpus", corpus]
        if "build" in commands:
            out = folder / "输出.docx"
            outcomes.append(run([*base, "build", spec, "-o", out], "build", docx=out))
        if "summary-init" in commands:
            out = folder / "总结.yaml"
            outcomes.append(run(["summary", "init", spec, "-o", out], "summary-init"))
            if out.is_file():
                doc = folder / "总结.docx"
                outcomes.append(
                    run(
                        [*base, "build", out, "-o", doc],
                        "build-of-summary-init",
                        docx=doc,
                        ours=True,
                    )
                )
        if "rollover" in commands:
            out = folder / "滚动.yaml"
            outcomes.append(run(["rollover", spec, "--to", "2027-2028", "-o", out], "rollover"))
            if out.is_file():
                doc = folder / "滚动.docx"
                outcomes.append(
                    run([*base, "build", out, "-o", doc], "build-of-rollover", docx=doc, ours=True)
                )
    return outcomes
