"""The rules of an event's seating plan (``validation`` calls them).

``fail(field, message)`` records one problem of the record being checked.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import Event
from liaison_tui.i18n import _


def check_seating(event: Event, fail: Callable[[str, str], None]) -> None:
    """Nobody sits twice."""
    seated = Counter(i for table in event.seating for i in table.seats if i is not None)
    twice = sorted(i for i, n in seated.items() if n > 1)
    if twice:
        fail(
            "seating",
            _("the seating plan seats officers more than once: {ids}").format(ids=", ".join(f"#{i}" for i in twice)),
        )


def check_seating_references(event: Event, data: Dataset, fail: Callable[[str, str], None]) -> None:
    """Everyone seated is on file."""
    seated = [i for table in event.seating for i in table.seats if i is not None]
    strangers = [i for i in seated if i not in data.officers]
    if strangers:
        fail(
            "seating",
            _("the seating plan seats unknown officers {ids}").format(ids=", ".join(f"#{i}" for i in strangers)),
        )
