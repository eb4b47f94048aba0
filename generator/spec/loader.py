"""Loading a spec file: YAML with line marks → pydantic model → cross-field checks.

All problems are collected and reported together; warnings become errors with strict.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .. import kinds
from ..errors import Problem, SpecError
from ..yamlio import LoadedYaml, load_yaml, parse_yaml
from .checks import Finding, check_placeholders
from .messages import format_path, problems_from_validation


@dataclass
class CheckContext:
    """What cross-field checks may need besides the model: where the spec lives."""

    loaded: LoadedYaml
    path: Path | None
    strict: bool
    links: Mapping[str, str] = field(default_factory=dict)  # the unit's KindUnit.links


@dataclass
class LoadedSpec:
    """A validated spec with where it came from and its warnings."""

    spec: Any
    source: LoadedYaml
    path: Path | None
    warnings: list[Problem] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.spec.kind


def _findings_to_problems(
    findings: list[Finding], loaded: LoadedYaml, strict: bool
) -> tuple[list[Problem], list[Problem]]:
    errors, warnings = [], []
    for finding in findings:
        if isinstance(finding, Problem):  # a check that already knows file and line
            sev = "error" if (finding.severity == "error" or strict) else "warning"
            prob = Problem(finding.message, finding.file, finding.line, finding.path, sev)
            (errors if sev == "error" else warnings).append(prob)
            continue
        path, msg, severity = finding
        sev = "error" if (severity == "error" or strict) else "warning"
        prob = Problem(
            msg,
            file=loaded.label,
            line=loaded.line_for(path),
            path=format_path(path) or None,
            severity=sev,
        )
        (errors if sev == "error" else warnings).append(prob)
    return errors, warnings


def _checks_despite_errors(
    exc: ValidationError, info: kinds.KindUnit, loaded: LoadedYaml, path: Path | None, strict: bool
) -> list[Problem]:
    """Cross-field errors of the parts that are structurally fine (see prune.py)."""
    from .messages import clean_loc
    from .prune import Pruned, removal_targets

    errs = [(e["type"], clean_loc(tuple(e["loc"]), loaded.data)[0]) for e in exc.errors()]
    targets = removal_targets(errs)
    if not targets:
        return []
    pruned = Pruned(loaded.data, targets)
    try:
        spec = info.model.model_validate(pruned.data)
        findings = info.check(spec, CheckContext(loaded, path, strict, info.links))
    except (ValidationError, SpecError):
        return []
    mapped = [
        (pruned.original_path(f[0]), f[1], f[2])
        for f in findings
        if not isinstance(f, Problem) and f[2] == "error"
    ]
    errors, _ = _findings_to_problems(mapped, loaded, strict)
    return errors


def _merge(first: list[Problem], second: list[Problem]) -> list[Problem]:
    seen = {(p.path, p.message) for p in first}
    out = first + [p for p in second if (p.path, p.message) not in seen]
    out.sort(key=lambda p: p.line or 0)
    return out


def validate_loaded(
    loaded: LoadedYaml,
    path: Path | None = None,
    strict: bool = False,
    expect_kind: str | None = None,
) -> LoadedSpec:
    """Validate parsed YAML as a spec; raise SpecError listing every problem."""
    data = loaded.data
    label = loaded.label
    if data is None:
        raise SpecError(
            [Problem("文件是空的。可用 wenshu new 工作计划 生成一个示例。", file=label)]
        )
    if not isinstance(data, dict):
        raise SpecError(
            [
                Problem(
                    "文件顶层应为“键: 值”的设置（如 文种: 工作计划），而不是列表或单独的文字",
                    file=label,
                    line=1,
                )
            ]
        )
    kind = data.get("文种")
    if kind is None:
        raise SpecError(
            [
                Problem(
                    f"缺少“文种”，应为 {'、'.join(kinds.names())} 之一",
                    file=label,
                    line=1,
                    path="文种",
                )
            ]
        )
    info = kinds.find(kind)
    if info is None:
        msg = kinds.unknown_message(kind)
        raise SpecError([Problem(msg, file=label, line=loaded.line_for(("文种",)), path="文种")])
    if expect_kind and kind != expect_kind:
        raise SpecError(
            [
                Problem(
                    f"这里需要{expect_kind}，但文件的文种是“{kind}”",
                    file=label,
                    line=loaded.line_for(("文种",)),
                    path="文种",
                )
            ]
        )
    from .tablesource import read_sheet_tables

    sources = read_sheet_tables(loaded, info, path)
    if sources is None:
        return _validate(loaded, info, path, strict)
    try:
        result = _validate(sources.loaded, info, path, strict)
    except SpecError as exc:
        raise SpecError(sources.relabel(exc.problems) + sources.warnings) from None
    result.warnings = sources.relabel(result.warnings) + sources.warnings
    return result


def _validate(
    loaded: LoadedYaml, info: kinds.KindUnit, path: Path | None, strict: bool
) -> LoadedSpec:
    """The model and the unit's checks on spec data whose 文种 is known."""
    data = loaded.data
    placeholder_findings = check_placeholders(data)
    try:
        spec = info.model.model_validate(data)
    except ValidationError as exc:
        problems = problems_from_validation(exc, info.model, loaded)
        more = _checks_despite_errors(exc, info, loaded, path, strict)
        _, warns = _findings_to_problems(placeholder_findings, loaded, strict)
        # Structural errors first; warnings are shown as well so nothing surprises later.
        raise SpecError(_merge(problems, more) + warns) from None
    findings = info.check(spec, CheckContext(loaded, path, strict, info.links)) + placeholder_findings
    errors, warnings = _findings_to_problems(findings, loaded, strict)
    if errors:
        raise SpecError(errors + warnings)
    return LoadedSpec(spec=spec, source=loaded, path=path, warnings=warnings)


def load_spec(path: Path | str, strict: bool = False, expect_kind: str | None = None) -> LoadedSpec:
    """Read, parse and validate a spec file."""
    path = Path(path)
    return validate_loaded(load_yaml(path), path=path, strict=strict, expect_kind=expect_kind)


def load_spec_text(text: str, label: str = "<文本>", strict: bool = False) -> LoadedSpec:
    """Validate a spec given as text (used by tests and `new`)."""
    return validate_loaded(parse_yaml(text, label), strict=strict)
