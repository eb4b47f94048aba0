"""The template library: jinja2 templates (StrictUndefined) that decide the wording and
order of a 文种 and render to a document tree through DocBuilder calls.

Templates live in templates/<文种>/<名称>.j2 inside the package, for each 文种 of the kinds
registry; directories given with --templates or the spec's 模板目录 are searched first, so a
user can override or add one.
They render in jinja2's sandbox, and only files at exactly <dir>/<文种>/<名称>.j2 are ever
opened: a directory such as / or /proc is looked into, never walked. Text from specs and
from the corpus reaches templates as values; it is never compiled as a template.
"""

from __future__ import annotations

import functools
import operator
import os
import re
import stat
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from . import kinds
from .docbuilder import DocBuilder, TemplateUsageError
from .doctree import Document
from .errors import TemplateError, WenshuError
from .fsutil import os_reason, read_user_file, shown_path

BUILTIN_DIR = Path(__file__).resolve().parent.parent / "templates"
SUFFIX = ".j2"
_DESCRIPTION = re.compile(r"\{#-?\s*说明[:：]\s*(.*?)\s*-?#\}", re.S)
# {#- 部门：德育处；单位：学校 -#}: whom a template is written for (templates list groups by it).
_AUDIENCE = re.compile(r"\{#-?\s*(部门[:：].*?)\s*-?#\}", re.S)
# Kinds of unit, in the order `templates list` shows them; others come last.
UNIT_ORDER = ("通用", "学校", "区县教研室", "医院")
MAX_TEMPLATE_BYTES = 1024 * 1024
# Results of `*` and `**` in a template larger than this are refused (no memory bombs).
_MAX_PRODUCT = 100_000
_MAX_POWER_BITS = 100_000


@dataclass
class TemplateInfo:
    kind: str
    name: str
    path: Path
    builtin: bool
    description: str
    department: str = ""  # 部门 the template is written for (德育处, 科室 …; 通用)
    unit_type: str = ""  # kind of unit: 通用, 学校, 区县教研室, 医院 …

    def sort_key(self) -> tuple:
        """通用 first, then by kind of unit, 部门 and name."""
        rank = UNIT_ORDER.index(self.unit_type) if self.unit_type in UNIT_ORDER else 99
        return (rank, self.unit_type, self.department, self.name)


def _finalize(value: Any) -> Any:
    # None prints as nothing, and a value can never add a line break to the output.
    if value is None:
        return ""
    return value


def _split_name(template: str) -> tuple[str, str] | None:
    """`工作计划/通用.j2` → (工作计划, 通用); None for anything not of that form."""
    kind, sep, file = template.partition("/")
    name = file[: -len(SUFFIX)] if file.endswith(SUFFIX) else ""
    if not sep or kinds.find(kind) is None or not valid_name(name):
        return None
    return kind, name


def valid_name(name: str) -> bool:
    """A template name is one plain file name: no folders, no hidden files."""
    return (
        0 < len(name) <= 100
        and not name.startswith(".")
        and not any(c in name for c in "/\\\0:")
        and name.isprintable()
    )


class _TemplateDirs(jinja2.BaseLoader):
    """Loads `<dir>/<文种>/<名称>.j2` from the first directory that has it, and nothing else."""

    def __init__(self, dirs: tuple[str, ...]):
        self.dirs = [Path(d) for d in dirs]

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        parts = _split_name(template)
        if parts is None:
            raise jinja2.TemplateNotFound(template)
        kind, name = parts
        for d in self.dirs:
            path = d / kind / f"{name}{SUFFIX}"
            info = _stat(path)
            if info is None:
                continue
            if not stat.S_ISREG(info.st_mode):
                raise TemplateError(f"模板 {shown_path(path)} 不是普通文件，请换成 .j2 文本文件。")
            try:
                raw = read_user_file(path, "模板", MAX_TEMPLATE_BYTES)
            except WenshuError as exc:
                raise TemplateError(exc.message) from None
            mtime = info.st_mtime_ns

            def uptodate(path: Path = path, mtime: int = mtime) -> bool:
                try:
                    info = _stat(path)
                except TemplateError:  # unreadable now: load again, and say so then
                    return False
                return info is not None and info.st_mtime_ns == mtime

            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                raise TemplateError(
                    f"模板 {shown_path(path)} 不是 UTF-8 编码的文本文件，请用 UTF-8 另存。"
                ) from None
            return text, str(path), uptodate
        raise jinja2.TemplateNotFound(template)


