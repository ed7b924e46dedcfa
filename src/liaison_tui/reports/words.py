"""The stored words of the model's choices (roles, kinds of event, statuses) as people read them.

The file keeps the English values (``leader``, ``meal``, ``agreed``): they are
the data's schema and the CSV import's vocabulary. Screens and summaries show
them through here, in the interface's language.
"""

from __future__ import annotations

from enum import StrEnum

from liaison_tui.i18n import N_, _

CHOICE_WORDS = {
    # Role
    "leader": N_("leader"),
    "member": N_("member"),
    "interpreter": N_("interpreter"),
    "host": N_("host"),
    # EventKind
    "visit": N_("visit"),
    "meeting": N_("meeting"),
    "conference": N_("conference"),
    "meal": N_("meal"),
    "transport": N_("transport"),
    "free": N_("free"),
    # Attendance
    "present": N_("present"),
    "missing": N_("missing"),
    "excused": N_("excused"),
    # FollowUpStatus
    "proposed": N_("proposed"),
    "agreed": N_("agreed"),
    "done": N_("done"),
    "dropped": N_("dropped"),
    # PrecedenceRule
    "leaders-then-cities": N_("leaders, then cities A-Z"),
    "rank": N_("by rank"),
    "fixed-list": N_("fixed list"),
}


def shown(choice: StrEnum | str) -> str:
    """``choice`` in the interface's language (an unknown value as it is)."""
    value = str(choice)
    return _(CHOICE_WORDS[value]) if value in CHOICE_WORDS else value


TABLE_WORDS = {
    "visits": N_("visits"),
    "cities": N_("cities"),
    "officers": N_("officers"),
    "events": N_("events"),
    "followups": N_("follow-ups"),
    "checkins": N_("check-ins"),
    "gifts": N_("gifts"),
}


def table_word(table: str) -> str:
    """A table of the data file (``officers``) as people read it."""
    return _(TABLE_WORDS[table]) if table in TABLE_WORDS else table
