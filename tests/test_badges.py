"""Badge codes: stable, short, unlike for neighbours, and a typo never names someone else."""

from __future__ import annotations

import orjson
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from liaison_tui.domain.badges import ALPHABET, badge_code, find_by_badge, officer_id_from_badge
from liaison_tui.store import paths
from liaison_tui.store.store import Store

ids = st.integers(min_value=1, max_value=2**24)


@given(ids)
def test_every_code_reads_back_as_its_id(officer_id: int) -> None:
    code = badge_code(officer_id)
    assert officer_id_from_badge(code) == officer_id
    assert set(code) <= set(ALPHABET)
    assert len(code) == (5 if officer_id < 32**4 else 6)


@given(ids, st.data())
def test_a_single_wrong_character_is_always_detected(officer_id: int, data: st.DataObject) -> None:
    code = badge_code(officer_id)
    position = data.draw(st.integers(min_value=0, max_value=len(code) - 1))
    wrong = data.draw(st.sampled_from([symbol for symbol in ALPHABET if symbol != code[position]]))
    assert officer_id_from_badge(code[:position] + wrong + code[position + 1 :]) is None


def test_codes_are_stable_and_neighbours_look_unalike() -> None:
    # Printed badges must keep reading the same: these are the codes of the first ids, for good.
    assert [badge_code(i) for i in (1, 2, 3, 4)] == ["EYDH5", "XWV2B", "CV8KE", "VSP4M"]
    for officer_id in range(1, 2000):
        this, following = badge_code(officer_id), badge_code(officer_id + 1)
        assert sum(a != b for a, b in zip(this, following, strict=True)) >= 3


def test_what_people_and_scanners_type_is_forgiven() -> None:
    code = badge_code(1234)
    assert officer_id_from_badge(code.lower()) == 1234
    assert officer_id_from_badge(f" {code[:2]}-{code[2:]} ") == 1234
    assert officer_id_from_badge(f"{code[:2]} {code[2:]}") == 1234
    # Crockford: I and L are read as 1, O as 0.
    with_one = next(badge_code(i) for i in range(1, 500) if "1" in badge_code(i) and "0" in badge_code(i))
    misread = with_one.replace("1", "l").replace("0", "O")
    assert officer_id_from_badge(misread) == officer_id_from_badge(with_one)


@pytest.mark.parametrize("text", ["", "ABC", "EYDH", "EYDH5X", "EYDU5", "Kahonen", "Sandeman", "12345", "?????"])
def test_what_is_no_code_is_refused(text: str) -> None:
    assert officer_id_from_badge(text) is None


@given(st.text(alphabet=ALPHABET, min_size=5, max_size=7))
@example("HAR3NM")  # id 5 scrambled over six characters: it has the five-character code AR3NQ
def test_each_id_has_exactly_one_code(text: str) -> None:
    # Whatever valid code is typed, it is the very code of the id it names (a longer
    # spelling of an id that has a shorter code is refused), so one badge, one person.
    officer_id = officer_id_from_badge(text)
    if officer_id is not None:
        assert badge_code(officer_id) == text


def test_zero_or_negative_ids_have_no_code() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        badge_code(0)


def test_find_by_badge_on_the_sample() -> None:
    data = Store.in_memory(orjson.loads(paths.sample_bytes())).data
    officer = find_by_badge(data, badge_code(3))
    assert officer is not None and officer.name == "Henri Kahonen"
    assert find_by_badge(data, badge_code(99)) is None  # a valid code, but nobody has that id
    assert find_by_badge(data, "nonsense") is None
