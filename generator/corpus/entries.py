"""Corpus entries as written in YAML: the shipped corpus/*.yaml files and the files a
user adds with `wenshu corpus add`.

Shape of one entry (keys in Chinese, as users write them)::

    编号: zd001            # optional in user files; ASCII letters, digits, - and _
    类别: 指导思想          # may come from the file's top-level 类别
    标题: ……
    主题: [课题研究]
    文种: [工作计划]
    内容: |
      …… {{ 单位 }} ……
    条目: [……]
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ..errors import CorpusError, Problem, SpecError
from ..spec.messages import _message, clean_loc, format_path
from ..vocab import CATEGORIES, CORPUS_KINDS, SECTION_VARIABLES, TOPICS
from ..yamlio import parse_yaml, read_text
from .lexicon import closest_allowed

ID_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,63}$")
PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")


def placeholders(*texts: str) -> list[str]:
    """Variable names used as {{ 名称 }} in the texts, in order of first use."""
    seen: dict[str, None] = {}
    for text in texts:
        for name in PLACEHOLDER.findall(text):
            seen.setdefault(name, None)
    return list(seen)


def _not_allowed(value: str, allowed: tuple[str, ...], what: str) -> str:
    """“院感”不在可选范围内，是不是“医院感染管理”？可选：…"""
    hint = closest_allowed(value, allowed)
    guess = f"，是不是“{hint}”？" if hint else "。"
    return f"{what}“{value}”不在可选范围内{guess}可选：{'、'.join(allowed)}"


def _from_vocabulary(values: list[str], allowed: tuple[str, ...], what: str) -> list[str]:
    """The values without repeats; any value outside `allowed` is an error naming it (and
    the allowed value it most likely means)."""
    unknown = [v for v in values if v not in allowed]
    if unknown:
        raise ValueError("；".join(_not_allowed(v, allowed, what) for v in unknown))
    return list(dict.fromkeys(values))


class CorpusEntry(BaseModel):
    """One reusable section as written in YAML."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, str_strip_whitespace=True)

    id: str | None = Field(default=None, alias="编号")
    category: str = Field(alias="类别")
    # Imported sections may have no title (a numbered paragraph); exports keep that.
    title: str = Field(default="", alias="标题")
    topics: list[str] = Field(default_factory=list, alias="主题")
    kinds: list[str] = Field(default_factory=list, alias="文种")
    text: str = Field(default="", alias="内容")
    items: list[str] = Field(default_factory=list, alias="条目")
    # Written by `corpus export` so that a backup keeps where a section came from.
    sources: list[str] = Field(default_factory=list, alias="来源")

    @field_validator("id")
    @classmethod
    def _check_id(cls, value: str | None) -> str | None:
        if value is not None and not ID_PATTERN.match(value):
            raise ValueError("编号只能用英文字母开头，由字母、数字、- 和 _ 组成（最长64个字符）")
        return value

    @field_validator("category")
    @classmethod
    def _check_category(cls, value: str) -> str:
        if value not in CATEGORIES:
            raise ValueError(_not_allowed(value, CATEGORIES, "类别"))
        return value

    @field_validator("topics")
    @classmethod
    def _check_topics(cls, value: list[str]) -> list[str]:
        return _from_vocabulary(value, TOPICS, "主题")

    @field_validator("kinds")
    @classmethod
    def _check_kinds(cls, value: list[str]) -> list[str]:
        return _from_vocabulary(value, CORPUS_KINDS, "文种")

    @field_validator("items")
    @classmethod
    def _clean_items(cls, value: list[str]) -> list[str]:
        # Items are stored one per line, so a line break inside one is flattened.
        return [" ".join(item.split()) for item in value if item.strip()]

    @model_validator(mode="after")
    def _check_body(self) -> CorpusEntry:
        if not self.text and not self.items:
            raise ValueError("内容和条目不能都为空")
        unknown = [
            v
            for v in placeholders(self.title, self.text, *self.items)
            if v not in SECTION_VARIABLES
        ]
        if unknown:
            raise ValueError(
                f"变量“{'、'.join(unknown)}”不可用，可用的变量：{'、'.join(SECTION_VARIABLES)}"
            )
        return self


@dataclass(frozen=True)
class LocatedEntry:
    """A validated entry with the file (and line) it came from."""

    entry: CorpusEntry
    file: str
    line: int | None


