"""A review as PDF, in the nota's house style: the same stylesheet as the VS/MJB document and the progress report
(static/documents/pdf.css: cover, contents with page numbers, running header and "pagina x van y", the shipped
fonts, CONCEPT watermark until adopted), tagged PDF/UA-1.

Rendering runs in a Celery task (``render_review``); the file is kept by content in the private storage
(``reviews/<fingerprint>.pdf``): equal content, equal name, so a download is never stale and a second is immediate.
"""

import hashlib
from dataclasses import dataclass

from celery import shared_task
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import HTML

from core.dates import format_date
from core.pdf import STATIC_ORIGIN, StaticFilesFetcher, static_url
from core.queue import enqueue_on_commit
from documents.rendering.fonts import font_configuration

from .models import Review
from .selectors import next_version_label, review_content

FOLDER = "reviews"


@dataclass(frozen=True)
class ReviewHeader:
    """What base.html of the nota's PDF expects, for a review."""

    document_title: str
    process_title: str
    version_label: str
    status_label: str
    is_adopted: bool
    language: str


def review_html(review: Review) -> str:
    """The HTML of the review (cheap: a handful of queries and the templates)."""
    content = review_content(review)
    language = translation.get_language() or "nl"
    header = ReviewHeader(
        document_title=content["title"],
        process_title=content["process_title"],
        # As the document's concept: the label the next version will get (0.1, 0.2, ...), 1.0 once adopted.
        version_label="1.0" if review.is_frozen else next_version_label(review),
        status_label=str(review.get_status_display()),
        is_adopted=review.is_frozen,
        language=language,
    )
    return render_to_string(
        "reviews/pdf/review.html",
        {
            "content": header,
            "review_content": content,
            "review": review,
            "language": language,
            "date": format_date(review.adopted_on if review.is_frozen else timezone.localdate()),
            "stylesheet_url": static_url("documents/pdf.css"),
            "report_stylesheet_url": static_url("monitoring/report.css"),
        },
    )


def fingerprint(html: str) -> str:
    return hashlib.sha256(html.encode()).hexdigest()[:32]


def file_name(html: str) -> str:
    return f"{FOLDER}/{fingerprint(html)}.pdf"


def render_pdf(html: str) -> bytes:
    document = HTML(string=html, base_url=STATIC_ORIGIN, url_fetcher=StaticFilesFetcher()).render(
        font_config=font_configuration(), pdf_variant="pdf/ua-1"
    )
    return document.write_pdf(pdf_variant="pdf/ua-1")


def cached_pdf(html: str) -> str | None:
    """The storage name of the rendered PDF of this content, or None while it is not made yet."""
    name = file_name(html)
    return name if storages["private"].exists(name) else None


@shared_task(acks_late=True)
def render_review(review_id: int) -> str | None:
    """Render the review into the private storage; idempotent (the name is the content's fingerprint)."""
    review = Review.objects.select_related("process", "moment").filter(pk=review_id).first()
    if review is None:
        return None
    html = review_html(review)
    name = file_name(html)
    storage = storages["private"]
    if storage.exists(name):
        return name
    pdf = render_pdf(html)
    if not storage.exists(name):
        storage.save(name, ContentFile(pdf))
    return name


def request_render(review: Review) -> None:
    enqueue_on_commit(render_review, review.pk)
