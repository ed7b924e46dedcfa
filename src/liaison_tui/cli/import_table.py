"""The table an import prints of what it would do (or did not do) with each row."""

from __future__ import annotations

from rich.table import Table

from liaison_tui.i18n import N_, _
from liaison_tui.reports.display import literal
from liaison_tui.spreadsheets.importing import ImportPlan

# What an import does with a row, as the plan table shows it.
ACTION_WORDS = {"add": N_("add"), "update": N_("update"), "unchanged": N_("unchanged"), "reject": N_("reject")}


def plan_table(plan: ImportPlan, show_unchanged: bool) -> Table:
    table = Table(title=_("Import of {kind} records").format(kind=plan.kind.word), title_justify="left")
    for column in (_("Line"), _("Action"), _("Record"), _("Reason")):
        table.add_column(column, overflow="fold")
    for outcome in plan.outcomes:
        if outcome.action == "unchanged" and not show_unchanged:
            continue
        style = {"reject": "red", "add": "green", "update": "yellow"}.get(outcome.action, "")
        table.add_row(
            str(outcome.line),
            literal(_(ACTION_WORDS.get(outcome.action, outcome.action)), style),
            literal(outcome.label),
            literal(outcome.reason),
        )
    return table
