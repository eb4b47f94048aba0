"""The 文种 registry. Each subpackage of this package is one 文种 unit: its model, checks,
template context, form description, starter spec (starter.yaml) and demo inputs (demo/*.yaml),
with a `KIND = KindUnit(...)` in its __init__.py. Units are found by scanning this package,
so adding a 文种 means adding a folder here (and its templates under templates/<文种>/);
nothing else lists them. The CLI, the loader, build, demo, schema and the template library
ask this module which 文种 exist.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
import pkgutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import BaseModel

    from ..context import ContextMaker
    from ..docbuilder import DocBuilder
    from ..doctree import Document
    from ..spec.checks import Finding
    from ..spec.loader import CheckContext, LoadedSpec

STARTER_FILE = "starter.yaml"
DEMO_FOLDER = "demo"


@dataclass(frozen=True)
class Grid:
    """A list field a form edits as a grid: each item of `key` is a row, `columns` its keys.

    `key` may be dotted (轮值表.安排). With `rows`, each item of `key` is a group whose
    `group` key is repeated down the grid beside the rows of its `rows` list (行事历: one
    row per 活动, 月份 shown merged). `lists` are columns whose value is a list (one item
    per line in a cell); `maps` are columns holding a mapping (one grid column per key).
    """

    key: str
    columns: tuple[str, ...]
    group: str | None = None
    rows: str | None = None
    lists: tuple[str, ...] = ()
    maps: tuple[str, ...] = ()


@dataclass(frozen=True)
class KindUnit:
    """One 文种 and everything the generator needs to know about it."""

    name: str  # the 文种 as written in specs: 工作计划
    model: type[BaseModel]  # pydantic model by Chinese alias (also `wenshu schema`)
    check: Callable[[Any, CheckContext], list[Finding]]  # cross-field checks
    context: Callable[[Any, ContextMaker], dict[str, Any]]  # what its templates see
    order: int = 100  # demo and listing order; a 文种 linking another comes after it
    default_template: str = "通用"  # under templates/<文种>/ when the spec names none
    help: Mapping[str, str] = field(default_factory=dict)  # key → help, beside shared help
    grids: tuple[Grid, ...] = ()  # list fields a form edits as grids
    links: Mapping[str, str] = field(default_factory=dict)  # key naming another spec → its 文种
    notes: Callable[[LoadedSpec], list[str]] | None = None  # extra lines after a build
    importable: bool = False  # `wenshu import-spec --kind` can map old documents to it
    # Template functions of its own beside title(), h1() …: (builder, context) → name → fn.
    functions: Callable[[DocBuilder, dict[str, Any]], dict[str, Callable]] | None = None
    # After rendering, before writing: settle what depends on where the pages break (a
    # 通知's 版记 page), given the profile name; returns notes for the user.
    layout: Callable[[Document, str], list[str]] | None = None
    folder: Path | None = None  # set on discovery: the unit's package folder

    @property
    def starter(self) -> Path:
        """The commented starter spec `wenshu new` prints."""
        return self._folder / STARTER_FILE

    @property
    def demos(self) -> list[Path]:
        """The unit's example inputs that `wenshu demo` builds."""
        return sorted((self._folder / DEMO_FOLDER).glob("*.yaml"))

    @property
    def _folder(self) -> Path:
        if self.folder is None:
            raise RuntimeError(f"{self.name}: KindUnit used before discovery set its folder")
        return self.folder


@functools.lru_cache(maxsize=1)
def _discover() -> dict[str, KindUnit]:
    found: list[KindUnit] = []
    for info in pkgutil.iter_modules(__path__):
        if not info.ispkg or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        unit = getattr(module, "KIND", None)
        if not isinstance(unit, KindUnit):
            raise TypeError(f"{module.__name__} defines no KIND = KindUnit(...)")
        found.append(dataclasses.replace(unit, folder=Path(module.__file__).parent))
    found.sort(key=lambda u: (u.order, u.name))
    units: dict[str, KindUnit] = {}
    for unit in found:
        if unit.name in units:
            raise TypeError(f"文种 {unit.name} is defined twice")
        units[unit.name] = unit
    return units


def rescan() -> None:
    """Forget what was found, so the next call scans again (for tests adding a unit)."""
    _discover.cache_clear()


def units() -> list[KindUnit]:
    """Every 文种 unit, in order."""
    return list(_discover().values())


def names() -> list[str]:
    """Every 文种, in order."""
    return list(_discover())


def find(name: object) -> KindUnit | None:
    """The unit of a 文种, or None."""
    return _discover().get(name) if isinstance(name, str) else None


def get(name: str) -> KindUnit:
    """The unit of a 文种; UnknownKindError naming the closest one and all others otherwise."""
    unit = find(name)
    if unit is None:
        from ..errors import UnknownKindError

        raise UnknownKindError(unknown_message(name))
    return unit


def unknown_message(name: object, available: list[str] | None = None) -> str:
    """未知的文种“X”，是不是“Y”？ / …，应为 A、B 之一 (the one wording for every place)."""
    from ..spec.messages import suggest

    available = names() if available is None else available
    hint = suggest(str(name), available)
    if hint:
        return f"未知的文种“{name}”，是不是“{hint}”？可用：{'、'.join(available)}"
    return f"未知的文种“{name}”，应为 {'、'.join(available)} 之一"
