"""Exports of the scan: the matrix and its shares as Excel (.xlsx) and CSV, and the sources as CSV.

The sources handed in must already be the ones the user may see (scan.selectors.sources_visible_to).
CSV is UTF-8 with a byte order mark and ';' between fields, so that Dutch Excel opens it as it is. Text that
starts like a formula is never written as one.
"""

import io

from django.utils.translation import gettext
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from core.dates import format_date
from core.spreadsheets import csv_bytes, write_row

from .selectors import ScanMatrix


def _percent_nl(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}".replace(".", ",")


def _unknown_note(matrix: ScanMatrix) -> str:
    if not matrix.unknown_population:
        return ""
    return gettext("Inwonertal onbekend van %(names)s: deze gemeenten tellen niet mee in het aandeel inwoners.") % {
        "names": ", ".join(m.name for m in matrix.unknown_population)
    }


def _summary_header(matrix: ScanMatrix) -> list[str]:
    return [
        gettext("Thema"),
        gettext("Aantal gemeenten"),
        gettext("Aandeel gemeenten (%)"),
        gettext("Aandeel inwoners (%)"),
        gettext("Gemeenten met onbekend inwonertal"),
        *[row.district_code for row in matrix.heat_rows],
    ]


def _summary_rows(matrix: ScanMatrix):
    codes = [row.district_code for row in matrix.heat_rows]
    for theme, share in matrix.columns:
        yield theme, share, [share.per_district.get(code, 0) for code in codes]


def _origin_mark(plan_theme) -> str:
    return {"scan": "x", "added": "x (aangevuld)", "changed": "x (gewijzigd)"}.get(plan_theme.origin, "x")


def matrix_csv(matrix: ScanMatrix) -> bytes:
    """Per theme: count, shares and the count per district, then the note on unknown populations."""
    rows = [_summary_header(matrix)]
    for theme, share, per_district in _summary_rows(matrix):
        rows.append(
            [
                theme.name,
                share.count,
                _percent_nl(share.share_municipalities),
                _percent_nl(share.share_inhabitants),
                ", ".join(share.unknown_population),
                *per_district,
            ]
        )
    note = _unknown_note(matrix)
    if note:
        rows += [[], [note]]
    return csv_bytes(rows)


def sources_csv(sources) -> bytes:
    return csv_bytes([_source_header(), *_source_rows(sources)])


def _source_header() -> list[str]:
    return [
        gettext("Titel"),
        gettext("Soort"),
        gettext("Datum"),
        gettext("Eigenaar"),
        gettext("Vindplaats"),
        gettext("Document"),
        gettext("Thema's"),
        gettext("Vertrouwelijkheid"),
    ]


def _source_rows(sources):
    for source in sources:
        yield [
            source.title,
            source.get_kind_display(),
            format_date(source.published_on) if source.published_on else "",
            source.owner,
            source.reference,
            source.document_name if source.document else "",
            ", ".join(theme.name for theme in source.themes.all()),
            source.get_confidentiality_display(),
        ]


def matrix_xlsx(matrix: ScanMatrix, sources) -> bytes:
    """A workbook with the shares per theme, the matrix of municipalities x themes, and the visible sources."""
    workbook = Workbook()
    summary = workbook.active
    summary.title = gettext("Per thema")
    write_row(summary, 1, _summary_header(matrix), bold=True)
    row_number = 1
    for theme, share, per_district in _summary_rows(matrix):
        row_number += 1
        write_row(
            summary,
            row_number,
            [
                theme.name,
                share.count,
                share.share_municipalities / 100,
                None if share.share_inhabitants is None else share.share_inhabitants / 100,
                ", ".join(share.unknown_population),
                *per_district,
            ],
        )
        summary.cell(row=row_number, column=3).number_format = "0.0%"
        summary.cell(row=row_number, column=4).number_format = "0.0%"
    note = _unknown_note(matrix)
    if note:
        write_row(summary, row_number + 2, [note])
    summary.column_dimensions["A"].width = 32

    grid = workbook.create_sheet(gettext("Matrix"))
    write_row(grid, 1, [gettext("Gemeente"), gettext("District"), *[t.name for t in matrix.themes]], bold=True)
    for index, row in enumerate(matrix.rows, start=2):
        write_row(
            grid,
            index,
            [
                row.municipality.name,
                row.municipality.district.code,
                *[_origin_mark(cell.plan_theme) if cell.plan_theme else "" for cell in row.cells],
            ],
        )
    grid.column_dimensions["A"].width = 24
    grid.freeze_panes = "C2"

    source_sheet = workbook.create_sheet(gettext("Bronnen"))
    write_row(source_sheet, 1, _source_header(), bold=True)
    for index, values in enumerate(_source_rows(sources), start=2):
        write_row(source_sheet, index, values)
    for column in range(1, 9):
        source_sheet.column_dimensions[get_column_letter(column)].width = 24

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
