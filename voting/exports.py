"""The result of a round as the page, the Excel workbook and the PDF for the BBG meeting show it.

One set of rows (ranking_rows, matrix_view, result_chart) feeds all three, so that they cannot disagree. Callers
check visibility first ("voting.view_result"): nothing here looks at the user.

The PDF is rendered by WeasyPrint with a URL fetcher that fetches nothing but the project's own static files: no
network, no local files outside the static folders, no data URLs. The PDF's styles are in its template; fonts come
from the system (DejaVu).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext
from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from core.dates import format_date
from core.numbers import format_number, format_percent
from core.pdf import html_to_pdf
from core.spreadsheets import write_row
from planning.selectors import reading_date

from .selectors import RoundResult
from .tally import BORDA_RULE, TIE_BREAK_LABELS, TIE_BREAK_RULE, PriorityResult

# --- Numbers as the Dutch write them ----------------------------------------------------------------------------


def format_int(number: int) -> str:
    """1234567 -> '1.234.567' (in English '1,234,567')."""
    return format_number(number)


# --- The ranking ------------------------------------------------------------------------------------------------


@dataclass
class RankingRow:
    result: PriorityResult
    dvo_codes: list[str]
    share_display: str
    inhabitants_display: str
    tie_break_text: str


def _tie_break_text(above: PriorityResult, result: PriorityResult) -> str:
    if not result.tie_break:
        return ""
    return gettext("Evenveel DVO's als nr. %(rank)d (%(title)s); de volgorde is beslist door: %(criterion)s.") % {
        "rank": above.rank,
        "title": above.priority.title,
        "criterion": TIE_BREAK_LABELS[result.tie_break],
    }


def ranking_rows(result: RoundResult) -> list[RankingRow]:
    districts = result.tally.districts
    ranked = result.tally.results
    return [
        RankingRow(
            result=row,
            dvo_codes=[district.code for district in districts if district.id in set(row.district_ids)],
            share_display=format_percent(row.share),
            inhabitants_display=format_int(row.inhabitants),
            tie_break_text=_tie_break_text(ranked[index - 1], row) if index else "",
        )
        for index, row in enumerate(ranked)
    ]


def threshold_display(result: RoundResult) -> str:
    return format_percent(result.tally.threshold, places=2)


def unknown_population_note(result: RoundResult) -> str:
    if not result.unknown_population:
        return ""
    return gettext(
        "Inwonertal onbekend van %(names)s: deze gemeenten tellen mee als gemeente, maar niet in het aantal inwoners."
    ) % {"names": ", ".join(result.unknown_population)}


# --- The DVO x priority matrix ----------------------------------------------------------------------------------


@dataclass
class MatrixColumn:
    code: str
    name: str
    has_chosen: bool
    submitted_on: str
    entered_by_staff: bool


@dataclass
class MatrixViewCell:
    chosen: bool
    preference: int | None
    symbol: str  # what the eye sees: '✓ 3', '✓' or '–'
    text: str  # what a screen reader says and the PDF legend explains
    export: str  # what the workbook holds: 'x (3)', 'x' or ''


@dataclass
class MatrixViewRow:
    rank: int
    title: str
    dvo_count: int
    cells: list[MatrixViewCell]


def _cell(chosen: bool, preference: int | None) -> MatrixViewCell:
    if not chosen:
        return MatrixViewCell(False, None, "–", gettext("niet gekozen"), "")
    if preference is None:
        return MatrixViewCell(True, None, "✓", gettext("gekozen, zonder volgorde"), "x")
    return MatrixViewCell(
        True,
        preference,
        f"✓ {preference}",
        gettext("gekozen, voorkeur %(place)d") % {"place": preference},
        f"x ({preference})",
    )


def matrix_view(result: RoundResult) -> tuple[list[MatrixColumn], list[MatrixViewRow]]:
    columns = []
    for district in result.tally.districts:
        ballot = result.ballots_by_district.get(district.id)
        columns.append(
            MatrixColumn(
                code=district.code,
                name=district.name,
                has_chosen=ballot is not None,
                submitted_on=format_date(timezone.localdate(ballot.submitted_at)) if ballot else "",
                entered_by_staff=bool(ballot and ballot.entered_by_staff),
            )
        )
    rows = [
        MatrixViewRow(
            rank=row.result.rank,
            title=row.result.priority.title,
            dvo_count=row.result.dvo_count,
            cells=[_cell(cell.chosen, cell.preference) for cell in row.cells],
        )
        for row in result.tally.matrix
    ]
    return columns, rows


# --- The bar chart (server-rendered SVG) ------------------------------------------------------------------------

CHART_LABEL_WIDTH = 320
CHART_BAR_WIDTH = 300
CHART_ROW_HEIGHT = 26
CHART_TOP = 24
LABEL_MAX_CHARS = 42


@dataclass
class ChartBar:
    rank: int
    title: str
    label: str
    value: int
    width: int
    y: int
    text_y: int
    reaches_majority: bool
    value_text: str


@dataclass
class Chart:
    bars: list[ChartBar]
    width: int
    height: int
    bar_x: int
    threshold_x: int
    threshold_text: str
    maximum: int


def result_chart(result: RoundResult) -> Chart:
    """Bars of the number of DVOs per priority, in rank order, with the threshold as a dashed line. The numbers are
    written next to the bars; a bar that reaches the threshold is also marked in words, not only by colour."""
    maximum = max(result.tally.dvo_total, 1)
    bars = []
    for index, row in enumerate(result.tally.results):
        title = row.priority.title
        label = f"{row.rank}. {title}"
        if len(label) > LABEL_MAX_CHARS:
            label = label[: LABEL_MAX_CHARS - 1].rstrip() + "…"
        y = CHART_TOP + index * CHART_ROW_HEIGHT
        value_text = gettext("%(count)d van %(total)d") % {"count": row.dvo_count, "total": result.tally.dvo_total}
        if row.reaches_majority:
            value_text += " · " + gettext("meerderheid")
        bars.append(
            ChartBar(
                rank=row.rank,
                title=title,
                label=label,
                value=row.dvo_count,
                width=round(CHART_BAR_WIDTH * row.dvo_count / maximum),
                y=y + 4,
                text_y=y + 17,
                reaches_majority=row.reaches_majority,
                value_text=value_text,
            )
        )
    return Chart(
        bars=bars,
        width=CHART_LABEL_WIDTH + CHART_BAR_WIDTH + 150,
        height=CHART_TOP + len(bars) * CHART_ROW_HEIGHT + 8,
        bar_x=CHART_LABEL_WIDTH,
        threshold_x=CHART_LABEL_WIDTH + round(CHART_BAR_WIDTH * float(result.tally.threshold) / 100),
        threshold_text=gettext("drempel %(threshold)s") % {"threshold": threshold_display(result)},
        maximum=maximum,
    )


def result_context(process, result: RoundResult) -> dict:
    """Everything the page and the PDF show of a result."""
    columns, rows = matrix_view(result)
    return {
        "process": process,
        "result": result,
        "tally": result.tally,
        "ranking": ranking_rows(result),
        "matrix_columns": columns,
        "matrix_rows": rows,
        "chart": result_chart(result),
        "threshold_display": threshold_display(result),
        "unknown_population_note": unknown_population_note(result),
        "tie_break_rule": TIE_BREAK_RULE,
        "borda_rule": BORDA_RULE,
        "voted_count": len(result.tally.voted_district_ids),
    }


def result_data(process, result: RoundResult) -> dict:
    """The result for the API (voting.serializers.ResultSerializer): the page's rows and words, as data."""
    tally = result.tally
    code_of = {district.id: district.code for district in tally.districts}
    preferences = {
        (row.result.priority.id, district.code): cell.preference
        for row in tally.matrix
        for district, cell in zip(tally.districts, row.cells, strict=True)
        if cell.chosen
    }
    ranking = []
    for row in ranking_rows(result):
        priority = row.result
        ranking.append(
            {
                "rank": priority.rank,
                "priority": {
                    "id": priority.priority.id,
                    "title": priority.priority.title,
                    "position": priority.priority.position,
                },
                "dvo_count": priority.dvo_count,
                "chosen_by": [
                    {"district": code_of[pk], "preference": preferences.get((priority.priority.id, code_of[pk]))}
                    for pk in priority.district_ids
                ],
                "municipalities": priority.municipalities,
                "inhabitants": priority.inhabitants,
                "inhabitants_display": row.inhabitants_display,
                "borda": priority.borda,
                "ordered_count": priority.ordered_count,
                "share": priority.share,
                "share_display": row.share_display,
                "reaches_majority": priority.reaches_majority,
                "tie_break": priority.tie_break,
                "tie_break_text": row.tie_break_text,
                "unknown_population": priority.unknown_population,
            }
        )
    return {
        "process": process.slug,
        "round_status": result.round.status,
        "final": result.round.results_visible_to_all,
        "dvo_total": tally.dvo_total,
        "ballot_count": tally.ballot_count,
        "threshold": tally.threshold,
        "threshold_display": threshold_display(result),
        "tie_break_rule": str(TIE_BREAK_RULE),
        "borda_rule": str(BORDA_RULE),
        "unknown_population": result.unknown_population,
        "unknown_population_note": unknown_population_note(result),
        "districts": [
            {
                "code": district.code,
                "name": district.name,
                "municipalities": district.municipalities,
                "inhabitants": district.inhabitants,
                "has_chosen": district.id in tally.voted_district_ids,
            }
            for district in tally.districts
        ],
        "ranking": ranking,
    }


