"""Python's cyclic garbage collector paused while a big import runs.

An import at 100k notes makes and drops a few million short-lived objects (parsed JSON,
records, rows), a part at a time. The collector promotes those alive across its young
collections and then, every few tens of thousands of them, walks every object of the
process while holding the GIL: 50-100 ms at a time, during which the window's thread
cannot run (a visible stall). None of that data forms reference cycles, so reference
counting frees it as soon as a part is written; pausing the collector for the duration
loses nothing and leaves the window responsive. Pauses nest and may overlap across threads:
the collector runs again when the last one ends, as it was before the first.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
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
            if _depth == 0 and _was_enabled:
                gc.enable()
