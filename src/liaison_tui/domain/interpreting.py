"""Whether an event's interpreters cover everyone taking part.

A participant is covered when they speak the visit's working language, or
when an interpreter at the event works between one of their languages and
the working language. Participants with no languages recorded are counted
apart: nobody knows whether they need one. At 10,000 officers the delegation
is grouped once by the set of languages they speak, so each event looks at a
few dozen groups, not at every person.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from liaison_tui.domain import schedule
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.languages import language_code
from liaison_tui.domain.model import Event, EventKind, InterpreterAssignment, Officer, Role, Visit
from liaison_tui.i18n import _

Languages = frozenset[str]

# Where nobody is spoken to (a bus ride, free time), nobody needs an interpreter.
SILENT_KINDS = frozenset({EventKind.TRANSPORT, EventKind.FREE})


@dataclass(frozen=True, slots=True)
class Coverage:
    """One event's interpreting: who is not covered, grouped by the languages they speak."""

    event: Event
    uncovered: dict[Languages, list[int]]  # officer ids per set of language codes
    unrecorded: int  # participants with no languages on file

    @property
    def uncovered_count(self) -> int:
        return sum(len(ids) for ids in self.uncovered.values())


def working_language(visit: Visit) -> str:
    """The visit's working language as a code; "" when not set."""
    return language_code(visit.language)


def spoken(officer: Officer) -> Languages:
    return _codes(officer.languages)


@functools.cache
def _codes(languages: tuple[str, ...]) -> Languages:
    """Cached per spelling: thousands of officers write the same few lists ("English")."""
    return frozenset(code for code in map(language_code, languages) if code)


def _delegation_groups(data: Dataset) -> dict[Languages, list[int]]:
    """The delegation by the set of languages each speaks, computed once per dataset."""
    found = data.derived.get("language_groups")
    if not isinstance(found, dict):
        as_written: dict[tuple[str, ...], list[int]] = {}
        host = Role.HOST
        for officer in data.officers.values():  # the delegation, as ``schedule.delegation_ids`` has it
            if officer.role is not host:
                as_written.setdefault(officer.languages, []).append(officer.id)
        groups: dict[Languages, list[int]] = {}
        for written, ids in as_written.items():  # "English" and "en" are one group
            groups.setdefault(_codes(written), []).extend(ids)
        data.derived["language_groups"] = found = groups
    return found


def bridged(working: str, assignments: tuple[InterpreterAssignment, ...]) -> Languages:
    """The languages interpreted to and from the working language at an event."""
    found: set[str] = set()
    for assignment in assignments:
        first, second = (language_code(code) for code in assignment.languages)
        if first == working:
            found.add(second)
        elif second == working:
            found.add(first)
    return frozenset(found)


def coverage(data: Dataset, visit: Visit, event: Event) -> Coverage | None:
    """Who at ``event`` is not covered; None when the visit's working language is not known."""
    working = working_language(visit)
    if not working:
        return None
    if event.kind in SILENT_KINDS:
        return Coverage(event, {}, 0)
    understood = bridged(working, event.interpreters) | {working}
    groups: dict[Languages, list[int]] = {}
    if event.whole_delegation:
        groups = dict(_delegation_groups(data))  # the lists are shared: not copied per event
        members = schedule.delegation_ids(data)
        extra = [i for i in dict.fromkeys(event.participant_ids) if i not in members and i in data.officers]
    else:
        extra = [i for i in dict.fromkeys(event.participant_ids) if i in data.officers]
    for officer_id in extra:  # a new list, never the shared group's
        codes = spoken(data.officers[officer_id])
        groups[codes] = [*groups.get(codes, []), officer_id]
    uncovered = {codes: ids for codes, ids in groups.items() if codes and understood.isdisjoint(codes)}
    return Coverage(event, uncovered, len(groups.get(frozenset(), [])))


def uncovered_message(data: Dataset, found: Coverage) -> str:
    """``'Welcome dinner': no interpreter for ja (3), ko (1)``."""
    parts = [f"{'/'.join(sorted(codes))} ({len(ids)})" for codes, ids in sorted(found.uncovered.items(), key=_order)]
    return _("{title!r}: no interpreter for {languages}").format(title=found.event.title, languages=", ".join(parts))


def _order(item: tuple[Languages, list[int]]) -> tuple[int, str]:
    codes, ids = item
    return -len(ids), "/".join(sorted(codes))
