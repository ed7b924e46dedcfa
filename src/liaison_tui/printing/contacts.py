"""The host's contacts as printed on every document: organiser, duty officer, emergency number."""

from __future__ import annotations

from liaison_tui.domain.model import Visit
from liaison_tui.i18n import _
from liaison_tui.printing.html_writer import Markup, element, joined


def facts(rows: list[tuple[str, str | Markup]]) -> Markup:
    """A definition list of label and value; rows with an empty value are left out."""
    items = [joined([element("dt", label), element("dd", value, dir="auto")]) for label, value in rows if value]
    return element("dl", joined(items), class_="facts")


def host_contacts(visit: Visit) -> Markup:
    """Never an empty heading: with nothing on file, the reader is told whom to ask."""
    ask = _("not given yet: ask your liaison officer")
    rows: list[tuple[str, str | Markup]] = [
        (_("Organiser"), visit.organiser or ask),
        (_("Host contact"), visit.host_contact or ask),
        (_("Emergency contact"), visit.emergency_contact or ask),
    ]
    return joined([element("h2", _("Host contacts")), facts(rows)])
