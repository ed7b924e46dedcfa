"""The app kept in step with its data file: a colleague's save read in and told as news, the lookup
index built and carried over, the file moved or deleted under it."""

from __future__ import annotations

from textual import work
from textual.app import App

from liaison_tui.domain import participant_groups
from liaison_tui.i18n import _
from liaison_tui.reports.display import visible
from liaison_tui.reports.history import news_lines
from liaison_tui.reports.words import table_word
from liaison_tui.session import Session
from liaison_tui.store.errors import DataFileGoneError
from liaison_tui.store.storage import StorageError
from liaison_tui.store.store import Store
from liaison_tui.ui.messages import DataChanged


class FollowsTheFile(App[None]):
    """What the app does as the file changes under it (another window, the CLI, a browser)."""

    session: Session  # the app's, once the file is open

    @property
    def store(self) -> Store:
        return self.session.store

    @work(thread=True, exclusive=True, group="lookup")
    def prepare_lookup(self) -> None:
        """Build the lookup index off the UI thread, so the first keystroke is instant too; and sort
        everyone by city once, so the first event the cursor reaches lists its people at once."""
        _index = self.session.lookup_index
        participant_groups.warm(self.session.data)

    def _data_changed(self) -> None:
        for screen in self.screen_stack:  # the main screen, and a roll or Now board over it
            screen.post_message(DataChanged())

    def watch_file(self) -> None:
        try:
            changed = self.store.changed_on_disk()
        except StorageError:
            return
        if changed:
            self.reload_file()

    @work(thread=True, exclusive=True, group="reload")
    def reload_file(self) -> None:
        try:
            reloaded = self.session.reload_if_changed()
        except DataFileGoneError as error:
            self.call_from_thread(self.file_gone, error)
            return
        except StorageError as error:
            self.call_from_thread(
                self.notify,
                _("{error}\nShowing the data as last read.").format(error=error),
                title=_("Cannot reload"),
                severity="error",
                markup=False,
            )
            return
        if reloaded:
            self.call_from_thread(self._after_reload)

    def _after_reload(self) -> None:
        self._tell_news(_("The data file was changed elsewhere: reloaded"))
        self.prepare_lookup()
        self._data_changed()

    def _tell_news(self, otherwise: str) -> None:
        """Who changed what in the saves just read, in a line each; ``otherwise`` when they left no history."""
        try:
            lines = news_lines(self.session.news())
        except StorageError:
            lines = []  # an unreadable history entry: the data itself was read
        self.notify("\n".join(lines) or otherwise, title=_("Saved elsewhere") if lines else "", markup=False, timeout=8)

    def file_gone(self, error: DataFileGoneError) -> None:
        """The data file was moved or deleted: keep showing what was read, and say how to keep it."""
        held = ", ".join(f"{count} {table_word(table)}" for table, count in self.store.data.counts().items() if count)
        self.notify(
            _(
                "{error}.\nShowing what was last read ({held}); "
                "nothing can be saved there. Press Ctrl+S to save a copy."
            ).format(error=visible(str(error)), held=held or _("no records")),
            title=_("Data file gone"),
            severity="error",
            markup=False,
            timeout=60,
        )
