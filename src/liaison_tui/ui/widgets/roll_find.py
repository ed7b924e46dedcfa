"""The roll-call's search line: a name (or a badge scan) and Enter, many in one burst.

A scanner types a badge code and Enter faster than any person, and over SSH
"kaho⏎sande⏎" arrives in one read. Textual's Input acts on Enter through its
binding only after the key has gone up to the app, by which time the next name
has been typed into the line: "kahosande" then matched nobody. So Enter is
taken here, in the line's own queue: the line hands over what it holds and is
empty for the next name at once.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class RollFind(Input):
    """An Input that submits and clears itself on Enter, in order with the keys around it."""

    last_submitted = ""

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(self.Submitted(self, self.value))
            self.last_submitted = self.value
            self.value = ""
            return
        await super()._on_key(event)

    def give_back(self, text: str, *, replace_next: bool) -> None:
        """Show a name that marked nobody again: to type more after it, or selected to be replaced.

        Only while nothing was typed or sent since: in a burst the next name is already on its way.
        """
        if self.value or text != self.last_submitted:
            return
        self.value = text
        if replace_next:
            self.select_all()
        else:
            self.cursor_position = len(text)
