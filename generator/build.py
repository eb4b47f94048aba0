"""Spec file → document tree → .docx (and optionally .pdf): the one function `wenshu build`
calls, plus the pieces the demo and the benchmark reuse."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from . import kinds
from .context import ContextMaker, ResolvedText, Resolver, section_variables
from .doctree import Document
from .errors import Problem, WenshuError
from .fsutil import check_writable, names_folder
from .spec.loader import LoadedSpec, load_spec
from .templating import TemplateLibrary
from .textnorm import normalize_text


@dataclass
class BuildResult:
    """What a build wrote and what the user should know."""

    docx: Path
    pdf: Path | None = None
    warnings: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    document: Document | None = None


class CorpusResolver:
    """Opens the corpus only when a spec actually references it, and records each use."""

    def __init__(
        self, corpus_path: Path | None, spec_values: dict[str, str], spec_path: Path | None
    ):
        self.corpus_path = corpus_path
        self.spec_values = spec_values
        self.spec_path = spec_path
        self._corpus = None
        self.used: list[str] = []

    def __call__(self, section_id: str, variables: dict[str, str]) -> ResolvedText:
        from .corpus import open_corpus, resolve_reference

        if self._corpus is None:
            self._corpus = open_corpus(self.corpus_path)
        section = resolve_reference(self._corpus, section_id, variables, self.spec_values)
        self.used.append(section_id)
        return ResolvedText(section.title, section.text, list(section.items))

    def record(self) -> None:
        """Count each use once the document has been written."""
        if self._corpus is None:
            return
        from .corpus import record_use

        for section_id in self.used:
            record_use(self._corpus, section_id, str(self.spec_path or ""))
        close = getattr(self._corpus, "close", None)
        if close:
            close()


def template_dirs(loaded: LoadedSpec, extra: list[Path] | None) -> list[Path]:
    """--templates directories first, then the spec's own 模板目录 (relative to the spec)."""
    dirs = list(extra or [])
    own = getattr(loaded.spec, "template_dir", None)
    if own:
        base = loaded.path.parent if loaded.path else Path.cwd()
        dirs.append(Path(os.path.abspath(base / own)))  # not resolve(): a symlink loop raises
    return dirs


def render_loaded(
    loaded: LoadedSpec, templates: list[Path] | None = None, resolver: Resolver | None = None
) -> Document:
    """Turn a validated spec into a document tree through its template."""
    return render_with(loaded, [loaded.spec.template], templates, resolver)[0]


def render_with(
    loaded: LoadedSpec,
    names: list[str | None],
    templates: list[Path] | None = None,
    resolver: Resolver | None = None,
) -> list[Document]:
    """The spec rendered through each template of `names` (the context is made once)."""
    spec = loaded.spec
    maker = ContextMaker(resolver, label=loaded.source.label, line_for=loaded.source.line_for)
    context = kinds.get(spec.kind).context(spec, maker)
    maker.fail_if_problems()
    library = TemplateLibrary(template_dirs(loaded, templates))
    documents = []
    for name in names:
        document = library.render(spec.kind, name, context)
        # docProps: the author is the unit with its department (城南中学教科室).
        document.author = normalize_text(spec.unit + (spec.department or ""))
        if spec.toc:
            from .toc import insert_toc

            insert_toc(document)
        documents.append(document)
    return documents


def resolve_output(spec_path: Path, output: Path | str | None, suffix: str = ".docx") -> Path:
    """Where to write: beside the spec by default; a folder gets the spec's name inside it."""
    if output is None:
        return spec_path.with_suffix(suffix)
    out = Path(output)
    if names_folder(output) or not out.suffix:
        return out / spec_path.with_suffix(suffix).name
    if out.suffix.lower() != suffix:
        raise WenshuError(f"输出文件 {out} 应以 {suffix} 结尾。")
    return out


def build(
    spec_path: Path,
    output: Path | None = None,
    profile: str = "school",
    force: bool = False,
    pdf: bool = False,
    strict: bool = False,
    templates: list[Path] | None = None,
    corpus_path: Path | None = None,
) -> BuildResult:
    """Validate, render and write one spec; never overwrites without force."""
    from .docx import get_profile, write_docx

    spec_path = Path(spec_path)
    get_profile(profile)  # fail on a bad profile name before any work
    loaded = load_spec(spec_path, strict=strict)
    out = resolve_output(spec_path, output)
    check_writable(out, force)
    pdf_path = out.with_suffix(".pdf") if pdf else None
    if pdf_path:
        check_writable(pdf_path, force)

    resolver = CorpusResolver(corpus_path, section_variables(loaded.spec), spec_path)
    document = render_loaded(loaded, templates, resolver)
    notes = []
    if loaded.spec.toc:
        from .toc import fill_toc_pages

        note = fill_toc_pages(document, profile)
        if note:
            notes.append(note)
    unit = kinds.get(loaded.kind)
    if unit.layout:
        notes.extend(unit.layout(document, profile))
    write_docx(document, out, profile=profile, force=force)
    resolver.record()
    result = BuildResult(docx=out, warnings=list(loaded.warnings), document=document, notes=notes)
    if unit.notes:
        result.notes.extend(unit.notes(loaded))
    if pdf_path:
        from .errors import ToolMissingError
        from .pdf import convert_to_pdf, missing_fonts

        try:
            lacking = missing_fonts(profile)
        except ToolMissingError:
            lacking = []
            result.notes.append("提示：本机没有 fc-list，无法检查版式所需字体是否齐全。")
        if lacking:
            result.notes.append(
                "提示：本机缺少字体 "
                + "、".join(lacking)
                + "，LibreOffice 会用其他字体代替，PDF 版式可能与 Word 中略有不同。"
            )
        result.pdf = convert_to_pdf(out, pdf_path, force=force)
    return result
