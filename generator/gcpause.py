"""collector_paused(): build a large object graph without the cyclic garbage collector.

Importing a long document makes hundreds of thousands of small objects (lines, outline
nodes, spec dicts, validated models) that all stay alive until the command ends. CPython
runs a collection every few hundred allocations, and its older generations walk every
live container each time: on a 20 MB text with a heading every few lines that walking
cost more than the import itself. Reference counting still frees everything that is not
in a cycle while the collector waits.

When the pause ends, what was made in it is handed to the oldest generation unexamined
(freeze, then unfreeze): left young, the first collection after the pause would walk all
of it at once (over a second on that text) only to find it alive. Cycles among it are
collected by the next full collection, as for any long-lived object.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause cyclic garbage collection for the block (nested and concurrent blocks share
    one pause; the collector resumes, if it was on, when the last block ends)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                gc.freeze()
                gc.unfreeze()
                if _was_enabled:
                    gc.enable()
