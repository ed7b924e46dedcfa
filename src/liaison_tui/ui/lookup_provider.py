"""Quick lookup in the command palette, answered by the session's index."""

from __future__ import annotations

from functools import partial
from typing import assert_never

from rich.cells import cell_len
from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

from liaison_tui.domain import schedule
from liaison_tui.domain.kinds import Kind
from liaison_tui.i18n import _
from liaison_tui.i18n.formats import WEEKDAY_TIME, when
from liaison_tui.lookup.entries import Entry
from liaison_tui.reports.display import clip, literal
from liaison_tui.ui.host import host_of
from liaison_tui.ui.messages import Goto


def _style(kind: Kind) -> str:
    match kind:
        case Kind.OFFICER:
            return "bold"
        case Kind.CITY:
            return "bold italic"
        case Kind.EVENT:
            return "italic"
        case Kind.FOLLOW_UP | Kind.VISIT | Kind.CHECK_IN | Kind.GIFT:
            return ""
        case _:
            assert_never(kind)


def _pad(text: str, cells: int) -> str:
    """``text`` padded to ``cells`` terminal cells (a Chinese character takes two)."""
    return text + " " * max(0, cells - cell_len(text))


def _prompt(entry: Entry) -> Text:
    return Text.assemble(
        (f"{_pad(entry.kind.word, 9)} ", "dim"),
        literal(clip(entry.label, 60), _style(entry.kind)),
        ("  ", ""),
        literal(clip(entry.context, 44), "dim"),
    )


class LookupProvider(Provider):
    """Officers, cities, events and follow-ups, ranked by the lookup index."""

    def _goto(self, entry: Entry) -> None:
        self.screen.post_message(Goto(entry.kind, entry.record_id))

    async def search(self, query: str) -> Hits:
        for hit in host_of(self.app).session.lookup_index.search(query, limit=25):
            entry = hit.entry
            yield Hit(
                hit.score,
                _prompt(entry),
                partial(self._goto, entry),
                text=entry.label,
            )

    async def discover(self) -> Hits:
        """With nothing typed: where the group must be now and next."""
        host = host_of(self.app)
        visit, now = host.session.current_visit(), host.local_now()
        if visit is None or now is None:
            return
        events = schedule.visit_events(host.session.data, visit)
        current, upcoming = schedule.now_and_next(events, now)
        for label, event in ((_("now"), current), (_("next"), upcoming)):
            if event is not None:
                entry = Entry(Kind.EVENT, event.id, event.title, when(event.starts_at, WEEKDAY_TIME), "")
                prompt = Text.assemble((f"{_pad(label, 9)} ", "dim"), _prompt(entry))
                yield DiscoveryHit(prompt, partial(self._goto, entry))
