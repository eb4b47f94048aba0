"""Each 文种 is one unit under generator/kinds: the registry finds every unit by scanning,
each unit is complete (starter, demos, help for every key, grids that match its model),
and a unit dropped into the package shows up in new, schema, templates list, build and demo
without any other file being edited."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import pytest
from helpers_docx import invoke, stderr_of, texts

from wenshu.generator import kinds
from wenshu.generator.demo import demo_specs
from wenshu.generator.spec.loader import load_spec
from wenshu.generator.spec.schema import SHARED_HELP, key_help, key_paths, schema_data, top_keys

UNITS = kinds.units()


def test_registry_finds_the_built_in_units_in_order():
    names = kinds.names()
    assert {"工作计划", "工作职责", "工作总结"} <= set(names)
    assert names.index("工作计划") < names.index("工作总结")  # summaries link plans
    assert [u.order for u in UNITS] == sorted(u.order for u in UNITS)


@pytest.mark.parametrize("unit", UNITS, ids=lambda u: u.name)
def test_unit_starter_and_demos_are_its_own_kind_and_load(unit, tmp_path):
    assert unit.starter.is_file()
    assert unit.demos, f"{unit.name}: add at least one demo/*.yaml"
    for path in [unit.starter, *unit.demos]:
        for source in demo_specs():  # a demo may link another unit's demo beside it
            (tmp_path / source.name).write_bytes(source.read_bytes())
        copy = tmp_path / f"副本-{path.name}"
        copy.write_bytes(path.read_bytes())
        loaded = load_spec(copy)
        assert loaded.kind == unit.name, path


def test_demo_names_are_unique_across_units():
    names = [p.name for p in demo_specs()]
    assert len(names) == len(set(names)), names


@pytest.mark.parametrize("unit", UNITS, ids=lambda u: u.name)
def test_linked_kinds_exist_come_first_and_are_keys_of_the_model(unit):
    aliases = {f.alias for f in unit.model.model_fields.values()}
    for key, other in unit.links.items():
        assert key in aliases, f"{unit.name}: link key {key} is not a key of the model"
        assert kinds.get(other).order < unit.order, f"{unit.name} must come after {other}"


def _properties(schema: dict) -> dict[str, dict]:
    """Every property key anywhere in a JSON schema → its (last seen) subschema."""
    found: dict[str, dict] = {}

    def walk(node):
        if isinstance(node, dict):
            for key, sub in (node.get("properties") or {}).items():
                found[key] = sub
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return found


@pytest.mark.parametrize("unit", UNITS, ids=lambda u: u.name)
def test_every_key_of_a_unit_has_chinese_help_and_no_help_is_stray(unit):
    schema = schema_data(unit.name)
    props = _properties(schema)
    missing = [k for k, sub in props.items() if not sub.get("description")]
    assert not missing, f"{unit.name}: add help for {missing} to its form.py (or SHARED_HELP)"
    paths = {".".join(path) for path, _ in key_paths(schema, every=True)}
    stray = [
        entry
        for entry in unit.help
        if not any(p == entry or p.endswith("." + entry) for p in paths)
    ]
    assert not stray, f"{unit.name}: help for keys the model does not have: {stray}"


@pytest.mark.parametrize("unit", UNITS, ids=lambda u: u.name)
def test_keys_below_the_top_have_help_of_their_own_place(unit):
    """A key below the top level (an 附件's 标题, a 章's 条, 空白.集体备课) never shows
    the help of the document's field of the same name, and every key has some help."""
    helps = key_help(unit.name)
    top = top_keys(unit.name)
    schema = unit.model.model_json_schema(by_alias=True)
    for path, _ in key_paths(schema, every=True):
        text = helps.at(path)
        where = ".".join(path)
        assert text, f"{unit.name}: no help for {where}"
        if len(path) > 1 and path[-1] in top:
            assert text != helps.at(path[-1:]), f"{unit.name}: {where} has the help of {path[-1]}"


def test_help_is_looked_up_by_the_path_of_the_key():
    notice = key_help("通知")
    assert notice.at(["标题"]) == SHARED_HELP["标题"]
    assert notice.at(["附件", "标题"]) == "附件的标题，如 公开课安排表"
    assert notice.at(["正文", "条目", "条目", "标题"]) == SHARED_HELP["*.标题"]
    assert notice.at(["正文", "条目"]) != notice.at(["正文", "条目", "条目"])
    ledger = key_help("教研组台帐")
    assert ledger.at(["工作实绩", "项目", "日期"]) != ledger.at(["活动", "日期"])
    assert ledger.at(["空白", "集体备课"]) != ledger.at(["集体备课"])
    # The schema an editor reads says the same for a model used in one place.
    attachment = _object(schema_data("通知"), schema_data("通知")["properties"]["附件"])
    assert attachment["properties"]["标题"]["description"] == "附件的标题，如 公开课安排表"


