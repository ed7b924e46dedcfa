"""Badge codes: a short, stable code for every officer, typed or scanned at a roll-call.

Derived from the officer's id, so nothing is stored and a reprinted badge
reads the same. The id is scrambled (multiplied by an odd constant modulo
32**digits, a bijection), so consecutive ids do not look alike, written in
Crockford's base 32 (no I, L, O or U, so it reads aloud and types well) and
followed by a Luhn mod 32 check character: any single wrong character, and
most swapped neighbours, make the code invalid instead of naming someone else.
"""

from __future__ import annotations

from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import Officer
from liaison_tui.i18n import _

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_VALUE = {symbol: value for value, symbol in enumerate(ALPHABET)}
_BASE = len(ALPHABET)
_MIN_DIGITS = 4  # 32**4 = 1,048,576 ids before the codes grow a character
_SCRAMBLE = 0x9E3779B1  # odd, so invertible modulo any power of two; its base-32 digits are all non-zero
# What people and scanners type for the symbols Crockford leaves out.
_READ_AS = str.maketrans({"I": "1", "L": "1", "O": "0"})


def _modulus(digits: int) -> int:
    return int(_BASE**digits)  # int() because ``int ** int`` is typed as Any


def _digits_for(officer_id: int) -> int:
    digits = _MIN_DIGITS
    while officer_id >= _modulus(digits):
        digits += 1
    return digits


def _inverse(digits: int) -> int:
    """The multiplier that undoes the scramble of ``digits``-character codes."""
    return pow(_SCRAMBLE, -1, _modulus(digits))


def _check_value(values: list[int]) -> int:
    """Luhn mod 32: every second value from the right is doubled (digits summed in base 32)."""
    total = 0
    for position, value in enumerate(reversed(values)):
        if position % 2 == 0:
            value *= 2
            value = value // _BASE + value % _BASE
        total += value
    return (_BASE - total % _BASE) % _BASE


def badge_code(officer_id: int) -> str:
    """The officer's badge code: ``"7K3QX"`` (longer once ids pass 32**4)."""
    if officer_id < 1:
        raise ValueError(_("an officer id is at least 1, not {id}").format(id=officer_id))
    digits = _digits_for(officer_id)
    scrambled = officer_id * _SCRAMBLE % _modulus(digits)
    values = [scrambled // _modulus(power) % _BASE for power in reversed(range(digits))]
    return "".join(ALPHABET[v] for v in [*values, _check_value(values)])


def normalise(code: str) -> str:
    """``code`` as the alphabet spells it: upper case, no hyphens or spaces, I/L read as 1, O as 0."""
    return code.upper().replace("-", "").replace(" ", "").translate(_READ_AS)


def officer_id_from_badge(code: str) -> int | None:
    """The id a badge code stands for; None when it is no valid code (a typo, a misread)."""
    text = normalise(code.strip())
    if len(text) < _MIN_DIGITS + 1 or any(symbol not in _VALUE for symbol in text):
        return None
    values = [_VALUE[symbol] for symbol in text]
    payload, check = values[:-1], values[-1]
    if _check_value(payload) != check:
        return None
    digits = len(payload)
    scrambled = 0
    for value in payload:
        scrambled = scrambled * _BASE + value
    officer_id = scrambled * _inverse(digits) % _modulus(digits)
    # Each id has one code: a longer code for an id that fits a shorter one is no code at all.
    if officer_id < 1 or _digits_for(officer_id) != digits:
        return None
    return officer_id


def find_by_badge(data: Dataset, code: str) -> Officer | None:
    """The officer whose badge reads ``code``, if the code is valid and they exist."""
    officer_id = officer_id_from_badge(code)
    return data.officers.get(officer_id) if officer_id is not None else None
