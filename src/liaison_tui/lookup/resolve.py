"""The one officer a typed name means, found by the same tolerant lookup as the app.

Commands take officers by name (``summary agenda --officer kahnen``), and a
person typing one expects what the app's lookup would show first: the best
officer hit, when no other officer scores as well; else the candidates, so
they can type more.
"""

from __future__ import annotations

from liaison_tui.domain import schedule
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.model import Officer
from liaison_tui.i18n import _, ngettext
from liaison_tui.lookup.index import LookupIndex

CANDIDATES = 200  # hits looked at: the search ranks cities and events too
NAMED = 8  # candidates named in the error


def resolve_officer(index: LookupIndex, data: Dataset, query: str) -> Officer:
    """The officer ``query`` clearly means; LookupError says why there is none."""
    hits = [h for h in index.search(query, limit=CANDIDATES) if h.entry.kind is Kind.OFFICER]
    if not hits:
        raise LookupError(_("no officer called {query!r}").format(query=query))
    best = [h for h in hits if h.score == hits[0].score]
    if len(best) == 1:
        return data.officers[best[0].entry.record_id]
    names = []
    for hit in best[:NAMED]:
        officer = data.officers[hit.entry.record_id]
        city = schedule.city_of(data, officer)
        names.append(f"{officer.name} ({city.name if city else _('host staff')})")
    listed = ", ".join(names)
    if len(best) > NAMED:
        listed = _("{names} and {n} more").format(names=listed, n=len(best) - NAMED)
    # Always several here (one best hit returned above): ngettext for languages with more than two forms.
    told = ngettext(
        "{n} officer matches {query!r} equally well: {names}; be more precise",
        "{n} officers match {query!r} equally well: {names}; be more precise",
        len(best),
    )
    raise LookupError(told.format(n=len(best), query=query, names=listed))
