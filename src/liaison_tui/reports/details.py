"""The whole record of a city, officer, event or follow-up, as Rich text.

Used by the app's detail panel and detail screen; every piece of user text
goes through ``literal`` so it shows exactly as typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from rich.cells import cell_len
from rich.text import Text

from liaison_tui.domain import participant_groups, schedule, values
from liaison_tui.domain.badges import badge_code
from liaison_tui.domain.conflicts import Conflict
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import City, Event, FollowUp, Officer, Travel, Visit
from liaison_tui.domain.names import addressed
from liaison_tui.domain.now import home_time
from liaison_tui.i18n import _, ngettext
from liaison_tui.i18n.formats import DAY_YEAR, day, day_time, number, when
from liaison_tui.reports.display import literal
from liaison_tui.reports.words import shown

LABEL = "bold"
MUTED = "dim"


def _line(text: Text, label: str, value: str | Text) -> None:
    if not value:
        return
    text.append(_("{label}: ").format(label=label), style=LABEL)
    text.append(value if isinstance(value, Text) else literal(value, multiline=True))
    text.append("\n")


def _heading(text: Text, title: str, subtitle: str = "") -> None:
    text.append(literal(title, "bold underline"))
    if subtitle:
        text.append("  ")
        text.append(literal(subtitle, MUTED))
    text.append("\n")


def _travel(leg: Travel | None) -> str:
    if leg is None:
        return ""
    return values.format_datetime(leg.at) + (f" ({leg.flight})" if leg.flight else "")


def _event_line(event: Event) -> Text:
    return literal(f"{day(event.day)} {values.format_span(event.start, event.end)}  {event.title}")


def _home_time(data: Dataset, officer: Officer, now: datetime | None) -> Text:
    """``Wed 02 Dec 03:05 (Europe/Helsinki), night there``; empty without a moment or a home zone."""
    home = home_time(data, officer, now) if now is not None else None
    if home is None:
        return Text()
    text = literal(f"{day_time(home.local)} ({home.city.timezone})")
    if home.night:
        text.append(_(", night there"), style="bold")
    return text


def officer_detail(data: Dataset, visit: Visit | None, officer: Officer, *, now: datetime | None = None) -> Text:
    """The officer's record; with ``now`` (aware), also the time at their home."""
    text = Text()
    city = schedule.city_of(data, officer)
    _heading(text, officer.name, officer.native_name)
    _line(text, _("Honorific"), officer.honorific)
    _line(text, _("City"), f"{city.name}, {city.country}" if city else _("host staff"))
    _line(text, _("Home time"), _home_time(data, officer, now))
    _line(text, _("Role"), shown(officer.role))
    _line(text, _("Title"), officer.title)
    _line(text, _("Organisation"), officer.organisation)
    _line(text, _("Email"), officer.email)
    _line(text, _("Phone"), officer.phone)
    _line(text, _("Languages"), values.format_list(officer.languages))
    _line(text, _("Dietary"), officer.dietary)
    _line(text, _("Accessibility"), officer.accessibility)
    _line(text, _("Arrives"), _travel(officer.arrival))
    _line(text, _("Departs"), _travel(officer.departure))
    _line(text, _("Hotel"), _(" room ").join(part for part in (officer.hotel, officer.room) if part))
    _line(text, _("Badge code"), badge_code(officer.id))  # what the roll-call takes from a scanner
    if visit is not None:
        events = schedule.agenda(data, visit, officer)
        text.append(_("Agenda ({n} events)").format(n=len(events)) + "\n", style=LABEL)
        for event in events:
            text.append("  ")
            text.append(_event_line(event))
            if officer.id in event.speaker_ids:
                position = event.speaker_ids.index(officer.id) + 1
                text.append("  " + _("speaker {n}").format(n=position), style="italic")
            text.append("\n")
    _line(text, _("Notes"), officer.notes)
    return text


