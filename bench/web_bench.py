"""Benchmark: the web page's speed as a user feels it, through HTTP on this machine.

    python bench/web_bench.py [-n 100] [--starts 5]

Measures
  * server start: from launching `wenshu serve --no-browser --port 0` to the first page
    answered (median and worst of --starts runs);
  * preview update: POST /api/preview of the demo 工作计划 as the editor sends it after
    each keystroke (a different 单位 each time, so nothing is cached), n requests in a
    row; p50 and p95 of the round trip, plus the size of the answer.
Targets: preview p50 <= 150 ms, p95 <= 400 ms; start <= 1.5 s. Prints PASS/FAIL per
target; the exit code is 0 either way (targets are for people, not for CI).
Only 127.0.0.1 is contacted; every loop is bounded.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "generator" / "kinds" / "plan" / "demo" / "教科室工作计划.yaml"
START_TIMEOUT = 20.0


class Session:
    """A browser-like client: the session cookie, the token and the origin."""

    def __init__(self, entry: str):
        m = re.match(r"(http://[^/]+)/open\?key=(\S+)", entry)
        assert m, entry
        self.base, self.key = m.group(1), m.group(2)

    def request(self, path: str, body: dict | None = None) -> bytes:
        headers = {"Cookie": f"wenshu_session={self.key}"}
        data = None
        if body is not None:
            data = json.dumps(body, ensure_ascii=False).encode()
            headers.update(
                {"Content-Type": "application/json", "X-Wenshu-Token": self.key, "Origin": self.base}
            )
        req = urllib.request.Request(self.base + path, data=data, headers=headers)
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.read()


def start(workspace: Path, corpus: Path) -> tuple[subprocess.Popen, str, float]:
    """Launch the server; returns it, its entry URL and seconds until it answered."""
    t0 = time.perf_counter()
    env = {**os.environ, "WENSHU_CORPUS": str(corpus), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "wenshu", "serve", "--dir", str(workspace), "--no-browser", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    entry = None
    while time.perf_counter() - t0 < START_TIMEOUT:
        line = proc.stdout.readline()
        m = re.search(r"http://\S+/open\?key=\S+", line)
        if m:
            entry = m.group(0)
            break
        if not line and proc.poll() is not None:
            break
    if entry is None:
        proc.kill()
        raise SystemExit("wenshu serve did not start")
    Session(entry).request("/")
    return proc, entry, time.perf_counter() - t0


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=100, help="preview requests (default 100)")
    parser.add_argument("--starts", type=int, default=5, help="server starts timed (default 5)")
    args = parser.parse_args()
    n = max(5, min(args.n, 2000))

    folder = Path(tempfile.mkdtemp(prefix="wenshu-web-bench-"))
    try:
        workspace = folder / "ws"
        workspace.mkdir()
        shutil.copy(DEMO, workspace / "计划.yaml")
        corpus = folder / "corpus.sqlite"

        starts = []
        for _ in range(max(1, min(args.starts, 20))):
            proc, entry, seconds = start(workspace, corpus)
            starts.append(seconds)
            stop(proc)

        proc, entry, _ = start(workspace, corpus)
        try:
            s = Session(entry)
            doc = json.loads(s.request("/api/doc?path=%E8%AE%A1%E5%88%92.yaml"))
            state = doc["state"]
            for _ in range(3):  # warm up: first renders load templates and fonts
                s.request("/api/preview", {"path": "计划.yaml", "state": state})
            times, size = [], 0
            for i in range(n):
                state["单位"] = f"城南中学{i}"
                t0 = time.perf_counter()
                answer = s.request("/api/preview", {"path": "计划.yaml", "state": state})
                times.append(time.perf_counter() - t0)
                result = json.loads(answer)
                assert result["html"] and f"城南中学{i}" in result["html"], result["problems"]
                size = len(answer)
        finally:
            stop(proc)
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    p50, p95 = percentile(times, 50) * 1000, percentile(times, 95) * 1000
    start_med, start_max = statistics.median(starts), max(starts)

    def verdict(ok: bool) -> str:
        return "PASS" if ok else "FAIL"

    print(f"server start: median {start_med:.2f} s, worst {start_max:.2f} s over {len(starts)} starts"
          f"  (target <= 1.5 s: {verdict(start_max <= 1.5)})")  # fmt: skip
    print(f"preview update ({n} requests, answer {size / 1024:.0f} KB): p50 {p50:.0f} ms, "
          f"p95 {p95:.0f} ms  (targets p50 <= 150 ms: {verdict(p50 <= 150)}, "
          f"p95 <= 400 ms: {verdict(p95 <= 400)})")  # fmt: skip


if __name__ == "__main__":
    main()
