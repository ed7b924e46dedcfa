"""``export badges`` and ``export place-cards``: whom to print, at what size, with a progress bar."""

from __future__ import annotations

import argparse
from concurrent.futures.process import BrokenProcessPool

from rich.console import Console
from rich.progress import Progress

from liaison_tui.cli.errors import CommandError
from liaison_tui.cli.people import officer_named
from liaison_tui.domain.model import Officer, Visit
from liaison_tui.domain.names import find_city
from liaison_tui.i18n import _
from liaison_tui.printing import cards
from liaison_tui.printing.sheet import parse_size
from liaison_tui.reports.display import visible
from liaison_tui.store.store import Store

CARD_FORMATS = tuple(kind.value for kind in cards.CardKind)


def _chosen(store: Store, arguments: argparse.Namespace) -> list[Officer]:
    """All delegation members and host staff, or the one ``--officer``, or ``--city``'s."""
    if arguments.officer:
        return [officer_named(store, arguments.officer)]
    officers = list(store.data.officers.values())
    if arguments.city:
        try:
            city = find_city(store.data, arguments.city)
        except ValueError as error:
            raise CommandError(str(error)) from None
        officers = [officer for officer in officers if officer.city_id == city.id]
    if not officers:
        raise CommandError(_("no officers to print: add officers, or check --city"))
    return officers


def card_sheets(store: Store, visit: Visit, arguments: argparse.Namespace) -> bytes:
    """The PDF of badges or place cards the arguments ask for."""
    kind = cards.CardKind(arguments.format)
    try:
        size = parse_size(arguments.size) if arguments.size else None
        sheet = cards.layout(kind, size, arguments.paper or "a4")
    except ValueError as error:
        raise CommandError(_("--size: {problem}").format(problem=str(error))) from None
    parts = cards.card_parts(kind, store.data, visit, _chosen(store, arguments), sheet)
    err = Console(stderr=True)
    try:
        if len(parts) < 2 or not err.is_terminal:
            return cards.cards_pdf(parts)
        with Progress(console=err, transient=True) as bar:
            label = _("Laying out {format}").format(format=visible(arguments.format))
            task = bar.add_task(label, total=len(parts))
            return cards.cards_pdf(parts, lambda done: bar.advance(task, done))
    except BrokenProcessPool:  # a layout process was killed (out of memory): nothing was written
        raise CommandError(_("laying out the cards stopped: a helper process was killed (out of memory?)")) from None
