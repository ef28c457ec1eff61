"""The values of a process as an Excel workbook: one row per value (moment, goal, indicator, area, value, unit,
provisional, source, remark, status of the goal at that moment, staff's override reason, the owner's explanation, who
entered it). Text stays text (core.spreadsheets)."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook

from core.spreadsheets import write_row
from planning.models import StrategyProcess

from .selectors import monitoring_for


def values_xlsx(process: StrategyProcess) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Meetwaarden")[:31]
    headers = [
        _("Peildatum"),
        _("Meetmoment"),
        _("Doelstelling"),
        _("Prioriteit"),
        _("Indicator"),
        _("Eenheid"),
        _("Gebied"),
        _("Waarde"),
        _("Voorlopig"),
        _("Bron"),
        _("Opmerking"),
        _("Status doelstelling"),
        _("Status door de programmastaf vastgesteld, reden"),
        _("Toelichting van de eigenaar"),
        _("Ingevoerd door"),
    ]
    write_row(sheet, 1, headers, bold=True)
    row_number = 2
    for item in monitoring_for(process):
        for row in item.moments:
            for indicator in item.indicators:
                for value in row.values[indicator.pk]:
                    area = value.district or value.municipality
                    write_row(
                        sheet,
                        row_number,
                        [
                            row.moment.measured_on,
                            row.moment.label,
                            item.goal.title,
                            item.goal.priority.title,
                            indicator.name,
                            indicator.get_unit_display(),
                            str(area) if area else _("hele eenheid"),
                            float(value.value),
                            _("ja") if value.provisional else _("nee"),
                            value.source,
                            value.remark,
                            row.status_label,
                            row.assessment.override_reason if row.is_overridden else "",
                            row.assessment.explanation if row.assessment else "",
                            str(value.entered_by) if value.entered_by else "",
                        ],
                    )
                    row_number += 1
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
