"""The officer a name on the command line means."""

from __future__ import annotations

import sys

from liaison_tui.cli.errors import CommandError
from liaison_tui.domain.model import Officer
from liaison_tui.domain.values import fold
from liaison_tui.i18n import _
from liaison_tui.lookup.index import LookupIndex
from liaison_tui.lookup.resolve import resolve_officer
from liaison_tui.reports.display import visible
from liaison_tui.store.store import Store


def officer_named(store: Store, name: str) -> Officer:
    """The officer ``name`` means, by the app's tolerant lookup ("kahnen" is Kahonen)."""
    try:
        officer = resolve_officer(LookupIndex(store.data), store.data, name)
    except LookupError as error:
        raise CommandError(str(error)) from None
    if fold(name).strip() != fold(officer.name):  # a guess: say whom it took, on stderr to keep stdout clean
        taken = _("{given!r} taken as {name}").format(given=visible(name), name=visible(officer.name))
        print(f"liaison-tui: {taken}", file=sys.stderr)
    return officer
