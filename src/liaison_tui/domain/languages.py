"""Languages as people write them ("en", "English", "英语", "zh-CN") reduced to one code to compare.

Officers' languages are free text; interpreting coverage compares codes, so
"English" and "en" are one language. Codes and the English and Chinese names
Babel knows are recognised; anything else is compared as folded text.
"""

from __future__ import annotations

import functools
import re

from babel import Locale

_CODE = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]+)*$")


# Everyday names Babel lists under another name (it says "Chinese", people also say "Mandarin").
_ALIASES = {"mandarin": "zh", "putonghua": "zh", "普通话": "zh", "汉语": "zh", "华语": "zh", "国语": "zh"}


@functools.cache
def _names() -> dict[str, str]:
    """Folded language name → code, from Babel's English and Chinese names (built once)."""
    names: dict[str, str] = {}
    for shown_in in ("zh", "en"):  # English last: it wins where a name is both
        for code, name in Locale(shown_in).languages.items():
            if "_" not in code:  # "zh_Hant" and the like are spellings of their base language
                names[name.casefold()] = code
    return {**names, **_ALIASES}


@functools.cache
def language_code(text: str) -> str:
    """The language ``text`` names, as a code ("English" → "en", "zh-CN" → "zh"); folded text if unknown."""
    folded = " ".join(text.split()).casefold()
    if not folded:
        return ""
    by_name = _names().get(folded)
    if by_name is not None:
        return by_name
    matched = _CODE.match(folded)
    if matched and matched.group(1) in Locale("en").languages:
        return matched.group(1)
    return folded


def is_known(text: str) -> bool:
    """Whether ``text`` names a language Babel knows (by code or English or Chinese name)."""
    code = language_code(text)
    return bool(code) and code in Locale("en").languages


def language_name(code: str) -> str:
    """The English name of a code ("zh" → "Chinese"), or the code itself when unknown."""
    return str(Locale("en").languages.get(code, code))
