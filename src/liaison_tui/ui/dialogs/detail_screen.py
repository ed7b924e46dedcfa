"""A full-screen view of one record's detail, for when the panel is too small."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from liaison_tui.i18n import N_
from liaison_tui.ui.widgets.key_bar import KeyBar


class DetailScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,enter,q", "close", N_("Close"))]

    def __init__(self, title: str, body: Text) -> None:
        super().__init__()
        self.title_text = title
        self.body = body

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail-screen") as scroll:
            scroll.border_title = self.title_text
            yield Static(self.body, markup=False)
        yield KeyBar()

    def action_close(self) -> None:
        self.dismiss(None)
