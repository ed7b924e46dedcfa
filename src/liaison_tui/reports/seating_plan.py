"""The printed seating plan: a diagram of the tables or rows, the list by table, and "find your seat".

HTML and print CSS for WeasyPrint (``printing.pdf``); round tables are inline
SVG with the names around them, rows a grid facing the front. User text is
escaped everywhere (html.escape also makes it safe inside SVG).
"""

from __future__ import annotations

import math
from html import escape

from liaison_tui.domain import schedule
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import Event, Officer, SeatingTable, TableShape, Visit
from liaison_tui.domain.names import addressed
from liaison_tui.domain.seating import Plan
from liaison_tui.i18n import _, current_language, ngettext
from liaison_tui.i18n.formats import FULL_DATE, when

PAPERS = ("a4", "letter")

TABLES_PER_PART = 40  # a large plan is laid out in parts of this many tables (``plan_parts``)
NAMES_PER_PART = 600  # and "find your seat" in parts of this many names

_CSS = """
@page { size: PAPER; margin: 14mm 12mm;
  @bottom-right { content: NUMBERS; font-size: 8pt; } }
body { font-family: "Noto Sans", "Noto Sans CJK SC", "DejaVu Sans", sans-serif; font-size: 9pt; color: #000; }
h1 { font-size: 15pt; margin: 0 0 2mm; }
h2 { font-size: 11pt; margin: 5mm 0 2mm; }
p.when { margin: 0 0 2mm; }
p.note { border: 0.4pt solid #000; padding: 1.5mm; font-style: italic; }
p.key { font-size: 8pt; }
.tables { text-align: center; orphans: 1; widows: 1; }  /* a page may end after any line of tables */
.round { display: inline-block; width: 84mm; height: 64mm; margin: 1mm 2mm; page-break-inside: avoid; }
.round svg { width: 84mm; height: 64mm; }
.front { text-align: center; border: 0.6pt solid #000; padding: 1mm; margin: 0 20mm 3mm; font-weight: bold; }
table.row { border-collapse: collapse; width: 100%; margin-bottom: 2mm; table-layout: fixed; page-break-inside: avoid; }
table.row th { width: 14mm; text-align: left; font-size: 8pt; }
table.row td { border: 0.4pt solid #000; padding: 0.8mm; font-size: 7pt; vertical-align: top; height: 9mm; }
table.row td.host { border-width: 1.6pt; }
table.row td.guest { border-width: 1.2pt; border-style: dashed; }
td .n { display: block; font-size: 6pt; color: #444; }
table.list { border-collapse: collapse; width: 100%; }
table.list th, table.list td { text-align: left; padding: 0.6mm 1.5mm; border-bottom: 0.3pt solid #888; }
.by-table { page-break-before: always; }
.by-table section { page-break-inside: avoid; }
.find { page-break-before: always; }
"""

_WIDE, _HIGH = 340, 260  # the SVG's own units: 84 by 64 mm on paper, room for names at the sides


def _name(officer: Officer | None) -> str:
    return addressed(officer) if officer is not None else ""


def _city(data: Dataset, officer: Officer) -> str:
    city = schedule.city_of(data, officer)
    return city.name if city is not None else _("host staff")


def _mark(head: bool, seat: int) -> str:
    """H for the host's seat, G for the guest of honour's (seat 2 at the head table), else nothing."""
    if head and seat == 0:
        return _("H")
    if head and seat == 1:
        return _("G")
    return ""


def _row_marks(table: SeatingTable, head: bool) -> dict[int, str]:
    """At the front row, the host sits in the centre, the guest of honour at their right."""
    if not head:
        return {}
    centre = (len(table.seats) - 1) // 2
    return {centre: "host", centre + 1: "guest"}


