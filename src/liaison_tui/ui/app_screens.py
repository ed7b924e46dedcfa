"""Screens the app opens from anywhere: the history (H) and where Enter on an entry goes; save a copy (Ctrl+S)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual.app import App

from liaison_tui.domain.history import HistoryEntry
from liaison_tui.domain.kinds import Kind
from liaison_tui.i18n import _
from liaison_tui.reports.display import visible
from liaison_tui.store.storage import StorageError
from liaison_tui.store.store import Store
from liaison_tui.ui.messages import Goto


def open_history(app: App[None], store: Store, session_start: datetime) -> None:
    """H: what changed since this session started (m there: since this morning); Enter shows the record."""
    from liaison_tui.ui.dialogs.history_screen import HistoryScreen  # lazily: not needed for the first screen

    if isinstance(app.screen, HistoryScreen):
        return
    local_now = store.clock().astimezone()
    morning = local_now.replace(hour=0, minute=0, second=0, microsecond=0)

    def read() -> list[HistoryEntry]:
        try:
            return store.history()
        except StorageError as error:
            app.notify(str(error), title=_("History"), severity="error", markup=False)
            return []

    def chosen(target: tuple[Kind, int] | None) -> None:
        if target is None:
            return
        if target[1] not in store.data.table(target[0]):
            gone = _("That {kind} is no longer on file (deleted since)").format(kind=target[0].word)
            app.notify(gone, severity="warning")
            return
        app.screen.post_message(Goto(*target))

    app.push_screen(HistoryScreen(read, session_start, morning), chosen)


def open_save_copy(app: App[None], store: Store) -> None:
    """Ctrl+S on the main screen: save the data shown to a file the user names, then work there."""
    from liaison_tui.ui.dialogs.save_copy import SaveCopyDialog  # lazily: not needed for the first screen

    if isinstance(app.screen, SaveCopyDialog) or store.path is None:
        return
    explanation = _("Save the data shown ({file} as last read) to this file, then keep working there:").format(
        file=store.where
    )

    def saved(path: Path | None) -> None:
        if path is not None:
            app.notify(_("Saved a copy to {file}; changes now go there").format(file=visible(str(path))), markup=False)

    app.push_screen(SaveCopyDialog(explanation, store.path, store.save_copy), saved)