def _problems(
    exc: ValidationError, file: str, where: tuple, line: int | None, values: dict
) -> list[Problem]:
    """One Chinese line per field, worded like every other spec message."""
    problems = []
    for err in exc.errors():
        rel, _tags = clean_loc(tuple(err["loc"]), values)
        msg = _message(err, rel, CorpusEntry, values)
        problems.append(
            Problem(message=msg, file=file, line=line, path=format_path((*where, *rel)))
        )
    return problems


def parse_entries(
    data: Any, file: str, line_for: Callable[[tuple], int | None] = lambda loc: None
) -> tuple[list[LocatedEntry], list[Problem]]:
    """Validate YAML data holding one entry, a list of entries, or {类别, 片段: [...]}.

    `line_for(path)` gives the line of a value by its path in `data` (see yamlio)."""
    default_category = None
    where = "片段"
    base: tuple = ("片段",)
    if isinstance(data, dict) and "片段" in data:
        extra = set(data) - {"类别", "片段"}
        if extra:
            msg = f"未知的字段“{'、'.join(map(str, extra))}”，文件顶层只能有 类别 和 片段"
            return [], [Problem(msg, file=file)]
        default_category = data.get("类别")
        raw = data["片段"]
    elif isinstance(data, dict):
        raw, where, base = [data], "", ()
    else:
        raw, base = data, ()
    if not isinstance(raw, list) or not raw:
        msg = "文件应包含一个片段、一个片段列表，或“类别 + 片段”两项"
        return [], [Problem(msg, file=file)]
    entries: list[LocatedEntry] = []
    problems: list[Problem] = []
    for i, item in enumerate(raw):
        at = (where, i) if where else ("片段",)
        label = format_path(at)
        line = line_for((*base, i) if where else base)
        if not isinstance(item, dict):
            problems.append(Problem("应为一个片段（含 标题、类别、内容 等）", file, line, label))
            continue
        values = dict(item)
        if default_category is not None and "类别" not in values:
            values["类别"] = default_category
        try:
            entries.append(LocatedEntry(CorpusEntry.model_validate(values), file, line))
        except ValidationError as exc:
            problems.extend(_problems(exc, file, at, line, values))
    return entries, problems


def load_user_file(path: Path) -> list[CorpusEntry]:
    """Read a user's 片段.yaml; every problem is reported at once as a SpecError."""
    path = Path(path)
    loaded = parse_yaml(read_text(path, "片段文件"), path.name)
    entries, problems = parse_entries(loaded.data, path.name, loaded.line_for)
    if problems:
        raise SpecError(problems, headline=f"{path.name} 中的片段有误，未添加任何片段：")
    return [e.entry for e in entries]


# ---------------------------------------------------------------- built-in corpus


def builtin_dir() -> Path:
    """Folder of the shipped corpus/*.yaml (inside the installed wenshu package)."""
    return Path(str(resources.files("wenshu").joinpath("corpus")))


def _yaml_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def builtin_hash(directory: Path) -> str:
    """Hash of the shipped corpus files (names and contents), to notice updates."""
    digest = hashlib.blake2b(digest_size=16)
    for path in _yaml_files(directory):
        digest.update(path.name.encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def load_builtin(directory: Path) -> list[LocatedEntry]:
    """Validate every corpus/*.yaml; a malformed one is a CorpusError naming file and entry."""
    entries: list[LocatedEntry] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for path in _yaml_files(directory):
        try:
            loaded = parse_yaml(path.read_text(encoding="utf-8-sig"), path.name)
        except SpecError as exc:
            problems.extend(exc.problems)
            continue
        found, bad = parse_entries(loaded.data, path.name, loaded.line_for)
        problems.extend(bad)
        for located in found:
            entry_id = located.entry.id
            if entry_id is None:
                problems.append(Problem("内置片段必须有编号", path.name, located.line, "编号"))
            elif not located.entry.title:
                problems.append(
                    Problem(f"内置片段 {entry_id} 缺少标题", path.name, located.line, "标题")
                )
            elif entry_id in seen:
                problems.append(
                    Problem(
                        f"编号 {entry_id} 与 {seen[entry_id]} 中的重复", path.name, located.line
                    )
                )
            else:
                seen[entry_id] = path.name
                entries.append(located)
    if problems:
        lines = "\n".join(p.render() for p in _unique(problems))
        raise CorpusError(f"内置语料库文件有误（{directory}），请修正后重新安装：\n{lines}")
    return entries


def _unique(problems: Iterable[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))
