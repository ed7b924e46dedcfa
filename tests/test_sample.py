"""The bundled sample records what the seed article says, and nothing invented."""

from __future__ import annotations

from pathlib import Path

from liaison_tui.domain.model import EventKind, FollowUpStatus, Role
from liaison_tui.store.store import Store


def test_sample_loads_and_holds_the_article(sample_file: Path) -> None:
    data = Store.open(sample_file, read_only=True).data
    [visit] = data.visits.values()
    assert visit.host_city == "Shenzhen"
    assert visit.organiser == "Shenzhen Municipal Foreign Affairs Office"
    assert (visit.days, visit.expected_cities, visit.expected_officers) == (4, 16, 32)
    assert visit.timezone == "Asia/Shanghai"
    assert "illustrative" in visit.notes
    assert all(country in visit.notes for country in ("South Korea", "Malaysia", "Japan"))
    assert "83 cities in 53 countries" in visit.notes

    cities = {c.name: c for c in data.cities.values()}
    assert {n: c.country for n, c in cities.items()} == {
        "Christchurch": "New Zealand",
        "Atlanta": "United States",
        "Helsinki": "Finland",
    }
    assert set(cities["Christchurch"].cooperation_areas) == {"trade", "education", "tourism", "innovation"}

    officers = {o.name: o for o in data.officers.values()}
    assert officers["Duncan Sandeman"].role is Role.LEADER
    assert officers["Duncan Sandeman"].city_id == cities["Christchurch"].id
    assert officers["Taylor Woodruff"].title == "Chief of Protocol"
    assert officers["Henri Kahonen"].city_id == cities["Helsinki"].id
    assert officers["Tang Lixia"].role is Role.HOST and officers["Tang Lixia"].city_id is None

    days = {e.day for e in data.events.values()}
    assert all(visit.day_number(d) for d in days)
    [conference] = [e for e in data.events.values() if e.kind is EventKind.CONFERENCE]
    assert conference.day.strftime("%A") == "Friday" and conference.day == visit.end_date
    assert conference.speaker_ids[0] == officers["Duncan Sandeman"].id
    assert conference.speaker_ids[-1] == officers["Tang Lixia"].id
    titles = " ".join(e.title.lower() for e in data.events.values())
    assert all(word in titles for word in ("school", "library", "compan"))

    texts = {f.text: f for f in data.followups.values()}
    lanterns = next(f for t, f in texts.items() if "44 containers of lanterns" in t)
    assert lanterns.city_id == cities["Christchurch"].id and lanterns.status is FollowUpStatus.AGREED
    assert any("Toulouse" in t and "2016" in t for t in texts)
    assert any("test bed" in t for t in texts)
    assert any("Internships" in t for t in texts)
