"""A spec that names another spec file (工作总结 → 计划: its 工作计划): open it, validate it
as its 文种, and report every problem at the key that names it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import Problem, SpecError, WenshuError
from ..fsutil import shown_path

SPEC_SUFFIXES = (".yaml", ".yml")


def load_linked(value: str, ctx: Any, key: str) -> Any:
    """The spec file `value` (relative to the spec naming it under `key`), validated as the
    文种 the unit's `links` give for `key`; a LoadedSpec. Only a YAML spec is opened: any
    other file named here is refused unread, so its contents never show up in a message."""
    from ..yamlio import load_yaml
    from .loader import validate_loaded

    kind = ctx.links[key]

    base = ctx.path.parent if ctx.path else Path.cwd()
    line = ctx.loaded.line_for((key,))

    def refuse(message: str) -> SpecError:
        return SpecError([Problem(message, file=ctx.loaded.label, line=line, path=key)])

    named = shown_path(value)
    if not value.lower().endswith(SPEC_SUFFIXES):
        raise refuse(
            f"“{key}”应写{kind}的输入文件（以 .yaml 或 .yml 结尾），“{named}”不是，未读取。"
            f"请写{key}的 .yaml 文件名（路径相对于本文件所在的文件夹）。"
        )
    path = base / value
    try:
        found = path.exists()
    except (OSError, ValueError):
        found = True  # let the reader below say what is wrong with the path
    if not found:
        raise refuse(
            f"找不到关联的{key}文件 {named}（路径相对于本文件所在的文件夹 {shown_path(base)}）"
        )
    try:
        loaded = load_yaml(path, what=f"关联的{key}文件")
        return validate_loaded(loaded, path=path, strict=ctx.strict, expect_kind=kind)
    except SpecError as exc:
        head = Problem(
            f"关联的{key} {named} 有问题，请先修改{key}",
            file=ctx.loaded.label,
            line=line,
            path=key,
        )
        raise SpecError([head, *exc.problems]) from None
    except WenshuError as exc:
        raise refuse(exc.message) from None
