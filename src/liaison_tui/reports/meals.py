"""Meals by name, for staff: who eats at each meal and who needs what.

The logistics summary counts needs without names, fit for any screen. This
one names people, with their needs, for the staff who seat them and brief the
kitchen; the caterer gets the kitchen list as CSV (``spreadsheets.handouts``),
with names and needs only, no contact details.
"""

from __future__ import annotations

from datetime import date

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from liaison_tui.domain import needs, schedule, values
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import Event, Visit
from liaison_tui.i18n import _, ngettext
from liaison_tui.i18n.formats import day as day_label
from liaison_tui.reports.tables import cap, cells, few, table


def meal_heading(meal: Event) -> str:
    """``Lunch · Tue 01 Dec 12:00-13:00 · Canteen``."""
    when = f"{day_label(meal.day)} {values.format_span(meal.start, meal.end)}"
    return " · ".join(part for part in (meal.title, when, meal.venue) if part)


def need_counts(meal: needs.MealNeeds) -> str:
    """``halal 3, vegetarian 2; wheelchair 1``: dietary, then accessibility."""
    parts = [", ".join(f"{g.need} {len(g.officers)}" for g in groups) for groups in (meal.dietary, meal.accessibility)]
    return "; ".join(part for part in parts if part) or _("no needs recorded")


def _attending(data: Dataset, meal: needs.MealNeeds, heading: str, limit: int | None) -> Table:
    """Everyone at the meal, a row per city, each name with its needs: ``Henri Kahonen (halal)``.

    A row per city, not per person: a large delegation stays readable, and
    Rich, which spends its time per cell, draws it quickly.
    """
    by_city: dict[str, list[str]] = {}
    for officer in meal.attendees:
        city = schedule.city_of(data, officer)
        officer_needs = needs.needs_in(officer.dietary) + needs.needs_in(officer.accessibility)
        entry = f"{officer.name} ({', '.join(officer_needs)})" if officer_needs else officer.name
        by_city.setdefault(city.name if city else _("Host staff"), []).append(entry)
    drawn = table(_("Who attends: {meal}").format(meal=heading), _("City"), _("People"), _("Names (needs)"))
    rows = [
        cells(city, str(len(names)), ", ".join(names) if limit is None else few(names, limit))
        for city, names in by_city.items()
    ]
    return cap(drawn, rows, limit)


def meals(
    data: Dataset, visit: Visit | None, limit: int | None = None, *, day: date | None = None, since: date | None = None
) -> list[RenderableType]:
    """Per meal: the kitchen list (each need, its count and who), then everyone attending, by city.

    ``day`` keeps that day's meals only ("who is halal at tonight's dinner?"); ``since``
    keeps that day's and later ones (the app, during the visit).
    """
    if visit is None:
        return [Text(_("No visit yet."))]
    found = needs.meal_needs(data, visit)
    if not found:
        return [Text(_("No meals in the itinerary yet (events of kind 'meal')."))]
    if day is not None or since is not None:
        found = [m for m in found if (day is None or m.meal.day == day) and (since is None or m.meal.day >= since)]
        if not found:
            if day is not None:
                return [Text(_("No meals on {day}.").format(day=day_label(day)))]
            assert since is not None
            return [Text(_("No meals from {day} on.").format(day=day_label(since)))]
    parts: list[RenderableType] = []
    for meal in found:
        heading = meal_heading(meal.meal)
        count = len(meal.attendees)
        caption = ngettext("{n} person: {needs}", "{n} people: {needs}", count).format(n=count, needs=need_counts(meal))
        kitchen = table(
            _("Kitchen list: {meal}").format(meal=heading), _("Need"), _("Kind"), _("Count"), _("Who"), caption=caption
        )
        for kind, groups in ((_("dietary"), meal.dietary), (_("accessibility"), meal.accessibility)):
            for group in groups:
                names = [o.name for o in group.officers]
                shown = ", ".join(names) if limit is None else few(names, limit)
                kitchen.add_row(*cells(group.need, kind, str(len(names)), shown))
        parts += [kitchen, _attending(data, meal, heading, limit)]
    return parts
