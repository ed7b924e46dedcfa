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
from liaison_tui.i18n import N_, _, ngettext
from liaison_tui.i18n.formats import number
from liaison_tui.lookup.index import Hit
from liaison_tui.reports.attendance import attendance as attendance_tables
from liaison_tui.reports.attendance import roll_report, when
from liaison_tui.reports.display import visible
from liaison_tui.reports.now_board import now_board_text
from liaison_tui.reports.words import shown
from liaison_tui.session import Session
from liaison_tui.store.store import Store

_EVENT_ID = re.compile(r"^#(\d+)$")
CANDIDATES_SHOWN = 8


MARKED_AT = {
    Attendance.PRESENT: N_("Present at {where}: {people}"),
    Attendance.MISSING: N_("Missing at {where}: {people}"),
    Attendance.EXCUSED: N_("Excused at {where}: {people}"),
}
ALREADY = {
    Attendance.PRESENT: N_("Already present: {people}"),
    Attendance.MISSING: N_("Already missing: {people}"),
    Attendance.EXCUSED: N_("Already excused: {people}"),
}


def _visit(store: Store) -> Visit:
    visit = store.current_visit()
    if visit is None:
        raise CommandError(_("{file}: holds no visit yet").format(file=store.where))
    return visit


def _best(hits: list[Hit]) -> list[Hit]:
    """The hits sharing the best score."""
    return [hit for hit in hits if hit.score == hits[0].score] if hits else []


def _listed(names: list[str]) -> str:
    shown = ", ".join(visible(name) for name in names[:CANDIDATES_SHOWN])
    if len(names) <= CANDIDATES_SHOWN:
        return shown
    return _("{shown} and {n} more").format(shown=shown, n=number(len(names) - CANDIDATES_SHOWN))


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
            if day:
                raise CommandError(
                    _("no event {id} in {visit} on {day}").format(id=text.strip(), visit=visible(visit.name), day=day)
                )
            raise CommandError(_("no event {id} in {visit}").format(id=text.strip(), visit=visible(visit.name)))
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
    if not best:
        if day:
            raise CommandError(
                _("no event on {day} of {visit} matches {text!r}").format(
                    day=day, visit=visible(visit.name), text=visible(text)
                )
            )
        raise CommandError(
            _("no event of {visit} matches {text!r}").format(visit=visible(visit.name), text=visible(text))
        )
    found = sorted((events[h.entry.record_id] for h in best), key=lambda e: (e.day, e.start))
    listed = _listed([_event_name(e) for e in found])
    raise CommandError(
        ngettext(
            "{text!r} matches {n} event{on_day}: {listed}; name it more fully, add --day YYYY-MM-DD, or give #ID",
            "{text!r} matches {n} events{on_day}: {listed}; name it more fully, add --day YYYY-MM-DD, or give #ID",
            len(found),
        ).format(
            text=visible(text),
            n=len(found),
            on_day=_(" on {day}").format(day=day) if day else "",
            listed=listed,
        )
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
                _("{text!r} is the badge of {who} and also matches {others}: give the full name").format(
                    text=visible(text), who=visible(_who(data, officer)), others=_listed(others)
                )
            )
        if badge_id not in expected:
            raise CommandError(
                _("{who} (badge {badge}) is not expected at {where}").format(
                    who=visible(_who(data, officer)), badge=badge_code(badge_id), where=where
                )
            )
        return officer
    best = _best(_officer_hits(session, text, expected))
    if len(best) == 1:
        return data.officers[best[0].entry.record_id]
    if best:
        names = [_who(data, data.officers[h.entry.record_id]) for h in best]
        raise CommandError(
            _("{text!r} matches {n} people at {where}: {names}; be more precise").format(
                text=visible(text), n=len(best), where=where, names=_listed(names)
            )
        )
    elsewhere = [_who(data, data.officers[h.entry.record_id]) for h in _best(_officer_hits(session, text, None))]
    if elsewhere:
        raise CommandError(
            _("{text!r} matches {names}, not expected at {where}").format(
                text=visible(text), names=_listed(elsewhere), where=where
            )
        )
    raise CommandError(
        _("no one expected at {where} matches {text!r} (a name, or a badge code)").format(
            where=where, text=visible(text)
        )
    )


def _day(arguments: argparse.Namespace) -> date | None:
    try:
        return values.parse_date(arguments.day) if arguments.day else None
    except ValueError as error:
        raise CommandError(_("--day: {error}").format(error=error)) from None


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
        now = {e.officer.id: shown(e.status) if e.status else _("not called") for e in after.entries}
        undone = ", ".join(
            _("{who} (now {status})").format(who=visible(_who(store.data, o)), status=now[o.id]) for o in people
        )
        print(_("Undone at {where}: {people}").format(where=where, people=undone))
    else:
        if done:
            print(_(MARKED_AT[status]).format(where=where, people=", ".join(visible(n) for n in done)))
        if unchanged:
            print(_(ALREADY[status]).format(people=", ".join(visible(n) for n in unchanged)))
    print(_("Head count: {headline}").format(headline=visible(attendance.roll(store.data, event).headline())))
    return 0


def run_attendance(store: Store, arguments: argparse.Namespace) -> int:
    visit = _visit(store)
    console = Console()
    if arguments.event:
        event = find_event(Session(store), visit, arguments.event, _day(arguments))
        event_roll = attendance.roll(store.data, event)
        for part in roll_report(store.data, event_roll, everyone=arguments.all):
            console.print(part)
        counts = _("{present} present, {missing} called missing, {excused} excused, {not_called} not called").format(
            present=event_roll.present,
            missing=event_roll.missing,
            excused=event_roll.excused,
            not_called=event_roll.not_called,
        )
        print(_("{counts}. Head count: {headline}").format(counts=counts, headline=visible(event_roll.headline())))
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
            raise CommandError(_("--at: {error}").format(error=error)) from None
        at_utc = local.replace(tzinfo=ZoneInfo(visit.timezone)).astimezone(UTC)
    else:
        at_utc = datetime.now(UTC)
    console = Console()
    for line in now_board_text(now_board(store.data, visit, at_utc), store.data):
        console.print(line)
    return 0
