"""A name read aloud in Latin letters, one language at a time: pinyin, Hepburn, Revised Romanization.

Each reader gives the name's *parts* as it is written (family name first in
Chinese, Japanese and Korean), each part a run of lower-case ASCII letters or
digits: 王小明 is ("wang", "xiaoming"). A name can have several readings, all
returned: the lookup cannot know which one the person typing heard.

The libraries are imported on first use, never at start-up: pykakasi takes
about half a second and 120 MB to load its dictionary, and a file of Latin
names never needs it.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable
from functools import cache
from typing import Any

from liaison_tui.lookup import kanwa_table
from liaison_tui.lookup.surnames import CHINESE_SURNAME_READINGS, KOREAN_SURNAME_SPELLINGS

Parts = tuple[str, ...]  # one reading of a name: ("wang", "xiaoming")

_LETTERS = re.compile(r"[a-z0-9]+")
_TONE = re.compile(r"\d")


def letter_runs(text: str) -> list[str]:
    """The runs of ASCII letters and digits in ``text``, lower-cased: what a romanised form is made of."""
    return _LETTERS.findall(text.lower())


def _unique(items: list[Parts]) -> list[Parts]:
    return list(dict.fromkeys(part for part in items if part))


# -- Chinese: pypinyin ----------------------------------------------------------


def _syllables(text: str) -> list[list[str]]:
    """Each character's readings with tone numbers, the usual one first and then one that sounds different.

    pypinyin is loaded without its phrase dictionary (its documented
    PYPINYIN_NO_PHRASES): names are seldom words, and the dictionary costs
    45 MB. A second reading stands in for it: 重庆 is read both "zhongqing" and
    "chongqing", 长春 "zhangchun" and "changchun".
    """
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "true")
    from pypinyin import Style, pinyin

    syllables: list[list[str]] = []
    for readings in pinyin(text, style=Style.TONE3, heteronym=True, errors="ignore"):
        usable = [reading for reading in readings if reading.isascii() and reading.isalnum()]
        if usable:
            plain = _TONE.sub("", usable[0])
            other = next((reading for reading in usable if _TONE.sub("", reading) != plain), None)
            syllables.append(usable[:1] + ([other] if other else []))
    return syllables


def _variants(syllables: list[list[str]]) -> list[list[str]]:
    """The usual reading, then up to three with one character read its other way."""
    usual = [readings[0] for readings in syllables]
    others = [[*usual[:i], readings[1], *usual[i + 1 :]] for i, readings in enumerate(syllables) if len(readings) > 1]
    return [usual, *others[:3]]


def chinese(han: str, person: bool) -> tuple[list[Parts], list[str]]:
    """Pinyin readings of ``han`` (Chinese characters only), and the initials people type ("wangxm", "wxm").

    A person's name of two to four characters is split into the surname (a
    compound one when listed) and the given name, the surname read as a
    surname. Each reading comes without tones and with tone numbers
    ("wang2", "xiao3ming2"); tone marks need none: the lookup folds "wáng" to
    "wang". ü is written both "v" (as pypinyin and many keyboards do) and "u".
    """
    surname = ""
    if person and 2 <= len(han) <= 4:
        surname = han[:2] if han[:2] in CHINESE_SURNAME_READINGS and len(han) >= 3 else han[:1]
    surname_tones = list(CHINESE_SURNAME_READINGS.get(surname) or [s[0] for s in _syllables(surname)])
    readings: list[Parts] = []
    given_variants = _variants(_syllables(han[len(surname) :]))
    for variant, given_tones in enumerate(given_variants):
        with_tones = tuple("".join(group) for group in (surname_tones, given_tones) if group)
        plain = tuple(_TONE.sub("", part) for part in with_tones)
        readings += [plain, with_tones] if variant == 0 else [plain]  # tone numbers for the usual reading only
        if any("v" in part for part in plain):
            readings.append(tuple(part.replace("v", "u") for part in plain))
    initials: list[str] = []
    if surname and given_variants[0]:
        given_initials = "".join(s[0] for s in given_variants[0])
        initials = [_TONE.sub("", "".join(surname_tones)) + given_initials]
        initials.append("".join(s[0] for s in surname_tones) + given_initials)
    return _unique(readings), initials


# -- Japanese: pykakasi ---------------------------------------------------------

_kakasi_lock = threading.Lock()  # the index is built in a worker thread and updated on saves


@cache
def _kakasi() -> Any:
    import pykakasi

    kanwa_table.install()  # its kanji dictionary packed: ~110 MB less
    return pykakasi.kakasi()  # type: ignore[no-untyped-call]  # pykakasi leaves its constructor untyped


def _kakasi_convert(text: str) -> list[dict[str, str]]:
    with _kakasi_lock:
        converted: list[dict[str, str]] = _kakasi().convert(text)
        return converted


@cache
def _kanji_readings() -> Callable[[str], list[str]]:
    """All the readings pykakasi's dictionary has for one kanji (健: takeshi, ken, take, takeru).

    pykakasi's ``convert`` gives one reading, but a one-kanji given name is read
    many ways; the dictionary behind it has them all. It is not pykakasi's
    public interface, so if it ever moves the lookup goes on with the one reading.
    """
    try:
        from pykakasi.kanji import Kanwa

        kanwa_table.install()
        kanwa = Kanwa()  # type: ignore[no-untyped-call]
    except (ImportError, AttributeError, TypeError, OSError):
        return lambda kanji: []

    def readings(kanji: str) -> list[str]:
        with _kakasi_lock:
            try:
                table = kanwa.load(kanji) or {}
                kana = [reading for reading, condition in table.get(kanji, []) if condition is None]
            except (AttributeError, TypeError, ValueError, KeyError):
                return []
        return [word for reading in kana[:4] for word in letter_runs(_kakasi_convert(reading)[0]["hepburn"])]

    return readings


def _long_vowels_dropped(part: str) -> str:
    """Satou as Sato, Oono as Ono, Yuuki as Yuki: long vowels the way passports and people write them."""
    return part.replace("ou", "o").replace("oo", "o").replace("uu", "u")


def japanese(text: str, person: bool) -> list[Parts]:
    """Hepburn readings of a name in kanji and kana: 佐藤遥 ("satou", "haruka") and ("sato", "haruka").

    None when pykakasi cannot read a character of it: such a name is Chinese
    (王伟's 伟 is not a Japanese character), and the pinyin reading covers it.
    """
    parts: list[str] = []
    segments = _kakasi_convert(text)
    for segment in segments:
        words = letter_runs(segment["hepburn"])
        if not words and segment["orig"].strip() and any(ch.isalpha() for ch in segment["orig"]):
            return []
        parts += words
    readings = [tuple(parts)]
    last = segments[-1]["orig"] if segments else ""
    if person and len(parts) == 2 and len(last) == 1:  # family name and a one-kanji given name: its every reading
        readings += [(*parts[:-1], reading) for reading in _kanji_readings()(last)]
    readings += [tuple(_long_vowels_dropped(part) for part in reading) for reading in readings]
    return _unique(readings)


# -- Korean: korean-romanizer ---------------------------------------------------


def korean(syllables: str, person: bool) -> list[Parts]:
    """Revised Romanization of Hangul, syllable by syllable as RR asks for names, and as heard.

    김민준: ("kim", "minjun") and ("gim", "minjun"). RR writes a personal name
    without the sound changes between its syllables (한복남 Han Boknam), but
    staff type what they hear ("hanbongnam"): both are kept. A surname is also
    spelled as passports spell it (Kim, Lee, Park).
    """
    from korean_romanizer.romanizer import Romanizer

    def rr(text: str) -> str:
        return "".join(letter_runs(Romanizer(text).romanize()))

    def by_syllable(text: str) -> str:
        return "".join(rr(syllable) for syllable in text)

    if not (person and 2 <= len(syllables) <= 5):
        return _unique([(by_syllable(syllables),), (rr(syllables),)])
    surname = syllables[:1]
    if len(syllables) >= 3 and syllables[:2] in KOREAN_SURNAME_SPELLINGS:
        surname = syllables[:2]
    given = syllables[len(surname) :]
    spellings = dict.fromkeys([*KOREAN_SURNAME_SPELLINGS.get(surname, ()), by_syllable(surname)])
    given_readings = dict.fromkeys([by_syllable(given), rr(given)])
    return _unique([(spelling, reading) for spelling in spellings for reading in given_readings])


# -- every other script: anyascii -----------------------------------------------


def transliterated(text: str) -> Parts:
    """Any other script in Latin letters, word by word: Ивана Петрова ("ivana", "petrova")."""
    from anyascii import anyascii

    return tuple(letter_runs(anyascii(text)))
