"""HTML to PDF through WeasyPrint, imported only when a PDF is asked for.

WeasyPrint lays out HTML and CSS for paged media (page sizes, page breaks,
running headers) and shapes every script through Pango and HarfBuzz, with the
fonts fontconfig finds: CJK, accented and right-to-left names come out right
when fonts for them are installed (the README names Debian's packages).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from types import ModuleType
from typing import TYPE_CHECKING

from liaison_tui.i18n import _

if TYPE_CHECKING:
    from weasyprint import Document


class PrintingUnavailable(RuntimeError):
    """WeasyPrint or the system libraries it needs (Pango) are missing."""


def _weasyprint() -> ModuleType:
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: WeasyPrint is there but Pango is not
        raise PrintingUnavailable(
            _("PDF needs WeasyPrint and the Pango library ({problem}); see the README, 'Printing'").format(
                problem=str(error).splitlines()[0] if str(error) else type(error).__name__
            )
        ) from None
    module: ModuleType = weasyprint
    return module


def render(html: str) -> Document:
    """One laid-out document (its pages can be joined with others' by ``join``)."""
    return _weasyprint().HTML(string=html, base_url=None).render()


def join(documents: Sequence[Document], progress: Callable[[int], None] | None = None) -> bytes:
    """The pages of several rendered documents as one PDF (rendering in parts lets a caller show progress)."""
    assert documents, "join needs at least one document"
    pages = [page for document in documents for page in document.pages]
    combined = documents[0].copy(pages)
    if progress is not None:
        progress(len(pages))
    data: bytes = combined.write_pdf()
    return data


def pdf_bytes(html: str) -> bytes:
    """``html`` laid out for paper as PDF bytes."""
    data: bytes = render(html).write_pdf()
    return data
