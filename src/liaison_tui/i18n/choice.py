"""Which language to speak: ``--lang``, else ``LIAISON_TUI_LANG``, else the POSIX locale variables."""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = ("en", "zh")  # English is the source language; the catalogues translate from it
DEFAULT_LANGUAGE = "en"
ENVIRONMENT_VARIABLE = "LIAISON_TUI_LANG"
# POSIX order of precedence for messages: LC_ALL overrides LC_MESSAGES, which overrides LANG.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def language_of(locale_name: str) -> str | None:
    """``zh_CN.UTF-8``, ``zh_TW``, ``zh-Hans`` → ``zh``; ``en_GB`` → ``en``; anything else → None."""
    base = locale_name.strip().replace("-", "_").split(".")[0].split("@")[0].split("_")[0].casefold()
    return base if base in LANGUAGES else None


def choose_language(option: str | None, environ: Mapping[str, str]) -> str:
    """The language of the option, the app's variable, or the first locale variable that is set."""
    if option:
        return language_of(option) or DEFAULT_LANGUAGE
    chosen = environ.get(ENVIRONMENT_VARIABLE, "")
    if chosen:
        return language_of(chosen) or DEFAULT_LANGUAGE
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable, "")
        if value:  # the first one set decides, even when it names a language we lack (then English)
            return language_of(value) or DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE
