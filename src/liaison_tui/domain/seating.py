"""Seating plans: proposing one by precedence, and the small edits made to it by hand.

A plan is the event's ``seating``: tables (or rows of chairs), each a tuple of
seats holding an officer id or None. At a round table seat 1 is its head (at
the head table, the host's), seat 2 the host's right, the last seat the host's
left; the guests follow by precedence alternating right and left. Rows fill
front row first, centre outwards. Everything here is a pure function of its
arguments, so the CLI, the app and the tests share it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from liaison_tui.domain import precedence, schedule
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import Event, EventKind, Officer, Role, SeatingTable, TableShape
from liaison_tui.i18n import _, ngettext

DEFAULT_SEATS = {TableShape.ROUND: 10, TableShape.ROW: 12}
MOST_SEATS = 60  # a longer row or table is a typing mistake

Plan = tuple[SeatingTable, ...]
Place = tuple[int, int]  # (table index, seat index), both from 0


class SeatingTooSmall(ValueError):
    """The tables asked for have fewer seats than there are people to seat."""


def shape_for(event: Event) -> TableShape:
    """Rows for a conference, round tables for a meal (and anything else)."""
    return TableShape.ROW if event.kind is EventKind.CONFERENCE else TableShape.ROUND


def table_name(shape: TableShape, number: int) -> str:
    return (_("Row {number}") if shape is TableShape.ROW else _("Table {number}")).format(number=number)


def fill_order(shape: TableShape, size: int) -> list[int]:
    """Seat indexes in the order guests of falling precedence take them."""
    if size <= 0:
        return []
    if shape is TableShape.ROUND:
        order = [0]  # the head, then right (seat 2) and left (the last seat) in turn
        right, left = 1, size - 1
        while right <= left:
            order.append(right)
            if left != right:
                order.append(left)
            right, left = right + 1, left - 1
        return order
    centre = (size - 1) // 2
    order = [centre]
    for offset in range(1, size):
        for seat in (centre + offset, centre - offset):
            if 0 <= seat < size:
                order.append(seat)
    return order


def is_host(officer: Officer) -> bool:
    return officer.city_id is None or officer.role is Role.HOST


def seating_order(data: Dataset, event: Event) -> list[Officer]:
    """The event's participants as they are to be seated: the host, then everyone by precedence.

    The host is the first host-staff participant by precedence (none when no
    host staff take part); the delegation follows, then the other host staff.
    """
    people = precedence.ordered(data, [data.officers[i] for i in schedule.participant_ids(data, event)])
    host = next((o for o in people if is_host(o)), None)
    if host is None:
        return people
    return [host, *(o for o in people if o.id != host.id)]


def arrange(ids: Sequence[int], shape: TableShape, tables: int | None = None, seats: int | None = None) -> Plan:
    """``ids`` (in seating order) placed at ``tables`` tables of ``seats`` seats.

    Without ``tables``, as many as the people need. Raises SeatingTooSmall
    when the seats asked for are too few.
    """
    size = seats if seats is not None else DEFAULT_SEATS[shape]
    if not 1 <= size <= MOST_SEATS:
        raise SeatingTooSmall(_("seats per table must be from 1 to {most}").format(most=MOST_SEATS))
    count = tables if tables is not None else max(1, -(-len(ids) // size))
    if count < 1:
        raise SeatingTooSmall(_("there must be at least one table"))
    if count * size < len(ids):
        raise SeatingTooSmall(
            ngettext(
                "{people} people and only {seats} seat ({tables} × {size}): add tables or seats",
                "{people} people and only {seats} seats ({tables} × {size}): add tables or seats",
                count * size,
            ).format(people=len(ids), seats=count * size, tables=count, size=size)
        )
    order = fill_order(shape, size)
    plan: list[SeatingTable] = []
    for number in range(count):
        chunk = ids[number * size : (number + 1) * size]
        seated: list[int | None] = [None] * size
        for seat, officer_id in zip(order, chunk, strict=False):
            seated[seat] = officer_id
        plan.append(SeatingTable(name=table_name(shape, number + 1), shape=shape, seats=tuple(seated)))
    return tuple(plan)


def propose(data: Dataset, event: Event, tables: int | None = None, seats: int | None = None) -> Plan:
    """A plan for ``event`` by precedence (see ``arrange``)."""
    return arrange([o.id for o in seating_order(data, event)], shape_for(event), tables, seats)


def seated_at(plan: Plan) -> dict[int, Place]:
    """Where each seated officer sits."""
    return {i: (t, s) for t, table in enumerate(plan) for s, i in enumerate(table.seats) if i is not None}


def unseated(data: Dataset, event: Event, plan: Plan) -> list[Officer]:
    """Participants without a seat, by precedence."""
    seated = seated_at(plan)
    return [o for o in seating_order(data, event) if o.id not in seated]


def _with_seat(plan: Plan, place: Place, officer_id: int | None) -> Plan:
    table_index, seat_index = place
    table = plan[table_index]
    seats = list(table.seats)
    seats[seat_index] = officer_id
    return (*plan[:table_index], dataclasses.replace(table, seats=tuple(seats)), *plan[table_index + 1 :])


def place(plan: Plan, at: Place, officer_id: int) -> Plan:
    """``officer_id`` seated at ``at``; from a seat they had, and whoever sat at ``at`` goes there (a swap)."""
    before = seated_at(plan).get(officer_id)
    there = plan[at[0]].seats[at[1]]
    if before is not None:
        plan = _with_seat(plan, before, there)
    return _with_seat(plan, at, officer_id)


def swap(plan: Plan, first: Place, second: Place) -> Plan:
    a, b = plan[first[0]].seats[first[1]], plan[second[0]].seats[second[1]]
    return _with_seat(_with_seat(plan, first, b), second, a)


def empty(plan: Plan, at: Place) -> Plan:
    return _with_seat(plan, at, None)


def add_table(plan: Plan, shape: TableShape) -> Plan:
    """One more table like the last (or of the default size)."""
    size = len(plan[-1].seats) if plan else DEFAULT_SEATS[shape]
    shape = plan[-1].shape if plan else shape
    return (*plan, SeatingTable(name=table_name(shape, len(plan) + 1), shape=shape, seats=(None,) * size))


def remove_table(plan: Plan, index: int) -> Plan:
    """The plan without table ``index``; its people are then unseated."""
    return (*plan[:index], *plan[index + 1 :])
