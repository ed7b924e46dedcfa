"""Names in other scripts as the Latin letters people type for them: 王小明 is found by "wang xiaoming".

At the bus door staff type what they hear. A name or a city written in
Chinese, Japanese, Korean, Cyrillic, Greek, Thai, Arabic... gets *sound
forms*: its readings (``readings``) written without spaces, in both orders of
family and given name, so that "wang xiaoming", "xiaoming wang", "xiaoming",
"wangxm" all meet 王小明 once the query's spaces are taken out too
(``compact``).

- Chinese characters: pinyin (pypinyin), and the Japanese reading too when
  the name has no kana (佐藤遥 is Japanese, 王小明 Chinese: characters alone
  do not say which).
- Kana, and kanji with kana: Hepburn (pykakasi).
- Hangul: Revised Romanization (korean-romanizer) and passport spellings of
  surnames.
- Any other script, and Latin letters that folding leaves non-ASCII (ł, ø,
  đ): anyascii.
"""

from __future__ import annotations

import unicodedata
from enum import Enum
from functools import lru_cache

from liaison_tui.domain.values import fold
from liaison_tui.lookup import readings
from liaison_tui.lookup.readings import Parts, letter_runs


class Script(Enum):
    HAN = "han"
    KANA = "kana"
    HANGUL = "hangul"
    OTHER = "other"  # every other letter or digit, Latin included


def script_of(ch: str) -> Script:
    code = ord(ch)
    if 0xAC00 <= code <= 0xD7A3:
        return Script.HANGUL
    if 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF or 0xFF66 <= code <= 0xFF9F:
        return Script.KANA
    if code in (0x3005, 0x3006) or unicodedata.name(ch, "").startswith(("CJK UNIFIED", "CJK COMPATIBILITY IDEO")):
        return Script.HAN
    return Script.OTHER


def compact(text: str) -> str:
    """A query or a reading as the sound forms hold it: letters and digits only, lower case, no spaces."""
    return "".join(letter_runs(text))


def _orders(parts: Parts, person: bool) -> list[str]:
    """A reading as typed, and for a person also family name last ("xiaomingwang") or first ("petrovaivana")."""
    forms = ["".join(parts)]
    if person and len(parts) >= 2:
        forms += ["".join(parts[1:] + parts[:1]), "".join(parts[-1:] + parts[:-1])]
    return forms


def _runs(text: str) -> list[tuple[Script, str]]:
    """``text`` cut where the script changes; kana and kanji stay together (Japanese mixes them)."""
    runs: list[tuple[Script, str]] = []
    for ch in text:
        if not ch.isalnum():
            runs.append((Script.OTHER, " "))
            continue
        script = script_of(ch)
        if runs and {runs[-1][0], script} <= {Script.HAN, Script.KANA}:
            script = Script.KANA if Script.KANA in (runs[-1][0], script) else Script.HAN
            runs[-1] = (script, runs[-1][1] + ch)
        elif runs and runs[-1][0] is script:
            runs[-1] = (script, runs[-1][1] + ch)
        else:
            runs.append((script, ch))
    return [(script, run) for script, run in runs if run.strip()]


def _mixed(runs: list[tuple[Script, str]]) -> Parts:
    """One reading of a name in several scripts, run by run ("Anna 王" is "anna wang")."""
    parts: list[str] = []
    for script, run in runs:
        match script:
            case Script.HAN:  # a character pypinyin cannot read (a rare one) gives no reading at all
                parts += next(iter(readings.chinese(run, person=False)[0]), ())
            case Script.KANA:
                parts += next(iter(readings.japanese(run, person=False)), ())
            case Script.HANGUL:
                parts += next(iter(readings.korean(run, person=False)), ())
            case Script.OTHER:
                parts += readings.transliterated(run)
    return tuple(parts)


@lru_cache(maxsize=65536)  # names repeat (a city on every officer of it); each is read once
def sound_forms(text: str, person: bool) -> tuple[str, ...]:
    """The sound forms of a name (``person``) or a place; none for text a folded match already reads."""
    if not text or fold(text).isascii():
        return ()
    runs = _runs(text)
    scripts = {script for script, _ in runs}
    joined = "".join(run for _, run in runs)
    forms: list[str] = []
    if scripts == {Script.HANGUL}:
        for parts in readings.korean(joined, person):
            forms += _orders(parts, person)
    elif scripts == {Script.HAN}:
        chinese, initials = readings.chinese(joined, person)
        for parts in [*chinese, *readings.japanese(joined, person)]:
            forms += _orders(parts, person)
        forms += initials
    elif scripts == {Script.HAN, Script.KANA} or scripts == {Script.KANA}:  # kana: Japanese, its kanji too
        for parts in readings.japanese(" ".join(run for _, run in runs), person):
            forms += _orders(parts, person)
    elif scripts == {Script.OTHER}:
        forms += _orders(readings.transliterated(text), person)
    else:
        forms += _orders(_mixed(runs), person)
    return tuple(dict.fromkeys(form for form in forms if form))


def sounds_of(texts: list[str], person: bool, mark: str = " ") -> str:
    """The sound forms of a record's names (``person``) or places, each after ``mark``: " wangxiaoming ..."."""
    return "".join(mark + form for form in dict.fromkeys(form for text in texts for form in sound_forms(text, person)))
