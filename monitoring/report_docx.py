"""The annual progress report as .docx, for those who edit in Word, written as the VS/MJB document's .docx is
(documents.rendering.docx: the page header with CONCEPT until adopted and "pagina x van y", the proofing language,
the prose converter and the data tables).

It is written from the report as plain data (monitoring.selectors.report_data): for an adopted report the snapshot
of version 1.0, exactly as the Bestuurscollege adopted it; otherwise the report as it is now. The same chapters as
the PDF: the summary, the overview, per priority and goal each moment's values, status, explanation and actions, and
the status rule. The charts are in the PDF; here their values are in the tables.

Like the document's .docx it is made in the request: it takes milliseconds, no fonts or layout.
"""

import datetime
import io

from django.utils import translation
from django.utils.translation import gettext as _
from docx import Document

from core.dates import format_date
from documents.rendering.docx import HtmlConverter, data_table, header_and_footer, set_language
from planning.models import StrategyProcess
from planning.selectors import reading_date

from .report import ReportContent, report_content
from .report_data import report_source


def report_docx_data(process: StrategyProcess, year: int) -> tuple[ReportContent, dict, str]:
    """What the .docx is written from: the content's labels, the data and the date."""
    report, version, data = report_source(process, year)
    content = report_content(report, version, year, process)
    return content, data, format_date(report.adopted_on if content.is_adopted else reading_date(process))


def render_report_docx(content: ReportContent, data: dict, date: str) -> bytes:
    with translation.override(content.language):
        document = _build(content, data, date)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def _build(content: ReportContent, data: dict, date: str):
    document = Document()
    set_language(document, content.language)
    properties = document.core_properties
    properties.title = content.document_title
    properties.subject = content.process_title
    properties.language = content.language
    properties.version = content.version_label
    header_and_footer(document, content)

    document.add_paragraph(content.document_title, style="Title")
    document.add_paragraph(content.process_title, style="Subtitle")
    for label, value in [
        (_("Jaar"), str(data["year"])),
        (_("Versie"), content.version_label),
        (_("Status"), content.status_label),
        (_("Datum"), date),
    ]:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)

    document.add_heading(f"1. {_('Samenvatting')}", level=1)
    if data["summary_html"].strip():
        HtmlConverter(document).convert(data["summary_html"])
    else:
        document.add_paragraph(_("De programmastaf heeft de samenvatting nog niet geschreven."))

    document.add_heading(f"2. {_('Overzicht')}", level=1)
    data_table(
        document,
        [_("Doelstelling"), _("Indicator"), _("Waarde"), _("Status")],
        [
            [
                goal["title"],
                "; ".join(indicator["name"] for indicator in row["indicators"]),
                "; ".join(_value(indicator) for indicator in row["indicators"]),
                row["status_label"] or _("nog geen status"),
            ]
            for priority in data["priorities"]
            for goal in priority["goals"]
            for row in goal["rows"]
        ],
    )

    for number, priority in enumerate(data["priorities"], start=3):
        document.add_heading(f"{number}. {priority['title']}", level=1)
        for goal in priority["goals"]:
            _goal(document, goal)
    document.add_heading(f"{len(data['priorities']) + 3}. {_('Hoe de status wordt bepaald')}", level=1)
    document.add_paragraph(data["rule_text"])
    return document


def _value(indicator: dict) -> str:
    return f"{indicator['value']} ({_('voorlopig')})" if indicator["provisional"] else indicator["value"]


def _goal(document, goal: dict) -> None:
    document.add_heading(goal["title"], level=2)
    paragraph = document.add_paragraph()
    paragraph.add_run(f"{_('Eigenaar')}: ").bold = True
    paragraph.add_run(goal["owner"] or "–")
    for row in goal["rows"]:
        measured_on = format_date(datetime.date.fromisoformat(row["measured_on"]))
        document.add_paragraph(f"{row['moment']} ({measured_on})", style="Caption")
        data_table(
            document,
            [_("Indicator"), _("Nulmeting"), _("Streefwaarde"), _("Waarde"), _("Voortgang")],
            [
                [
                    indicator["name"],
                    indicator["baseline"],
                    indicator["target"],
                    _value(indicator),
                    _("%(done)s%% (verwacht %(expected)s%%)")
                    % {"done": indicator["progress_percent"], "expected": indicator["expected_percent"]}
                    if indicator["progress_percent"] is not None
                    else "–",
                ]
                for indicator in row["indicators"]
            ],
        )
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{_('Status')}: ").bold = True
        paragraph.add_run(row["status_label"] or _("nog geen status"))
        if row["overridden"]:
            paragraph.add_run(
                " ("
                + _("vastgesteld door de programmastaf; volgens de regel: %(computed)s")
                % {"computed": row["computed_label"] or _("geen")}
                + f"). {_('Reden')}: {row['override_reason']}"
            )
        if row["explanation"]:
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{_('Toelichting van de eigenaar')}: ").bold = True
            paragraph.add_run(row["explanation"])
        if row["actions"]:
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{_('Acties van de partners')}:").bold = True
            for action in row["actions"]:
                document.add_paragraph(action, style="List Bullet")
