"""import_spec(): read a file, map each document to a spec, choose the template, check that
the spec loads, and write the YAML files (never overwriting without force)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import WenshuError
from ..fsutil import check_writable, names_folder, write_text_atomic
from ..gcpause import collector_paused
from ..importing import ImportedDocument, ImportFailure, import_file
from ..spec.loader import LoadedSpec
from .assemble import assemble
from .choose import choose_template
from .draft import Draft
from .emit import dump_spec


def importable_kinds() -> list[str]:
    """The 文种 whose units say this importer can map old documents to them."""
    from .. import kinds

    return [unit.name for unit in kinds.units() if unit.importable]


@dataclass
class ImportedSpec:
    """One written spec and what the user should check in it."""

    path: Path
    source: str  # "旧计划.txt#篇三"
    title: str
    kind: str
    template: str
    draft: Draft
    loaded: LoadedSpec
    text: str
    warnings: list[str] = field(default_factory=list)


def import_spec(
    source: Path | str,
    output: Path | str | None = None,
    force: bool = False,
    doc: int | None = None,
    kind: str | None = None,
    today: dt.date | None = None,
) -> list[ImportedSpec]:
    """Import `source` (.docx/.txt/.md) into spec YAML files.

    Every document of the file is written to its own file (`名称-篇一.yaml` …) unless
    `doc` (1-based) picks one; a single document goes to `名称.yaml` or to `output`.
    """
    source = Path(source)
    if kind is not None and kind not in importable_kinds():
        raise WenshuError(f"--kind 应为 {'、'.join(importable_kinds())} 之一，而不是“{kind}”")
    with collector_paused():  # the outline and the specs made from it: one pause
        return _import_spec(source, output, force, doc, kind, today)


def _import_spec(
    source: Path,
    output: Path | str | None,
    force: bool,
    doc: int | None,
    kind: str | None,
    today: dt.date | None,
) -> list[ImportedSpec]:
    try:
        result = import_file(source, sections=False)
    except ImportFailure as exc:
        raise WenshuError(f"无法导入 {source}：{exc.reason}") from None
    docs = list(enumerate(result.documents, 1))
    if doc is not None:
        if not 1 <= doc <= len(docs):
            listing = "；".join(f"{i}. {d.title}" for i, d in docs[:20])
            raise WenshuError(
                f"--doc {doc} 超出范围：{source.name} 共有 {len(docs)} 篇（{listing}）"
            )
        docs = [docs[doc - 1]]
    multi = len(docs) > 1
    paths = [output_path(source, output, d, i, multi) for i, d in docs]
    if len(set(paths)) != len(paths):
        raise WenshuError("多篇文档的输出文件名重复，请用 --doc 逐篇导入并用 -o 指定文件名。")
    for p in paths:
        check_writable(p, force)
    today = today or dt.date.today()
    out: list[ImportedSpec] = []
    for (index, document), path in zip(docs, paths):
        out.append(_one(source, document, index, path, kind, today))
    for item in out:
        write_text_atomic(item.path, item.text, force=force)
    return out


def output_path(
    source: Path, output: Path | str | None, doc: ImportedDocument, index: int, multi: bool
) -> Path:
    """Where one document's spec goes (see import_spec)."""
    folder, stem = source.parent, source.stem
    if output is not None:
        out = Path(output)
        if names_folder(output):
            folder = out
        elif out.suffix.lower() in (".yaml", ".yml"):
            if not multi:
                return out
            folder, stem = out.parent, out.stem
        else:
            raise WenshuError(f"输出文件 {out} 应以 .yaml 结尾（或给出一个文件夹）。")
    if not multi:
        return folder / f"{stem}.yaml"
    suffix = doc.source.rsplit("#", 1)[1] if "#" in doc.source else f"篇{index}"
    return folder / f"{stem}-{suffix}.yaml"


def _one(
    source: Path, document: ImportedDocument, index: int, path: Path, kind: str | None, today
) -> ImportedSpec:
    known = document.kind if document.kind in importable_kinds() else None
    chosen_kind = kind or known or "工作计划"
    draft, title, source_keys = assemble(document, chosen_kind, today)
    if kind is None and document.kind is None:
        draft.review.append("原文标题看不出文种，按工作计划导入；如不对请加 --kind 重新导入")
    elif kind is None and known is None:
        draft.review.append(
            f"原文是{document.kind}，import-spec 还不能转换这一文种，按工作计划导入；"
            "请核对，或加 --kind 选择别的文种"
        )
    loaded, template = choose_template(draft, source_keys, path)
    if template != "通用":
        draft.data = _with_template(draft.data, template)
    header = [
        f"由 wenshu import-spec 从 {document.source} 导入（第{index}篇：{title}）。",
        "请核对标有“待核对”“待填写”“【未归类】”的地方，然后运行 wenshu build 生成文档。",
    ]
    text = dump_spec(draft.data, draft.comments, header)
    # Placeholders the import itself wrote are already listed as 待填写 lines.
    warnings = [p.render() for p in loaded.warnings if "【待填写】" not in p.message]
    return ImportedSpec(
        path, document.source, title, chosen_kind, template, draft, loaded, text, warnings
    )


def _with_template(data: dict, template: str) -> dict:
    """Insert 模板 after the period keys, where a person would write it."""
    out: dict = {}
    anchor = next((k for k in ("学期", "年度", "岗位", "部门", "单位") if k in data), "文种")
    for k, v in data.items():
        out[k] = v
        if k == anchor:
            out["模板"] = template
    return out
