"""Spreadsheets for download: Excel workbooks (openpyxl) and CSV as Dutch Excel opens it.

Text that users typed ends up in these files, and a cell that starts with ``=``, ``+``, ``-`` or ``@`` would be a
formula to Excel (CSV injection). Every writer here keeps text text: in a workbook the cell's type is set to
string; in CSV such text gets a leading apostrophe.
"""

import csv
import io
from collections.abc import Iterable

from openpyxl.styles import Font

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"


def write_row(sheet, row_number: int, values: Iterable, *, bold: bool = False) -> None:
    """Write ``values`` into row ``row_number`` (1-based) of an openpyxl sheet; text is never a formula."""
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row_number, column=column, value=value)
        if isinstance(value, str):
            cell.data_type = "s"  # never a formula, whatever the text starts with
        if bold:
            cell.font = Font(bold=True)


def csv_text(value) -> str:
    """A CSV field that no spreadsheet reads as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_bytes(rows: Iterable[Iterable]) -> bytes:
    """Rows as CSV that Dutch Excel opens as it is: UTF-8 with a byte order mark, ';' between fields, CRLF.

    Text fields are guarded with ``csv_text``; numbers are written as they are.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for row in rows:
        writer.writerow([value if isinstance(value, int | float) else csv_text(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
