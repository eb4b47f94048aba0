"""A real `wenshu serve` and a real headless Chromium for the browser tests.

The server is the installed command, started on a free port with a fresh workspace
and corpus; the browser is Debian's chromium driven through its chromedriver
(installed by .ci/test.sh). Screenshots of every page a test visits go to
test-output/web/<test>/ for review.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "test-output" / "web"
CHROMIUM = os.environ.get("WENSHU_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("WENSHU_CHROMEDRIVER", "/usr/bin/chromedriver")
CHROME_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1500,1000",
    "--lang=zh-CN",
]


@dataclass
class Server:
    """A running `wenshu serve`: its base URL, entry URL and workspace."""

    base: str
    entry: str
    workspace: Path
    process: subprocess.Popen

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_server(workspace: Path, corpus: Path, timeout: float = 30.0) -> Server:
    """Start `wenshu serve --no-browser --port 0` and wait for its address."""
    env = {**os.environ, "WENSHU_CORPUS": str(corpus), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "wenshu",
            "serve",
            "--dir",
            str(workspace),
            "--no-browser",
            "--port",
            "0",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    deadline = time.monotonic() + timeout
    seen = []
    assert process.stdout is not None
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            if process.poll() is not None:
                break
            continue
        seen.append(line)
        m = re.search(r"(http://[^\s]+)/open\?key=\S+", line)
        if m:
            return Server(m.group(1), m.group(0), workspace, process)
    process.kill()
    raise AssertionError("wenshu serve did not start:\n" + "".join(seen))


def new_browser(download_dir: Path):
    """A headless Chromium with a fresh profile, downloading into `download_dir`."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    assert Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists(), (
        "the browser tests need Debian's chromium and chromium-driver "
        "(bash .ci/test.sh installs them)"
    )
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="wenshu-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    # Leaving a page with unsaved changes asks first; tests leave when they are done.
    options.set_capability("unhandledPromptBehavior", "accept")
    options.add_experimental_option(
        "prefs",
        {
            "download.default_directory": str(download_dir),
            "download.prompt_for_download": False,
            "safebrowsing.enabled": False,
        },
    )
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    driver._wenshu_profile = profile  # removed by close_browser
    return driver


def close_browser(driver) -> None:
    driver.quit()
    shutil.rmtree(getattr(driver, "_wenshu_profile", ""), ignore_errors=True)


def screenshot_dir(test_name: str) -> Path:
    folder = SCREENSHOTS / re.sub(r"[^\w\u4e00-\u9fff-]+", "_", test_name)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def full_page_screenshot(driver, path: Path) -> None:
    """A screenshot of the whole page (the window grown to the content's height)."""
    height = driver.execute_script(
        "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight,"
        " ...[...document.querySelectorAll('.form-pane,.preview-pane,.corpus-pane')].map(e => e.scrollHeight))"
    )
    width = driver.get_window_size()["width"]
    driver.set_window_size(width, min(max(1000, height + 120), 6000))
    driver.save_screenshot(str(path))
    driver.set_window_size(width, 1000)


def wait_for(predicate, timeout: float = 15.0, interval: float = 0.1, what: str = ""):
    """Poll `predicate` until it returns something true; fail naming `what`."""
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except Exception as exc:  # noqa: BLE001  (elements come and go while the page works)
            last_error = exc
        time.sleep(interval)
    raise AssertionError(f"timed out waiting for {what or predicate}: {last_error}")


class Page:
    """What a test does on the page, in a person's terms."""

    def __init__(self, driver, site):
        self.d = driver
        self.site = site
        self.n = 0

    def open_home(self):
        self.d.get(self.site.entry)
        wait_for(lambda: self.d.find_element(By.ID, "new-go"), what="home page")

    def open_editor(self, rel: str):
        from urllib.parse import quote

        self.d.get(f"{self.site.base}/edit?path={quote(rel)}")
        self.wait_preview(0)

    def shot(self, name: str):
        self.n += 1
        full_page_screenshot(self.d, self.site.shots / f"{self.n:02d}-{name}.png")

    def previews(self) -> int:
        return int(
            self.d.find_element(By.TAG_NAME, "body").get_attribute("data-preview-count") or 0
        )

    def wait_preview(self, after: int):
        wait_for(lambda: self.previews() > after, what="a preview answer")

    def preview_text(self) -> str:
        return self.d.find_element(By.ID, "preview").text

    def field(self, path: str):
        return self.d.find_element(By.CSS_SELECTOR, f'.field[data-path="{path}"]')

    def type_into(self, element, text: str):
        before = self.previews()
        element.send_keys(Keys.CONTROL, "a")
        element.send_keys(Keys.DELETE)
        element.send_keys(text)
        self.wait_preview(before)

    def grid(self, key: str):
        return self.d.find_element(By.CSS_SELECTOR, f'table.grid[data-table="{key}"]')

    def grid_columns(self, key: str) -> list[str]:
        heads = self.grid(key).find_elements(By.CSS_SELECTOR, "thead th")
        return [h.text for h in heads][1:-1]

    def grid_rows(self, key: str):
        return self.grid(key).find_elements(By.CSS_SELECTOR, "tbody tr")

    def cell(self, key: str, row: int, column: str):
        tr = self.grid_rows(key)[row]
        return tr.find_element(By.CSS_SELECTOR, f'td[data-col="{column}"] textarea')

    def click_text(self, text: str, within=None):
        scope = within or self.d
        button = scope.find_element(By.XPATH, f".//button[normalize-space()='{text}']")
        self.d.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
        button.click()
        return button

    def save(self):
        self.click_text("保存")
        wait_for(lambda: self.d.find_element(By.ID, "save-state").text == "已保存", what="saved")

    def paste(self, element, text: str):
        before = self.previews()
        self.d.execute_script(
            "const data = new DataTransfer(); data.setData('text/plain', arguments[1]);"
            "arguments[0].dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));",
            element,
            text,
        )
        self.wait_preview(before)

    def upload(self, input_element, path: Path):
        # A file input may be out of sight (the page's own label stands for it); the
        # driver sets its file as a person choosing one would.
        input_element.send_keys(str(path))

    def toast(self) -> str:
        return self.d.find_element(By.ID, "toast").text
