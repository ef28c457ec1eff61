"""The PDF of the VS/MJB document and of its accompanying letter, made with WeasyPrint.

The layout is in templates/documents/pdf/ and static/documents/pdf.css: a cover page, a table of contents with page
numbers (target-counter), running headers and footers ("pagina x van y"), a CONCEPT watermark on every page of a
version that is not adopted, tables whose header repeats on every page, and the fonts shipped in static/fonts/.

Every resource goes through StaticFilesFetcher: our own static files only, nothing from the network or the disk.
The document and the letter are tagged PDF/UA-1 with title and language; the archive copy is PDF/A-3b, tagged too.
"""

import logging
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from weasyprint import HTML

from core.dates import format_date
from core.numbers import format_number
from core.pdf import STATIC_ORIGIN, StaticFilesFetcher, collector_paused, static_url
from documents.content import CapacityRow, DocumentContent, GoalItem

from . import Kind
from .fonts import font_configuration

TEMPLATES = {
    Kind.DOCUMENT: "documents/pdf/document.html",
    Kind.LETTER: "documents/pdf/letter.html",
    Kind.ARCHIVE: "documents/pdf/document.html",
}
# WeasyPrint 70 offers pdf/ua-1 and pdf/ua-2 and the PDF/A family (weasyprint.pdf.VARIANTS). PDF/UA-1 is what
# readers and checkers (PAC, veraPDF) know best; PDF/A-3b embeds the shipped fonts and keeps our tags.
PDF_OPTIONS = {
    Kind.DOCUMENT: {"pdf_variant": "pdf/ua-1"},
    Kind.LETTER: {"pdf_variant": "pdf/ua-1"},
    Kind.ARCHIVE: {"pdf_variant": "pdf/a-3b", "pdf_tags": True},
}
# A section generated from data whose HTML is empty is laid out from the content's data by these includes (the
# selectors normally fill the HTML, with the explanation typed by staff; the demo content leaves it to us).
DATA_SECTIONS = {
    "priorities": "documents/pdf/includes/priorities.html",
    "goals": "documents/pdf/includes/goals.html",
    "capacity": "documents/pdf/includes/capacity.html",
}

Progress = Callable[[int], None]


@dataclass
class Timings:
    """Where the time of one rendering went, in seconds (for bench/pdf_render.py)."""

    template: float = 0.0  # our context and Django templates
    parse: float = 0.0  # WeasyPrint parsing the HTML
    layout: float = 0.0  # HTML.render(): styles, fonts, layout and pagination (fetching included)
    fetch: float = 0.0  # inside layout: our fetcher serving stylesheets and fonts
    write: float = 0.0  # Document.write_pdf(): fonts subset, PDF objects, tags, metadata
    pages: int = 0
    fetched: list[str] = field(default_factory=list)

    @property
    def total(self) -> float:
        return self.template + self.parse + self.layout + self.write


@dataclass(frozen=True)
class Chapter:
    number: int
    anchor: str
    title: str
    html: str
    include: str | None


def render_pdf(
    content: DocumentContent,
    kind: Kind = Kind.DOCUMENT,
    *,
    progress: Progress | None = None,
    timings: Timings | None = None,
) -> bytes:
    """The PDF of the document (DOCUMENT, ARCHIVE) or of its letter (LETTER), as bytes."""
    kind = Kind(kind)
    timings = timings if timings is not None else Timings()
    report = progress or (lambda percent: None)

    with collector_paused():
        started = time.perf_counter()
        html_string = render_html(content, kind)
        timings.template = time.perf_counter() - started
        report(10)

        fetcher = TimedFetcher()
        started = time.perf_counter()
        html = HTML(string=html_string, base_url=STATIC_ORIGIN, url_fetcher=fetcher)
        timings.parse = time.perf_counter() - started

        options = PDF_OPTIONS[kind]
        with _weasyprint_progress(report):
            started = time.perf_counter()
            document = html.render(font_config=font_configuration(), **options)
            timings.layout = time.perf_counter() - started
            report(80)
            started = time.perf_counter()
            pdf = document.write_pdf(**options)
            timings.write = time.perf_counter() - started
        timings.fetch = fetcher.elapsed
        timings.pages = len(document.pages)
        timings.fetched = list(fetcher.requested)
        del document, html
    report(95)
    return pdf


def render_html(content: DocumentContent, kind: Kind = Kind.DOCUMENT) -> str:
    """The HTML that WeasyPrint lays out, in the document's language."""
    with translation.override(content.language):
        return render_to_string(TEMPLATES[Kind(kind)], pdf_context(content))


