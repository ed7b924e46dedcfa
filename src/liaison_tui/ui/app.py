"""The Textual app: shows a session's data, saves through it, watches the file."""

from __future__ import annotations

import asyncio
import math
import os
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TypeVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.dom import DOMNode
from textual.notifications import SeverityLevel
from textual.screen import Screen

from liaison_tui.domain import schedule
from liaison_tui.domain.edits import Edit
from liaison_tui.domain.kinds import kind_of
from liaison_tui.domain.model import ValidationError
from liaison_tui.i18n import N_, _
from liaison_tui.reports.display import visible
from liaison_tui.session import NothingToUndo, Session, UndoCollision
from liaison_tui.store.errors import DataFileGoneError, LockBusyError
from liaison_tui.store.storage import StorageError
from liaison_tui.store.store import Commit, StaleEditError, Store
from liaison_tui.ui import palette
from liaison_tui.ui.app_screens import open_history, open_save_copy
from liaison_tui.ui.dialogs.ask_name import ASK_VARIABLE, AskNameDialog
from liaison_tui.ui.file_watch import FollowsTheFile
from liaison_tui.ui.loading_screen import LoadingScreen
from liaison_tui.ui.lock_waiting import save_without_freezing, waiting_began
from liaison_tui.ui.lookup_provider import LookupProvider
from liaison_tui.ui.main_screen import MainScreen
from liaison_tui.ui.messages import Goto
from liaison_tui.ui.quit_guard import quit_or_ask
from liaison_tui.ui.widgets.itinerary import EventsTable
from liaison_tui.ui.widgets.record_table import RecordTable

if TYPE_CHECKING:
    from liaison_tui.ui.dialogs.help_screen import HelpSection

Clock = Callable[[], datetime]
StoreOpener = Callable[[], Store]
Done = TypeVar("Done")
LOOKUP_DELAY = 0.5  # seconds after the first frame to build the lookup index


def system_clock() -> datetime:
    return datetime.now(UTC)


def help_sections() -> list[HelpSection]:
    """Where each key works, for the help screen: read from the bindings themselves."""
    from liaison_tui.ui.dialogs.record_form import RecordForm  # lazily: not needed for the first screen

    def bindings(*owners: type[DOMNode]) -> list[Binding]:
        """Each owner's own bindings and those of our classes it inherits from (not Textual's)."""
        classes = [c for owner in owners for c in owner.__mro__ if c.__module__.startswith("liaison_tui")]
        found = [b for c in classes for b in c.__dict__.get("BINDINGS", ()) if isinstance(b, Binding)]
        # A key bound twice for one purpose (the main screen's "/" as it is read, the app's elsewhere) once.
        return list({(b.key, b.description): b for b in found}.values())

    return [
        (_("Anywhere"), bindings(LiaisonApp, MainScreen)),
        (_("In a pane"), bindings(RecordTable)),
        (_("In the itinerary"), bindings(EventsTable)),
        (_("In a form"), bindings(RecordForm)),
    ]


