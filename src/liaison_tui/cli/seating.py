"""``export seating EVENT``: the event's seating plan as a PDF, proposed by precedence when none was made."""

from __future__ import annotations

import argparse
import sys

from liaison_tui.cli.errors import CommandError
from liaison_tui.cli.event_day import CANDIDATES_SHOWN, find_event
from liaison_tui.domain import seating
from liaison_tui.domain.model import Visit
from liaison_tui.i18n import _, ngettext
from liaison_tui.printing.parts import laid_out
from liaison_tui.reports.display import visible
from liaison_tui.reports.seating_plan import plan_parts
from liaison_tui.session import Session
from liaison_tui.store.store import Store


def seating_pdf(store: Store, visit: Visit, arguments: argparse.Namespace) -> bytes:
    """The plan's PDF; what was proposed or left out is said on stderr (``cli.printing`` writes it)."""
    if not arguments.event:
        raise CommandError(_("export seating needs the event: its title or part of it, or #ID"))
    event = find_event(Session(store), visit, arguments.event, None)
    asked = arguments.tables is not None or arguments.seats is not None
    plan = event.seating
    proposed = not plan or asked
    if proposed:
        try:
            plan = seating.propose(store.data, event, arguments.tables, arguments.seats)
        except seating.SeatingTooSmall as error:
            raise CommandError(_("{event}: {problem}").format(event=visible(event.title), problem=error)) from None
        said = (
            _("{event}: a plan proposed by precedence for --tables/--seats (not saved)")
            if event.seating
            else _("{event}: no seating plan made yet; proposed one by precedence (not saved)")
        )
        print(said.format(event=visible(event.title)), file=sys.stderr)
    else:
        left_out = seating.unseated(store.data, event, plan)
        if left_out:
            names = ", ".join(visible(o.name) for o in left_out[:CANDIDATES_SHOWN])
            more = len(left_out) - CANDIDATES_SHOWN
            names += f" (+{more})" if more > 0 else ""
            print(
                ngettext(
                    "{event}: {n} participant has no seat: {names}",
                    "{event}: {n} participants have no seat: {names}",
                    len(left_out),
                ).format(event=visible(event.title), n=len(left_out), names=names),
                file=sys.stderr,
            )
    parts = plan_parts(store.data, visit, event, plan, proposed=proposed, paper=arguments.paper or "a4")
    return laid_out(parts)
