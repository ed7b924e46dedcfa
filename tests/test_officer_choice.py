"""Two officers of one name: a command picks one by the city the error lists, or by the badge code."""

from __future__ import annotations

from pathlib import Path

import pytest

from liaison_tui.cli.main import main
from liaison_tui.domain.badges import badge_code
from liaison_tui.domain.edits import added
from liaison_tui.domain.model import Officer
from liaison_tui.lookup.index import LookupIndex
from liaison_tui.lookup.resolve import resolve_officer
from liaison_tui.store.store import Store


def with_three_li_weis(sample_file: Path) -> Store:
    store = Store.open(sample_file)
    city = {c.name: c.id for c in store.data.cities.values()}
    store.commit(
        [
            added(Officer(name="Li Wei", city_id=city["Atlanta"], phone="+1 1")),
            added(Officer(name="Li Wei", city_id=city["Atlanta"], phone="+1 2")),
            added(Officer(name="Li Wei", city_id=city["Helsinki"], phone="+358 3")),
        ]
    )
    return store


def test_the_city_or_the_badge_code_picks_one(sample_file: Path) -> None:
    store = with_three_li_weis(sample_file)
    data, index = store.data, LookupIndex(store.data)
    weis = sorted((o for o in data.officers.values() if o.name == "Li Wei"), key=lambda o: o.phone)
    with pytest.raises(LookupError) as listed:
        resolve_officer(index, data, "Li Wei")
    for officer in weis:  # each candidate listed with its city and badge code, as it can be typed back
        city = "Atlanta" if officer.phone.startswith("+1") else "Helsinki"
        assert f"Li Wei ({city}, {badge_code(officer.id)})" in str(listed.value)
    assert resolve_officer(index, data, "li wei (helsinki)") == weis[2]
    with pytest.raises(LookupError):
        resolve_officer(index, data, "Li Wei (Atlanta)")  # two there: the city is not enough
    assert resolve_officer(index, data, f"Li Wei (Atlanta, {badge_code(weis[1].id)})") == weis[1]
    assert resolve_officer(index, data, badge_code(weis[0].id)) == weis[0]
    with pytest.raises(LookupError):  # a code of someone else under this name picks no one
        resolve_officer(index, data, f"Li Wei (Atlanta, {badge_code(next(iter(data.officers)))})")


def test_a_command_takes_the_candidate_as_listed(sample_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with_three_li_weis(sample_file)
    assert main(["--db", str(sample_file), "summary", "agenda", "--officer", "Li Wei"]) == 1
    assert "Li Wei (Helsinki, " in capsys.readouterr().err
    assert main(["--db", str(sample_file), "summary", "agenda", "--officer", "Li Wei (Helsinki)"]) == 0
    assert "Helsinki" in capsys.readouterr().out
