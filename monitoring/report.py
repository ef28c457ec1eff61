"""The annual progress report (voortgangsrapportage) as PDF, in the nota's house style: the same stylesheet
(static/documents/pdf.css: cover, contents with page numbers, running header and "pagina x van y", the shipped
fonts, CONCEPT watermark until adopted), tagged PDF/UA-1, the charts as inline SVG (vectors).

Per priority and goal: the values at the year's moment(s), the status (with staff's override and reason), the
owner's explanation, the partners' actions and the chart; before them the executive summary staff wrote. It is
written from the report's data (monitoring.report_data), as the .docx is: once adopted from the snapshot the
Bestuurscollege adopted, charts included, so a value corrected later does not change the adopted report.

Rendering runs in a Celery task (``render_report``); the file is kept by content in the private storage
(``monitoring-reports/<fingerprint>.pdf``): equal content, equal name, so a download is never stale and a second
one is immediate.
"""

import datetime
import hashlib
from dataclasses import dataclass

from celery import shared_task
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from weasyprint import HTML

from core.dates import format_date
from core.pdf import STATIC_ORIGIN, StaticFilesFetcher, collector_paused, static_url
from core.queue import enqueue_on_commit
from documents.rendering.fonts import font_configuration
from planning.models import StrategyProcess
from planning.selectors import reading_date

from .models import ProgressReport
from .report_data import chart_of, report_source

FOLDER = "monitoring-reports"


@dataclass(frozen=True)
class ReportContent:
    """What base.html of the nota's PDF expects, for the report."""

    document_title: str
    process_title: str
    version_label: str
    status_label: str
    is_adopted: bool
    language: str


def report_content(report: ProgressReport | None, version, year: int, process: StrategyProcess) -> ReportContent:
    """The cover's and running header's labels. The version as the document's concept has it: the label the next
    version will get (0.1, 0.2, ...), the adopted version's (1.0) once adopted; ``version`` is the last one."""
    adopted = bool(report and report.is_frozen)
    if version is None:
        label = "0.1"
    elif adopted:
        label = version.label
    else:
        label = f"{version.major}.{version.minor + 1}"
    return ReportContent(
        document_title=_("Voortgangsrapportage %(year)s") % {"year": year},
        process_title=process.title,
        version_label=label,
        status_label=str(report.get_status_display() if report else ProgressReport.Status.CONCEPT.label),
        is_adopted=adopted,
        language=translation.get_language() or "nl",
    )


def report_html(process: StrategyProcess, year: int) -> str:
    """The HTML of the year's report, written from its data (monitoring.report_data): an adopted report from the
    snapshot the Bestuurscollege adopted, charts included; cheap, a handful of queries and the templates."""
    report, version, data = report_source(process, year)
    content = report_content(report, version, year, process)
    priorities = [
        {**priority, "goals": [_drawable(goal) for goal in priority["goals"]]} for priority in data["priorities"]
    ]
    return render_to_string(
        "monitoring/pdf/report.html",
        {
            "content": content,
            "language": content.language,
            "date": format_date(report.adopted_on if content.is_adopted else reading_date(process)),
            "stylesheet_url": static_url("documents/pdf.css"),
            "report_stylesheet_url": static_url("monitoring/report.css"),
            "summary_html": data["summary_html"],
            "year": year,
            "priorities": priorities,
            "rule_text": data["rule_text"],
        },
    )


def _drawable(goal: dict) -> dict:
    """A goal's data with what the template draws from it: the chart and each moment's date as a date."""
    rows = [{**row, "measured_on": datetime.date.fromisoformat(row["measured_on"])} for row in goal["rows"]]
    return {**goal, "rows": rows, "chart_drawing": chart_of(goal)}


def fingerprint(html: str) -> str:
    return hashlib.sha256(html.encode()).hexdigest()[:32]


def file_name(html: str) -> str:
    return f"{FOLDER}/{fingerprint(html)}.pdf"


def render_pdf(html: str) -> bytes:
    with collector_paused():
        document = HTML(string=html, base_url=STATIC_ORIGIN, url_fetcher=StaticFilesFetcher()).render(
            font_config=font_configuration(), pdf_variant="pdf/ua-1"
        )
        return document.write_pdf(pdf_variant="pdf/ua-1")


def cached_pdf(html: str) -> str | None:
    """The storage name of the rendered PDF of this content, or None while it is not made yet."""
    name = file_name(html)
    return name if storages["private"].exists(name) else None


@shared_task(acks_late=True)
def render_report(process_id: int, year: int) -> str | None:
    """Render the year's report into the private storage; idempotent (the name is the content's fingerprint)."""
    process = StrategyProcess.objects.filter(pk=process_id).first()
    if process is None:
        return None
    html = report_html(process, year)
    name = file_name(html)
    storage = storages["private"]
    if storage.exists(name):
        return name
    pdf = render_pdf(html)
    if not storage.exists(name):
        storage.save(name, ContentFile(pdf))
    return name


def request_render(process: StrategyProcess, year: int) -> None:
    enqueue_on_commit(render_report, process.pk, year)