def _round_svg(data: Dataset, table: SeatingTable, head: bool) -> str:
    cx, cy = _WIDE / 2, _HIGH / 2
    radius = 62.0
    seats = len(table.seats)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDE} {_HIGH}">',
        f'<circle cx="{cx}" cy="{cy}" r="{radius}" fill="none" stroke="#000" stroke-width="1.5"/>',
        f'<text x="{cx}" y="{cy + 4}" text-anchor="middle" font-size="13" font-weight="bold">'
        f"{escape(table.name)}</text>",
    ]
    for index, officer_id in enumerate(table.seats):
        angle = -math.pi / 2 + 2 * math.pi * index / max(seats, 1)  # seat 1 at the top, clockwise
        x, y = cx + (radius + 14) * math.cos(angle), cy + (radius + 14) * math.sin(angle)
        mark = _mark(head, index)
        width = "2.5" if mark else "0.8"
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="10" fill="#fff" stroke="#000" stroke-width="{width}"/>'
            f'<text x="{x:.1f}" y="{y + 3.5:.1f}" text-anchor="middle" font-size="9">{index + 1}{escape(mark)}</text>'
        )
        officer = data.officers.get(officer_id) if officer_id is not None else None
        if officer is None:
            continue
        tx, ty = cx + (radius + 30) * math.cos(angle), cy + (radius + 30) * math.sin(angle)
        anchor = "middle" if abs(math.cos(angle)) < 0.3 else "start" if math.cos(angle) > 0 else "end"
        ty += 4 if math.sin(angle) > 0.3 else 0
        parts.append(
            f'<text x="{tx:.1f}" y="{ty:.1f}" text-anchor="{anchor}" font-size="9.5">{escape(_name(officer))}</text>'
        )
    parts.append("</svg>")
    return f'<div class="round">{"".join(parts)}</div>'


def _row_table(data: Dataset, table: SeatingTable, head: bool) -> str:
    marks = _row_marks(table, head)
    cells = []
    for index, officer_id in enumerate(table.seats):
        officer = data.officers.get(officer_id) if officer_id is not None else None
        css = marks.get(index, "")
        label = {"host": _("host"), "guest": _("guest of honour")}.get(css, "")
        number = f"{index + 1} {label}".strip()
        cells.append(f'<td class="{css}"><span class="n">{escape(number)}</span>{escape(_name(officer))}</td>')
    return f'<table class="row"><tr><th>{escape(table.name)}</th>{"".join(cells)}</tr></table>'


def _only_rows(plan: Plan) -> bool:
    return bool(plan) and all(t.shape is TableShape.ROW for t in plan)


def _diagram(data: Dataset, plan: Plan, *, only_rows: bool, start: int = 0) -> str:
    """``plan`` from the ``start``-th table of the whole; the head table (the host's) is the whole plan's first."""
    if only_rows:
        rows = "".join(_row_table(data, t, start + i == 0) for i, t in enumerate(plan))
        front = _("Front / stage")
        return (f'<div class="front">{escape(front)}</div>' if start == 0 else "") + rows
    parts = []
    for index, table in enumerate(plan, start):
        if table.shape is TableShape.ROW:
            parts.append(_row_table(data, table, index == 0))
        else:
            parts.append(_round_svg(data, table, index == 0))
    return f'<div class="tables">{"".join(parts)}</div>'


def _by_table(data: Dataset, plan: Plan, *, titled: bool = True) -> str:
    sections = []
    for table in plan:
        rows = []
        for index, officer_id in enumerate(table.seats):
            officer = data.officers.get(officer_id) if officer_id is not None else None
            if officer is None:
                continue
            cells = (str(index + 1), _name(officer), _city(data, officer), officer.title)
            rows.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
        nobody = _("nobody seated")
        body = "".join(rows) or f'<tr><td colspan="4">{escape(nobody)}</td></tr>'
        head = "".join(f"<th>{escape(h)}</th>" for h in (_("Seat"), _("Name"), _("City"), _("Title")))
        sections.append(
            f'<section><h2>{escape(table.name)}</h2><table class="list"><tr>{head}</tr>{body}</table></section>'
        )
    heading = _("By table")
    title = f"<h1>{escape(heading)}</h1>" if titled else ""
    return f'<div class="by-table">{title}{"".join(sections)}</div>'


_Entry = tuple[str, Officer, str, int]


def _seat_entries(data: Dataset, plan: Plan) -> list[_Entry]:
    entries: list[_Entry] = []
    for table in plan:
        for index, officer_id in enumerate(table.seats):
            officer = data.officers.get(officer_id) if officer_id is not None else None
            if officer is not None:
                entries.append((officer.name.casefold(), officer, table.name, index + 1))
    entries.sort(key=lambda entry: (entry[0], entry[3]))
    return entries


