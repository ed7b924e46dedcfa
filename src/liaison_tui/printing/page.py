"""A whole printable page: ``<html lang>``, title, the print stylesheet, the running visit name."""

from __future__ import annotations

from liaison_tui.domain.model import Visit
from liaison_tui.i18n import _, current_language
from liaison_tui.printing.html_writer import Markup, element, escape, joined
from liaison_tui.printing.stylesheet import Paper, page_counter, stylesheet


def running_visit(visit: Visit) -> Markup:
    """The visit's name, printed small at the top and repeated in every page's footer."""
    return element("p", visit.name, class_="running-visit", dir="auto")


def confidential_mark() -> Markup:
    """The header on every page of a staff-only document."""
    return element("div", _("CONFIDENTIAL — staff only"), class_="confidential")


def document(
    title: str,
    body: list[Markup],
    paper: Paper,
    *,
    landscape: bool = False,
    numbered: bool = True,
    body_class: str | None = None,
) -> str:
    """The page as HTML text; ``numbered`` False leaves page numbers out (documents joined from parts)."""
    counter = page_counter(_("Page {page} of {pages}")) if numbered else '""'
    head = joined(
        [
            Markup('<meta charset="utf-8">'),
            element("title", title),
            element("style", Markup(stylesheet(paper, counter, landscape=landscape))),
        ]
    )
    page = element(
        "html", element("head", head), element("body", joined(body), class_=body_class), lang=current_language()
    )
    return "<!DOCTYPE html>\n" + page + "\n"


__all__ = ["confidential_mark", "document", "escape", "running_visit"]
