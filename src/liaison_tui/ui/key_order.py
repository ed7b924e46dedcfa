"""Keys acted on in the order they were typed, however fast they arrive.

Over SSH keys come in bursts, several in one read. Textual hands each key to
the focused widget's queue as soon as it is read, but acts on a key *binding*
(Tab, Backspace, an arrow) only after the key has travelled back up to the app,
and by then the keys after it have been handed out: ``N s Tab Tab Tab T s`` in
one read gave the Name "NsTs" and an empty Title, and ``Kimm Backspace x``
gave "Kimmx". Three rules keep the order:

- a field acts on its own bindings in its own queue (``act_on_own_binding``), so
  Backspace and the arrows keep their place among the typed characters;
- a key that moves the focus, opens or closes a screen, or reads what was typed
  is a *priority* binding of the screen, acted on as it is read; one that reads
  first waits for the focused field to finish the keys before it (``settled``);
- a key that opens a screen waits until that screen is mounted, so the keys
  after it reach the screen's first field rather than nothing.
"""

from __future__ import annotations

import asyncio
import contextlib

from textual import events
from textual.widget import Widget

SETTLE_LIMIT = 1.0  # seconds; a field handles a queued key in well under a millisecond


async def settled(widget: Widget | None) -> None:
    """Wait until ``widget`` has handled every key and message already queued for it.

    Called while the app routes a key (from a priority binding), so the keys
    typed after this one wait in the app's queue meanwhile. Never call it from
    ``widget``'s own handlers: it would wait for itself until the limit.
    """
    if widget is None:
        return
    done = asyncio.Event()
    if widget.call_later(done.set):
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(done.wait(), SETTLE_LIMIT)


async def act_on_own_binding(widget: Widget, event: events.Key) -> None:
    """Act on ``widget``'s own binding for the key here, in its queue, in order with typed characters.

    Called first thing from the widget's ``_on_key``; a key it acts on goes no further.
    """
    for binding in widget._bindings.key_to_bindings.get(event.key, []):
        if not binding.priority and await widget.app.run_action(binding.action, widget):
            event.stop()
            event.prevent_default()  # the widget's own key handling, and the app, are done with it
            return
