"""The ``precedence`` summary: the visit's officers in order of precedence, and why each stands where it does."""

from __future__ import annotations

from rich.console import RenderableType

from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import Officer, PrecedenceRule, Role, Visit
from liaison_tui.domain.names import addressed
from liaison_tui.domain.precedence import ordered, rule_of
from liaison_tui.i18n import _, ngettext
from liaison_tui.i18n.formats import number
from liaison_tui.reports.tables import cap, cells, table
from liaison_tui.reports.words import shown


def _default_reason(officer: Officer) -> str:
    if officer.city_id is None or officer.role is Role.HOST:
        return _("host staff, last")
    if officer.role is Role.LEADER:
        return _("delegation leader")
    return _("city A-Z, then name")


def reason(officer: Officer, rule: PrecedenceRule, places: dict[int, int]) -> str:
    """Why ``officer`` stands where the rule puts them (``places``: positions on the fixed list)."""
    if rule is PrecedenceRule.RANK and officer.rank is not None:
        return _("rank {rank}").format(rank=officer.rank)
    if rule is PrecedenceRule.FIXED_LIST and officer.id in places:
        return _("place {n} on the fixed list").format(n=places[officer.id] + 1)
    if rule is PrecedenceRule.RANK:
        return _("unranked: {why}").format(why=_default_reason(officer))
    if rule is PrecedenceRule.FIXED_LIST:
        return _("not on the list: {why}").format(why=_default_reason(officer))
    return _default_reason(officer)


def precedence(data: Dataset, visit: Visit | None, limit: int | None = None) -> list[RenderableType]:
    rule = rule_of(visit)
    officers = ordered(data, data.officers.values(), visit=visit)
    places = {i: p for p, i in enumerate(visit.precedence_ids)} if visit is not None else {}
    drawn = table(
        _("Order of precedence: {rule}").format(rule=shown(rule)),
        _("#"),
        _("Name"),
        _("City"),
        _("Role"),
        _("Rank"),
        _("Why"),
        caption=ngettext("{n} officer", "{n} officers", len(officers)).format(n=number(len(officers))),
    )
    for short in (0, 3, 4):  # position, role, rank: never folded, and cheaper to draw at 10,000 rows
        drawn.columns[short].no_wrap = True
    cities = {city.id: city.name for city in data.cities.values()}
    shown_officers = officers if limit is None else officers[:limit]  # rows are built only for those shown
    rows = [
        cells(
            str(position),
            addressed(officer),
            cities.get(officer.city_id, "") if officer.city_id is not None else _("host staff"),
            shown(officer.role),
            "" if officer.rank is None else str(officer.rank),
            reason(officer, rule, places),
        )
        for position, officer in enumerate(shown_officers, start=1)
    ]
    return [cap(drawn, rows, limit, total=len(officers))]
