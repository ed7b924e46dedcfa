"""Sheets of cards drawn straight onto PDF pages with fpdf2: text at fixed places, fitted, and QR codes.

WeasyPrint spent 0.24 s of CPU a sheet of ten badges on a layout that never
changes; here each text is placed where it goes, measured with the font's own
widths, shrunk and wrapped to fit. Text is data: fpdf2 reads no markup unless
asked (``markdown=False``, its default), and HarfBuzz shapes only the text that
needs it (Arabic must join and run right to left; Latin costs five times less
unshaped).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import segno

from liaison_tui.i18n import _
from liaison_tui.printing import fonts
from liaison_tui.printing.pdf import PrintingUnavailable
from liaison_tui.printing.sheet import Sheet, cut_marks

if TYPE_CHECKING:
    from fpdf import FPDF

QR_ERROR = "m"  # 15 % of the code can be scuffed or covered and it still reads
QR_QUIET = 2  # modules of white round the code (the card's own margin adds to it)
LINE_HEIGHT = 1.15  # a line's height in font sizes
_PT = 0.3528  # mm in a point
_UNPRINTABLE = "\ufffd"  # for a character no installed font has: visible, never an empty box


def qr_code(code: str) -> segno.QRCode:
    """``code`` as a QR code. Mask 0 rather than the best of eight: any mask reads, and choosing costs
    5 ms a code, most of the time 10,000 badges take."""
    return segno.make_qr(code, error=QR_ERROR, mask=0)


def _fpdf() -> type[FPDF]:
    try:
        from fpdf import FPDF
    except ImportError as error:
        raise PrintingUnavailable(
            _("badges and place cards need fpdf2 and uharfbuzz ({problem}); see the README, 'Printing'").format(
                problem=str(error)
            )
        ) from None
    return FPDF


class CardCanvas:
    """One PDF of card sheets being drawn, fonts loaded as the text first needs them."""

    def __init__(self, sheet: Sheet, characters: frozenset[int] = frozenset()) -> None:
        """``characters``: every character the text may hold; a CJK font then loads only their
        glyphs' metrics, not its 44,000 (a second each time)."""
        self.sheet = sheet
        self._characters = characters
        self.pdf = _fpdf()(unit="mm", format=sheet.paper)
        self.pdf.set_auto_page_break(False)
        self.pdf.set_margins(0, 0, 0)
        self.pdf.c_margin = 0
        self.pdf.set_creator("liaison-tui")
        self._loaded: set[tuple[str, bool]] = set()
        self._fallbacks: tuple[str, ...] = ()
        self._shaping = False
        self._printable: dict[str, str] = {}
        self._family(fonts.LATIN, False)
        latin = self.pdf.fonts[fonts.LATIN.family]
        self._latin = set(getattr(latin, "cmap", ()))  # a TTFFont: one added from a file has a cmap

    def _family(self, face: fonts.Face, bold: bool) -> str:
        if (face.family, bold) not in self._loaded:
            path = fonts.font_file(face, bold)
            only = sorted(self._characters) if face in fonts.CJK.values() else None
            self.pdf.add_font(
                face.family,
                "B" if bold else "",
                str(path),
                collection_font_number=face.collection_index,
                unicode_range=only or None,
            )
            self._loaded.add((face.family, bold))
        return face.family

    def printable(self, text: str) -> str:
        """``text`` with what no installed font draws (outside the scripts ``fonts`` knows) shown as �."""
        known = self._printable.get(text)
        if known is None:
            known = "".join(
                character if ord(character) in self._latin or fonts.faces_for(character, "zh") else _UNPRINTABLE
                for character in text
            )
            self._printable[text] = known
        return known

    def use(self, text: str, size: float, *, bold: bool = False, cjk: str = "zh", mono: bool = False) -> str:
        """Set the fonts for drawing ``text`` at ``size`` pt; the text as it will be drawn."""
        text = self.printable(text)
        faces = fonts.faces_for(text, cjk)
        style = "B" if bold else ""
        if not faces:
            self.pdf.set_font(self._family(fonts.MONO if mono else fonts.LATIN, bold), style, size)
            self._fall_back((), shaping=False)
            return text
        # The script's own font first (DejaVu has some Arabic, but not well), DejaVu for the rest.
        families = [self._family(face, bold) for face in faces]
        self.pdf.set_font(families[0], style, size)
        self._fall_back((*families[1:], self._family(fonts.LATIN, bold)), shaping=any(f.shaped for f in faces))
        return text

    def _fall_back(self, families: tuple[str, ...], *, shaping: bool) -> None:
        if families != self._fallbacks:
            self.pdf.set_fallback_fonts(list(families), exact_match=False)
            self._fallbacks = families
        if shaping != self._shaping:
            self.pdf.set_text_shaping(shaping)
            self._shaping = shaping

    def width(self, text: str) -> float:
        """``text``'s width (mm) in the current font."""
        return float(self.pdf.get_string_width(text))

    def clipped(self, text: str, room: float) -> str:
        """``text`` cut short with an ellipsis to fit ``room`` mm in the current font."""
        if self.width(text) <= room:
            return text
        low, high = 0, len(text)
        while low < high:
            middle = (low + high + 1) // 2
            if self.width(text[:middle] + "…") <= room:
                low = middle
            else:
                high = middle - 1
        return text[:low].rstrip() + "…"

    def wrapped(self, text: str, room: float) -> list[str]:
        """``text`` in lines of at most ``room`` mm, broken between words (inside a word too long for one)."""
        lines = self.pdf.multi_cell(room, 5, text, dry_run=True, output="LINES")
        assert isinstance(lines, list)  # output="LINES" gives just the lines
        return [line for line in lines if line] or [""]

    def fitted(
        self, text: str, room: float, sizes: tuple[float, float, float], lines: int, *, bold: bool = False, cjk: str
    ) -> tuple[float, list[str]]:
        """The size and lines for ``text`` in ``room`` mm: one line if it reads at ``sizes``' middle
        (largest, readable, smallest pt) or more, else shrunk and wrapped onto up to ``lines`` lines;
        what is still too long at the smallest size is cut short with an ellipsis."""
        largest, readable, smallest = sizes
        text = self.use(text, largest, bold=bold, cjk=cjk)
        natural = self.width(text)
        size = largest if natural <= room else max(smallest, round(largest * room / natural - 0.05, 1))
        if size >= readable or lines == 1:
            self.use(text, size, bold=bold, cjk=cjk)
            return size, [self.clipped(text, room)]
        # words wrap, not characters: each extra line wastes some room, so start a little under
        size = max(smallest, min(largest, int(largest * room * lines * 0.9 / natural * 2) / 2))
        while True:
            self.use(text, size, bold=bold, cjk=cjk)
            wrapped = self.wrapped(text, room)
            if len(wrapped) <= lines:
                return size, wrapped
            if size <= smallest:
                return size, [*wrapped[: lines - 1], self.clipped(" ".join(wrapped[lines - 1 :]), room)]
            size = max(smallest, size - 0.5)

    def lines(self, x: float, y: float, room: float, lines: list[str], size: float, align: str = "L") -> float:
        """``lines`` (in the font ``use`` set) from ``y`` down; the height they took (mm)."""
        height = size * _PT * LINE_HEIGHT
        for number, line in enumerate(lines):
            self.pdf.set_xy(x, y + number * height)
            self.pdf.cell(room, height, line, align=align)
        return height * len(lines)

    def text(
        self,
        x: float,
        y: float,
        room: float,
        text: str,
        size: float,
        *,
        align: str = "L",
        mono: bool = False,
        cjk: str = "zh",
    ) -> float:
        """One line of ``text`` in regular weight, cut short if it does not fit; its height (mm)."""
        shown = self.use(text, size, mono=mono, cjk=cjk)
        return self.lines(x, y, room, [self.clipped(shown, room)], size, align)

    def qr(self, x: float, y: float, side: float, code: str) -> None:
        """``code``'s QR code, ``side`` mm square with its quiet zone, each row's dark runs as rectangles.

        Written as PDF path operators directly: fpdf2 has no call for many rectangles at once, and
        one ``rect`` call each costs five times as much; an image per code costs more again, and
        ten image objects a page make joining the parts slow. Vector modules print sharp at any size.
        """
        matrix = qr_code(code).matrix
        module = side / (len(matrix) + 2 * QR_QUIET)
        scale, page_height = self.pdf.k, self.pdf.h
        height = -module * scale
        rectangles = []
        for number, row in enumerate(matrix):
            top = (page_height - y - (number + QR_QUIET) * module) * scale
            column, across = 0, len(row)
            while column < across:
                if not row[column]:
                    column += 1
                    continue
                start = column
                while column < across and row[column]:
                    column += 1
                left = (x + (start + QR_QUIET) * module) * scale
                rectangles.append(f"{left:.3f} {top:.3f} {(column - start) * module * scale:.3f} {height:.3f} re")
        self.pdf._out(f"q 0 g {' '.join(rectangles)} f Q")  # black, whatever colour text was set to

    @contextmanager
    def upside_down(self, x: float, y: float, width: float, height: float) -> Iterator[None]:
        """Draw into the box turned half a turn about its centre."""
        with self.pdf.rotation(180, x + width / 2, y + height / 2):
            yield

    def dashed(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self.pdf.set_draw_color(136)
        self.pdf.set_line_width(0.2)
        self.pdf.set_dash_pattern(dash=1.5, gap=1)
        self.pdf.line(x1, y1, x2, y2)
        self.pdf.set_dash_pattern()

    def new_page(self) -> None:
        """A new sheet with its faint card outlines and cut marks."""
        self.pdf.add_page()
        self.pdf.set_line_width(0.1)
        self.pdf.set_draw_color(187)
        width, height = self.sheet.card
        for x, y in self.sheet.positions():
            self.pdf.rect(x, y, width, height)
        self.pdf.set_line_width(0.2)
        self.pdf.set_draw_color(0)
        for x1, y1, x2, y2 in cut_marks(self.sheet):
            self.pdf.line(x1, y1, x2, y2)
        self.pdf.set_text_color(0)

    def grey(self, level: int) -> None:
        self.pdf.set_text_color(level)

    def output(self) -> bytes:
        return bytes(self.pdf.output())


def ready() -> None:
    """PrintingUnavailable now, before any process starts, if fpdf2 or the Latin fonts are missing."""
    CardCanvas(Sheet(paper=(210.0, 297.0), card=(90.0, 55.0), columns=1, rows=1))
