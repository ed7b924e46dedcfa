"""Questions asked before a save that is valid but probably not meant.

A city whose name matches another's (``Busan`` and ``busan``), or a visit made
shorter (or moved) so that some of its events fall outside its days. Neither is
refused, since the user may mean it; each is asked once, at Ctrl+S, with what
would happen. Keeping on editing is the default (Esc or Enter), and everything
typed stays in the form.
"""

from __future__ import annotations

from typing import Literal

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from liaison_tui.domain import schedule, values
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.model import City, Event, Record, Visit
from liaison_tui.domain.validation import same_name_cities
from liaison_tui.i18n import N_, _, ngettext
from liaison_tui.i18n.formats import day
from liaison_tui.reports.display import literal
from liaison_tui.ui.widgets.key_bar import KeyBar

Answer = Literal["save", "open", "edit"]
SHOWN_EVENTS = 8  # listed by name; the rest are counted


class SaveGuardDialog(ModalScreen[Answer]):
    """A question before saving: save anyway (s), or keep editing (Esc, Enter, k)."""

    DEFAULT_CSS = """
    SaveGuardDialog {
        align: center middle;
    }
    SaveGuardDialog > Vertical {
        width: 72;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: thick $warning;
        background: $surface;
        padding: 1 2;
    }
    """
    BINDINGS = [
        Binding(
            "s", "answer('save')", N_("Save anyway"), tooltip=N_("Save what the form holds as it is"), priority=True
        ),
        Binding(
            "escape,enter,k",
            "answer('edit')",
            N_("Keep editing"),
            tooltip=N_("Back to the form, as it was"),
            priority=True,
        ),
    ]

    def __init__(self, question: Text) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, id="guard-question")
        yield KeyBar()

    def action_answer(self, answer: Answer) -> None:
        self.dismiss(answer)


class SameCityDialog(SaveGuardDialog, inherit_bindings=False):
    """A city of the same name exists: open it instead (o), save anyway (s) or keep editing."""

    BINDINGS = [
        Binding(
            "o",
            "answer('open')",
            N_("Open the existing city"),
            tooltip=N_("Edit the city already there"),
            priority=True,
        ),
        *SaveGuardDialog.BINDINGS,
    ]

    def __init__(self, question: Text, existing: City) -> None:
        super().__init__(question)
        self.existing = existing


def _city_label(city: City) -> Text:
    return literal(f"{city.name} / {city.country}" if city.country else city.name, "bold")


def same_city_question(city: City, data: Dataset) -> SameCityDialog | None:
    """Asked when the city's name, folded, is another city's."""
    others = same_name_cities(data, city)
    if not others:
        return None
    question = Text.assemble(_city_label(city), _(" has the same name as "))
    for position, other in enumerate(others):
        question.append(", " if position else "")
        question.append_text(_city_label(other))
        question.append(f" (#{other.id})")
    question.append(_(", already in the file.") + "\n\n")
    question.append(_("o opens the existing city instead (what you typed here is dropped); "))
    question.append(_("s saves this one as well; Esc or Enter goes back to the form."), style="dim")
    return SameCityDialog(question, others[0])


def _event_line(event: Event) -> str:
    return f"{day(event.day)} {values.format_span(event.start, event.end)}  {event.title}"


def shortened_visit_question(visit: Visit, data: Dataset) -> SaveGuardDialog | None:
    """Asked when the visit's new dates leave some of its events outside."""
    outside = schedule.events_outside(data, visit)
    if not outside:
        return None
    question = Text.assemble(
        ngettext(
            "With these dates ({start} to {end}), {n} event of the visit falls outside them:",
            "With these dates ({start} to {end}), {n} events of the visit fall outside them:",
            len(outside),
        ).format(start=day(visit.start_date), end=day(visit.end_date), n=len(outside))
        + "\n"
    )
    for event in outside[:SHOWN_EVENTS]:
        question.append("  • ")
        question.append_text(literal(_event_line(event)))
        question.append("\n")
    if len(outside) > SHOWN_EVENTS:
        question.append("  " + _("… and {n} more").format(n=len(outside) - SHOWN_EVENTS) + "\n")
    question.append(
        "\n"
        + _(
            "s saves anyway: the events are kept (not deleted), flagged as outside the visit in the "
            "conflicts summary and by liaison-tui check; change the dates back to see them on the day tabs. "
            "Esc or Enter goes back to the form."
        ),
        style="dim",
    )
    return SaveGuardDialog(question)


def save_question(record: Record, data: Dataset) -> SaveGuardDialog | None:
    """The question to ask before saving ``record``, if any."""
    if isinstance(record, City):
        return same_city_question(record, data)
    if isinstance(record, Visit):
        return shortened_visit_question(record, data)
    return None
