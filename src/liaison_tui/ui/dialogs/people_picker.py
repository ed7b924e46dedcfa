"""Picking an event's participants or speakers: a few letters add a person.

Typing full names, comma-separated, refused "kahonen" alone. Here the search
line answers through the session's lookup index (the same tolerant match as
the quick lookup and the roll call): a few letters and Enter add the one
person they mean; Ctrl+T adds every officer of the city they mean, Ctrl+E
everyone. Ctrl+O orders the list by the visit's order of precedence, and on
an empty list proposes a speaking order: one speaker per city, the cities in
order of precedence. On the list (Tab) d removes and +/- move a person. Ctrl+S, or Enter
with nothing typed, hands the list back to the form; Esc on a changed list
asks first, as the form does. Keys that read what was typed wait for the
search line to finish the keys before them (``key_order``).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from liaison_tui.domain import precedence, schedule
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.values import fold
from liaison_tui.i18n import N_, _
from liaison_tui.lookup.index import Hit, LookupIndex
from liaison_tui.reports.display import literal
from liaison_tui.ui.dialogs.confirm import DiscardDialog
from liaison_tui.ui.dialogs.field_input import FieldInput
from liaison_tui.ui.dialogs.picked_list import PickedList
from liaison_tui.ui.key_order import settled
from liaison_tui.ui.widgets.key_bar import KeyBar

PICKER_CHROME = 11  # lines around the list: border 2, title 1, search 3, message 1, hint 2, key bar 1, spare 1
HINT = N_("Enter adds the person typed · Tab: the list (d removes, +/- move) · Enter on nothing: done")


class PeoplePicker(ModalScreen[tuple[int, ...] | None]):
    """Returns the picked officers' ids in order, or None when closed without taking them."""

    DEFAULT_CSS = """
    PeoplePicker {
        align: center middle;
    }
    PeoplePicker > #picker {
        width: 72;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    PeoplePicker #picker-title {
        text-style: bold;
    }
    PeoplePicker #picker-matches, PeoplePicker #picker-hint {
        color: $text-muted;
        height: auto;
    }
    PeoplePicker PickedList {
        height: auto;
        min-height: 3;
    }
    """
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), tooltip=N_("Back; asks first when the list changed"), priority=True),
        Binding("ctrl+s", "done", N_("Done"), tooltip=N_("Put the list into the form"), priority=True),
        Binding("enter", "enter", N_("Add"), tooltip=N_("Add the person typed (nothing typed: done)"), priority=True),
        Binding("ctrl+t", "add_city", N_("Add city"), tooltip=N_("Add every officer of the city typed"), priority=True),
        Binding("ctrl+e", "add_everyone", N_("Everyone"), tooltip=N_("Add every officer"), priority=True),
        Binding(
            "ctrl+o",
            "by_precedence",
            N_("By precedence"),
            tooltip=N_("Order the list by precedence; on an empty list, propose one speaker per city"),
            priority=True,
        ),
        Binding("tab,shift+tab", "switch", N_("List"), show=False, priority=True),
    ]

    def __init__(self, title: str, picked: tuple[int, ...], data: Dataset, index: LookupIndex) -> None:
        super().__init__()
        self.title_text = title
        self.start = tuple(picked)
        self.data = data
        self.index = index
        self.search = FieldInput("", placeholder=_("Type a few letters of a name or a city"), id="picker-find")
        self.picked_list = PickedList(data, list(picked), self.search, id="picked")

    @property
    def picked(self) -> tuple[int, ...]:
        return tuple(self.picked_list.picked)

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Static(literal(self.title_text), id="picker-title")
            yield self.search
            yield Static("", id="picker-matches", markup=False)
            yield self.picked_list
            yield Static(_(HINT), id="picker-hint", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.set_focus(self.search)

    def on_resize(self) -> None:
        """The list scrolls in what the rest leaves (CSS ``1fr`` cannot: the box is as tall as its
        content), so twelve speakers at 80x24 leave the search line and the hints on screen."""
        self.picked_list.styles.max_height = max(3, self.size.height - PICKER_CHROME)

    def _say(self, message: str | Text) -> None:
        """What the last key did, under the search line (also where nothing matched)."""
        # Names from the file: never markup, never terminal codes.
        self.query_one("#picker-matches", Static).update(literal(message) if isinstance(message, str) else message)

    # -- finding ------------------------------------------------------------------

    def _best(self, query: str, kind: Kind) -> list[Hit]:
        """The hits of ``kind`` sharing the best score for ``query``; a name typed in full wins."""
        hits = [hit for hit in self.index.search(query, limit=200) if hit.entry.kind is kind]
        best = [hit for hit in hits if hit.score == hits[0].score]
        exact = [hit for hit in best if hit.entry.label_folded == fold(query)]
        return exact if len(exact) == 1 else best

    def _one(self, query: str, kind: Kind, what: str) -> int | None:
        """The one record of ``kind`` ``query`` means, or None after saying why not."""
        if not query:
            self._say(_("Type a few letters of {what} first").format(what=what))
            return None
        best = self._best(query, kind)
        if not best:
            self._say(_("No {what} matches {query!r}").format(what=what, query=query))
            return None
        if len(best) > 1:
            names = ", ".join(hit.entry.label for hit in best[:5])
            self._say(_("{n} match {query!r}: {names}. Type more.").format(n=len(best), query=query, names=names))
            return None
        return best[0].entry.record_id

    def _add(self, officer_ids: list[int], what: str) -> None:
        new = [i for i in officer_ids if i not in self.picked_list.picked]
        self.picked_list.picked.extend(new)
        self.picked_list.show(highlight=new[-1] if new else (officer_ids[-1] if officer_ids else None))
        self.search.value = ""
        already = len(officer_ids) - len(new)
        if already:
            self._say(_("Added {what} ({n} already on the list)").format(what=what, n=already))
        else:
            self._say(_("Added {what}").format(what=what))

    # -- keys -----------------------------------------------------------------------

    async def _finish_typing(self) -> None:
        """Let the list, then the search line, handle the keys typed before this one."""
        await settled(self.picked_list)  # letters typed on the list go on to the search line
        await settled(self.search)

    async def action_enter(self) -> None:
        await self._finish_typing()
        query = self.search.value.strip()
        if not query or self.focused is self.picked_list:
            self.dismiss(self.picked)
            return
        officer_id = self._one(query, Kind.OFFICER, Kind.OFFICER.word)
        if officer_id is not None:
            name = self.data.officers[officer_id].name
            if officer_id in self.picked_list.picked:
                self.picked_list.show(highlight=officer_id)
                self.search.value = ""
                self._say(_("{name} is already on the list").format(name=name))
            else:
                self._add([officer_id], name)

    async def action_add_city(self) -> None:
        await self._finish_typing()
        city_id = self._one(self.search.value.strip(), Kind.CITY, Kind.CITY.word)
        if city_id is not None:
            city = self.data.cities[city_id]
            officers = schedule.officers_of(self.data, city)
            self._add([o.id for o in officers], _("{n} officers of {city}").format(n=len(officers), city=city.name))

    async def action_add_everyone(self) -> None:
        await self._finish_typing()
        everyone = schedule.sort_officers(self.data, list(self.data.officers.values()))
        self._add([o.id for o in everyone], _("everyone ({n} officers)").format(n=len(everyone)))

    async def action_by_precedence(self) -> None:
        await self._finish_typing()
        picked = self.picked_list.picked
        if not picked:
            proposed = precedence.speaking_order(self.data)
            self._add([o.id for o in proposed], _("one speaker per city ({n}), by precedence").format(n=len(proposed)))
            return
        known = [self.data.officers[i] for i in picked if i in self.data.officers]
        gone = [i for i in picked if i not in self.data.officers]  # kept, last: the form decides about them
        picked[:] = [o.id for o in precedence.ordered(self.data, known)] + gone
        self.picked_list.show()
        self._say(_("Ordered by precedence"))

    async def action_switch(self) -> None:
        await self._finish_typing()
        self.set_focus(self.search if self.focused is self.picked_list else self.picked_list)

    async def action_done(self) -> None:
        await self._finish_typing()
        self.dismiss(self.picked)

    async def action_cancel(self) -> None:
        await self._finish_typing()
        if self.picked == self.start:
            self.dismiss(None)
            return
        question = Text.assemble(
            _("Discard your changes to "),
            literal(self.title_text, "bold"),
            "?",
            (_("\n\nEnter or Esc keeps picking; d discards them (the form keeps its list)."), "dim"),
        )
        await self.app.push_screen(DiscardDialog(question), self._after_discard_question)

    def _after_discard_question(self, discard: bool | None) -> None:
        if discard:
            self.dismiss(None)
