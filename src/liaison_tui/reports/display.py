"""User text made safe to show: always literal, never markup or terminal codes.

A name like ``[bold]Kim`` must show those very characters, and one holding an
escape sequence must not restyle the terminal. Every place that puts user text
on screen or into a Rich table goes through ``literal``.
"""

from __future__ import annotations

from rich.text import Text

# C0 controls become their visible "control picture" (ESC -> ␛); DEL and C1 too.
_CONTROL_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)}
_CONTROL_PICTURES[0x7F] = "\u2421"
_CONTROL_PICTURES.update(dict.fromkeys(range(128, 160), "�"))
# Bidirectional embeddings, overrides and isolates reorder what follows them: "\u202eevil"
# shows backwards and shifts table columns, so a name could pass for another. Shown as ⇆.
BIDI_CONTROLS = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
_CONTROL_PICTURES.update(dict.fromkeys(BIDI_CONTROLS, "\u21c6"))
_SINGLE_LINE = dict(_CONTROL_PICTURES)
_SINGLE_LINE[ord("\n")] = " \u23ce "  # ⏎: a line break inside a one-line cell
_MULTI_LINE = dict(_CONTROL_PICTURES)
del _MULTI_LINE[ord("\n")]


def visible(text: str, *, multiline: bool = False) -> str:
    """``text`` with control characters replaced by visible stand-ins."""
    return text.translate(_MULTI_LINE if multiline else _SINGLE_LINE)


def pictures(text: str) -> str:
    """``text`` with each control character (line breaks too) as one visible stand-in.

    One character for one, so positions in the text are kept: for editable fields.
    """
    return text.translate(_CONTROL_PICTURES)


def literal(text: str, style: str = "", *, multiline: bool = False) -> Text:
    """A Rich ``Text`` that shows ``text`` exactly, whatever it contains."""
    return Text(visible(text, multiline=multiline), style=style)


def clip(text: str, width: int) -> str:
    """At most ``width`` characters, with an ellipsis when cut."""
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"
