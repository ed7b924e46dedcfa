"""Building many long-lived objects at once without the cyclic GC getting in the way."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic GC while 10,000s of records or index entries are built.

    Each allocation burst would otherwise trigger GC passes that find nothing
    to free (a third of the load time at 50,000 officers). Afterwards the new,
    long-lived objects are frozen out of later passes, which keeps the app's
    pauses short with a large file; reference counting still frees them.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
        gc.freeze()