def _stat(path: Path) -> os.stat_result | None:
    """The file's status; None when there is no such file (other failures are messages)."""
    try:
        return os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise TemplateError(f"无法读取模板 {shown_path(path)}：{os_reason(exc)}。") from None


class _Sandbox(SandboxedEnvironment):
    """jinja2's sandbox, also refusing `*` and `**` results too large to hold."""

    intercepted_binops = frozenset(["*", "**"])

    def call_binop(self, context: Any, op: str, left: Any, right: Any) -> Any:
        if op == "**":
            if (
                isinstance(left, int)
                and isinstance(right, int)
                and abs(left) > 1
                and abs(left).bit_length() * right > _MAX_POWER_BITS
            ):
                raise SecurityError("乘方的指数太大")
            return operator.pow(left, right)
        for seq, times in ((left, right), (right, left)):
            if isinstance(seq, (str, list, tuple)) and isinstance(times, int):
                if len(seq) * times > _MAX_PRODUCT:
                    raise SecurityError("重复得到的文字或列表太长")
        return operator.mul(left, right)


@functools.lru_cache(maxsize=16)
def _environment(dirs: tuple[str, ...]) -> jinja2.Environment:
    """One environment per search path, so compiled templates are reused across builds."""
    return _Sandbox(
        loader=_TemplateDirs(dirs),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        finalize=_finalize,
    )


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def _templates_in(folder: Path) -> list[Path]:
    """The .j2 files directly in one `<dir>/<文种>` folder (nothing deeper is looked at)."""
    try:
        with os.scandir(folder) as entries:
            return sorted(
                Path(e.path)
                for e in entries
                if e.name.endswith(SUFFIX) and valid_name(e.name[: -len(SUFFIX)]) and e.is_file()
            )
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as exc:
        raise TemplateError(f"无法读取模板目录 {shown_path(folder)}：{os_reason(exc)}。") from None


def _header(path: Path) -> tuple[str, str, str]:
    """(说明, 部门, 单位) from a template's header comments; "" where it gives none."""
    try:
        raw = read_user_file(path, "模板", MAX_TEMPLATE_BYTES)
    except WenshuError:
        return "（无法读取）", "", ""
    text = raw.decode("utf-8", errors="replace")
    m = _DESCRIPTION.search(text)
    fields: dict[str, str] = {}
    a = _AUDIENCE.search(text)
    if a:
        for part in re.split("[；;]", a.group(1)):
            kv = re.match(r"\s*([^:：]+?)\s*[:：]\s*(.*?)\s*$", part)
            if kv:
                fields[kv.group(1)] = kv.group(2)
    return (m.group(1) if m else ""), fields.get("部门", ""), fields.get("单位", "")