def test_shared_help_covers_only_shared_keys():
    used = set()
    for unit in UNITS:
        used |= {".".join(p) for p, _ in key_paths(schema_data(unit.name), every=True)}
    for entry in SHARED_HELP:
        entry = entry.removeprefix("*.")
        assert any(p == entry or p.endswith("." + entry) for p in used), entry


def _object(schema: dict, node: dict) -> dict:
    """The object schema behind a property: through arrays, $ref and anyOf (with null)."""
    while True:
        if "$ref" in node:
            node = schema["$defs"][node["$ref"].rsplit("/", 1)[1]]
        elif node.get("type") == "array":
            node = node["items"]
        elif "anyOf" in node:
            objects = [n for n in node["anyOf"] if n.get("type") != "null"]
            node = objects[0]
        else:
            return node


@pytest.mark.parametrize(
    ("unit", "grid"),
    [(u, g) for u in UNITS for g in u.grids],
    ids=lambda v: getattr(v, "name", None) or getattr(v, "key", ""),
)
def test_grids_name_real_list_fields_and_columns(unit, grid):
    schema = schema_data(unit.name)
    node = schema
    for part in grid.key.split("."):
        node = _object(schema, node)["properties"][part]
    row = _object(schema, node)
    columns = set(row["properties"])
    if grid.rows:
        assert grid.group in columns, grid
        columns = {grid.group} | set(_object(schema, row["properties"][grid.rows])["properties"])
    for column in (*grid.columns, *grid.lists, *grid.maps):
        assert column in columns, f"{unit.name} {grid.key}: no column {column}"
    assert set(grid.lists) | set(grid.maps) <= set(grid.columns)


# ---- a throwaway 文种 dropped into the kinds package ---------------------------------------

KIND = "会议纪要"

UNIT_INIT = '''
"""会议纪要: a throwaway unit for the registry test."""

from pydantic import Field
from typing import Literal

from wenshu.generator.context import common_context
from wenshu.generator.kinds import KindUnit
from wenshu.generator.spec.checks import check_period
from wenshu.generator.spec.common import DocumentBase, Paragraphs


class MinutesSpec(DocumentBase):
    kind: Literal["会议纪要"] = Field(alias="文种")
    topic: str = Field(alias="议题")
    body: Paragraphs = Field(alias="纪要")


def check(spec, ctx):
    return check_period(spec, required=False)


def context(spec, maker):
    ctx = common_context(spec, maker)
    ctx.update({"议题": spec.topic, "纪要": maker.paragraphs(spec.body, ("纪要",))})
    return ctx


KIND = KindUnit(
    name="会议纪要",
    model=MinutesSpec,
    check=check,
    context=context,
    order=90,
    help={"议题": "会议讨论的事项", "纪要": "会议议定的事项，一段或几段"},
    notes=lambda loaded: [f"议题：{loaded.spec.topic}"],
)
'''

TEMPLATE = """{#- 说明：会议纪要（测试用） -#}
{{ title(标题 or 单位 ~ "会议纪要") }}
{{ h1("议题") }}
{{ p(议题) }}
{{ h1("纪要") }}
{% for 段 in 纪要 %}
{{ p(段) }}
{% endfor %}
"""


@pytest.fixture
def minutes_unit(tmp_path, monkeypatch):
    """A 会议纪要 unit in a folder added to the kinds package's path, and its templates
    in a folder of their own; the registry is scanned again before and after."""
    package = tmp_path / "units" / "tmp_minutes"
    (package / "demo").mkdir(parents=True)
    (package / "__init__.py").write_text(textwrap.dedent(UNIT_INIT), encoding="utf-8")
    templates = tmp_path / "模板"
    (templates / KIND).mkdir(parents=True)
    (templates / KIND / "通用.j2").write_text(TEMPLATE, encoding="utf-8")
    spec = f"文种: {KIND}\n单位: 城南中学\n议题: 秋季运动会筹备\n纪要:\n  - 十月中旬举行运动会。\n"
    (package / "starter.yaml").write_text("# 会议纪要示例\n" + spec, encoding="utf-8")
    (package / "demo" / "校务会议纪要.yaml").write_text(
        spec + f"模板目录: '{templates}'\n", encoding="utf-8"
    )
    monkeypatch.setattr(kinds, "__path__", [*kinds.__path__, str(tmp_path / "units")])
    kinds.rescan()
    yield templates
    monkeypatch.undo()
    kinds.rescan()
    for name in [m for m in sys.modules if m.startswith("wenshu.generator.kinds.tmp_minutes")]:
        del sys.modules[name]
    assert KIND not in kinds.names()


