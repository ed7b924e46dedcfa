"""The Now board: where the group is, where it goes next, who is missing, what time it is at home.

Answers the questions asked on the move, in the visit's local time. The
group's move is an event for the whole delegation or most of it; a staff-only
item (two officers and a driver at the airport) is not where the group goes.
Kept free of Textual so the app, ``liaison-tui now`` and the tests share it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from liaison_tui.domain import schedule
from liaison_tui.domain.attendance import Roll, latest_checkins, roll
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import City, Event, EventKind, Officer, Visit

ROLL_AHEAD = timedelta(hours=2)  # a roll for a stop this close ahead is the one being called
NIGHT_FROM, NIGHT_UNTIL = 22, 7  # hours: from 22:00 until 06:59 it is night at home


def _group_size(data: Dataset, visit: Visit) -> int:
    """The delegation's size: as registered, or as expected when fewer are registered yet."""
    return max(len(schedule.delegation_ids(data)), visit.expected_officers)


def is_group_event(data: Dataset, visit: Visit, event: Event) -> bool:
    """For the whole delegation, or named members making up at least half of it."""
    if event.whole_delegation:
        return True
    size = _group_size(data, visit)
    members = schedule.delegation_ids(data)
    return size > 0 and 2 * len(set(event.participant_ids) & members) >= size


def group_events(data: Dataset, visit: Visit) -> list[Event]:
    """The visit's events the delegation goes to as a group, in time order."""
    return [e for e in schedule.visit_events(data, visit) if is_group_event(data, visit, e)]


def next_move(data: Dataset, visit: Visit, at: datetime) -> Event | None:
    """The group event under way at ``at`` (visit-local), else the next one to start."""
    current, upcoming = schedule.now_and_next(group_events(data, visit), at)
    return current or upcoming


def conference_under_way(data: Dataset, visit: Visit, at: datetime) -> Event | None:
    """The conference session under way at ``at`` (visit-local): the only one whose speaker may move on."""
    return next(
        (
            e
            for e in schedule.visit_events(data, visit)
            if e.kind is EventKind.CONFERENCE and e.starts_at <= at < e.ends_at
        ),
        None,
    )


@dataclass(frozen=True)
class HomeTime:
    city: City
    local: datetime  # aware, in the city's zone
    night: bool


def _home_time(city: City, at_utc: datetime) -> HomeTime:
    local = _aware(at_utc).astimezone(ZoneInfo(city.timezone))
    return HomeTime(city, local, local.hour >= NIGHT_FROM or local.hour < NIGHT_UNTIL)


def _aware(moment: datetime) -> datetime:
    """A naive moment is taken as UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def home_time(data: Dataset, officer: Officer, at_utc: datetime) -> HomeTime | None:
    """The time at the officer's home city, when its time zone is known (not for host staff)."""
    city = schedule.city_of(data, officer)
    return _home_time(city, at_utc) if city is not None and city.timezone else None


def home_times(data: Dataset, at_utc: datetime) -> list[HomeTime]:
    """The time in each delegation city with a known zone, west to east."""
    members = schedule.delegation_ids(data)
    with_members = {o.city_id for i in members if (o := data.officers.get(i)) is not None}
    found = [_home_time(c, at_utc) for c in data.cities.values() if c.id in with_members and c.timezone]
    return sorted(found, key=lambda h: (h.local.utcoffset() or timedelta(0), h.city.name.casefold()))


@dataclass(frozen=True)
class NowBoard:
    at: datetime  # the visit-local moment the board is for
    current: Event | None  # the group event under way
    next: Event | None  # the group's next event
    leaves_in: timedelta | None  # until ``next`` starts
    last_roll: Roll | None  # being called for the next stop, or the latest called
    speaker: Officer | None  # on the floor of the conference under way
    following_speaker: Officer | None
    home: list[HomeTime]


def last_roll(data: Dataset, visit: Visit, at: datetime) -> Roll | None:
    """The roll being called or last called at ``at`` (visit-local).

    That is the latest event at which anyone was called among those started by
    ``at`` and those starting within ``ROLL_AHEAD`` (the roll for the next stop
    is called at the bus door before it leaves). Only the group's events count,
    as for the next move: two officers met at the airport are not the group's roll.
    """
    called = latest_checkins(data)
    horizon = at + ROLL_AHEAD
    called_at = [e for e in group_events(data, visit) if e.starts_at <= horizon and called.get(e.id)]
    return roll(data, called_at[-1]) if called_at else None


def now_board(data: Dataset, visit: Visit, at_utc: datetime) -> NowBoard:
    """Everything the Now board shows at the real moment ``at_utc``."""
    at = schedule.local_now(visit, _aware(at_utc))
    current, upcoming = schedule.now_and_next(group_events(data, visit), at)
    conference = current if current and current.kind is EventKind.CONFERENCE else None
    conference = conference or conference_under_way(data, visit, at)
    speaker, following = schedule.speaking_now_and_next(data, conference) if conference else (None, None)
    return NowBoard(
        at=at,
        current=current,
        next=upcoming,
        leaves_in=upcoming.starts_at - at if upcoming else None,
        last_roll=last_roll(data, visit, at),
        speaker=speaker,
        following_speaker=following,
        home=home_times(data, at_utc),
    )
