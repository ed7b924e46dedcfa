"""What the gift form asks: one ``Field`` per input, as for every other kind."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from liaison_tui.domain import values
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import GiftDirection, Officer
from liaison_tui.domain.values import fold
from liaison_tui.i18n import _
from liaison_tui.reports.gifts import direction_word
from liaison_tui.ui.dialogs.field import Field


def _amount(text: str) -> Decimal | None:
    cleaned = text.strip().replace(",", "")
    if not cleaned:
        return None
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(
            _("value {text!r}: type a number such as 1200.50 (the currency has a field of its own)").format(text=text)
        ) from None
    if not amount.is_finite():
        raise ValueError(_("value {text!r}: type a number such as 1200.50").format(text=text))
    return amount


def _officer_parser(data: Dataset) -> Any:
    def parse(text: str) -> int | None:
        wanted = fold(text.strip())
        if not wanted:
            return None
        if wanted.startswith("#") and wanted[1:].isdigit() and int(wanted[1:]) in data.officers:
            return int(wanted[1:])
        found = [o.id for o in data.officers.values() if fold(o.name) == wanted]
        if not found:
            raise ValueError(_("unknown officer {name!r}").format(name=text.strip()))
        if len(found) > 1:
            raise ValueError(_("{n} officers are called {name!r}: write #id instead").format(n=len(found), name=text))
        return found[0]

    return parse


def _officer_shown(data: Dataset) -> Any:
    def show(officer_id: int | None) -> str:
        officer: Officer | None = data.officers.get(officer_id) if officer_id is not None else None
        return officer.name if officer else ""

    return show


def gift_fields(data: Dataset) -> list[Field]:
    def cities() -> list[tuple[str, Any]]:
        listed = sorted(data.cities.values(), key=lambda c: c.name.casefold())
        return [(f"{c.name} ({c.country})" if c.country else c.name, c.id) for c in listed]

    def events() -> list[tuple[str, Any]]:
        listed = sorted(data.events.values(), key=lambda e: (e.day, e.start, e.id))
        return [(_("(none)"), None), *((f"{e.day.isoformat()} {e.title}", e.id) for e in listed)]

    return [
        Field("direction", _("Direction"), choices=lambda: [(direction_word(d), d) for d in GiftDirection]),
        Field("city_id", _("City"), choices=cities),
        Field("description", _("Description")),
        Field(
            "officer_id",
            _("Officer"),
            _officer_shown(data),
            _officer_parser(data),
            placeholder=_("who gave or received it: the city's officer or host staff"),
        ),
        Field(
            "day",
            _("Date"),
            lambda v: "" if v is None else v.isoformat(),
            lambda text: values.parse_date(text) if text.strip() else None,
            placeholder=_("YYYY-MM-DD"),
        ),
        Field("event_id", _("Event"), choices=events),
        Field("amount", _("Value"), lambda v: "" if v is None else str(v), _amount, placeholder=_("e.g. 1200.50")),
        Field("currency", _("Currency"), str, lambda text: text.strip().upper(), placeholder=_("e.g. CNY")),
        Field("custody", _("Where now"), placeholder=_("e.g. protocol office display case")),
        Field("declared", _("Declared"), choices=lambda: [(_("not yet"), False), (_("yes"), True)]),
        Field("notes", _("Notes")),
    ]
