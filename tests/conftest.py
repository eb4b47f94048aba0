"""Make the shared test helpers (tests/helpers_*.py) importable from every test module,
and share the LibreOffice renders of the built-in examples between the render tests."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(scope="session")
def rendered_builds(tmp_path_factory):
    """profile → {name: BuildResult with .pdf} of the demos, the realistic test specs and
    each built-in template none of them uses, rendered once per session by LibreOffice
    (shared by the render tests, which read the same PDFs)."""
    from helpers_layout import build_all

    cache: dict[str, dict] = {}

    def get(profile: str) -> dict:
        if profile not in cache:
            folder = tmp_path_factory.mktemp(f"render-{profile}")
            cache[profile] = build_all(folder, profile, pdf=True, variants="missing")
        return cache[profile]

    return get
