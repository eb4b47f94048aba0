"""Screenshots of every page of `wenshu serve`, to look at (and the README's picture).

    python bench/web_look.py [-o look/web] [--readme]

Starts the server on a copy of the built-in examples, opens each page in headless
Chromium (Debian's chromium and chromedriver, as the browser tests) and saves
home.png, editor-<文种>.png, editor-corpus.png, calendar.png in the output folder.
With --readme the editor of the demo 工作计划 is also saved as docs/editor.png.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from helpers_browser import close_browser, new_browser, start_server, wait_for  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", default="look/web", help="output folder")
    parser.add_argument("--readme", action="store_true", help="also write docs/editor.png")
    args = parser.parse_args()
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)

    from wenshu.generator import kinds

    folder = Path(tempfile.mkdtemp(prefix="wenshu-web-look-"))
    workspace = folder / "文书"
    workspace.mkdir()
    demos = []
    for unit in kinds.units():
        for demo in unit.demos:
            shutil.copy(demo, workspace / demo.name)
            demos.append((unit.name, demo.name))
    # A term plan: the calendar page lays out a term's weeks.
    plan = next(
        name
        for kind, name in demos
        if kind == "工作计划" and "学期:" in (workspace / name).read_text(encoding="utf-8")
    )
    text = (workspace / plan).read_text(encoding="utf-8")
    if "\n开学:" not in text:
        text = text.replace("学期: 第一学期", "学期: 第一学期\n开学: 2025-09-01", 1)
    (workspace / plan).write_text(text, encoding="utf-8")

    server = start_server(workspace, folder / "corpus.sqlite")
    driver = new_browser(folder / "downloads")
    driver.set_window_size(1500, 950)

    def editor(name: str) -> None:
        driver.get(f"{server.base}/edit?path={quote(name)}")
        wait_for(lambda: driver.find_element("tag name", "body").get_attribute("data-preview-count"), what=name)
        time.sleep(0.3)

    try:
        driver.get(server.entry)
        wait_for(lambda: driver.find_element("id", "new-go"), what="home")
        driver.save_screenshot(str(out / "home.png"))
        for kind, name in demos:
            editor(name)
            driver.save_screenshot(str(out / f"editor-{kind}.png"))
        editor(plan)
        if args.readme:
            (ROOT / "docs").mkdir(exist_ok=True)
            driver.save_screenshot(str(ROOT / "docs" / "editor.png"))
        driver.find_element("id", "toggle-corpus").click()
        box = driver.find_element("id", "corpus-q")
        box.send_keys("青年教师 培养\n")
        wait_for(lambda: driver.find_elements("css selector", "#corpus-results .hit"), what="hits")
        driver.find_elements("css selector", "#corpus-results .hit")[0].click()
        time.sleep(0.5)
        driver.save_screenshot(str(out / "editor-corpus.png"))
        driver.get(f"{server.base}/calendar?path={quote(plan)}")
        wait_for(lambda: driver.find_element("id", "cal-table").is_displayed(), what="calendar")
        driver.save_screenshot(str(out / "calendar.png"))
    finally:
        close_browser(driver)
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
    print(f"screenshots in {out}/")


if __name__ == "__main__":
    main()
