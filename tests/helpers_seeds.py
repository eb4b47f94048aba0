"""Where the web-scraped seed documents are: $WENSHU_SEEDS, else shared/seeds beside the
checkout (as CI lays it out), else the development machine's /work/shared/seeds."""

from __future__ import annotations

import os
from pathlib import Path


def seeds_dir() -> Path:
    env = os.environ.get("WENSHU_SEEDS")
    if env:
        return Path(env)
    beside = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if beside.is_dir():
        return beside
    return Path("/work/shared/seeds")


SEEDS = seeds_dir()
