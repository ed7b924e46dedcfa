"""``summary interpreters``: per event, its interpreters and who they leave uncovered."""

from __future__ import annotations

from rich.console import RenderableType

from liaison_tui.domain import schedule
from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.interpreting import SILENT_KINDS, Coverage, coverage, working_language
from liaison_tui.domain.languages import language_name
from liaison_tui.domain.model import Event, InterpreterAssignment, Visit
from liaison_tui.i18n import _
from liaison_tui.i18n.formats import day_time, number
from liaison_tui.reports.tables import cap, cells, few, table


def assignment_text(data: Dataset, assignment: InterpreterAssignment) -> str:
    """``zh-en: Li Wei``: the pair and who interprets."""
    officer = data.officers.get(assignment.interpreter_id) if assignment.interpreter_id is not None else None
    who = officer.name if officer else assignment.interpreter or f"#{assignment.interpreter_id}"
    return f"{'-'.join(assignment.languages)}: {who}"


def _uncovered_text(found: Coverage | None) -> str:
    if found is None:
        return ""
    if found.event.kind in SILENT_KINDS:
        return _("not needed")
    groups = sorted(found.uncovered.items(), key=lambda item: (-len(item[1]), sorted(item[0])))
    parts = [f"{' / '.join(language_name(c) for c in sorted(codes))} ({number(len(ids))})" for codes, ids in groups]
    return few(parts) if parts else _("everyone covered")


def interpreters(data: Dataset, visit: Visit | None, limit: int | None = None) -> list[RenderableType]:
    if visit is None:
        return [table(_("Interpreters"), _("Event"), caption=_("no visit"))]
    working = working_language(visit)
    caption = (
        _("working language: {language}").format(language=language_name(working))
        if working
        else _("the visit's working language is not set (the host's language unknown): coverage cannot be judged")
    )
    drawn = table(
        _("Interpreters"),
        _("When"),
        _("Event"),
        _("Participants"),
        _("Interpreters"),
        _("Not covered"),
        _("Languages not recorded"),
        caption=caption,
    )
    rows = []
    events: list[Event] = schedule.visit_events(data, visit)
    for event in events:
        found = coverage(data, visit, event)
        rows.append(
            cells(
                day_time(event.starts_at),
                event.title,
                number(schedule.participant_count(data, event)),
                "; ".join(assignment_text(data, a) for a in event.interpreters),
                _uncovered_text(found),
                number(found.unrecorded) if found and found.unrecorded else "",
            )
        )
    return [cap(drawn, rows, limit)]