class TemplateLibrary:
    """Built-in templates plus user directories (searched first)."""

    def __init__(self, extra_dirs: list[Path] | None = None) -> None:
        self.extra_dirs = [Path(d) for d in (extra_dirs or [])]
        for d in self.extra_dirs:
            if not _is_dir(d):
                raise TemplateError(
                    f"模板目录 {shown_path(d)} 不存在或不是文件夹。请检查 --templates 或“模板目录”的路径。"
                )
        self.dirs = [*self.extra_dirs, BUILTIN_DIR]
        self.env = _environment(tuple(str(d) for d in self.dirs))

    def list(self, kind: str | None = None) -> list[TemplateInfo]:
        """Every template (of `kind`, if given), user ones first; a user template hides a
        built-in of the same name. Only `<dir>/<文种>/` folders are looked into."""
        seen: dict[tuple[str, str], TemplateInfo] = {}
        for d in self.dirs:
            for k in [kind] if kind else kinds.names():
                for path in _templates_in(d / k):
                    key = (k, path.stem)
                    if key not in seen:
                        description, department, unit_type = _header(path)
                        seen[key] = TemplateInfo(
                            k,
                            path.stem,
                            path,
                            d == BUILTIN_DIR,
                            description,
                            department,
                            unit_type,
                        )
        return list(seen.values())

    def names(self, kind: str) -> list[str]:
        return [t.name for t in self.list(kind)]

    def render(self, kind: str, name: str | None, context: dict[str, Any]) -> Document:
        """Render template `kind/name` (the 文种's default when None) into a Document."""
        unit = kinds.get(kind)
        name = name or unit.default_template
        rel = f"{kind}/{name}{SUFFIX}"
        try:
            template = self.env.get_template(rel)
        except (jinja2.TemplateNotFound, RecursionError):
            available = "、".join(self.names(kind)) or "（无）"
            raise TemplateError(
                f"找不到{kind}模板“{name}”。可用的模板：{available}。可用 wenshu templates list 查看。"
            ) from None
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(
                f"模板 {exc.filename or rel} 第{exc.lineno}行语法错误：{exc.message}"
            ) from None
        except UnicodeDecodeError:
            raise TemplateError(
                f"模板 {rel} 不是 UTF-8 编码的文本文件，请用 UTF-8 另存。"
            ) from None
        builder = DocBuilder(kind)
        env_context = {**context, **builder.functions()}
        if unit.functions is not None:
            env_context.update(unit.functions(builder, context))
        try:
            output = template.render(env_context)
        except SecurityError as exc:
            line = _template_line(exc, template.filename)
            raise TemplateError(
                f"模板 {template.filename} 第{line}行的写法在模板中不允许（{_security_cn(exc)}）。"
                "模板只能使用传给它的变量和 h1、p 等指令。"
            ) from None
        except jinja2.UndefinedError as exc:
            line = _template_line(exc, template.filename)
            name_m = re.search(r"'([^']+)' (?:is undefined|has no attribute '([^']+)')", str(exc))
            what = name_m.group(2) or name_m.group(1) if name_m else str(exc)
            raise TemplateError(
                f"模板 {template.filename} 第{line}行使用了未定义的变量“{what}”。请检查模板里的变量名（可用变量见 README 的模板说明）。"
            ) from None
        except TemplateUsageError as exc:
            line = _template_line(exc, template.filename)
            raise TemplateError(f"模板 {template.filename} 第{line}行：{exc}") from None
        except jinja2.TemplateError as exc:
            line = _template_line(exc, template.filename)
            raise TemplateError(f"模板 {template.filename} 第{line}行出错：{exc}") from None
        except RecursionError:
            raise TemplateError(
                f"模板 {template.filename} 递归太深（宏或循环调用了自己），请检查模板。"
            ) from None
        except (TypeError, ValueError, AttributeError, KeyError, ArithmeticError) as exc:
            line = _template_line(exc, template.filename)
            raise TemplateError(f"模板 {template.filename} 第{line}行出错：{exc}") from None
        leftover = output.strip()
        if leftover:
            snippet = leftover.splitlines()[0][:40]
            raise TemplateError(
                f'模板 {template.filename} 输出了指令之外的文字“{snippet}”。正文文字请写在 p("…") 里，标题写在 h1("…") 等里。'
            )
        return builder.document(author=str(context.get("单位") or ""))


def _template_line(exc: BaseException, filename: str | None) -> str:
    """The template line an exception came from (jinja maps frames to template lines)."""
    lineno = getattr(exc, "lineno", None)
    if lineno:
        return str(lineno)
    line = "?"
    for frame in traceback.extract_tb(exc.__traceback__):
        if filename and frame.filename == filename:
            line = str(frame.lineno)
    return line


def _security_cn(exc: SecurityError) -> str:
    text = str(exc)
    if "unsafe" in text or "access to attribute" in text:
        return "访问了对象的内部属性"
    if "range" in text:
        return "range 的范围太大"
    return text if not text.isascii() else "不安全的操作"
