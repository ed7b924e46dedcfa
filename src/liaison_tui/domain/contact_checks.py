"""The visit's host and emergency contacts, printed on every handout (``validation`` calls this)."""

from __future__ import annotations

from collections.abc import Callable

from liaison_tui.i18n import N_, _

CONTACT_WORDS = {"host_contact": N_("host contact"), "emergency_contact": N_("emergency contact")}


def check_contact(contact: str, field: str, fail: Callable[[str, str], None]) -> None:
    """A contact printed for people in trouble must hold a number to call."""
    if contact.strip() and not any(ch.isdigit() for ch in contact):
        fail(field, _("{field} {contact!r} has no phone number").format(field=_(CONTACT_WORDS[field]), contact=contact))
