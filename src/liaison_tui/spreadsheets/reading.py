"""Reading the rows of an import file: CSV (any common dialect) or an .xlsx workbook.

Both give the header and the rows as text with their line (or sheet row)
numbers, so the importer applies one set of rules whatever the file. CSV is
UTF-8 with or without BOM, comma- or semicolon-separated, LF or CRLF. Workbooks
are read with openpyxl in read-only mode, which streams rows instead of
building the whole sheet in memory; cells holding dates and times become the
text our parsers read (``2026-11-30``, ``14:05``).
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime, time
from pathlib import Path

from liaison_tui.domain import values
from liaison_tui.i18n import _

MAX_FIELD = 1_000_000  # one cell over 1 MB is not a registration export
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")

Rows = list[tuple[int, list[str]]]  # (line or sheet row number, cells)


class CsvImportError(ValueError):
    """The file as a whole cannot be imported (encoding, no header, bad workbook, bad --map)."""


def read_rows(path: Path, sheet: str | None = None) -> tuple[list[str], Rows]:
    """Header and non-blank rows of a CSV file or of one sheet of a workbook."""
    is_workbook = path.suffix.lower() in WORKBOOK_SUFFIXES
    if sheet is not None and not is_workbook:
        raise CsvImportError(_("{file}: --sheet is for .xlsx workbooks, and this is read as CSV").format(file=path))
    if path.suffix.lower() == ".xls":
        raise CsvImportError(
            _("{file}: old Excel .xls files cannot be read; save it as .xlsx or CSV UTF-8").format(file=path)
        )
    header, rows = _workbook_rows(path, sheet) if is_workbook else _csv_rows(path)
    if not header or not any(h.strip() for h in header):
        raise CsvImportError(_("{file}: no header row").format(file=path))
    return [h.strip() for h in header], rows


def _csv_rows(path: Path) -> tuple[list[str] | None, Rows]:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise CsvImportError(_("{file}: cannot read ({reason})").format(file=path, reason=error.strerror)) from None
    if raw.startswith(b"PK\x03\x04"):  # a zip archive: a workbook saved under another name
        raise CsvImportError(
            _("{file}: this is an Excel workbook, not CSV; name it .xlsx to import it").format(file=path)
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CsvImportError(
            _("{file}: not UTF-8 (byte 0x{byte} at offset {offset}); save it as CSV UTF-8").format(
                file=path, byte=f"{raw[error.start]:02x}", offset=error.start
            )
        ) from None
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    csv.field_size_limit(MAX_FIELD)
    rows: Rows = []
    try:
        header = next(reader, None)
        for cells in reader:
            if any(cell.strip() for cell in cells):
                rows.append((reader.line_num, cells))
    except csv.Error as error:
        raise CsvImportError(
            _("{file}, line {line}: {error}").format(file=path, line=reader.line_num, error=error)
        ) from None
    return header, rows


def cell_text(value: object) -> str:
    """A workbook cell as the text a CSV export would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):  # before int: a bool is an int
        return "yes" if value else "no"
    if isinstance(value, datetime):
        at_midnight = value.time() == time(0, 0)  # how a sheet stores a date typed alone
        return value.date().isoformat() if at_midnight else values.format_datetime(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return values.format_time(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a room number 204 comes back from the sheet as 204.0
    return str(value)


def _workbook_rows(path: Path, sheet: str | None) -> tuple[list[str] | None, Rows]:
    # Imported here: only imports of workbooks pay for loading openpyxl.
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise CsvImportError(_("{file}: no such file").format(file=path)) from None
    except OSError as error:
        raise CsvImportError(
            _("{file}: cannot read ({reason})").format(file=path, reason=error.strerror or error)
        ) from None
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError, EOFError) as error:
        # openpyxl reports a damaged or foreign file with any of these, depending on where it breaks.
        raise CsvImportError(
            _("{file}: not a readable .xlsx workbook ({error})").format(
                file=path, error=f"{type(error).__name__}: {error}"
            )
        ) from None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise CsvImportError(
                _("{file}: no sheet {sheet!r}; its sheets are {sheets}").format(
                    file=path, sheet=sheet, sheets=", ".join(book.sheetnames)
                )
            )
        worksheet = book[sheet] if sheet is not None else book.worksheets[0]
        header: list[str] | None = None
        rows: Rows = []
        for number, cells in enumerate(worksheet.iter_rows(values_only=True), start=1):
            texts = [cell_text(value) for value in cells]
            while texts and not texts[-1].strip():  # sheets pad rows with empty cells to the widest row
                texts.pop()
            if header is None:
                header = texts
            elif texts:
                rows.append((number, texts))
        return header, rows
    except CsvImportError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, EOFError) as error:
        raise CsvImportError(
            _("{file}: a sheet of this workbook is damaged ({error})").format(
                file=path, error=f"{type(error).__name__}: {error}"
            )
        ) from None
    finally:
        book.close()
