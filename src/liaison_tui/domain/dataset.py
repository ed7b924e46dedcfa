"""Every record of a data file, as the app, the commands and the reports read them."""

from __future__ import annotations

from dataclasses import dataclass, field

from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.model import CheckIn, City, Event, FollowUp, Gift, Officer, Record, Visit


@dataclass(slots=True)
class Dataset:
    """Every record of a data file, keyed by id, as the app and reports see them."""

    visits: dict[int, Visit] = field(default_factory=dict)
    cities: dict[int, City] = field(default_factory=dict)
    officers: dict[int, Officer] = field(default_factory=dict)
    events: dict[int, Event] = field(default_factory=dict)
    followups: dict[int, FollowUp] = field(default_factory=dict)
    checkins: dict[int, CheckIn] = field(default_factory=dict)
    gifts: dict[int, Gift] = field(default_factory=dict)
    # Values derived from the records (e.g. who is in the delegation), computed on
    # first use. A Dataset is never changed once the store has published it.
    derived: dict[str, object] = field(default_factory=dict, init=False, repr=False, compare=False)

    def table(self, kind: Kind) -> dict[int, Record]:
        """The records of one kind, keyed by id (the same dict the named field holds)."""
        return getattr(self, kind.table)  # type: ignore[no-any-return]

    def current_visit(self) -> Visit | None:
        """The visit the app shows: the one starting last."""
        return max(self.visits.values(), key=lambda v: (v.start_date, v.id), default=None)

    def counts(self) -> dict[str, int]:
        """Records per table, in the registry's order."""
        return {kind.table: len(self.table(kind)) for kind in Kind}
