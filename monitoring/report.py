"""The annual progress report (voortgangsrapportage) as PDF, in the nota's house style: the same stylesheet
(static/documents/pdf.css: cover, contents with page numbers, running header and "pagina x van y", the shipped
fonts, CONCEPT watermark until adopted), tagged PDF/UA-1, the charts as inline SVG (vectors).

Per priority and goal: the values at the year's moment(s), the status (with staff's override and reason), the
owner's explanation, the partners' actions and the chart; before them the executive summary staff wrote.

Rendering runs in a Celery task (``render_report``); the file is kept by content in the private storage
(``monitoring-reports/<fingerprint>.pdf``): equal content, equal name, so a download is never stale and a second
one is immediate.
"""

import hashlib
import logging
from dataclasses import dataclass

from celery import shared_task
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from weasyprint import HTML

from core.dates import format_date
from core.pdf import STATIC_ORIGIN, StaticFilesFetcher, collector_paused, static_url
from core.queue import enqueue_on_commit
from documents.rendering.fonts import font_configuration
from planning.models import StrategyProcess

from .chart import goal_chart
from .models import ProgressReport
from .progress import RULE_TEXT
from .selectors import moments_of, monitoring_for

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


def report_html(process: StrategyProcess, year: int) -> str:
    """The HTML of the year's report (cheap: a handful of queries and the templates)."""
    report = ProgressReport.objects.filter(process=process, year=year).first()
    until_year = [moment for moment in moments_of(process) if moment.measured_on.year <= year]
    moments = [moment for moment in until_year if moment.measured_on.year == year]
    items = monitoring_for(process, moments=moments)
    # The charts show the road so far: no values of later years in an earlier year's report.
    all_items = {item.goal.pk: item for item in monitoring_for(process, moments=until_year)}
    adopted = bool(report and report.status == ProgressReport.Status.ADOPTED)
    language = translation.get_language() or "nl"
    content = ReportContent(
        document_title=_("Voortgangsrapportage %(year)s") % {"year": year},
        process_title=process.title,
        version_label=str(year),  # the running header reads "Versie 2021": the report of that year
        status_label=str(report.get_status_display() if report else ProgressReport.Status.CONCEPT.label),
        is_adopted=adopted,
        language=language,
    )
    priorities = {}
    for item in items:
        priorities.setdefault(item.goal.priority, []).append(
            {"item": item, "chart": goal_chart(all_items[item.goal.pk], width=480, height=220)}
        )
    return render_to_string(
        "monitoring/pdf/report.html",
        {
            "content": content,
            "language": language,
            "date": format_date(report.adopted_on if adopted else timezone.localdate()),
            "stylesheet_url": static_url("documents/pdf.css"),
            "report_stylesheet_url": static_url("monitoring/report.css"),
            "report": report,
            "year": year,
            "moments": moments,
            "priorities": list(priorities.items()),
            "rule_text": RULE_TEXT,
        },
    )


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


logger = logging.getLogger(__name__)
