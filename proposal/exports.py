"""The proposal's spreadsheets: the budget per goal and year (cost items, funding per source, coverage) and the
cost-sharing key per municipality and year. Text stays text (core.spreadsheets' formula guard)."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook

from core.spreadsheets import write_row

from .selectors import KeyResult, coverage, period_years, plans_of


def _bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def budget_xlsx(proposal) -> bytes:
    years = period_years(proposal)
    workbook = Workbook()
    costs = workbook.active
    costs.title = _("Kosten")
    write_row(costs, 1, [_("Doelstelling"), _("Jaar"), _("Kostenpost"), _("Bedrag")], bold=True)
    funding = workbook.create_sheet(_("Financiering"))
    write_row(funding, 1, [_("Doelstelling"), _("Jaar"), _("Bron"), _("Bedrag")], bold=True)
    check = workbook.create_sheet(_("Dekking"))
    write_row(check, 1, [_("Doelstelling"), _("Jaar"), _("Kosten"), _("Financiering"), _("Tekort")], bold=True)
    cost_row = funding_row = check_row = 2
    for plan in plans_of(proposal):
        for item in plan.costs.all():
            write_row(costs, cost_row, [plan.goal.title, item.year, item.description, item.amount])
            cost_row += 1
        for line in plan.funding.all():
            write_row(funding, funding_row, [plan.goal.title, line.year, line.source_display, line.amount])
            funding_row += 1
        for year in coverage(plan, years).years:
            write_row(check, check_row, [plan.goal.title, year.year, year.cost, year.funding, year.shortfall])
            check_row += 1
    return _bytes(workbook)


def key_xlsx(result: KeyResult, years: list[int]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Verdeelsleutel")
    write_row(
        sheet,
        1,
        [_("Gemeente"), _("District"), _("Inwoners"), _("Herkomst inwonertal"), *years, _("Totaal")],
        bold=True,
    )
    row_number = 2
    for row in result.rows:
        write_row(
            sheet,
            row_number,
            [
                row.municipality.name,
                row.municipality.district.code,
                row.population,
                row.population_note,
                *[row.shares.get(year) for year in years],
                row.total,
            ],
        )
        row_number += 1
    write_row(
        sheet,
        row_number,
        [_("Totaal"), "", "", "", *[result.share_by_year.get(y) for y in years], result.total],
        bold=True,
    )
    for excluded in result.excluded:
        row_number += 1
        write_row(
            sheet,
            row_number,
            [excluded.municipality.name, "", "", _("buiten de verdeling: %(reason)s") % {"reason": excluded.reason}],
        )
    return _bytes(workbook)
