"""The gift register: values as people type them, and who or what a gift names.

Forms, spreadsheets and summaries read a gift's value the same way here:
``1200``, ``1,200.50 CNY``, ``CNY 1200``. An officer is named within the
gift's city (or the host staff), an event by its title.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import Gift, GiftDirection, Officer
from liaison_tui.domain.values import fold
from liaison_tui.i18n import _

_VALUE = re.compile(r"^([A-Za-z]{3})?\s*(-?[0-9][0-9,]*(?:\.[0-9]+)?)\s*([A-Za-z]{3})?$")


def parse_value(text: str, currency: str = "") -> tuple[Decimal | None, str]:
    """The amount and currency ``text`` gives ("1,200.50 CNY"); ``currency`` when it names none."""
    cleaned = text.strip()
    if not cleaned:
        return None, currency.strip().upper()
    matched = _VALUE.match(cleaned)
    if matched is None or (matched.group(1) and matched.group(3)):
        raise ValueError(_("value {text!r}: use an amount and a currency code, e.g. 1200 CNY").format(text=text))
    try:
        amount = Decimal(matched.group(2).replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        raise ValueError(
            _("value {text!r}: use an amount and a currency code, e.g. 1200 CNY").format(text=text)
        ) from None
    code = (matched.group(1) or matched.group(3) or currency).strip().upper()
    return amount, code


def value_text(gift: Gift) -> str:
    """``1200.50 CNY``; "" when no value is recorded."""
    if gift.amount is None:
        return ""
    return f"{gift.amount} {gift.currency}".strip()


def parse_direction(text: str) -> GiftDirection:
    cleaned = fold(text.strip())
    if not cleaned:
        return GiftDirection.RECEIVED
    for direction in GiftDirection:
        if cleaned in (direction.value, fold(_(direction.value))):
            return direction
    raise ValueError(
        _("{text!r} is not one of: {allowed}").format(text=text, allowed=", ".join(d.value for d in GiftDirection))
    )


def gift_officer(data: Dataset, city_id: int, name: str, email: str = "") -> Officer | None:
    """The officer of the city (or of the host staff) called ``name``, or with ``email``; None for neither.

    The email tells apart officers of one city who share a name.
    """
    wanted, address = fold(name.strip()), fold(email.strip())
    if not wanted and not address:
        return None
    eligible = [o for o in data.officers.values() if o.city_id == city_id or o.city_id is None]
    if address:
        found = [o for o in eligible if o.email and fold(o.email.strip()) == address]
        if len(found) == 1:
            return found[0]
        if not wanted:
            raise ValueError(
                _("no officer with email {email!r} in the gift's city or the host staff").format(email=email)
            )
    found = [o for o in eligible if wanted in (fold(o.name), fold(o.native_name))]
    if not found:
        raise ValueError(_("no officer {name!r} in the gift's city or the host staff").format(name=name))
    if len(found) > 1:
        raise ValueError(
            _("{n} officers are called {name!r}: rename one to tell them apart").format(n=len(found), name=name)
        )
    return found[0]


def gift_event_id(data: Dataset, title: str, day: object = None) -> int | None:
    """The event called ``title`` (on ``day`` when several are); None for no title."""
    wanted = fold(title.strip())
    if not wanted:
        return None
    found = [e for e in data.events.values() if fold(e.title) == wanted]
    if len(found) > 1 and day is not None:
        found = [e for e in found if e.day == day]
    if not found:
        raise ValueError(_("unknown event {title!r}").format(title=title))
    if len(found) > 1:
        raise ValueError(_("{n} events are called {title!r}: give the date too").format(n=len(found), title=title))
    return found[0].id
