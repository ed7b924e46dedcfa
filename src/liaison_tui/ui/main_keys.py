"""The main screen's keys: what each does, shown in the key bar and the help."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from liaison_tui.i18n import N_

MAIN_SCREEN_KEYS: list[BindingType] = [
    Binding("tab", "app.focus_next", N_("Next pane"), show=False, tooltip=N_("Next / previous pane")),
    Binding("shift+tab", "app.focus_previous", N_("Previous pane"), show=False, tooltip=N_("Next / previous pane")),
    # The keys that open a form act as they are read (priority) and wait for the form to be
    # mounted, so the keys typed right after them land in its first field (see ui.key_order).
    Binding("a", "add", N_("Add"), tooltip=N_("Add a record to the pane with the cursor"), priority=True),
    Binding("e", "edit", N_("Edit"), tooltip=N_("Edit the record under the cursor"), priority=True),
    Binding("d", "delete", N_("Delete"), tooltip=N_("Delete the record under the cursor (asks first)")),
    Binding("n", "now_or_next", N_("Next"), tooltip=N_("Jump to the group's move under way, or its next one")),
    Binding(
        "r",
        "roll_call",
        N_("Roll"),
        tooltip=N_("Call the roll: the event under the cursor, else the group's next move"),
    ),
    Binding("S", "seating", N_("Seating"), show=False, tooltip=N_("The seating plan of the event under the cursor")),
    Binding("b", "now_board", N_("Now board"), tooltip=N_("Now, next, time left, who is missing, home times")),
    Binding("s", "summaries", N_("Summaries"), tooltip=N_("Delegation, roster, itinerary, logistics, follow-ups")),
    Binding("P", "precedence", N_("Precedence"), show=False, tooltip=N_("See and change the order of precedence")),
    Binding("t", "today", N_("Today"), show=False, tooltip=N_("Jump to today in the itinerary")),
    Binding(
        "f",
        "toggle_city_filter",
        N_("Filter"),
        show=False,
        tooltip=N_("Officers: all, or only the highlighted city's"),
    ),
    Binding("F", "toggle_followups", N_("Follow-ups"), show=False, tooltip=N_("Top-left pane: cities or follow-ups")),
    Binding(
        "dollar_sign",
        "gifts",
        N_("Gifts"),
        show=False,
        tooltip=N_("The gift register: given and received, per city; a/e/d there"),
    ),
    Binding(
        "v",
        "edit_visit",
        N_("Visit"),
        show=False,
        priority=True,
        tooltip=N_("Edit the visit (name, dates, time zone)"),
    ),
    Binding(
        "o",
        "add_followup",
        N_("New follow-up"),
        show=False,
        tooltip=N_("New follow-up for the highlighted city"),
        priority=True,
    ),
    Binding(
        "greater_than_sign",
        "speaker(1)",
        N_("Next speaker"),
        show=False,
        tooltip=N_("Conference: next / previous speaker has the floor"),
    ),
    Binding(
        "less_than_sign",
        "speaker(-1)",
        N_("Prev speaker"),
        show=False,
        tooltip=N_("Conference: next / previous speaker has the floor"),
    ),
    # The lookup opens as it is read too (the app's "/" waits its turn): "/kahnen" typed at once
    # opened the add form with the "a" and typed the rest into it. No field here takes a "/".
    Binding(
        "slash,ctrl+p",
        "app.lookup",
        N_("Lookup"),
        tooltip=N_("Find an officer, city, event or follow-up"),
        priority=True,
    ),
]