def pdf_context(content: DocumentContent) -> dict:
    chapters = [_chapter(number, section) for number, section in enumerate(content.sections, start=1)]
    capacity = [capacity_row(row) for row in content.capacity]
    return {
        "content": content,
        "language": content.language,
        "date": format_date(content.date),
        "stylesheet_url": static_url("documents/pdf.css"),
        "chapters": chapters,
        "priorities": content.priorities,
        "goals": [goal_row(goal) for goal in content.goals],
        "capacity": capacity,
        "shortfall_count": sum(1 for row in capacity if row["has_shortfall"]),
        "letter_html": content.letter_html,
    }


def _chapter(number: int, section) -> Chapter:
    # The HTML is sanitised by the selectors that build the content (documents/sanitize.py) or made by our own
    # templates; it is not cleaned again here, so that the fetcher, not the sanitiser, is what keeps a rendering
    # from reaching outside (the tests feed it hostile HTML directly).
    include = DATA_SECTIONS.get(section.key) if section.generated and not section.html.strip() else None
    return Chapter(number=number, anchor=f"section-{number}", title=section.title, html=section.html, include=include)


def goal_row(goal: GoalItem) -> dict:
    return {
        "position": goal.position,
        "priority_title": goal.priority_title,
        "title": goal.title,
        "description": goal.description,
        "indicator": goal.indicator,
        "baseline": goal.baseline,
        "target": goal.target,
        "deadline": format_date(goal.deadline) if goal.deadline else "",
        "owner": goal.owner,
        "partner_roles": goal.partner_roles,
        "urgency": goal.urgency,
        "status": goal.status,
    }


def capacity_row(row: CapacityRow) -> dict:
    """One municipality's line, in words: unknown stays 'onbekend', never a guess."""
    unknown = _("onbekend")
    return {
        "district": row.district,
        "municipality": row.municipality,
        "population": _number(row.population) if row.population is not None else unknown,
        "population_unknown": row.population is None,
        "norm": _number(row.norm) if row.norm is not None else unknown,
        "norm_unknown": row.norm is None,
        "planned": _number(row.planned) if row.planned is not None else _("niet ingevuld"),
        "planned_unknown": row.planned is None,
        "shortfall": _number(row.shortfall) if row.shortfall is not None else unknown,
        "shortfall_unknown": row.shortfall is None,
        "has_shortfall": bool(row.shortfall),
    }


def _number(value: int) -> str:
    return format_number(value)


class TimedFetcher(StaticFilesFetcher):
    """The static-files fetcher, keeping the time it spends (the bench reports it apart from layout)."""

    def __init__(self):
        super().__init__()
        self.elapsed = 0.0

    def fetch(self, url, headers=None):
        started = time.perf_counter()
        try:
            return super().fetch(url, headers)
        finally:
            self.elapsed += time.perf_counter() - started


# WeasyPrint logs its steps ("Step 5 - Creating layout - Page 12") on this logger; we turn them into a percentage.
_STEP = re.compile(r"Step (\d)(?: - Creating layout - Page (\d+))?")
_STEP_PERCENT = {1: 10, 2: 12, 3: 15, 4: 25, 5: 30, 6: 85, 7: 92}


class _ProgressHandler(logging.Handler):
    """Reports the progress of the rendering in this thread only (a worker may render several at once)."""

    def __init__(self, report: Progress):
        super().__init__(level=logging.INFO)
        self.report = report
        self.thread = threading.get_ident()
        self.last = 0

    def emit(self, record):
        if record.thread != self.thread:
            return
        match = _STEP.match(str(record.msg) % record.args if record.args else str(record.msg))
        if not match:
            return
        step, page = int(match[1]), match[2]
        percent = _STEP_PERCENT.get(step, self.last)
        if step == 5 and page:
            # The page count is unknown while laying out: approach 78% without reaching it.
            pages = int(page)
            percent = 30 + int(48 * pages / (pages + 20))
        if percent >= self.last + 5:
            self.last = percent
            self.report(percent)


class _weasyprint_progress:
    def __init__(self, report: Progress):
        self.handler = _ProgressHandler(report)
        self.logger = logging.getLogger("weasyprint.progress")

    def __enter__(self):
        self.logger.addHandler(self.handler)
        return self

    def __exit__(self, *exc):
        self.logger.removeHandler(self.handler)
