"""Place cards: folded tents with the name large on both halves.

Folded along the dashed line, the card stands on the table with one half
facing each side: the top half is printed upside down so that, once folded,
both halves read the right way up — to the guest and to those across.
"""

from __future__ import annotations

from liaison_tui.domain import schedule
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import Officer, Visit
from liaison_tui.domain.names import addressed
from liaison_tui.printing.card_text import escaped, fitted, name_size, native
from liaison_tui.printing.sheet import Sheet

DEFAULT_SIZE = (210.0, 99.0)
_PADDING = 8.0  # mm inside the card's side edges


def place_cards_css(sheet: Sheet) -> str:
    width, height = sheet.card
    half = height / 2
    return f"""
.tent-half {{ position: absolute; left: 0; width: {width}mm; height: {half:.2f}mm; box-sizing: border-box;
             padding: {min(5, half / 8):.2f}mm {_PADDING}mm; display: flex; flex-direction: column;
             justify-content: center; text-align: center; overflow: hidden; overflow-wrap: anywhere; }}
.tent-top {{ top: 0; transform: rotate(180deg); }}
.tent-bottom {{ top: {half:.2f}mm; }}
.tent-fold {{ position: absolute; left: 0; top: {half:.2f}mm; width: {width}mm; border-top: 0.2mm dashed #888; }}
.tent-name {{ font-weight: bold; line-height: 1.1; max-height: 3.4em; overflow: hidden; }}
.tent-native {{ line-height: 1.2; margin-top: 1mm; max-height: 1.3em; overflow: hidden; }}
.tent-city {{ font-size: {min(12, half / 4):.1f}pt; margin-top: 1.5mm; color: #333; }}
"""


def _half(css_class: str, name_html: str, native_html: str, place: str) -> str:
    return (
        f'<div class="tent-half {css_class}">{name_html}{native_html}'
        f'<div class="tent-city">{escaped(place)}</div></div>'
    )


def place_card_html(data: Dataset, visit: Visit, officer: Officer, sheet: Sheet) -> str:
    """One place card's inner HTML: the same half twice, the top one upside down, and the fold."""
    width, height = sheet.card
    room = width - 2 * _PADDING
    largest = min(40.0, height / 2 * 0.3 / 0.3528)  # the name takes at most about a third of a half
    name = addressed(officer)
    size = name_size(name, room, largest, largest * 0.6, 8)
    name_html = f'<div class="tent-name" style="font-size:{size}pt">{escaped(name)}</div>'
    native_html = (
        native(officer.native_name, "tent-native", fitted(officer.native_name, room, largest * 0.6, 8))
        if officer.native_name
        else ""
    )
    city = schedule.city_of(data, officer)
    place = ", ".join(part for part in ((city.name, city.country) if city else (visit.host_city,)) if part)
    half = _half("tent-bottom", name_html, native_html, place)
    return _half("tent-top", name_html, native_html, place) + half + '<div class="tent-fold"></div>'
