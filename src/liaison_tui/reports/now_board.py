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
from liaison_tui.reports.display import literal

HOME_CLOCKS = 6  # different home times listed before "and N more"
CITIES_PER_CLOCK = 1  # cities named for one home time before "+N"


def duration(span: timedelta) -> str:
    """``0:25``, ``3:05``, ``1 day 2:05``: how long until something starts."""
    minutes = max(0, int(span.total_seconds() // 60))
    days, minutes = divmod(minutes, 24 * 60)
    clock = f"{minutes // 60}:{minutes % 60:02d}"
    return f"{days} day{'s' if days > 1 else ''} {clock}" if days else clock


def _line(label: str, *parts: Text | str) -> Text:
    """``label`` in bold (made literal: it may hold a title), then the parts (``str`` parts are ours)."""
    return Text.assemble(literal(f"{label}: ", "bold"), *parts)


def _where(event: Event) -> Text:
    text = literal(event.title)
    if event.venue:
        text.append(" at ")
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
            text.append(" (night)", style="dim")
    if len(clocks) > HOME_CLOCKS:
        text.append(f" · and {len(clocks) - HOME_CLOCKS} more")
    return text


def now_board_text(board: NowBoard, data: Dataset) -> list[RenderableType]:
    """One ``Text`` per line of the board."""
    lines: list[RenderableType] = [Text(f"{board.at:%a %d %b %Y %H:%M}", style="bold")]
    if board.current:
        lines.append(_line("Now", _where(board.current), f", until {board.current.end:%H:%M}"))
    else:
        lines.append(_line("Now", "nothing under way for the group"))
    upcoming = board.next
    if upcoming is not None:
        day = "" if upcoming.day == board.at.date() else f"{upcoming.day:%a %d %b} "
        leaves = f", {day}{upcoming.start:%H:%M}, leaves in {duration(board.leaves_in or timedelta(0))}"
        lines.append(_line("Next", _where(upcoming), leaves))
    else:
        lines.append(_line("Next", "nothing more for the group on this visit"))
    last = board.last_roll
    if last is not None:
        label = "Missing at" if last.absent_names else "Roll at"
        lines.append(_line(f"{label} {last.event.title}", literal(last.headline())))
    if board.speaker is not None or board.following_speaker is not None:
        floor = _who(data, board.speaker) if board.speaker else Text("nobody yet")
        if board.following_speaker is not None:
            floor.append(", then " if board.speaker else ", first ")
            floor.append_text(_who(data, board.following_speaker))
        lines.append(_line("On the floor", floor))
    if board.home:
        lines.append(_line("Home", _home(board.home)))
    return lines