def _find_your_seat(data: Dataset, entries: list[_Entry], *, titled: bool = True) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in (_("Name"), _("City"), _("Table"), _("Seat")))
    rows = "".join(
        "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in (_name(o), _city(data, o), table, str(seat))) + "</tr>"
        for _key, o, table, seat in entries
    )
    listed = f'<table class="list"><tr>{head}</tr>{rows}</table>'
    heading = _("Find your seat")
    title = f"<h1>{escape(heading)}</h1>" if titled else ""
    return f'<div class="find">{title}{listed}</div>'


def _document(title: str, body: str, paper: str, *, numbered: bool) -> str:
    numbers = 'counter(page) " / " counter(pages)' if numbered else '""'  # "of M" is unknown in parts
    css = _CSS.replace("PAPER", paper).replace("NUMBERS", numbers)
    return (
        f'<!DOCTYPE html><html lang="{escape(current_language())}"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>{css}</style></head><body>{body}</body></html>"
    )


def _heading(data: Dataset, visit: Visit, event: Event, plan: Plan, *, proposed: bool) -> tuple[str, str]:
    """The escaped title, and the title block that opens the plan."""
    when_text = _("{day}, {start}-{end}").format(
        day=when(event.day, FULL_DATE), start=f"{event.start:%H:%M}", end=f"{event.end:%H:%M}"
    )
    venue = f" · {event.venue}" if event.venue else ""
    said = _("Proposed by order of precedence; no plan has been saved for this event.")
    note = f'<p class="note">{escape(said)}</p>' if proposed else ""
    key = _("H: the host's seat. G: the guest of honour's, at the host's right.")
    if _only_rows(plan):
        key = _(
            "Seats are numbered from the left as seen from the front; the host sits in the centre of the front row."
        )
    seated = sum(1 for t in plan for i in t.seats if i is not None and i in data.officers)
    count = ngettext("{seated} seated at {tables} table", "{seated} seated at {tables} tables", len(plan)).format(
        seated=seated, tables=len(plan)
    )
    title = escape(_("Seating plan: {event}").format(event=event.title))
    return title, (
        f"<h1>{title}</h1>"
        f'<p class="when">{escape(visit.name)} · {escape(when_text)}{escape(venue)} · {escape(count)}</p>'
        f'{note}<p class="key">{escape(key)}</p>'
    )


def plan_html(data: Dataset, visit: Visit, event: Event, plan: Plan, *, proposed: bool, paper: str = "a4") -> str:
    """The whole plan as one HTML document for ``printing.pdf``."""
    assert paper in PAPERS
    title, opening = _heading(data, visit, event, plan, proposed=proposed)
    body = (
        f"{opening}{_diagram(data, plan, only_rows=_only_rows(plan))}"
        f"{_by_table(data, plan)}{_find_your_seat(data, _seat_entries(data, plan))}"
    )
    return _document(title, body, paper, numbered=True)


def plan_parts(
    data: Dataset, visit: Visit, event: Event, plan: Plan, *, proposed: bool, paper: str = "a4"
) -> list[str]:
    """The plan as HTML documents whose pages, joined in order, are the plan: one when it is small.

    A large plan (a dinner for thousands) is split by groups of ``TABLES_PER_PART``
    tables and ``NAMES_PER_PART`` names so that the parts can be laid out side by
    side; its pages then carry their number without "of M".
    """
    assert paper in PAPERS
    entries = _seat_entries(data, plan)
    if len(plan) <= TABLES_PER_PART and len(entries) <= NAMES_PER_PART:
        return [plan_html(data, visit, event, plan, proposed=proposed, paper=paper)]
    title, opening = _heading(data, visit, event, plan, proposed=proposed)
    only_rows = _only_rows(plan)
    starts = range(0, max(len(plan), 1), TABLES_PER_PART)
    bodies = [
        (opening if start == 0 else "")
        + _diagram(data, plan[start : start + TABLES_PER_PART], only_rows=only_rows, start=start)
        for start in starts
    ]
    bodies += [_by_table(data, plan[start : start + TABLES_PER_PART], titled=start == 0) for start in starts]
    bodies += [
        _find_your_seat(data, entries[start : start + NAMES_PER_PART], titled=start == 0)
        for start in range(0, max(len(entries), 1), NAMES_PER_PART)
    ]
    return [_document(title, body, paper, numbered=False) for body in bodies]