def event_detail(
    data: Dataset,
    event: Event,
    conflicts: Sequence[Conflict] = (),
    *,
    names_per_city: int | None = None,
    cities: int | None = None,
) -> Text:
    """Time and place first, then who speaks, who takes part, and notes last.

    ``names_per_city`` shortens each city's list of participants and ``cities`` the list of
    cities: wrapping 50,000 names took the panel seconds on every move of the cursor, and the
    lines of 83 cities a panel cannot show still cost a wrap on every Tab.
    """
    text = Text()
    _heading(text, event.title, shown(event.kind))
    span = values.format_span(event.start, event.end, "–")
    _line(text, _("When"), f"{when(event.day, DAY_YEAR)}, {span}")
    _line(text, _("Venue"), event.venue)
    _line(text, _("Host contact"), event.host_contact)
    for conflict in conflicts:
        if event.id in conflict.event_ids:
            text.append("⚠ ", style="bold")
            text.append(literal(conflict.message))
            text.append("\n")
    speakers = schedule.speakers(data, event)
    if speakers:
        now, following = schedule.speaking_now_and_next(data, event)
        text.append(_("Speaking order") + "\n", style=LABEL)
        now_mark, next_mark = _("▶ now "), _("› next")
        for position, officer in enumerate(speakers, start=1):
            marker = now_mark if officer == now else next_mark if officer == following else " " * cell_len(now_mark)
            city = schedule.city_of(data, officer)
            text.append(f"  {marker} {position:>2}. ", style="bold" if officer in (now, following) else "")
            text.append(literal(addressed(officer) + (f" ({city.name})" if city else _(" (host)"))))
            text.append("\n")
    _vehicles(data, event, text)
    groups = participant_groups.by_city(data, event)
    count = sum(len(names) for _city, names in groups)
    text.append(_("Participants ({n})").format(n=count) + "\n", style=LABEL)
    shown_groups = groups if cities is None else groups[:cities]
    for city_name, names in shown_groups:
        text.append("  ")
        text.append(literal(city_name if city_name is not None else _("Host staff"), "italic"))
        text.append(": ")
        listed = names if names_per_city is None else names[:names_per_city]
        text.append(literal(", ".join(listed)))
        if len(listed) < len(names):
            more = len(names) - len(listed)
            text.append(" " + ngettext("… and {n} more", "… and {n} more", more).format(n=number(more)), style=MUTED)
        text.append("\n")
    if len(shown_groups) < len(groups):
        more = len(groups) - len(shown_groups)
        left = ngettext("… and {n} more city (Enter shows all)", "… and {n} more cities (Enter shows all)", more)
        text.append("  " + left.format(n=number(more)) + "\n", style=MUTED)
    _line(text, _("Notes"), event.notes)
    return text


def _vehicles(data: Dataset, event: Event, text: Text) -> None:
    """Who rides in which car or bus, with the driver to call."""
    if not event.vehicles:
        return
    text.append(_("Vehicles ({n})").format(n=len(event.vehicles)) + "\n", style=LABEL)
    for vehicle in event.vehicles:
        driver = " · ".join(part for part in (vehicle.driver, vehicle.phone) if part)
        riders = [data.officers[i].name for i in vehicle.rider_ids if i in data.officers]
        text.append("  ")
        text.append(literal(vehicle.name, "bold"))
        if driver:
            text.append(literal("  " + _("driver {driver}").format(driver=driver)))
        text.append(literal(f"  ({len(riders)}): {', '.join(riders)}" if riders else "  " + _("(no riders)"), MUTED))
        text.append("\n")


def city_detail(data: Dataset, city: City) -> Text:
    text = Text()
    _heading(text, city.name, city.native_name)
    _line(text, _("Country"), city.country)
    since = _(" since {year}").format(year=city.since) if city.since else ""
    _line(text, _("Relationship"), city.relationship + since)
    _line(text, _("Cooperation"), values.format_list(city.cooperation_areas))
    _line(text, _("Notes"), city.notes)
    officers = schedule.officers_of(data, city)
    text.append(_("Officers ({n})").format(n=len(officers)) + "\n", style=LABEL)
    for officer in officers:
        text.append("  ")
        text.append(literal(f"{officer.name} — {officer.title or shown(officer.role)}"))
        text.append("\n")
    followups = [f for f in data.followups.values() if f.city_id == city.id]
    text.append(_("Follow-ups ({n})").format(n=len(followups)) + "\n", style=LABEL)
    for followup in followups:
        text.append(f"  [{shown(followup.status)}] ")
        text.append(literal(followup.text))
        text.append("\n")
    return text


def followup_detail(data: Dataset, followup: FollowUp) -> Text:
    text = Text()
    city = data.cities.get(followup.city_id)
    _heading(text, _("Follow-up"), city.name if city else "")
    _line(text, _("What"), followup.text)
    _line(text, _("Area"), followup.area)
    _line(text, _("Status"), shown(followup.status))
    _line(text, _("Owner"), followup.owner)
    _line(text, _("Due"), followup.due.isoformat() if followup.due else "")
    return text
