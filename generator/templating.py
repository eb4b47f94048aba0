"""The template library: jinja2 templates (StrictUndefined) that decide the wording and
order of a 文种 and render to a document tree through DocBuilder calls.

Templates live in templates/<文种>/<名称>.j2 inside the package; directories given with
--templates or the spec's 模板目录 are searched first, so a user can override or add one.
"""

from __future__ import annotations

import functools
import re
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from .docbuilder import DocBuilder, TemplateUsageError
from .doctree import Document
from .errors import TemplateError

BUILTIN_DIR = Path(__file__).resolve().parent.parent / "templates"
SUFFIX = ".j2"
DEFAULT_TEMPLATE = "通用"
_DESCRIPTION = re.compile(r"\{#-?\s*说明[:：]\s*(.*?)\s*-?#\}", re.S)


@dataclass
class TemplateInfo:
    kind: str
    name: str
    path: Path
    builtin: bool
    description: str


def _finalize(value: Any) -> Any:
    # None prints as nothing, and a value can never add a line break to the output.
    if value is None:
        return ""
    return value


@functools.lru_cache(maxsize=16)
def _environment(dirs: tuple[str, ...]) -> jinja2.Environment:
    """One environment per search path, so compiled templates are reused across builds."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(list(dirs), encoding="utf-8"),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        finalize=_finalize,
    )


class TemplateLibrary:
    """Built-in templates plus user directories (searched first)."""

    def __init__(self, extra_dirs: list[Path] | None = None) -> None:
        self.extra_dirs = [Path(d) for d in (extra_dirs or [])]
        for d in self.extra_dirs:
            if not d.is_dir():
                raise TemplateError(
                    f"模板目录 {d} 不存在或不是文件夹。请检查 --templates 或“模板目录”的路径。"
                )
        self.dirs = [*self.extra_dirs, BUILTIN_DIR]
        self.env = _environment(tuple(str(d) for d in self.dirs))

    def list(self) -> list[TemplateInfo]:
        """Every template, user ones first; a user template hides a built-in of the same name."""
        seen: dict[tuple[str, str], TemplateInfo] = {}
        for d in self.dirs:
            for path in sorted(d.glob(f"*/*{SUFFIX}")):
                key = (path.parent.name, path.stem)
                if key in seen:
                    continue
                text = path.read_text(encoding="utf-8", errors="replace")
                m = _DESCRIPTION.search(text)
                seen[key] = TemplateInfo(
                    path.parent.name, path.stem, path, d == BUILTIN_DIR, m.group(1) if m else ""
                )
        return list(seen.values())

    def names(self, kind: str) -> list[str]:
        return [t.name for t in self.list() if t.kind == kind]

    def render(self, kind: str, name: str | None, context: dict[str, Any]) -> Document:
        """Render template `kind/name` with `context` into a Document."""
        name = name or DEFAULT_TEMPLATE
        rel = f"{kind}/{name}{SUFFIX}"
        try:
            template = self.env.get_template(rel)
        except jinja2.TemplateNotFound:
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
        try:
            output = template.render(env_context)
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
        except (TypeError, ValueError, AttributeError, KeyError) as exc:
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
