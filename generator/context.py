"""Turning a validated spec into the plain, normalised values templates see.

Corpus references ({引用: ID}) are inlined here through a resolver, and every piece of
user text is normalised (full-width punctuation, 学年 ranges) on the way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .errors import CorpusError, Problem, SpecError
from .spec.common import DocumentBase, Ref, TreeNode, paragraphs_list
from .spec.messages import format_path
from .textnorm import normalize_text


@dataclass
class ResolvedText:
    """A corpus section as inlined into a spec: title, text and sub-items."""

    title: str
    text: str
    items: list[str] = field(default_factory=list)


# (section id, explicit variables) → ResolvedText; raises CorpusError for unknown ids.
Resolver = Callable[[str, dict[str, str]], ResolvedText]


def _no_corpus(ref_id: str, variables: dict[str, str]) -> ResolvedText:
    raise CorpusError(f"引用了语料库片段“{ref_id}”，但没有可用的语料库")


class ContextMaker:
    """Collects resolution problems with their spec paths, so all are reported at once."""

    def __init__(
        self,
        resolver: Resolver | None,
        label: str = "",
        line_for: Callable[[tuple], int | None] | None = None,
    ):
        self.resolver = resolver or _no_corpus
        self.label = label
        self.line_for = line_for or (lambda loc: None)
        self.problems: list[Problem] = []

    def fail_if_problems(self) -> None:
        if self.problems:
            raise SpecError(self.problems)

    def resolve(self, ref: Ref | str | None, path: tuple) -> ResolvedText | None:
        if ref is None:
            return None
        ref_id = ref.ref if isinstance(ref, Ref) else ref
        variables = ref.variables if isinstance(ref, Ref) else {}
        try:
            return self.resolver(ref_id, dict(variables))
        except CorpusError as exc:
            self.problems.append(
                Problem(
                    exc.message, file=self.label, line=self.line_for(path), path=format_path(path)
                )
            )
            return None

    def text(self, value: Ref | str | None, path: tuple) -> list[str]:
        """A text value as normalised paragraphs (a reference brings its text and items)."""
        if value is None:
            return []
        if isinstance(value, Ref):
            section = self.resolve(value, path)
            if section is None:
                return []
            return [normalize_text(p) for p in [section.text, *section.items] if p and p.strip()]
        return [p for p in normalize_text(str(value)).split("\n") if p.strip()]

    def one_line(self, value: Ref | str | None, path: tuple) -> str:
        return "".join(self.text(value, path))

    def paragraphs(self, value: Any, path: tuple) -> list[str]:
        out: list[str] = []
        items = paragraphs_list(value)
        for i, item in enumerate(items):
            out.extend(self.text(item, path + ((i,) if isinstance(value, list) else ())))
        return out

    def tree(self, nodes: list[TreeNode] | None, path: tuple) -> list[dict[str, Any]]:
        """TreeNode models as plain {标题, 内容, 条目} dicts, references inlined."""
        out = []
        for i, node in enumerate(nodes or []):
            p = path + (i,)
            title = normalize_text(node.title) if node.title else None
            content = self.paragraphs(node.content, p + ("内容",))
            children: list[dict[str, Any]] = []
            if node.ref:
                section = self.resolve(
                    Ref.model_validate({"引用": node.ref, "变量": node.variables}), p + ("引用",)
                )
                if section is not None:
                    title = title or (normalize_text(section.title) if section.title else None)
                    if section.text.strip():
                        content = [
                            *[normalize_text(x) for x in section.text.split("\n") if x.strip()],
                            *content,
                        ]
                    children = [
                        {"标题": None, "内容": [normalize_text(it)], "条目": []}
                        for it in section.items
                    ]
            children += self.tree(node.children, p + ("条目",))
            out.append({"标题": title, "内容": content, "条目": children})
        return out


def common_context(spec: DocumentBase, maker: ContextMaker) -> dict[str, Any]:
    """Values every template can use."""
    sig = spec.signature
    unit_line = normalize_text(spec.unit + (spec.department or ""))
    return {
        "文种": spec.kind,
        "单位": normalize_text(spec.unit),
        "部门": normalize_text(spec.department) if spec.department else None,
        "学年": spec.school_year,
        "学期": spec.term_name() or None,
        "年度": spec.year,
        "时段": spec.period_text(),
        **spec.period_words(),
        "标题": normalize_text(spec.title) if spec.title else None,
        "前言": maker.paragraphs(spec.preface, ("前言",)),
        "结束语": maker.paragraphs(spec.closing, ("结束语",)),
        "落款": {
            "单位": normalize_text(sig.unit) if sig and sig.unit else unit_line,
            "日期": sig.date if sig else None,
        },
        "有落款": sig is not None,
    }


def section_variables(spec: DocumentBase) -> dict[str, str]:
    """Values that fill {{ 单位 }} and friends in corpus sections."""
    values = {
        "单位": spec.unit,
        "部门": spec.department or "",
        "学年": spec.school_year or "",
        "学期": spec.term_name(),
        "年度": str(spec.year) if spec.year else "",
    }
    post = getattr(spec, "post", None)
    if post:
        values["岗位"] = post
    return {k: v for k, v in values.items() if v}
