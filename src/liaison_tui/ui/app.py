"""The Textual app: holds the store, saves and undoes, watches the file."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from textual import work
from textual.app import App
from textual.binding import Binding

from liaison_tui.domain import schedule
from liaison_tui.domain.edits import Edit, invert, summarise
from liaison_tui.domain.model import KIND_NAMES, Dataset, ValidationError
from liaison_tui.lookup.index import LookupIndex
from liaison_tui.store.storage import StorageError
from liaison_tui.store.store import Commit, StaleEditError, Store
from liaison_tui.ui.dialogs.help_screen import HelpScreen
from liaison_tui.ui.lookup_provider import LookupProvider
from liaison_tui.ui.main_screen import MainScreen
from liaison_tui.ui.messages import DataChanged, Goto

Clock = Callable[[], datetime]
UNDO_LEVELS = 100
LOOKUP_DELAY = 0.5  # seconds after the first frame to build the lookup index


def system_clock() -> datetime:
    return datetime.now(UTC)


class LiaisonApp(App[None]):
    """Cities, officers and the itinerary of one data file."""

    CSS_PATH = "app.tcss"
    TITLE = "liaison-tui"
    COMMANDS = App.COMMANDS | {LookupProvider}
    COMMAND_PALETTE_DISPLAY = "Lookup"
    BINDINGS = [
        Binding("q", "quit", "Quit", tooltip="Leave the app; every change is already saved"),
        Binding("question_mark", "help", "Help", tooltip="List every key"),
        Binding("slash,ctrl+p", "command_palette", "Lookup", tooltip="Find an officer, city, event or follow-up"),
        Binding("u", "undo", "Undo", tooltip="Undo the last change"),
    ]

    def __init__(self, store: Store, *, clock: Clock = system_clock, watch_interval: float = 1.0) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self.watch_interval = watch_interval
        self.undo_stack: list[list[Edit]] = []
        self._index: tuple[Dataset, LookupIndex] | None = None

    def on_mount(self) -> None:
        self.push_screen(MainScreen())
        self.set_interval(self.watch_interval, self.watch_file)
        # Only once the first frame is out: a worker thread shares the GIL with it.
        self.call_after_refresh(self.set_timer, LOOKUP_DELAY, self.prepare_lookup)

    @work(thread=True, exclusive=True, group="lookup")
    def prepare_lookup(self) -> None:
        """Build the lookup index off the UI thread, so the first keystroke is instant too."""
        _ = self.lookup_index

    def _update_lookup(self, before: Dataset, commit: Commit) -> None:
        """Carry the index over a save edit by edit (milliseconds), else rebuild it."""
        if self._index is not None and self._index[0] is before and not commit.reloaded:
            index = self._index[1]
            index.update(self.store.data, commit.edits)
            self._index = (self.store.data, index)
        else:
            self.prepare_lookup()

    @property
    def lookup_index(self) -> LookupIndex:
        """Built on first use after each change of data, then reused per keystroke."""
        data = self.store.data
        if self._index is None or self._index[0] is not data:
            self._index = (data, LookupIndex(data))
        return self._index[1]

    def local_now(self) -> datetime | None:
        visit = self.store.current_visit()
        return schedule.local_now(visit, self.clock()) if visit else None

    # -- changing the data -----------------------------------------------------

    def save(
        self, edits: Sequence[Edit], message: str, *, undoable: bool = True, raise_stale: bool = False
    ) -> Commit | None:
        """Commit through the store; on failure say why and return None (or raise, with ``raise_stale``,
        a StaleEditError for a form to resolve)."""
        before = self.store.data
        try:
            commit = self.store.commit(edits)
        except (StorageError, ValidationError) as error:
            if raise_stale and isinstance(error, StaleEditError):
                raise
            self.notify(str(error), title="Not saved", severity="error", markup=False, timeout=10)
            self.screen.post_message(DataChanged())  # a refused save may have reloaded newer data
            return None
        if undoable:
            self.undo_stack = [*self.undo_stack, commit.edits][-UNDO_LEVELS:]
        self._update_lookup(before, commit)
        if commit.reloaded:
            self.notify("The file had changed in another window: reloaded first", markup=False)
        self.notify(message, markup=False, timeout=3)
        self._data_changed()
        return commit

    def action_undo(self) -> None:
        if not self.undo_stack:
            self.notify("Nothing to undo", severity="warning")
            return
        last = self.undo_stack[-1]
        if self.save(invert(last), f"Undone: {summarise(last)}", undoable=False):
            self.undo_stack.pop()
            record = last[-1].record  # show where the undone change was, if it still exists
            if record.id in self.store.data.table(type(record)):
                self.screen.post_message(Goto(KIND_NAMES[type(record)], record.id))

    def _data_changed(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.post_message(DataChanged())

    # -- other windows ---------------------------------------------------------

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
            reloaded = self.store.reload_if_changed()
        except StorageError as error:
            self.call_from_thread(
                self.notify,
                f"{error}\nShowing the data as last read.",
                title="Cannot reload",
                severity="error",
                markup=False,
            )
            return
        if reloaded:
            self.call_from_thread(self._after_reload)

    def _after_reload(self) -> None:
        self.notify("The data file was changed elsewhere: reloaded", markup=False)
        self.prepare_lookup()
        self._data_changed()

    def action_help(self) -> None:
        self.push_screen(HelpScreen())
