"""A day of the visit as people say it on the command line: today, fri, 2026-12-04."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from liaison_tui.cli.errors import CommandError
from liaison_tui.domain import schedule, values
from liaison_tui.domain.model import Visit
from liaison_tui.i18n import _

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def day_of_visit(visit: Visit | None, given: str) -> date:
    """``today``, ``tomorrow``, a weekday of the visit (``fri``) or YYYY-MM-DD."""
    if visit is None:
        raise CommandError(_("no visit yet"))
    word = given.strip().casefold()
    today = schedule.local_now(visit, datetime.now(UTC)).date()
    if word in ("today", "tonight"):
        return today
    if word == "tomorrow":
        return today + timedelta(days=1)
    if word[:3] in WEEKDAYS and len(word) >= 3:
        matching = [d for d in visit.dates if d.weekday() == WEEKDAYS.index(word[:3])]
        if matching:
            return matching[0]
        raise CommandError(
            _("--day {given}: no {given} in the visit ({start} to {end})").format(
                given=given, start=visit.start_date, end=visit.end_date
            )
        )
    try:
        return values.parse_date(given)
    except ValueError as error:
        raise CommandError(
            _("--day: {error}; or use today, tomorrow or a weekday such as fri").format(error=error)
        ) from None
