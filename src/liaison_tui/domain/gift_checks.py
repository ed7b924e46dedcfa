"""The rules of the gift register and of an event's interpreters (``validation`` calls them).

``fail(field, message)`` records one problem of the record being checked.
"""

from __future__ import annotations

from collections.abc import Callable

from liaison_tui.domain import languages
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import Event, Gift
from liaison_tui.i18n import _


def check_interpreters(event: Event, fail: Callable[[str, str], None]) -> None:
    for assignment in event.interpreters:
        first, second = assignment.languages
        pair = f"{first}-{second}"
        unknown = [code for code in (first, second) if not languages.is_known(code)]
        if unknown:
            fail(
                "interpreters",
                _("interpreters {pair}: unknown language {language!r}").format(pair=pair, language=unknown[0]),
            )
        elif languages.language_code(first) == languages.language_code(second):
            fail("interpreters", _("interpreters {pair}: the two languages are the same").format(pair=pair))
        if assignment.interpreter_id is None and not assignment.interpreter.strip():
            fail("interpreters", _("interpreters {pair}: name the interpreter").format(pair=pair))


def check_gift(gift: Gift, fail: Callable[[str, str], None]) -> None:
    if not gift.description.strip():
        fail("description", _("description must not be empty"))
    if gift.amount is not None and gift.amount < 0:
        fail("amount", _("value must not be negative"))
    if gift.amount is not None and not gift.currency:
        fail("currency", _("give the currency of the value, e.g. CNY"))
    if gift.currency and not (len(gift.currency) == 3 and gift.currency.isascii() and gift.currency.isupper()):
        fail(
            "currency", _("currency {currency!r} is not a three-letter code such as CNY").format(currency=gift.currency)
        )


def check_gift_references(gift: Gift, data: Dataset, fail: Callable[[str, str], None]) -> None:
    if gift.city_id not in data.cities:
        fail("city_id", _("unknown city #{id}").format(id=gift.city_id))
    if gift.officer_id is not None:
        officer = data.officers.get(gift.officer_id)
        if officer is None:
            fail("officer_id", _("unknown officer #{id}").format(id=gift.officer_id))
        elif officer.city_id is not None and officer.city_id != gift.city_id:
            fail(
                "officer_id",
                _("{name} is not of the gift's city nor host staff").format(name=officer.name),
            )
    if gift.event_id is not None and gift.event_id not in data.events:
        fail("event_id", _("unknown event #{id}").format(id=gift.event_id))
