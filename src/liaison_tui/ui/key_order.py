"""Keys acted on in the order they were typed, however fast they arrive.

Over SSH keys come in bursts, several in one read. Textual hands each key to
the focused widget's queue as soon as it is read, but acts on a key *binding*
(Tab, Backspace, an arrow) only after the key has travelled back up to the app,
against whatever has the focus by then, and the keys after it have meanwhile
been handed out: ``N s Tab Tab Tab T s`` in one read gave the Name "NsTs" and
an empty Title, ``Kimm Backspace x`` gave "Kimmx", and a Backspace typed on a
choice field erased the text field Tabbed to next. Three rules keep the order:

- a key is acted on where it was delivered, in that widget's queue
  (``act_where_delivered``; a table's cursor keys: ``act_on_own_binding``), so
  Backspace and the arrows keep their place among the typed characters and
  never reach a field that had not the focus when they were typed;
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
from textual.dom import DOMNode
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


async def _act(widget: Widget, event: events.Key, nodes: list[DOMNode]) -> bool:
    for node in nodes:
        for binding in node._bindings.key_to_bindings.get(event.key, []):
            if not binding.priority and await widget.app.run_action(binding.action, node):
                event.stop()
                event.prevent_default()  # the widget's own key handling, and the app, are done with it
                return True
    return False


async def act_on_own_binding(widget: Widget, event: events.Key) -> None:
    """Act on ``widget``'s own binding for the key here, in its queue, in order with the keys before it.

    Called first thing from the widget's ``_on_key``; a key it acts on goes no further.
    """
    await _act(widget, event, [widget])


async def act_where_delivered(widget: Widget, event: events.Key) -> None:
    """Resolve the key here, as Textual would with ``widget`` focused, and send it no further up.

    The bindings of ``widget`` and its containers up to its (modal) screen are tried
    in its queue; the widget's own key handling (typing) still follows. Called first
    thing from the widget's ``_on_key``.
    """
    consumed = widget.check_consume_key(event.key, event.character)  # typed into the field
    chain: list[DOMNode] = []
    for node in widget.ancestors_with_self:
        if node is widget or not consumed:
            chain.append(node)
        if node.is_modal:
            break
    if not await _act(widget, event, chain):
        event.stop()
