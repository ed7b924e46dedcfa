"""Edits as values: putting one editor's changes on top of another's (``rebase``)."""

from __future__ import annotations

import dataclasses

from liaison_tui.domain.edits import changed_fields, rebase
from liaison_tui.domain.model import Officer, Role

OPENED = Officer(id=7, name="Henri Kahonen", city_id=2, title="Adviser", phone="+358 1", role=Role.MEMBER)


def test_changed_fields_lists_differences_in_field_order_without_the_id() -> None:
    after = dataclasses.replace(OPENED, id=8, phone="+358 2", name="H. Kahonen")
    assert changed_fields(OPENED, after) == ["name", "phone"]
    assert changed_fields(OPENED, OPENED) == []


def test_mine_on_top_keeps_their_other_changes() -> None:
    mine = dataclasses.replace(OPENED, title="Senior adviser")
    theirs = dataclasses.replace(OPENED, phone="+358 9", hotel="Grand")
    merged, conflicts = rebase(OPENED, mine, theirs)
    assert merged == dataclasses.replace(theirs, title="Senior adviser")
    assert conflicts == []


def test_a_field_both_changed_takes_mine_and_is_named() -> None:
    mine = dataclasses.replace(OPENED, phone="+358 5", title="Senior adviser")
    theirs = dataclasses.replace(OPENED, phone="+358 9", role=Role.LEADER)
    merged, conflicts = rebase(OPENED, mine, theirs)
    assert (merged.phone, merged.title, merged.role) == ("+358 5", "Senior adviser", Role.LEADER)
    assert conflicts == ["phone"]


def test_the_same_change_on_both_sides_is_no_conflict() -> None:
    mine = theirs = dataclasses.replace(OPENED, phone="+358 5")
    merged, conflicts = rebase(OPENED, mine, theirs)
    assert merged == theirs and conflicts == []


def test_no_changes_of_mine_gives_theirs() -> None:
    theirs = dataclasses.replace(OPENED, phone="+358 9")
    assert rebase(OPENED, OPENED, theirs) == (theirs, [])