class LiaisonApp(FollowsTheFile):
    """Cities, officers and the itinerary of one data file."""

    CSS_PATH = "app.tcss"
    TITLE = "liaison-tui"
    COMMANDS = App.COMMANDS | {LookupProvider}
    COMMAND_PALETTE_DISPLAY = "Lookup"
    BINDINGS = [
        # Descriptions and tooltips are marked N_ and translated where shown (the key bar, the help).
        Binding("q", "quit", N_("Quit"), tooltip=N_("Leave the app; every change is already saved")),
        Binding("question_mark", "help", N_("Help"), tooltip=N_("List every key")),
        Binding(
            "slash,ctrl+p", "command_palette", N_("Lookup"), tooltip=N_("Find an officer, city, event or follow-up")
        ),
        Binding("u", "undo", N_("Undo"), tooltip=N_("Undo the last change (repeat for more)")),
        Binding(
            "ctrl+s", "save_copy", N_("Save a copy"), show=False, tooltip=N_("Write the data shown to a file you name")
        ),
        Binding(
            "H", "history", N_("History"), tooltip=N_("What changed since you started, or this morning; who did it")
        ),
    ]

    session: Session
    session_start: datetime  # history time, to the second

    def __init__(
        self,
        store: Store | StoreOpener,
        *,
        clock: Clock = system_clock,
        watch_interval: float = 1.0,
        user: str = "",
        where: str = "",
    ) -> None:
        """The app on ``store``, or on the store ``store()`` opens in a thread after the first frame (``where``)."""
        super().__init__()
        self.clock = clock
        self.watch_interval = watch_interval
        self.user = user
        self._one_save_at_a_time = asyncio.Lock()
        self.open_error: Exception | None = None  # why the file did not open: the launcher says it, as before
        self._open_store: StoreOpener | None = None
        self._where = where
        if isinstance(store, Store):
            self._take(store)
        else:
            self._open_store = store

    def _take(self, store: Store) -> None:
        self.session = Session(store)
        self.user = store.author = self.user or store.author  # --user, $LIAISON_TUI_USER, else the login name
        self.session_start = store.clock().replace(microsecond=0)
        self._open_store = None

    @property
    def opened(self) -> bool:
        """False while the data file is still being read: only quitting and help work then."""
        return self._open_store is None and self.open_error is None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.opened or action in ("quit", "help")

    def on_mount(self) -> None:
        if self._open_store is None:
            self._start()
            return
        self.push_screen(LoadingScreen(self._where))
        # Once the loading line is out: the worker shares the GIL (orjson holds it while it parses).
        self.call_after_refresh(self.open_file, self._open_store)

    @work(thread=True, exclusive=True, group="open")
    def open_file(self, open_store: StoreOpener) -> None:
        """Read and check the file off the event loop: the loading line is drawn, and keys are read, meanwhile."""
        try:
            store = open_store()
        except Exception as error:  # every failure ends the app; the launcher reports it as the commands do
            self.call_from_thread(self._not_opened, error)
            return
        self.call_from_thread(self._opened, store)

    def _not_opened(self, error: Exception) -> None:
        self.open_error = error
        self.exit(return_code=1)

    def _opened(self, store: Store) -> None:
        self._take(store)
        self._start()

    def _start(self) -> None:
        """The main screen on the data, and the work that follows it: the file's watch, the lookup index."""
        if isinstance(self.screen, LoadingScreen):
            self.switch_screen(MainScreen())
        else:
            self.push_screen(MainScreen())
        if os.environ.get(ASK_VARIABLE) == "1":  # served to browsers: all under one login (see ask_name)
            self.push_screen(AskNameDialog(), self._named)
        self.set_interval(self.watch_interval, self.watch_file)
        if self.store.read_only_reason:
            self.notify(
                _("{file}: read-only file; viewing only").format(file=visible(self.store.where)),
                severity="warning",
                markup=False,
            )
        # Only once the first frame is out: a worker thread shares the GIL with it.
        self.call_after_refresh(self.set_timer, LOOKUP_DELAY, self.prepare_lookup)

    def _named(self, name: str | None) -> None:
        if name:
            self.user = self.store.author = name

    def utc_now(self) -> datetime:
        return self.clock()

    def local_now(self) -> datetime | None:
        visit = self.session.current_visit()
        return schedule.local_now(visit, self.clock()) if visit else None

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notice, with control characters as stand-ins: many quote names from the file."""
        super().notify(
            visible(message, multiline=True),
            title=visible(title),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    # -- changing the data -----------------------------------------------------

    async def _without_freezing(self, job: Callable[[float], Done]) -> Done:
        """Run a save (``job(wait)``) so that another program's lock never freezes the keys.

        The lock is free almost always: then the save runs at once. Only when it
        is held does the save wait in a thread, with a dialog that can call it off.
        Saves run one at a time, in the order they were asked for.
        """
        async with self._one_save_at_a_time:
            self.session.forget_cancelled_wait()
            try:
                return job(0.0)
            except LockBusyError:
                pass
            from liaison_tui.ui.dialogs.lock_wait import LockWaitDialog  # lazily: not needed for the first screen

            dialog = LockWaitDialog(self.store.where, self.session.cancel_waiting)
            await self.push_screen(dialog)
            waiting_began()
            try:
                return await asyncio.to_thread(job, math.inf)  # until the other program lets go, or Esc
            finally:
                if dialog.is_attached and self.screen is dialog:
                    dialog.dismiss(None)

    async def save(
        self, edits: Sequence[Edit], message: str, *, undoable: bool = True, raise_stale: bool = False
    ) -> Commit | None:
        """Save through the session; on failure say why and return None.

        With ``raise_stale`` a StaleEditError is raised instead, for a form to resolve.
        """
        try:
            commit = await self._without_freezing(lambda wait: self.session.save(edits, undoable=undoable, wait=wait))
        except (StorageError, ValidationError) as error:
            if raise_stale and isinstance(error, StaleEditError):
                raise
            self.notify(str(error), title=_("Not saved"), severity="error", markup=False, timeout=10)
            self._data_changed()  # a refused save may have reloaded newer data
            if isinstance(error, DataFileGoneError):
                self.action_save_copy()  # over the form, so what was typed can still be saved
            return None
        self._after_commit(commit, message)
        return commit

    def _after_commit(self, commit: Commit, message: str) -> None:
        if not self.session.lookup_ready:
            self.prepare_lookup()
        if commit.reloaded:
            self._tell_news(_("The file had changed in another window: reloaded first"))
        self.notify(message, markup=False, timeout=3)
        self._data_changed()

    async def action_undo(self) -> None:
        await save_without_freezing(self, self._undo())

    async def _undo(self) -> None:
        try:
            undone = await self._without_freezing(lambda wait: self.session.undo(wait=wait))
        except NothingToUndo:
            self.notify(_("Nothing to undo"), severity="warning")
            return
        except UndoCollision as error:
            self.notify(str(error), title=_("Not undone"), severity="error", markup=False, timeout=10)
            self._data_changed()
            return
        except (StorageError, ValidationError) as error:
            self.notify(str(error), title=_("Not undone"), severity="error", markup=False, timeout=10)
            return
        self._after_commit(undone.commit, _("Undone: {change}").format(change=undone.summary))
        if undone.where is not None:  # show where the undone change was
            self.screen.post_message(Goto(kind_of(undone.where), undone.where.id))

    def action_history(self) -> None:
        open_history(self, self.store, self.session_start)

    def action_save_copy(self) -> None:
        open_save_copy(self, self.store)

    async def action_quit(self) -> None:
        await quit_or_ask(self)

    def action_help(self) -> None:
        from liaison_tui.ui.dialogs.help_screen import HelpScreen  # lazily: not needed for the first screen

        self.push_screen(HelpScreen(help_sections()))

    def _new_lookup(self) -> CommandPalette | None:
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]  # App[None]
            return CommandPalette(placeholder=_(palette.PROMPT), id="--command-palette")
        return None  # already open

    def action_command_palette(self) -> None:
        if lookup := self._new_lookup():
            self.push_screen(lookup)

    async def action_lookup(self) -> None:
        """Open the lookup and wait until it is mounted, so the name typed right after "/" lands in it."""
        if lookup := self._new_lookup():
            await self.push_screen(lookup)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        return palette.translated(super().get_system_commands(screen))
