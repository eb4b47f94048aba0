"""Make the shared test helpers (tests/helpers_*.py) importable from every test module,
share the LibreOffice renders of the built-in examples between the render tests, and
give the browser tests a headless Chromium, a `wenshu serve` and a page."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from helpers_browser import (  # noqa: E402
    Page,
    close_browser,
    new_browser,
    screenshot_dir,
    start_server,
)


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


@pytest.fixture(scope="module")
def downloads(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(downloads):
    driver = new_browser(downloads)
    driver.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
    )
    yield driver
    close_browser(driver)


@pytest.fixture
def site(tmp_path, request):
    workspace = tmp_path / "文书"
    workspace.mkdir()
    server = start_server(workspace, tmp_path / "corpus.sqlite")
    server.shots = screenshot_dir(request.node.name)
    yield server
    server.stop()


@pytest.fixture
def page(browser, site):
    page = Page(browser, site)
    page.open_home()  # the session key the server printed, as `wenshu serve` opens it
    return page
