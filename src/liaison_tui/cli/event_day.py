"""The commands used during the visit: ``check-in``, ``attendance`` and ``now``.

For staff without the app, and scripts: the event and the people are named
the way the app's lookup finds them (part of a title, a few letters of a name,
with a typo forgiven) or by badge code, as a barcode scanner types it. Imported
only when one of these commands runs, like ``cli.reports``.
"""

from __future__ import annotations

import argparse
import re
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from rich.console import Console

from liaison_tui.cli.errors import CommandError
from liaison_tui.domain import attendance, schedule, values
from liaison_tui.domain.badges import badge_code, officer_id_from_badge
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.model import Attendance, CheckIn, Event, Officer, Visit
from liaison_tui.domain.now import now_board
from liaison_tui.lookup.index import Hit
from liaison_tui.reports.attendance import attendance as attendance_tables
from liaison_tui.reports.attendance import roll_report, when
from liaison_tui.reports.display import visible
from liaison_tui.reports.now_board import now_board_text
from liaison_tui.session import Session
from liaison_tui.store.store import Store

_EVENT_ID = re.compile(r"^#(\d+)$")
CANDIDATES_SHOWN = 8


def _visit(store: Store) -> Visit:
    visit = store.current_visit()
    if visit is None:
        raise CommandError(f"{store.where}: holds no visit yet")
    return visit


def _best(hits: list[Hit]) -> list[Hit]:
    """The hits sharing the best score."""
    return [hit for hit in hits if hit.score == hits[0].score] if hits else []


def _listed(names: list[str]) -> str:
    shown = ", ".join(visible(name) for name in names[:CANDIDATES_SHOWN])
    return shown + (f" and {len(names) - CANDIDATES_SHOWN} more" if len(names) > CANDIDATES_SHOWN else "")


def _event_name(event: Event) -> str:
    return f"{visible(event.title)} ({when(event)})"


def find_event(session: Session, visit: Visit, text: str, day: date | None) -> Event:
    """The one event of ``visit`` that ``text`` names (``#ID`` or the tolerant lookup), on ``day`` if given."""
    data = session.data
    events = {e.id: e for e in schedule.visit_events(data, visit) if day is None or e.day == day}
    by_id = _EVENT_ID.match(text.strip())
    if by_id:
        event = events.get(int(by_id.group(1)))
        if event is None:
            raise CommandError(f"no event {text.strip()} in {visible(visit.name)}" + (f" on {day}" if day else ""))
        return event
    index = session.lookup_index
    hits = [
        h
        for h in index.search(text, limit=len(index.entries))
        if h.entry.kind is Kind.EVENT and h.entry.record_id in events
    ]
    best = _best(hits)
    if len(best) == 1:
        return events[best[0].entry.record_id]
    on_day = f" on {day}" if day else ""
    if not best:
        raise CommandError(f"no event{on_day} of {visible(visit.name)} matches {visible(text)!r}")
    found = sorted((events[h.entry.record_id] for h in best), key=lambda e: (e.day, e.start))
    raise CommandError(
        f"{visible(text)!r} matches {len(found)} events{on_day}: {_listed([_event_name(e) for e in found])}; "
        "name it more fully, add --day YYYY-MM-DD, or give #ID"
    )


def _who(data: Dataset, officer: Officer) -> str:
    city = schedule.city_of(data, officer)
    return f"{officer.name} ({city.name})" if city else officer.name


def _officer_hits(session: Session, text: str, among: set[int] | None) -> list[Hit]:
    index = session.lookup_index
    return [
        h
        for h in index.search(text, limit=len(index.entries))
        if h.entry.kind is Kind.OFFICER and (among is None or h.entry.record_id in among)
    ]


