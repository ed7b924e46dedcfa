"""Which font file draws which text on badges and place cards, found without fontconfig.

Cards are drawn with fpdf2, which takes font files, not family names: this
looks in the standard font folders for the files Debian's font packages
install. DejaVu Sans draws Latin, Cyrillic and Greek; each other script gets
its Noto font, and Chinese, Japanese and Korean each their face of Noto Sans
CJK (the same character is drawn differently in each). A missing file is a
``PrintingUnavailable`` naming the package to install, never a blank box.
"""

from __future__ import annotations

import bisect
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from liaison_tui.i18n import _
from liaison_tui.printing.pdf import PrintingUnavailable


@dataclass(frozen=True, slots=True)
class Face:
    """A font for one script: its files (regular, bold), the face within a collection, its package."""

    family: str  # the name fpdf2 knows it by: lower-case letters only
    regular: str
    bold: str
    package: str
    collection_index: int = 0
    shaped: bool = False  # joins, reorders or runs right to left: HarfBuzz must shape it


_DEJAVU = "fonts-dejavu-core"
_CJK = "fonts-noto-cjk"
_NOTO = "fonts-noto-core"
LATIN = Face("dejavu", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", _DEJAVU)
MONO = Face("dejavumono", "DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf", _DEJAVU)
# The faces' order inside NotoSansCJK-*.ttc: JP, KR, SC, TC, HK (then the Mono faces).
CJK = {
    lang: Face(f"cjk{lang}", "NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc", _CJK, index)
    for lang, index in (("ja", 0), ("ko", 1), ("zh", 2), ("zhhant", 3))
}


def _noto(script: str, shaped: bool = True) -> Face:
    name = f"NotoSans{script}"
    return Face(script.lower(), f"{name}-Regular.ttf", f"{name}-Bold.ttf", _NOTO, shaped=shaped)


ARABIC = Face("arabic", "NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf", _NOTO, shaped=True)
SYMBOLS = Face("symbols", "NotoSansSymbols2-Regular.ttf", "NotoSansSymbols2-Regular.ttf", _NOTO)
# (first code point, last code point, face or a CJK language); None: DejaVu's own scripts.
_BLOCKS: list[tuple[int, int, Face | str]] = sorted(
    [
        (0x0530, 0x058F, _noto("Armenian", shaped=False)),
        (0x0590, 0x05FF, _noto("Hebrew")),
        (0x0600, 0x06FF, ARABIC),
        (0x0750, 0x077F, ARABIC),
        (0x08A0, 0x08FF, ARABIC),
        (0x0900, 0x097F, _noto("Devanagari")),
        (0x0980, 0x09FF, _noto("Bengali")),
        (0x0A00, 0x0A7F, _noto("Gurmukhi")),
        (0x0A80, 0x0AFF, _noto("Gujarati")),
        (0x0B80, 0x0BFF, _noto("Tamil")),
        (0x0C00, 0x0C7F, _noto("Telugu")),
        (0x0C80, 0x0CFF, _noto("Kannada")),
        (0x0D00, 0x0D7F, _noto("Malayalam")),
        (0x0D80, 0x0DFF, _noto("Sinhala")),
        (0x0E00, 0x0E7F, _noto("Thai")),
        (0x0E80, 0x0EFF, _noto("Lao")),
        (0x1000, 0x109F, _noto("Myanmar")),
        (0x10A0, 0x10FF, _noto("Georgian", shaped=False)),
        (0x1100, 0x11FF, "ko"),
        (0x1200, 0x139F, _noto("Ethiopic", shaped=False)),
        (0x1780, 0x17FF, _noto("Khmer")),
        (0x2400, 0x243F, SYMBOLS),  # control pictures: how a control character typed into a name is shown
        (0x2E80, 0x2FDF, "han"),
        (0x3000, 0x303F, "han"),
        (0x3040, 0x30FF, "ja"),
        (0x3100, 0x312F, "han"),
        (0x3130, 0x318F, "ko"),
        (0x31F0, 0x31FF, "ja"),
        (0x3200, 0x9FFF, "han"),
        (0xA960, 0xA97F, "ko"),
        (0xAC00, 0xD7FF, "ko"),
        (0xF900, 0xFAFF, "han"),
        (0xFB1D, 0xFB4F, _noto("Hebrew")),
        (0xFB50, 0xFDFF, ARABIC),
        (0xFE70, 0xFEFF, ARABIC),
        (0xFF00, 0xFFEF, "han"),
        (0x20000, 0x3FFFF, "han"),
    ],
    key=lambda block: block[0],
)
_STARTS = [block[0] for block in _BLOCKS]


def cjk_language(text: str, country: str) -> str:
    """The CJK face for a name: Japanese for kana or a Japanese city, Korean for Hangul, else Chinese."""
    languages = {block for block in map(_block, text) if isinstance(block, str)}
    if "ja" in languages:
        return "ja"
    if "ko" in languages:
        return "ko"
    folded = country.strip().casefold()
    if folded in ("japan", "日本", "nippon"):
        return "ja"
    if folded in ("taiwan", "台灣", "台湾"):
        return "zhhant"
    return "zh"


def _block(character: str) -> Face | str | None:
    point = ord(character)
    if point < 0x0530:
        return None
    index = bisect.bisect_right(_STARTS, point) - 1
    if index >= 0 and _BLOCKS[index][0] <= point <= _BLOCKS[index][1]:
        return _BLOCKS[index][2]
    return None


def faces_for(text: str, cjk: str) -> list[Face]:
    """The faces ``text`` needs beyond DejaVu, in order of first use (``cjk``: the CJK face's language)."""
    faces: list[Face] = []
    for character in text:
        block = _block(character)
        if block is None:
            continue
        # Han takes the name's face (Chinese, Japanese and Korean draw it differently); kana and Hangul their own
        face = (CJK[cjk if block == "han" else block]) if isinstance(block, str) else block
        if face not in faces:
            faces.append(face)
    return faces


def _folders() -> list[Path]:
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts", Path(data_home) / "fonts"]


@cache
def _installed() -> dict[str, Path]:
    """Every font file in the standard folders by file name (the first found wins)."""
    found: dict[str, Path] = {}
    for folder in _folders():
        for root, _dirs, files in os.walk(folder):
            for name in files:
                found.setdefault(name, Path(root) / name)
    return found


def font_file(face: Face, bold: bool) -> Path:
    """The file for ``face``; PrintingUnavailable naming its Debian package when it is not installed."""
    name = face.bold if bold else face.regular
    path = _installed().get(name)
    if path is None and bold:
        path = _installed().get(face.regular)  # a regular face drawn for bold beats no text at all
    if path is None:
        raise PrintingUnavailable(
            _("badges and place cards need the font {file}: install the package {package} (see the README)").format(
                file=name, package=face.package
            )
        )
    return path
