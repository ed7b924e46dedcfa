"""Quick lookup in the command palette, answered by the core's index."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

from liaison_tui.domain import schedule
from liaison_tui.lookup.index import Entry
from liaison_tui.reports.display import clip, literal
from liaison_tui.ui.messages import Goto

if TYPE_CHECKING:
    from liaison_tui.ui.app import LiaisonApp

KIND_STYLE = {"officer": "bold", "city": "bold italic", "event": "italic", "follow-up": ""}


def _prompt(entry: Entry) -> Text:
    return Text.assemble(
        (f"{entry.kind:<9} ", "dim"),
        literal(clip(entry.label, 60), KIND_STYLE[entry.kind]),
        ("  ", ""),
        literal(clip(entry.context, 30), "dim"),
    )


class LookupProvider(Provider):
    """Officers, cities, events and follow-ups, ranked by the lookup index."""

    @property
    def liaison_app(self) -> LiaisonApp:
        from liaison_tui.ui.app import LiaisonApp

        assert isinstance(self.app, LiaisonApp)
        return self.app

    def _goto(self, entry: Entry) -> None:
        self.screen.post_message(Goto(entry.kind, entry.record_id))

    async def search(self, query: str) -> Hits:
        for hit in self.liaison_app.lookup_index.search(query, limit=25):
            entry = hit.entry
            yield Hit(
                hit.score,
                _prompt(entry),
                partial(self._goto, entry),
                text=entry.label,
            )

    async def discover(self) -> Hits:
        """With nothing typed: where the group must be now and next."""
        app = self.liaison_app
        visit = app.store.current_visit()
        if visit is None:
            return
        events = schedule.visit_events(app.store.data, visit)
        now, upcoming = schedule.now_and_next(events, schedule.local_now(visit, app.clock()))
        for label, event in (("now", now), ("next", upcoming)):
            if event is not None:
                entry = Entry("event", event.id, event.title, f"{event.day:%a} {event.start:%H:%M}", "", "")
                yield DiscoveryHit(Text.assemble((f"{label:<9} ", "dim"), _prompt(entry)), partial(self._goto, entry))
