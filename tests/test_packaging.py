"""Packaging: every subpackage is listed in pyproject.toml, and the wheel holds the package
data (templates, each 文种 unit's starter and demos, corpus) under wenshu/ and nothing else at the top level."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def subpackages() -> list[str]:
    found = []
    for init in sorted((ROOT / "generator").rglob("__init__.py")):
        rel = init.parent.relative_to(ROOT)
        if "__pycache__" in rel.parts:
            continue
        found.append("wenshu." + ".".join(rel.parts))
    return found


def test_generator_is_found():
    assert "wenshu.generator" in subpackages()
    assert "wenshu.generator.spec" in subpackages()


def test_every_subpackage_is_listed_in_pyproject():
    listed = set(pyproject()["tool"]["setuptools"]["packages"])
    missing = [p for p in subpackages() if p not in listed]
    assert not missing, f"add to [tool.setuptools] packages: {missing}"
    assert "wenshu" in listed


def test_listed_packages_exist():
    for name in pyproject()["tool"]["setuptools"]["packages"]:
        rel = Path(*name.split(".")[1:])
        assert (ROOT / rel / "__init__.py").is_file(), name


def test_console_script_points_at_the_cli():
    assert pyproject()["project"]["scripts"]["wenshu"] == "wenshu.cli:main"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if proc.returncode != 0:  # no setuptools in the venv: let pip fetch the build backend
        proc = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
            capture_output=True,
            text=True,
            timeout=600,
        )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    wheels = list(out.glob("wenshu-*.whl"))
    assert len(wheels) == 1, list(out.iterdir())
    with zipfile.ZipFile(wheels[0]) as z:
        yield z


def test_wheel_contains_package_data(wheel):
    names = set(wheel.namelist())
    for required in [
        "wenshu/__init__.py",
        "wenshu/cli.py",
        "wenshu/templates/工作计划/通用.j2",
        "wenshu/templates/工作计划/教科室.j2",
        "wenshu/templates/工作计划/教研组.j2",
        "wenshu/generator/__init__.py",
        "wenshu/generator/corpus/synonyms.txt",
    ]:
        assert required in names, required
    corpus = [n for n in names if n.startswith("wenshu/corpus/") and n.endswith(".yaml")]
    assert corpus, "corpus/*.yaml missing from the wheel"
    assert len(corpus) == len(list((ROOT / "corpus").glob("*.yaml")))


def test_wheel_contains_every_kind_units_starter_and_demos(wheel):
    names = set(wheel.namelist())
    units = sorted((ROOT / "generator" / "kinds").glob("*/__init__.py"))
    assert len(units) >= 3, units
    for init in units:
        folder = init.parent
        data = [folder / "starter.yaml", *sorted((folder / "demo").glob("*.yaml"))]
        assert len(data) >= 2, f"{folder.name}: a starter.yaml and at least one demo/*.yaml"
        for path in data:
            name = "wenshu/" + path.relative_to(ROOT).as_posix()
            assert name in names, name


def test_wheel_contains_every_subpackage(wheel):
    names = set(wheel.namelist())
    for pkg in subpackages():
        path = "/".join(pkg.split(".")) + "/__init__.py"
        assert path in names, path


def test_wheel_has_no_other_top_level_package(wheel):
    tops = {n.split("/", 1)[0] for n in wheel.namelist()}
    extra = {t for t in tops if t != "wenshu" and not t.endswith(".dist-info")}
    assert not extra, extra


def test_wheel_ships_no_tests_bench_or_caches(wheel):
    bad = [
        n
        for n in wheel.namelist()
        if n.startswith(("wenshu/tests/", "wenshu/bench/", "wenshu/."))
        or "__pycache__" in n
        or n.endswith(".pyc")
    ]
    assert not bad, bad[:10]
