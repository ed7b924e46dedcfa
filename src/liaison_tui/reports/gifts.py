"""The gift register as people read it: per city given and received, totals per currency.

``summary gifts`` and the app's summaries screen show it; the detail panel
shows one gift. Values are added up per currency only: no exchange rates.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from rich.console import RenderableType
from rich.text import Text

from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.gifts import value_text
from liaison_tui.domain.model import Gift, GiftDirection, Visit
from liaison_tui.i18n import N_, _
from liaison_tui.i18n.formats import number
from liaison_tui.reports.display import literal
from liaison_tui.reports.tables import cap, cells, table

DIRECTION_WORDS = {GiftDirection.GIVEN: N_("given"), GiftDirection.RECEIVED: N_("received")}


def direction_word(direction: GiftDirection) -> str:
    return _(DIRECTION_WORDS[direction])


def totals(gifts: list[Gift]) -> str:
    """``1200 CNY + 300 EUR``, per currency; "" when no gift has a value."""
    by_currency: dict[str, Decimal] = {}
    for gift in gifts:
        if gift.amount is not None:
            by_currency[gift.currency] = by_currency.get(gift.currency, Decimal(0)) + gift.amount
    return " + ".join(f"{amount} {currency}".strip() for currency, amount in sorted(by_currency.items()))


def _names(data: Dataset, gift: Gift) -> tuple[str, str, str]:
    city = data.cities.get(gift.city_id)
    officer = data.officers.get(gift.officer_id) if gift.officer_id is not None else None
    event = data.events.get(gift.event_id) if gift.event_id is not None else None
    return city.name if city else "", officer.name if officer else "", event.title if event else ""


def gifts(data: Dataset, visit: Visit | None, limit: int | None = None) -> list[RenderableType]:
    register = sorted(
        data.gifts.values(),
        key=lambda g: (_names(data, g)[0].casefold(), g.direction.value, g.day is None, g.day, g.id),
    )
    undeclared = [g for g in register if not g.declared]
    caption = _("{n} gifts; given {given}; received {received}; {undeclared} not yet declared").format(
        n=number(len(register)),
        given=totals([g for g in register if g.direction is GiftDirection.GIVEN]) or "—",
        received=totals([g for g in register if g.direction is GiftDirection.RECEIVED]) or "—",
        undeclared=number(len(undeclared)),
    )
    per_city = table(
        _("Gifts per city"),
        _("City"),
        _("Given"),
        _("Value given"),
        _("Received"),
        _("Value received"),
        _("Not declared"),
        caption=caption,
    )
    by_city: dict[int, list[Gift]] = {}
    for gift in register:
        by_city.setdefault(gift.city_id, []).append(gift)
    rows = []
    for city_gifts in by_city.values():
        given = [g for g in city_gifts if g.direction is GiftDirection.GIVEN]
        received = [g for g in city_gifts if g.direction is GiftDirection.RECEIVED]
        counts = Counter(g.declared for g in city_gifts)
        rows.append(
            cells(
                _names(data, city_gifts[0])[0],
                number(len(given)),
                totals(given),
                number(len(received)),
                totals(received),
                number(counts[False]),
            )
        )
    cap(per_city, rows, limit)
    listing = table(
        _("Gift register"),
        _("City"),
        _("Direction"),
        _("Description"),
        _("Officer"),
        _("Date"),
        _("Event"),
        _("Value"),
        _("Where now"),
        _("Declared"),
    )
    listed = [
        cells(
            city,
            direction_word(g.direction),
            g.description,
            officer,
            g.day.isoformat() if g.day else "",
            event,
            value_text(g),
            g.custody,
            _("yes") if g.declared else _("not yet"),
        )
        for g in register
        for city, officer, event in [_names(data, g)]
    ]
    return [per_city, cap(listing, listed, limit)]


def gift_detail(data: Dataset, gift: Gift) -> Text:
    city, officer, event = _names(data, gift)
    text = Text()
    text.append(literal(gift.description, "bold underline"))
    text.append("\n")
    for label, value in (
        (_("Direction"), direction_word(gift.direction)),
        (_("City"), city),
        (_("Officer"), officer),
        (_("Date"), gift.day.isoformat() if gift.day else ""),
        (_("Event"), event),
        (_("Value"), value_text(gift)),
        (_("Where now"), gift.custody),
        (_("Declared"), _("yes") if gift.declared else _("not yet")),
        (_("Notes"), gift.notes),
    ):
        if value:
            text.append(_("{label}: ").format(label=label), style="bold")
            text.append(literal(value, multiline=True))
            text.append("\n")
    return text
