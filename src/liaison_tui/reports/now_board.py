"""The Now board as Rich text: for ``liaison-tui now`` and the app's Now screen.

A handful of short lines that fit an 80x24 terminal left open on a second
screen: the event under way, the next stop and when it leaves, who was missing
at the last roll-call, who has the floor, and the time at home.
"""

from __future__ import annotations

from datetime import timedelta

from rich.console import RenderableType
from rich.text import Text

from liaison_tui.domain import schedule
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import Event, Officer
from liaison_tui.domain.now import HomeTime, NowBoard
from liaison_tui.i18n import _, ngettext
from liaison_tui.i18n.formats import DAY_YEAR_TIME, day, when
from liaison_tui.reports.display import literal

HOME_CLOCKS = 6  # different home times listed before "and N more"
CITIES_PER_CLOCK = 1  # cities named for one home time before "+N"


def duration(span: timedelta) -> str:
    """``0:25``, ``3:05``, ``1 day 2:05``: how long until something starts."""
    minutes = max(0, int(span.total_seconds() // 60))
    days, minutes = divmod(minutes, 24 * 60)
    clock = f"{minutes // 60}:{minutes % 60:02d}"
    return ngettext("{days} day {clock}", "{days} days {clock}", days).format(days=days, clock=clock) if days else clock


def _line(label: str, *parts: Text | str) -> Text:
    """``label`` in bold (made literal: it may hold a title), then the parts (``str`` parts are ours)."""
    return Text.assemble(literal(_("{label}: ").format(label=label), "bold"), *parts)


def _where(event: Event) -> Text:
    text = literal(event.title)
    if event.venue:
        text.append(_(" at "))
        text.append_text(literal(event.venue))
    return text


def _who(data: Dataset, officer: Officer) -> Text:
    city = schedule.city_of(data, officer)
    return literal(f"{officer.name} ({city.name})" if city else officer.name)


def _home(home: list[HomeTime]) -> Text:
    """``Atlanta 20:30 (night) · Helsinki 03:30 (night)``; cities sharing a clock share an entry."""
    clocks: dict[tuple[str, bool], list[str]] = {}
    for entry in home:
        clocks.setdefault((f"{entry.local:%H:%M}", entry.night), []).append(entry.city.name)
    text = Text()
    for number, ((clock, night), names) in enumerate(list(clocks.items())[:HOME_CLOCKS]):
        if number:
            text.append(" · ")
        shown = names[:CITIES_PER_CLOCK]
        text.append_text(literal(", ".join(shown)))
        if len(names) > len(shown):
            text.append(f" +{len(names) - len(shown)}")
        text.append(f" {clock}")
        if night:
            text.append(_(" (night)"), style="dim")
    if len(clocks) > HOME_CLOCKS:
        text.append(_(" · and {n} more").format(n=len(clocks) - HOME_CLOCKS))
    return text


def now_board_text(board: NowBoard, data: Dataset) -> list[RenderableType]:
    """One ``Text`` per line of the board."""
    lines: list[RenderableType] = [Text(when(board.at, DAY_YEAR_TIME), style="bold")]
    if board.current:
        lines.append(
            _line(_("Now"), _where(board.current), _(", until {end}").format(end=f"{board.current.end:%H:%M}"))
        )
    else:
        lines.append(_line(_("Now"), _("nothing under way for the group")))
    upcoming = board.next
    if upcoming is not None:
        on_day = "" if upcoming.day == board.at.date() else f"{day(upcoming.day)} "
        leaves = _(", {day}{start}, leaves in {wait}").format(
            day=on_day, start=f"{upcoming.start:%H:%M}", wait=duration(board.leaves_in or timedelta(0))
        )
        lines.append(_line(_("Next"), _where(upcoming), leaves))
    else:
        lines.append(_line(_("Next"), _("nothing more for the group on this visit")))
    last = board.last_roll
    if last is not None:
        label = _("Missing at {event}") if last.absent_names else _("Roll at {event}")
        lines.append(_line(label.format(event=last.event.title), literal(last.headline())))
    if board.speaker is not None or board.following_speaker is not None:
        floor = _who(data, board.speaker) if board.speaker else Text(_("nobody yet"))
        if board.following_speaker is not None:
            floor.append(_(", then ") if board.speaker else _(", first "))
            floor.append_text(_who(data, board.following_speaker))
        lines.append(_line(_("On the floor"), floor))
    if board.home:
        lines.append(_line(_("Home"), _home(board.home)))
    return lines