def find_person(session: Session, event: Event, expected: set[int], text: str) -> Officer:
    """The one person expected at ``event`` that ``text`` names: a badge code, else a name as the lookup finds it."""
    data = session.data
    where = _event_name(event)
    badge_id = officer_id_from_badge(text)
    if badge_id is not None and badge_id in data.officers:
        officer = data.officers[badge_id]
        named = [h.entry.record_id for h in _officer_hits(session, text, expected) if h.score >= 0.9]
        if named and badge_id not in named:  # a five-letter name that happens to be a valid code
            others = [_who(data, data.officers[i]) for i in named]
            raise CommandError(
                f"{visible(text)!r} is the badge of {visible(_who(data, officer))} and also matches "
                f"{_listed(others)}: give the full name"
            )
        if badge_id not in expected:
            raise CommandError(
                f"{visible(_who(data, officer))} (badge {badge_code(badge_id)}) is not expected at {where}"
            )
        return officer
    best = _best(_officer_hits(session, text, expected))
    if len(best) == 1:
        return data.officers[best[0].entry.record_id]
    if best:
        names = [_who(data, data.officers[h.entry.record_id]) for h in best]
        raise CommandError(
            f"{visible(text)!r} matches {len(best)} people at {where}: {_listed(names)}; be more precise"
        )
    elsewhere = [_who(data, data.officers[h.entry.record_id]) for h in _best(_officer_hits(session, text, None))]
    if elsewhere:
        raise CommandError(f"{visible(text)!r} matches {_listed(elsewhere)}, not expected at {where}")
    raise CommandError(f"no one expected at {where} matches {visible(text)!r} (a name, or a badge code)")


def _day(arguments: argparse.Namespace) -> date | None:
    try:
        return values.parse_date(arguments.day) if arguments.day else None
    except ValueError as error:
        raise CommandError(f"--day: {error}") from None


def run_check_in(store: Store, arguments: argparse.Namespace) -> int:
    visit = _visit(store)
    session = Session(store)
    event = find_event(session, visit, arguments.event, _day(arguments))
    expected = {entry.officer.id for entry in attendance.roll(store.data, event).entries}
    people = list({o.id: o for o in (find_person(session, event, expected, who) for who in arguments.who)}.values())
    ids = [officer.id for officer in people]
    status = Attendance.MISSING if arguments.absent else Attendance.EXCUSED if arguments.excused else Attendance.PRESENT
    try:
        if arguments.undo:
            edits = attendance.unmark(store.data, event, ids)
        else:
            at = schedule.local_now(visit, datetime.now(UTC))
            by = arguments.by if arguments.by is not None else store.author  # --user, else the login name
            edits = attendance.mark(store.data, event, ids, status, at, by)
    except ValueError as error:
        raise CommandError(str(error)) from None
    if edits:
        session.save(edits)
    changed = {edit.record.officer_id for edit in edits if isinstance(edit.record, CheckIn)}
    done = [_who(store.data, o) for o in people if o.id in changed]
    unchanged = [_who(store.data, o) for o in people if o.id not in changed]
    where = _event_name(event)
    if arguments.undo:
        after = attendance.roll(store.data, event)
        now = {e.officer.id: e.status.value if e.status else "not called" for e in after.entries}
        print(f"Undone at {where}: " + ", ".join(f"{visible(_who(store.data, o))} (now {now[o.id]})" for o in people))
    else:
        if done:
            print(f"{status.value.capitalize()} at {where}: {', '.join(visible(n) for n in done)}")
        if unchanged:
            print(f"Already {status.value}: {', '.join(visible(n) for n in unchanged)}")
    print(f"Head count: {visible(attendance.roll(store.data, event).headline())}")
    return 0


def run_attendance(store: Store, arguments: argparse.Namespace) -> int:
    visit = _visit(store)
    console = Console()
    if arguments.event:
        event = find_event(Session(store), visit, arguments.event, _day(arguments))
        event_roll = attendance.roll(store.data, event)
        for part in roll_report(store.data, event_roll, everyone=arguments.all):
            console.print(part)
        parts = [
            f"{event_roll.present} present",
            f"{event_roll.missing} called missing",
            f"{event_roll.excused} excused",
            f"{event_roll.not_called} not called",
        ]
        print(f"{', '.join(parts)}. Head count: {visible(event_roll.headline())}")
        return 0
    for part in attendance_tables(store.data, visit):
        console.print(part)
        console.print()
    return 0


def run_now(store: Store, arguments: argparse.Namespace) -> int:
    visit = _visit(store)
    if arguments.at:
        try:
            local = values.parse_datetime(arguments.at)
        except ValueError as error:
            raise CommandError(f"--at: {error}") from None
        at_utc = local.replace(tzinfo=ZoneInfo(visit.timezone)).astimezone(UTC)
    else:
        at_utc = datetime.now(UTC)
    console = Console()
    for line in now_board_text(now_board(store.data, visit, at_utc), store.data):
        console.print(line)
    return 0
