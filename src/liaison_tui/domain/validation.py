"""Rules a record, and a whole data file, must satisfy before it is saved.

``check_record`` looks at one record alone (what a form needs); ``check_dataset``
adds the references between records (what loading a file needs). Both return
every problem rather than stopping at the first, each naming record and field.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import assert_never

from liaison_tui.domain import languages, values
from liaison_tui.domain.contact_checks import check_contact
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.gift_checks import check_gift, check_gift_references, check_interpreters
from liaison_tui.domain.kinds import Kind, describe
from liaison_tui.domain.model import CheckIn, City, Event, FollowUp, Gift, Officer, Problem, Record, Visit
from liaison_tui.domain.seating_checks import check_seating, check_seating_references
from liaison_tui.i18n import N_, _

MAX_HONORIFIC = 40  # "His Excellency the Honourable" fits; a misplaced name or job description does not


def _required(record: Record, field: str, problems: list[Problem]) -> None:
    if not str(getattr(record, field)).strip():
        said = _(REQUIRED_WORDS.get(field, field))
        problems.append(Problem(describe(record), field, _("{field} must not be empty").format(field=said)))


REQUIRED_WORDS = {
    "name": N_("name"),
    "host_city": N_("host city"),
    "title": N_("title"),
    "text": N_("text"),
}


# An end before the start is on the next day (a dinner 23:00-00:30), but only this soon after the
# start: 15:00-14:00 is far likelier a typo than a 23-hour event.
OVERNIGHT_LIMIT = timedelta(hours=12)
NOT_NEGATIVE = {
    "expected_cities": N_("expected cities must not be negative"),
    "expected_officers": N_("expected officers must not be negative"),
}


def _check_end(event: Event, fail: Callable[[str, str], None]) -> None:
    start, end = values.format_time(event.start), values.format_time(event.end)
    if event.end == event.start:
        fail("end", _("ends when it starts {start}").format(start=start))
    elif event.crosses_midnight and event.ends_at - event.starts_at > OVERNIGHT_LIMIT:
        hours = OVERNIGHT_LIMIT.seconds // 3600
        fail(
            "end",
            _("ends {end} before it starts {start} (an end after midnight is allowed up to {hours} h on)").format(
                end=end, start=start, hours=hours
            ),
        )


def check_record(record: Record) -> list[Problem]:
    """Problems with ``record`` taken on its own."""
    problems: list[Problem] = []

    def fail(field: str, message: str) -> None:  # describe() only when something is wrong
        problems.append(Problem(describe(record), field, message))

    match record:
        case Visit():
            _required(record, "name", problems)
            _required(record, "host_city", problems)
            if not 1 <= record.days <= 31:
                fail("days", _("days must be 1 to 31, not {days}").format(days=record.days))
            try:
                values.check_timezone(record.timezone)
            except ValueError as error:
                fail("timezone", str(error))
            for field in ("expected_cities", "expected_officers"):
                if getattr(record, field) < 0:
                    fail(field, _(NOT_NEGATIVE[field]))
            for field in ("host_contact", "emergency_contact"):
                check_contact(getattr(record, field), field, fail)
            if len(set(record.precedence_ids)) != len(record.precedence_ids):
                fail("precedence_ids", _("the order of precedence names an officer twice"))
            if record.language and not languages.is_known(record.language):
                fail("language", _("unknown language {language!r}").format(language=record.language))
        case City():
            _required(record, "name", problems)
            if record.timezone:
                try:
                    values.check_timezone(record.timezone)
                except ValueError as error:
                    fail("timezone", str(error))
            if record.since is not None and not 1000 <= record.since <= 2200:
                fail("since", _("since must be a year, not {since}").format(since=record.since))
        case Officer():
            _required(record, "name", problems)
            if len(record.honorific) > MAX_HONORIFIC:
                fail(
                    "honorific",
                    _("honorific {start!r}… is too long for a form of address").format(start=record.honorific[:20]),
                )
            if record.rank is not None and record.rank < 1:
                fail("rank", _("rank must be 1 or more (1 is highest), not {rank}").format(rank=record.rank))
            if record.email and "@" not in record.email:
                fail("email", _("email {email!r} has no '@'").format(email=record.email))
            if record.arrival and record.departure and record.departure.at < record.arrival.at:
                fail("departure", _("departs before arriving"))
        case Event():
            _required(record, "title", problems)
            _check_end(record, fail)
            if record.speaking_now_id is not None and record.speaking_now_id not in record.speaker_ids:
                fail("speaking_now_id", _("the officer speaking now is not a speaker"))
            check_seating(record, fail)
            check_interpreters(record, fail)
        case FollowUp():
            _required(record, "text", problems)
        case Gift():
            check_gift(record, fail)
        case CheckIn():
            pass  # every field is checked by its type when read
        case _:
            assert_never(record)
    return problems


def check_references(record: Record, data: Dataset) -> list[Problem]:
    """Problems with what ``record`` points at in ``data``."""
    problems: list[Problem] = []

    def fail(field: str, message: str) -> None:  # describe() only when something is wrong
        problems.append(Problem(describe(record), field, message))

    match record:
        case Officer(city_id=int(city_id)) | FollowUp(city_id=city_id) if city_id not in data.cities:
            fail("city_id", _("unknown city #{id}").format(id=city_id))
        case Event():
            if record.visit_id not in data.visits:
                fail("visit_id", _("unknown visit #{id}").format(id=record.visit_id))
            for field in ("participant_ids", "speaker_ids"):
                missing = [i for i in getattr(record, field) if i not in data.officers]
                if missing:
                    names = ", ".join(f"#{i}" for i in missing)
                    said = (
                        _("participants name unknown officers {ids}")
                        if field == "participant_ids"
                        else _("speakers name unknown officers {ids}")
                    )
                    fail(field, said.format(ids=names))
            interpreters = [
                a.interpreter_id
                for a in record.interpreters
                if a.interpreter_id is not None and a.interpreter_id not in data.officers
            ]
            if interpreters:
                fail(
                    "interpreters",
                    _("interpreters name unknown officers {ids}").format(ids=", ".join(f"#{i}" for i in interpreters)),
                )
            riders = [i for vehicle in record.vehicles for i in vehicle.rider_ids if i not in data.officers]
            if riders:
                fail(
                    "vehicles",
                    _("vehicles carry unknown officers {ids}").format(ids=", ".join(f"#{i}" for i in riders)),
                )
            check_seating_references(record, data, fail)
        case Gift():
            check_gift_references(record, data, fail)
        case CheckIn():
            if record.event_id not in data.events:
                fail("event_id", _("unknown event #{id}").format(id=record.event_id))
            if record.officer_id not in data.officers:
                fail("officer_id", _("unknown officer #{id}").format(id=record.officer_id))
        case Visit():
            missing = [i for i in record.precedence_ids if i not in data.officers]
            if missing:
                names = ", ".join(f"#{i}" for i in missing)
                fail("precedence_ids", _("the order of precedence names unknown officers {ids}").format(ids=names))
        case City() | Officer() | FollowUp():
            pass  # points at nothing, or at something that exists
        case _:
            assert_never(record)
    return problems


def dangling_references(data: Dataset, gone: list[Record]) -> list[Problem]:
    """Records in ``data`` that still point at one of the removed records.

    Only the kinds that can point at what went are looked at, so deleting an
    officer checks the events, not every record of a large file.
    """
    cities = {r.id for r in gone if isinstance(r, City)}
    officers = {r.id for r in gone if isinstance(r, Officer)}
    visits = {r.id for r in gone if isinstance(r, Visit)}
    events = {r.id for r in gone if isinstance(r, Event)}
    referring: list[Record] = []
    if cities:
        referring += [o for o in data.officers.values() if o.city_id in cities]
        referring += [f for f in data.followups.values() if f.city_id in cities]
    if officers or visits:
        referring += [
            e
            for e in data.events.values()
            if e.visit_id in visits
            or not officers.isdisjoint(e.participant_ids)
            or not officers.isdisjoint(e.speaker_ids)
            or any(not officers.isdisjoint(v.rider_ids) for v in e.vehicles)
            or any(not officers.isdisjoint(t.seats) for t in e.seating)
            or any(a.interpreter_id in officers for a in e.interpreters)
        ]
    if cities or officers or events:
        referring += [
            g for g in data.gifts.values() if g.city_id in cities or g.officer_id in officers or g.event_id in events
        ]
    if officers:
        referring += [v for v in data.visits.values() if not officers.isdisjoint(v.precedence_ids)]
    if officers or events:
        referring += [c for c in data.checkins.values() if c.officer_id in officers or c.event_id in events]
    return [problem for record in referring for problem in check_references(record, data)]


def check_dataset(data: Dataset) -> list[Problem]:
    """Every problem in a whole data file."""
    problems: list[Problem] = []
    for kind in Kind:
        for record in data.table(kind).values():
            problems.extend(check_record(record))
    # References: officers and follow-ups point only at cities, so one set
    # difference finds the few (if any) that need a message; events are few.
    cities = data.cities.keys()
    suspects: list[Record] = [o for o in data.officers.values() if o.city_id is not None and o.city_id not in cities]
    suspects += [f for f in data.followups.values() if f.city_id not in cities]
    suspects += list(data.events.values())
    suspects += [v for v in data.visits.values() if v.precedence_ids]
    suspects += list(data.gifts.values())  # few, and each points at three kinds
    officers, events = data.officers.keys(), data.events.keys()
    suspects += [c for c in data.checkins.values() if c.officer_id not in officers or c.event_id not in events]
    for record in suspects:
        problems.extend(check_references(record, data))
    return problems


def duplicate_emails(data: Dataset) -> list[Problem]:
    """One problem per email that several officers share (compared as imports compare them).

    Imports match officers by email, so two officers with one email make the
    next import ambiguous. This is not part of ``check_dataset``: a file
    holding them must still open, so that someone can fix it.
    """
    by_email: dict[str, list[Officer]] = {}
    for officer in data.officers.values():
        if officer.email.strip():
            by_email.setdefault(values.fold(officer.email.strip()), []).append(officer)
    problems: list[Problem] = []
    for officers in by_email.values():
        if len(officers) > 1:
            first, *others = sorted(officers, key=lambda o: o.id)
            also = ", ".join(f"{describe(o)} (#{o.id})" for o in others)
            problems.append(
                Problem(f"{describe(first)} (#{first.id})", "email", _("same email as {others}").format(others=also))
            )
    return problems


def _name_key(name: str) -> str:
    return values.fold(" ".join(name.split()))


def same_name_cities(data: Dataset, city: City) -> list[City]:
    """Other cities whose name is ``city``'s but for case, accents and spaces ('Busan', 'busan ')."""
    key = _name_key(city.name)
    return sorted((c for c in data.cities.values() if c.id != city.id and _name_key(c.name) == key), key=lambda c: c.id)


def duplicate_cities(data: Dataset) -> list[Problem]:
    """One problem per city name several cities share (compared as ``same_name_cities`` does).

    Like duplicate emails, not part of ``check_dataset``: the file must still
    open so that someone can merge them.
    """
    by_name: dict[str, list[City]] = {}
    for city in data.cities.values():
        by_name.setdefault(_name_key(city.name), []).append(city)
    problems: list[Problem] = []
    for cities in by_name.values():
        if len(cities) > 1:
            first, *others = sorted(cities, key=lambda c: c.id)
            also = ", ".join(f"{describe(c)} (#{c.id}{f', {c.country}' if c.country else ''})" for c in others)
            problems.append(
                Problem(f"{describe(first)} (#{first.id})", "name", _("same name as {others}").format(others=also))
            )
    return problems
