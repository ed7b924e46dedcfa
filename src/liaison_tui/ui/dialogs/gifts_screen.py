"""The gift register on a screen of its own ($): every gift, added, edited and deleted by keys.

The same editor as the main screen's panes (forms from the field table, a
confirmation before a delete, u to undo) acts on the gift under the cursor;
the detail of that gift shows beside the list. User text is never markup.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import ModalScreen

from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.gifts import value_text
from liaison_tui.domain.kinds import Kind
from liaison_tui.domain.model import Record
from liaison_tui.i18n import N_, _
from liaison_tui.reports.display import literal
from liaison_tui.reports.gifts import direction_word, gift_detail
from liaison_tui.ui.editing import RecordEditor
from liaison_tui.ui.host import host_of
from liaison_tui.ui.messages import DataChanged, Goto
from liaison_tui.ui.rows import TableRow
from liaison_tui.ui.widgets.detail_panel import DetailPanel
from liaison_tui.ui.widgets.key_bar import KeyBar
from liaison_tui.ui.widgets.record_table import RecordTable

# Where it is now last: the longest text, cut first on a narrow terminal.
GIFT_COLUMNS = (N_("Gift"), N_("Direction"), N_("City"), N_("Value"), N_("Declared"), N_("Where now"))


def gift_rows(data: Dataset) -> list[TableRow]:
    """Every gift, city by city, given before received; ⚠ marks one not yet declared."""
    city_names = {city.id: city.name for city in data.cities.values()}
    rows: list[TableRow] = []
    for gift in sorted(
        data.gifts.values(), key=lambda g: (city_names.get(g.city_id, "").casefold(), g.direction.value, g.id)
    ):
        declared: str | Text = _("yes") if gift.declared else Text.assemble(("⚠ ", "bold"), _("not yet"))
        rows.append(
            (
                gift.id,
                [
                    literal(gift.description),
                    direction_word(gift.direction),
                    literal(city_names.get(gift.city_id, "?")),
                    value_text(gift),
                    declared,
                    literal(gift.custody),
                ],
            )
        )
    return rows


class GiftsScreen(ModalScreen[None]):
    """The register; a/e/d act on the gift under the cursor, Escape closes."""

    BINDINGS = [
        Binding("a", "add", N_("Add"), tooltip=N_("Add a gift (given or received)"), priority=True),
        Binding("e", "edit", N_("Edit"), tooltip=N_("Edit the gift under the cursor"), priority=True),
        Binding("d", "delete", N_("Delete"), tooltip=N_("Delete the gift under the cursor (asks first)")),
        Binding("u", "app.undo", N_("Undo"), tooltip=N_("Undo the last change (repeat for more)")),
        Binding("escape,q", "close", N_("Close")),
    ]

    DEFAULT_CSS = """
    GiftsScreen {
        align: center middle;
    }
    GiftsScreen > Horizontal {
        width: 100%;
        height: 1fr;
        border: thick $primary;
        background: $surface;
    }
    GiftsScreen #gift-register {
        width: 1fr;
    }
    GiftsScreen DetailPanel {
        width: 42;
        border: round $primary 50%;
        padding: 0 1;
    }
    """

    def __init__(self, city_id: int | None = None) -> None:
        super().__init__()
        self.city_id = city_id  # where a new gift starts: the city highlighted on the main screen
        self.editor = RecordEditor(self, self)

    @property
    def data(self) -> Dataset:
        return host_of(self.app).session.data

    def compose(self) -> ComposeResult:
        with Horizontal() as box:
            box.border_title = _("Gift register")
            yield RecordTable(Kind.GIFT, id="gift-register")
            yield DetailPanel()
        yield KeyBar()

    def on_mount(self) -> None:
        self.fill()
        self.query_one(RecordTable).focus()

    def fill(self) -> None:
        table = self.query_one(RecordTable)
        table.show([_(c) for c in GIFT_COLUMNS], gift_rows(self.data))
        self.query_one(Horizontal).border_title = _("Gift register ({n})").format(n=len(self.data.gifts))
        self._show_detail(table.current_id)

    def _show_detail(self, gift_id: int | None) -> None:
        panel = self.query_one(DetailPanel)
        gift = self.data.gifts.get(gift_id) if gift_id is not None else None
        if gift is None:
            panel.show(_("Gift"), Text(_("No gifts yet. a: add one"), style="dim"))
        else:
            panel.show(_("Gift"), gift_detail(self.data, gift))

    # -- what the editor asks (EditingPanes) ------------------------------------

    def pane_record(self) -> tuple[Kind | None, Record | None]:
        record_id = self.query_one(RecordTable).current_id
        return Kind.GIFT, self.data.gifts.get(record_id) if record_id is not None else None

    def itinerary_day(self) -> date | None:
        return None

    def chosen_city(self, *, filtered_only: bool) -> int | None:
        return None if filtered_only else self.city_id

    # -- keys and messages -------------------------------------------------------

    async def action_add(self) -> None:
        await self.editor.add()

    async def action_edit(self) -> None:
        await self.editor.edit()

    def action_delete(self) -> None:
        self.editor.delete()

    def action_close(self) -> None:
        self.dismiss(None)

    def on_record_table_highlighted(self, message: RecordTable.Highlighted) -> None:
        message.stop()
        self._show_detail(message.record_id)

    def on_record_table_opened(self, message: RecordTable.Opened) -> None:
        message.stop()  # the detail is beside the list already

    def on_data_changed(self, message: DataChanged) -> None:
        self.fill()

    def on_goto(self, message: Goto) -> None:
        """After a save: the cursor on the gift saved."""
        if message.kind is Kind.GIFT:
            message.stop()
            table = self.query_one(RecordTable)
            table.select_id(message.record_id)
            self._show_detail(message.record_id)
