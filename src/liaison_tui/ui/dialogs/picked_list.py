"""The people picked so far, in order: one key removes a person, two move them.

Its keys act in its own queue (``act_where_delivered``), in order with the keys
typed before them; any other letter typed on the list goes to the search line
at once, so a name typed right after Tab, d is not split between the two.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from liaison_tui.domain.dataset import Dataset
from liaison_tui.i18n import N_, _
from liaison_tui.reports.display import literal
from liaison_tui.ui.key_order import act_where_delivered

COMMAND_CHARACTERS = "d+-"  # on the list these act; every other printable key searches


class PickedList(OptionList):
    """The picked officers' ids, shown as numbered names with their city."""

    BINDINGS = [
        Binding("delete,d", "remove", N_("Remove"), tooltip=N_("Take the highlighted person off the list")),
        Binding("ctrl+up,plus", "move(-1)", N_("Earlier"), key_display="Ctrl+↑/+", tooltip=N_("Move the person up")),
        Binding("ctrl+down,minus", "move(1)", N_("Later"), key_display="Ctrl+↓/-", tooltip=N_("Move the person down")),
    ]

    def __init__(self, data: Dataset, picked: list[int], search: Input, **options: object) -> None:
        super().__init__(**options)  # type: ignore[arg-type]
        self.data = data
        self.picked = picked
        self.search = search

    def on_mount(self) -> None:
        self.show()

    def show(self, highlight: int | None = None) -> None:
        """Redraw from ``picked``; the cursor on the person ``highlight`` (an id) if given."""
        at = self.highlighted
        self.clear_options()
        self.add_options(Option(self._line(number, officer_id)) for number, officer_id in enumerate(self.picked, 1))
        if highlight is not None and highlight in self.picked:
            at = self.picked.index(highlight)
        if self.picked:
            self.highlighted = min(at or 0, len(self.picked) - 1)

    def _line(self, number: int, officer_id: int) -> Text:
        officer = self.data.officers.get(officer_id)
        if officer is None:
            return Text(f"{number:>2}. " + _("(deleted officer #{id})").format(id=officer_id), style="dim")
        city = self.data.cities.get(officer.city_id) if officer.city_id is not None else None
        return Text.assemble(
            f"{number:>2}. ", literal(officer.name), ("  ", ""), literal(city.name if city else _("host staff"), "dim")
        )

    async def _on_key(self, event: events.Key) -> None:
        if self.screen.focused is not self:  # set at once, unlike has_focus (a queued Blur)
            # Typed after a letter sent the focus to the search line, but queued here before
            # that: they belong on the search line too ("sand" must not remove a person at "d").
            await act_where_delivered(self.search, event)
            if event.character and event.is_printable:
                self.search.insert_text_at_cursor(event.character)
            return
        if event.character and event.is_printable and event.character not in COMMAND_CHARACTERS:
            event.stop()
            event.prevent_default()
            self.screen.set_focus(self.search)  # at once: the keys after this one go there too
            self.search.insert_text_at_cursor(event.character)
            return
        await act_where_delivered(self, event)

    def action_remove(self) -> None:
        at = self.highlighted
        if at is None or not self.picked:
            return
        del self.picked[at]
        self.show()

    def action_move(self, step: int) -> None:
        at = self.highlighted
        if at is None or not 0 <= at + step < len(self.picked):
            return
        self.picked[at], self.picked[at + step] = self.picked[at + step], self.picked[at]
        self.show(highlight=self.picked[at + step])
