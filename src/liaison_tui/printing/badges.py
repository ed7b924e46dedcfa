"""Name badges: the name as addressed, the name in its own script, city, role and a QR code.

The QR code holds exactly the officer's badge code (``domain.badges``), which
the roll call accepts typed or scanned; the code is printed under it too, for
when the scanner fails. A full-size QR code rather than a Micro QR: phone
cameras and most hand scanners do not read Micro QR.
"""

from __future__ import annotations

import re

import segno

from liaison_tui.domain import schedule
from liaison_tui.domain.badges import ALPHABET, badge_code
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import Officer, Visit
from liaison_tui.domain.names import addressed
from liaison_tui.printing.card_text import escaped, fitted, name_size, native
from liaison_tui.printing.sheet import Sheet
from liaison_tui.reports.words import shown

DEFAULT_SIZE = (90.0, 55.0)
QR_ERROR = "m"  # 15 % of the code can be scuffed or covered and it still reads
_PADDING = 4.0  # mm inside the card's edges
_QUIET = 2  # modules of white round the code (the card's own margin adds to it)
_PLACEHOLDER = re.compile(f'src="qr:([{ALPHABET}]+)"')


def qr_matrix(code: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code's modules for ``code``, row by row (True is dark)."""
    return tuple(tuple(bool(module) for module in row) for row in segno.make_qr(code, error=QR_ERROR).matrix)


def qr_placeholder(code: str) -> str:
    """Where ``with_qr_codes`` puts ``code``'s QR code: drawing one costs 5 ms (segno tries all
    eight masks), so it is done by the processes that lay the pages out, not before."""
    return f"qr:{code}"


def with_qr_codes(html: str) -> str:
    """``html`` with every QR placeholder replaced by its code's image (user text never matches:
    it is escaped, so it holds no ``"``)."""
    return _PLACEHOLDER.sub(lambda match: f'src="{qr_png_uri(match[1])}"', html)


def qr_png_uri(code: str) -> str:
    """``code`` as a QR code: a PNG of one pixel per module, drawn unsmoothed at the printed size.

    A bitmap rather than SVG: WeasyPrint draws an SVG path an order of magnitude
    slower, and 10,000 badges must print in under a minute.
    """
    uri: str = segno.make_qr(code, error=QR_ERROR).png_data_uri(scale=1, border=_QUIET)
    return uri


def badges_css(sheet: Sheet) -> str:
    width, height = sheet.card
    qr = _qr_side(sheet.card)
    # Few elements and no per-badge styles beyond font sizes: layout time grows with both.
    return f"""
.card {{ padding: {_PADDING - 1.5:.2f}mm {_PADDING}mm 0 {_PADDING}mm; overflow-wrap: anywhere; }}
.bv {{ font-size: 6.5pt; color: #555; height: 1.3em; overflow: hidden; margin-bottom: 1.5mm; }}
.bt {{ width: {width - 2 * _PADDING - qr - 3:.2f}mm; height: {height - 2 * _PADDING - 3:.2f}mm; overflow: hidden; }}
.bn {{ font-weight: bold; line-height: 1.1; max-height: 3.4em; overflow: hidden; }}
.badge-native {{ line-height: 1.2; margin-top: 1mm; max-height: 1.3em; overflow: hidden; }}
.badge-native[dir=rtl] {{ text-align: right; }}
.bc {{ font-size: 9pt; margin-top: 1.5mm; max-height: 2.5em; overflow: hidden; }}
.br {{ font-size: 8pt; margin-top: 1mm; color: #333; text-transform: uppercase; }}
.bq {{ position: absolute; right: {_PADDING - 1}mm; bottom: {_PADDING - 1.5:.2f}mm; width: {qr:.2f}mm;
      text-align: center; font-family: "DejaVu Sans Mono", monospace; font-size: 8pt; }}
.bq img {{ display: block; width: {qr:.2f}mm; height: {qr:.2f}mm; image-rendering: pixelated; }}
"""


def _qr_side(card: tuple[float, float]) -> float:
    width, height = card
    return min(height - 2 * _PADDING - 4, width * 0.3)


def badge_html(data: Dataset, visit: Visit, officer: Officer, sheet: Sheet) -> str:
    """One badge's inner HTML."""
    width, _height = sheet.card
    qr = _qr_side(sheet.card)
    room = width - 2 * _PADDING - qr - 3
    name = addressed(officer)
    size = name_size(name, room, 16, 10, 5.5)
    city = schedule.city_of(data, officer)
    place = ", ".join(part for part in ((city.name, city.country) if city else (visit.host_city,)) if part)
    code = badge_code(officer.id)
    native_html = (
        native(officer.native_name, "badge-native", fitted(officer.native_name, room, 13, 7))
        if officer.native_name
        else ""
    )
    return (
        f'<div class="bv">{escaped(visit.name)}</div><div class="bt">'
        f'<div class="bn" style="font-size:{size}pt">{escaped(name)}</div>{native_html}'
        f'<div class="bc">{escaped(place)}</div><div class="br">{escaped(shown(officer.role))}</div></div>'
        f'<div class="bq"><img src="{qr_placeholder(code)}" alt="">{code}</div>'
    )