# --- Excel ------------------------------------------------------------------------------------------------------


def ranking_header() -> list[str]:
    return [
        gettext("Plaats"),
        gettext("Prioriteit"),
        gettext("Plaats op de lange lijst"),
        gettext("Aantal DVO's"),
        gettext("DVO's"),
        gettext("Aandeel DVO's"),
        gettext("Overgrote meerderheid"),
        gettext("Gemeenten"),
        gettext("Inwoners"),
        gettext("Gemeenten met onbekend inwonertal"),
        gettext("Voorkeursscore (Borda)"),
        gettext("DVO's met volgorde"),
        gettext("Gelijke stand beslist door"),
    ]


def results_xlsx(process, result: RoundResult) -> bytes:
    """A workbook with the ranking (sheet 'Rangorde') and the DVO x priority matrix (sheet 'Matrix')."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = gettext("Rangorde")
    write_row(sheet, 1, ranking_header(), bold=True)
    rows = ranking_rows(result)
    for row_number, row in enumerate(rows, start=2):
        item = row.result
        write_row(
            sheet,
            row_number,
            [
                item.rank,
                item.priority.title,
                item.priority.position,
                item.dvo_count,
                ", ".join(row.dvo_codes),
                float(item.share) / 100,
                gettext("ja") if item.reaches_majority else gettext("nee"),
                item.municipalities,
                item.inhabitants,
                ", ".join(item.unknown_population),
                item.borda,
                item.ordered_count,
                str(TIE_BREAK_LABELS[item.tie_break]) if item.tie_break else "",
            ],
        )
        sheet.cell(row=row_number, column=6).number_format = "0.0%"
        sheet.cell(row=row_number, column=9).number_format = "#,##0"
    notes = [
        gettext("Uitslag keuze DVO's %(process)s, stand van %(date)s")
        % {"process": process.short_name, "date": format_date(reading_date(process))},
        str(TIE_BREAK_RULE),
        str(BORDA_RULE),
        gettext("Drempel overgrote meerderheid: %(threshold)s van alle DVO's.")
        % {"threshold": threshold_display(result)},
    ]
    note = unknown_population_note(result)
    if note:
        notes.append(note)
    for offset, text in enumerate(notes):
        write_row(sheet, len(rows) + 3 + offset, [text])
    for column, width in enumerate([8, 40, 12, 10, 24, 12, 12, 10, 12, 30, 12, 12, 30], start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "C2"

    grid = workbook.create_sheet(gettext("Matrix"))
    columns, matrix_rows = matrix_view(result)
    write_row(grid, 1, [gettext("Plaats"), gettext("Prioriteit"), *[c.code for c in columns]], bold=True)
    for row_number, row in enumerate(matrix_rows, start=2):
        write_row(grid, row_number, [row.rank, row.title, *[cell.export for cell in row.cells]])
    submitted_row = len(matrix_rows) + 2
    write_row(
        grid,
        submitted_row,
        [
            "",
            gettext("Keuze ingediend op"),
            *[
                (c.submitted_on + (" " + gettext("(door staf)") if c.entered_by_staff else ""))
                if c.has_chosen
                else gettext("nog niet gekozen")
                for c in columns
            ],
        ],
    )
    write_row(
        grid,
        submitted_row + 2,
        [gettext("x = gekozen; tussen haakjes de plaats in de volgorde van voorkeur van de DVO (1 = hoogste).")],
    )
    grid.column_dimensions["B"].width = 40
    grid.freeze_panes = "C2"
    for cell in grid[1]:
        cell.alignment = Alignment(horizontal="center")

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- PDF --------------------------------------------------------------------------------------------------------


def results_pdf(process, result: RoundResult) -> bytes:
    """The result for the BBG meeting: title, date, the tie-break rule, the ranking, the matrix and the chart."""
    html = render_to_string(
        "voting/pdf/results.html",
        {**result_context(process, result), "today_display": format_date(reading_date(process))},
    )
    return html_to_pdf(html)
