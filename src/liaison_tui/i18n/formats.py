"""Dates, weekdays and numbers in the interface's language, through Babel (CLDR data).

The patterns themselves are in the catalogue (``EEE dd MMM`` in English reads
"Fri 04 Dec"; the Chinese catalogue gives ``M月d日 EEE``, "12月4日 周五"), so a
translator decides the order of day and month. Only what people read goes
through here: files (CSV, ICS, JSON) keep ISO dates.
"""

from __future__ import annotations

from datetime import date, datetime, time
from functools import cache, lru_cache

from babel import Locale
from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal

from liaison_tui.i18n.catalogues import N_, _, current_language

# CLDR date patterns (https://unicode.org/reports/tr35/tr35-dates.html#Date_Field_Symbol_Table).
DAY = N_("EEE dd MMM")  # Fri 04 Dec
DAY_YEAR = N_("EEE dd MMM yyyy")  # Fri 04 Dec 2026
DAY_TIME = N_("EEE dd MMM HH:mm")  # Fri 04 Dec 09:30
DAY_YEAR_TIME = N_("EEE dd MMM yyyy HH:mm")  # Fri 04 Dec 2026 09:30
WEEKDAY_DATE = N_("EEE dd")  # Fri 04: a day tab where space is short
WEEKDAY_TIME = N_("EEE HH:mm")  # Fri 09:30: the header's clock
DAY_MONTH = N_("d MMM")  # 4 Dec: the start of a date range within one year
DATE_LONG = N_("d MMM yyyy")  # 4 Dec 2026
WEEKDAY_DAY_OF_MONTH = N_("EEE d")  # Tue 1: the start of a date range within one month
RANGE_END_IN_MONTH = N_("EEE d MMM yyyy")  # Fri 4 Dec 2026: its end
FULL_DATE = N_("EEEE dd MMMM yyyy")  # Friday 04 December 2026: printed documents
FULL_DAY = N_("EEEE dd MMMM")  # Friday 04 December

BABEL_LOCALES = {"en": "en", "zh": "zh_Hans_CN"}


@cache
def _locale(language: str) -> Locale:
    return Locale.parse(BABEL_LOCALES[language])


def babel_locale() -> Locale:
    return _locale(current_language())


def when(value: date | datetime | time, pattern: str) -> str:
    """``value`` written with one of the patterns above, in the current language."""
    if isinstance(value, datetime):
        # The wall-clock time: aware datetimes of one instant in two zones are equal, so would share a cache entry.
        value = value.replace(tzinfo=None)
    return _written(value, _(pattern), current_language())


@lru_cache(maxsize=4096)  # a summary writes the same few days thousands of times
def _written(value: date | datetime | time, pattern: str, language: str) -> str:
    """``value`` in ``pattern`` (already translated: the cache is keyed by the pattern in use)."""
    locale = _locale(language)
    if isinstance(value, datetime):
        return format_datetime(value, pattern, locale=locale)
    if isinstance(value, date):
        return format_date(value, pattern, locale=locale)
    return format_datetime(datetime.combine(date(2000, 1, 1), value), pattern, locale=locale)


def number(value: int | float) -> str:
    """A count with the language's grouping: 10,000."""
    return format_decimal(value, locale=babel_locale())


def day(value: date) -> str:
    """Fri 04 Dec (12月4日 周五)."""
    return when(value, DAY)


def day_time(value: datetime) -> str:
    """Fri 04 Dec 09:30."""
    return when(value, DAY_TIME)
