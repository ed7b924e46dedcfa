"""Parsing and formatting of the values people type: dates, times, lists.

One place for these so the data file, the forms, the importers and the CLI all
accept and print exactly the same spellings, and dates and times round-trip.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from liaison_tui.i18n import N_, _

_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")
_CLOCK_12 = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\.?$", re.IGNORECASE)  # 9am, 9:30 pm, 12 a.m.
_DATE_TIME_T = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\S)")  # ISO's 2026-12-01T09:00
# English month names spelled out, not the locale's (``calendar.month_abbr``): the file is shared.
_MONTH_NAMES = {
    name: number
    for number, full in enumerate(
        "january february march april may june july august september october november december".split(), 1
    )
    for name in (full, full[:3], full[:4])
}

# What people may type (English month names are what the parser reads, in every language).
TIME_FORMS = N_("HH:MM (24-hour, e.g. 09:00 or 21:30) or 9am / 9:30pm")
DATE_FORMS = N_("YYYY-MM-DD, e.g. 2026-12-01, or 1 Dec 2026")
DATETIME_FORMS = N_("a date and a time, e.g. 2026-12-01 09:00, 1 Dec 09:00 or 1 Dec 9am")


class MissingYearError(ValueError):
    """A date typed without its year where no year can be filled in: the message says to add it."""


def parse_date(text: str, *, default_year: int | None = None) -> date:
    """``2026-12-01`` (ISO), ``1 Dec 2026`` or ``Dec 1 2026``; ``1 Dec`` when a year is given to fill in."""
    cleaned = text.strip()
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        pass
    words = cleaned.replace(",", " ").split()
    if 2 <= len(words) <= 3:
        day_month = _day_and_month(words[0], words[1])
        year = words[2] if len(words) == 3 else None
        if day_month is not None and (year is None or (year.isdigit() and len(year) == 4)):
            chosen = int(year) if year is not None else default_year
            if chosen is None:
                raise MissingYearError(
                    _("bad date {text!r}: add the year, e.g. 2026-12-01 or 1 Dec 2026").format(text=text)
                )
            try:
                return date(chosen, day_month[1], day_month[0])
            except ValueError:
                pass  # 31 Feb: explained below
    raise ValueError(_("bad date {text!r}: use {forms}").format(text=text, forms=_(DATE_FORMS)))


def _day_and_month(first: str, second: str) -> tuple[int, int] | None:
    """(day, month) from ``1 Dec`` or ``Dec 1``; None when they are not that."""
    for day, month in ((first, second), (second, first)):
        number = _MONTH_NAMES.get(month.lower().rstrip("."))
        if number is not None and day.isdigit() and 1 <= int(day) <= 31:
            return int(day), number
    return None


def parse_time(text: str) -> time:
    """``09:30``, ``9.30``, ``9am`` or ``9:30 pm``; hours 00-23, minutes 00-59."""
    if len(text) == 5 and text[2] == ":" and text.isascii():  # the stored form: the fast path
        try:
            return time.fromisoformat(text)
        except ValueError:
            pass
    cleaned = text.strip()
    match = _TIME.match(cleaned)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour < 24 and minute < 60:
            return time(hour, minute)
    match = _CLOCK_12.match(cleaned)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if 1 <= hour <= 12 and minute < 60:
            return time(hour % 12 + (12 if match.group(3).lower() == "p" else 0), minute)
    raise ValueError(_("bad time {text!r}: use {forms}").format(text=text, forms=_(TIME_FORMS)))


def parse_datetime(text: str, *, default_year: int | None = None) -> datetime:
    """``2026-11-30 14:05`` (or with ``T``), ``30 Nov 14:05``, ``30 Nov 2pm`` (local time of the visit)."""
    if len(text) == 16 and text[10] in " T" and text.isascii():  # the stored form: the fast path
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            pass
    words = _DATE_TIME_T.sub(r"\1 \2", text.strip()).split()
    # The time is the last word, or the last two when the second is am/pm ("9:30 pm").
    for clock_words in (2, 1):
        if len(words) > clock_words:
            try:
                clock = parse_time(" ".join(words[-clock_words:]))
                day = parse_date(" ".join(words[:-clock_words]), default_year=default_year)
            except MissingYearError:
                raise MissingYearError(
                    _("bad date and time {text!r}: add the year, e.g. 1 Dec 2026 9am").format(text=text)
                ) from None
            except ValueError:
                continue
            return datetime.combine(day, clock)
    raise ValueError(_("bad date and time {text!r}: use {forms}").format(text=text, forms=_(DATETIME_FORMS)))


def parse_travel(text: str, *, default_year: int | None = None) -> tuple[datetime, str]:
    """A date-time then the flight if any: ``1 Dec 9am CA 1234`` is (2026-12-01 09:00, ``CA 1234``).

    The longest run of leading words that reads as a date-time is the moment, so
    ``9am`` or ``9:30 pm`` is never taken for the flight.
    """
    words = text.split()
    problem = ValueError(
        _("bad date and time {text!r}: use {forms}, then the flight if any").format(text=text, forms=_(DATETIME_FORMS))
    )
    for count in range(min(len(words), 5), 1, -1):
        try:
            moment = parse_datetime(" ".join(words[:count]), default_year=default_year)
        except MissingYearError as error:
            problem = error
            continue
        except ValueError:
            continue
        return moment, " ".join(words[count:])
    raise problem


def format_time(value: time) -> str:
    return value.replace(tzinfo=None).isoformat("minutes")  # "09:30"; isoformat is ~5x faster than strftime


def format_span(start: time, end: time, dash: str = "-") -> str:
    """``09:00-12:00``; an end on the next day is marked: ``23:00-00:30 (+1)``."""
    return f"{format_time(start)}{dash}{format_time(end)}{' (+1)' if end < start else ''}"


def format_datetime(value: datetime) -> str:
    return value.replace(tzinfo=None).isoformat(" ", "minutes")  # "2026-11-30 14:05"


def parse_list(text: str) -> tuple[str, ...]:
    """A comma- or semicolon-separated list, blanks dropped, order kept."""
    parts = re.split(r"[;,]", text)
    return tuple(part.strip() for part in parts if part.strip())


def format_list(values: tuple[str, ...]) -> str:
    return ", ".join(values)


def check_timezone(name: str) -> str:
    """Return ``name`` when it is an IANA zone this machine knows."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            _("unknown time zone {name!r}: use an IANA name such as Asia/Shanghai").format(name=name)
        ) from None
    return name


def fold(text: str) -> str:
    """Case- and accent-insensitive form: 'Sandéman' and 'SANDEMAN' meet."""
    if text.isascii():  # most text: no accents to strip, and ten times faster
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
