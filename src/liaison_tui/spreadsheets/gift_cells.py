"""A gift as spreadsheet cells and back (the register protocol offices declare)."""

from __future__ import annotations

from liaison_tui.domain import values
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.gifts import gift_event_id, gift_officer, parse_direction, parse_value
from liaison_tui.domain.model import Gift
from liaison_tui.domain.names import find_city
from liaison_tui.i18n import _
from liaison_tui.spreadsheets.columns import SheetRow


def gift_cells(data: Dataset, gift: Gift) -> SheetRow:
    city = data.cities.get(gift.city_id)
    officer = data.officers.get(gift.officer_id) if gift.officer_id is not None else None
    event = data.events.get(gift.event_id) if gift.event_id is not None else None
    return {
        "direction": gift.direction.value,
        "city": city.name if city else "",
        "officer": officer.name if officer else "",
        "officer_email": officer.email if officer else "",
        "description": gift.description,
        "day": gift.day.isoformat() if gift.day else "",
        "event": event.title if event else "",
        "amount": "" if gift.amount is None else str(gift.amount),
        "currency": gift.currency,
        "custody": gift.custody,
        "declared": "yes" if gift.declared else "no",
        "notes": gift.notes,
    }


def _declared(text: str) -> bool:
    answer = text.strip().lower()
    if answer in ("", "no", "n", "false", "0"):
        return False
    if answer in ("yes", "y", "true", "1", "x"):
        return True
    raise ValueError(_("declared {text!r}: use yes or no").format(text=text))


def gift_from_row(data: Dataset, row: SheetRow) -> Gift:
    city = find_city(data, row.get("city", ""))
    day_text = row.get("day", "").strip()
    day = values.parse_date(day_text) if day_text else None
    amount, currency = parse_value(row.get("amount", ""), row.get("currency", ""))
    officer = gift_officer(data, city.id, row.get("officer", ""), row.get("officer_email", ""))
    return Gift(
        direction=parse_direction(row.get("direction", "")),
        description=row.get("description", "").strip(),
        city_id=city.id,
        officer_id=officer.id if officer else None,
        day=day,
        event_id=gift_event_id(data, row.get("event", ""), day),
        amount=amount,
        currency=currency,
        custody=row.get("custody", "").strip(),
        declared=_declared(row.get("declared", "")),
        notes=row.get("notes", "").strip(),
    )
