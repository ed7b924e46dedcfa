"""The one officer a typed name means, found by the same tolerant lookup as the app.

Commands take officers by name (``summary agenda --officer kahnen``), and a
person typing one expects what the app's lookup would show first: the best
officer hit, when no other officer scores as well; else the candidates, so
they can type more.
"""

from __future__ import annotations

import re

from liaison_tui.domain import schedule
from liaison_tui.domain.badges import badge_code, find_by_badge
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.model import Officer
from liaison_tui.domain.values import fold
from liaison_tui.i18n import _, ngettext
from liaison_tui.lookup.index import LookupIndex

CANDIDATES = 200  # hits looked at: the search ranks cities and events too
NAMED = 8  # candidates named in the error
# "Li Wei (Atlanta, 7K2QD)" as the error lists a candidate, or "Li Wei (Atlanta)"
_LISTED = re.compile(r"(?P<name>.+?)\s*\((?P<city>[^()]+)\)")


def resolve_officer(index: LookupIndex, data: Dataset, query: str) -> Officer:
    """The officer ``query`` clearly means; LookupError says why there is none.

    When the name is not enough (two officers called Li Wei), a candidate as the
    error lists it, "Li Wei (Atlanta, 7K2QD)" (or without the badge code when the
    city is enough), or the officer's badge code alone picks one.
    """
    try:
        return _by_name(index, data, query)
    except LookupError:
        chosen = _as_listed(data, query) or find_by_badge(data, query)
        if chosen is None:
            raise
        return chosen


def _as_listed(data: Dataset, query: str) -> Officer | None:
    """The one officer ``query`` names as a candidate is listed: the name, then the city in brackets."""
    listed = _LISTED.fullmatch(query.strip())
    if listed is None:
        return None
    name, place = fold(listed["name"]), listed["city"]
    _city, comma, code = place.rpartition(",")
    by_badge = find_by_badge(data, code) if comma else None
    if by_badge is not None and fold(by_badge.name) == name:  # tells apart two of one name in one city
        return by_badge
    found = [
        officer
        for officer in data.officers.values()
        if fold(officer.name) == name and fold(_city_name(data, officer)) == fold(place)
    ]
    return found[0] if len(found) == 1 else None


def _city_name(data: Dataset, officer: Officer) -> str:
    city = schedule.city_of(data, officer)
    return city.name if city else _("host staff")


def _by_name(index: LookupIndex, data: Dataset, query: str) -> Officer:
    hits = [h for h in index.search(query, limit=CANDIDATES) if h.entry.kind is Kind.OFFICER]
    if not hits:
        raise LookupError(_("no officer called {query!r}").format(query=query))
    best = [h for h in hits if h.score == hits[0].score]
    if len(best) == 1:
        return data.officers[best[0].entry.record_id]
    names = []
    for hit in best[:NAMED]:
        officer = data.officers[hit.entry.record_id]
        names.append(f"{officer.name} ({_city_name(data, officer)}, {badge_code(officer.id)})")
    listed = ", ".join(names)
    if len(best) > NAMED:
        listed = _("{names} and {n} more").format(names=listed, n=len(best) - NAMED)
    # Always several here (one best hit returned above): ngettext for languages with more than two forms.
    told = ngettext(
        "{n} officer matches {query!r} equally well: {names}; be more precise, give one as listed "
        "(the city in brackets) or the badge code",
        "{n} officers match {query!r} equally well: {names}; be more precise, give one as listed "
        "(the city in brackets) or the badge code",
        len(best),
    )
    raise LookupError(told.format(n=len(best), query=query, names=listed))
