"""Quitting (q, or Ctrl+Q on any screen) never throws away what was typed or leaves a save hanging.

Ctrl+Q works on every screen, forms included: it used to quit a form holding
changes without a word, and during a wait for another program's lock it left a
blank terminal, hung until that program let go.
"""

from __future__ import annotations

from textual.app import App

from liaison_tui.i18n import _


async def quit_or_ask(app: App[None]) -> None:
    """Exit, unless a save waits (say so) or a form holds changes (ask first, keeping them is the default)."""
    from liaison_tui.ui.dialogs.confirm import DiscardDialog  # lazily: not needed for the first screen
    from liaison_tui.ui.dialogs.lock_wait import LockWaitDialog
    from liaison_tui.ui.dialogs.record_form import RecordForm

    if any(isinstance(screen, LockWaitDialog | DiscardDialog) for screen in app.screen_stack):
        app.notify(_("Answer the question on screen first (Esc), then quit"), severity="warning")
        return
    forms = [screen for screen in app.screen_stack if isinstance(screen, RecordForm)]
    question = next((q for form in reversed(forms) if (q := form.discard_question()) is not None), None)
    if question is None:
        app.exit()
        return

    def answered(discard: bool | None) -> None:
        if discard:
            app.exit()

    await app.push_screen(DiscardDialog(question), answered)
