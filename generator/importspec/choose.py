"""Validate a draft and pick the template that reproduces the source most closely."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..build import render_with
from ..errors import SpecError, WenshuError
from ..spec.loader import LoadedSpec, validate_loaded
from ..templating import TemplateLibrary
from ..yamlio import LoadedYaml
from .draft import Draft
from .keys import extra_texts

DEFAULT = "通用"
SAMPLE_ITEMS = 3


def load_draft(draft: Draft, path: Path, template: str | None = None) -> LoadedSpec:
    """The draft as a validated spec; a failure here is a bug of the importer."""
    data = dict(draft.data)
    if template and template != DEFAULT:
        data["模板"] = template
    try:
        return validate_loaded(LoadedYaml(data, str(path)), path=path)
    except SpecError as exc:
        raise WenshuError(
            "导入生成的输入文件未通过校验（这是 wenshu 的问题，请反馈）：\n" + exc.message
        ) from None


def choose_template(draft: Draft, keys: set[str], path: Path) -> tuple[LoadedSpec, str]:
    """(loaded spec, template name): the template adding the fewest texts the source does
    not have; 通用 unless another is strictly better (a wenshu document comes back with
    the template it was made with).

    Templates differ in the headings and sentences they add around the content, not in
    the content, so they are compared on a sample of the spec (every key, the first few
    entries of each list): a long document costs no more to compare than a short one."""
    names = TemplateLibrary().names(draft.kind)
    names.sort(key=lambda n: n != DEFAULT)
    loaded = load_draft(draft, path)
    if len(names) < 2:
        return loaded, DEFAULT
    sample = Draft(draft.kind, data=sample_of(draft.data))
    try:
        sampled = load_draft(sample, path)
    except WenshuError:
        sampled = loaded  # a sample that does not validate: compare on the whole spec
    # The spec is validated and its context made once; only the templates differ.
    scores = [len(extra_texts(doc, keys)) for doc in render_with(sampled, list(names))]
    best = min(range(len(names)), key=lambda k: scores[k])  # the first (通用) on a tie
    if names[best] == DEFAULT:
        return loaded, DEFAULT
    return load_draft(draft, path, names[best]), names[best]


def sample_of(value: Any) -> Any:
    """The spec data with every list cut to its first SAMPLE_ITEMS entries."""
    if isinstance(value, list):
        return [sample_of(v) for v in value[:SAMPLE_ITEMS]]
    if isinstance(value, dict):
        return {k: sample_of(v) for k, v in value.items()}
    return value