def test_a_unit_dropped_into_the_package_is_found_everywhere(minutes_unit, tmp_path):
    templates = minutes_unit
    assert KIND in kinds.names()

    result = invoke(["new", KIND])
    assert result.exit_code == 0, stderr_of(result)
    assert "议题: 秋季运动会筹备" in result.stdout
    assert KIND in invoke(["new", "--help"]).stdout
    result = invoke(["new", "会议记要"])
    assert result.exit_code == 2 and f"是不是“{KIND}”" in stderr_of(result)

    result = invoke(["schema", KIND])
    assert result.exit_code == 0, stderr_of(result)
    props = json.loads(result.stdout)["properties"]
    assert props["议题"]["description"] == "会议讨论的事项"
    assert props["单位"]["description"] == SHARED_HELP["单位"]

    result = invoke(["templates", "list", "--tsv", "--templates", templates])
    assert result.exit_code == 0, stderr_of(result)
    assert any(line.startswith(f"{KIND}\t通用\t") for line in result.stdout.splitlines())

    spec = tmp_path / "纪要.yaml"
    spec.write_text(kinds.get(KIND).starter.read_text(encoding="utf-8"), encoding="utf-8")
    result = invoke(["build", spec, "--templates", templates])
    assert result.exit_code == 0, stderr_of(result)
    assert "议题：秋季运动会筹备" in stderr_of(result)  # the unit's notes hook
    assert "十月中旬举行运动会。" in texts(spec.with_suffix(".docx"))

    bad = tmp_path / "坏.yaml"
    bad.write_text(f"文种: {KIND}\n单位: 城南中学\n纪要: 没有议题\n", encoding="utf-8")
    result = invoke(["build", bad, "--templates", templates])
    assert result.exit_code == 2 and "议题" in stderr_of(result)

    result = invoke(["demo", "-o", tmp_path / "示例"])
    assert result.exit_code == 0, stderr_of(result)
    built = sorted(p.name for p in (tmp_path / "示例").glob("*.docx"))
    assert "校务会议纪要.docx" in built and "教科室工作计划.docx" in built
    lines = result.stdout.splitlines()
    assert lines[-1].endswith("校务会议纪要.docx")  # order 90: after the built-in units


def test_a_package_without_kind_is_a_developer_error(tmp_path, monkeypatch):
    package = tmp_path / "units" / "tmp_nokind"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text('"""Forgot KIND."""\n', encoding="utf-8")
    monkeypatch.setattr(kinds, "__path__", [*kinds.__path__, str(tmp_path / "units")])
    kinds.rescan()
    try:
        with pytest.raises(TypeError, match="tmp_nokind defines no KIND"):
            kinds.names()
    finally:
        monkeypatch.undo()
        kinds.rescan()
        sys.modules.pop("wenshu.generator.kinds.tmp_nokind", None)


def test_units_live_in_their_own_folders():
    root = Path(kinds.__file__).parent
    for unit in UNITS:
        assert unit.folder is not None and unit.folder.parent == root
        assert unit.starter.parent == unit.folder


@pytest.mark.parametrize("unit", UNITS, ids=lambda u: u.name)
def test_every_starter_builds_strictly_and_every_unit_has_a_builtin_template(unit, tmp_path):
    result = invoke(["new", unit.name])
    assert result.exit_code == 0, stderr_of(result)
    spec = tmp_path / "示例.yaml"
    spec.write_text(result.stdout, encoding="utf-8")
    built = invoke(["build", spec, "--strict"])
    assert built.exit_code == 0, stderr_of(built)
    listed = invoke(["templates", "list", "--tsv"]).stdout.splitlines()
    assert any(line.startswith(f"{unit.name}\t{unit.default_template}\t") for line in listed)


def test_template_functions_of_a_unit_are_its_own(tmp_path):
    """articles() belongs to 制度 templates; a 工作职责 template calling it is told so."""
    from helpers_docx import write_spec

    templates = tmp_path / "模板"
    (templates / "工作职责").mkdir(parents=True)
    (templates / "工作职责" / "试.j2").write_text("{{ articles(职责) }}\n", encoding="utf-8")
    spec = write_spec(
        tmp_path / "职责.yaml",
        "文种: 工作职责\n单位: 城南中学\n岗位: 教务主任\n模板: 试\n职责: [排课]\n",
    )
    result = invoke(["build", spec, "--templates", templates])
    assert result.exit_code != 0 and "articles" in stderr_of(result)
