"""A save that must wait for another program's lock lets the keys go on.

Textual acts on a key binding inside the app's own message queue, so a key
whose action awaits a save holds every key typed after it until the save is
done. That is what keeps keys in typing order, and a save takes milliseconds.
But when another program holds the data file's lock the save waits (up to the
lock timeout), and the app must not freeze meanwhile: Esc has to reach the
wait dialog. So a key's save runs as a worker, and the key waits for it only
until it is done *or* has begun to wait for the lock (``waiting_began``); then
the key lets go, and the save finishes in the worker behind the dialog.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from contextvars import ContextVar
from typing import Any

from textual.dom import DOMNode

_began: ContextVar[asyncio.Event | None] = ContextVar("lock_wait_began", default=None)


def waiting_began() -> None:
    """Say that the save under way now waits for another program: its key may let go."""
    began = _began.get()
    if began is not None:
        began.set()


async def save_without_freezing(node: DOMNode, save: Coroutine[Any, Any, object]) -> None:
    """Run ``save`` in order with the keys after it, unless it has to wait for another program."""
    began = asyncio.Event()
    finished = asyncio.Event()

    async def run() -> None:
        try:
            await save
        finally:
            finished.set()

    token = _began.set(began)
    try:  # the worker's task copies the context as it is now, so it sees ``began``
        node.app.run_worker(run(), group="save", exit_on_error=True)
    finally:
        _began.reset(token)
    # Until one of them is set the keys typed after this one wait; after, the worker goes on alone.
    waits = [asyncio.ensure_future(began.wait()), asyncio.ensure_future(finished.wait())]
    await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
    for wait in waits:
        wait.cancel()
