"""Background work of the documents app: rendering a version's PDF (or .docx) into the render cache."""

import logging
from functools import partial

from celery import shared_task
from django.conf import settings
from django.db import transaction

from core.queue import enqueue_on_commit

from .content import DocumentContent
from .models import DocumentVersion
from .rendering import Kind
from .rendering.cache import Status, cached_file, is_underway, rendered_file, set_status
from .selectors import build_document_content

logger = logging.getLogger(__name__)


@shared_task(acks_late=True)
def render_document(version_id: int, kind: str) -> str | None:
    """Render one version as ``kind`` (document, letter, pdfa, docx) into renders/<fingerprint>-<kind>.<ext> in the
    private storage; the download view serves it from there.

    Idempotent: when the file for this content is already there, nothing is rendered, so a task delivered twice
    (acks_late, a worker lost mid-way) costs nothing the second time. The PDF/A is only made of an adopted version.
    Returns the storage name, or None when there is nothing to render.
    """
    version = DocumentVersion.objects.select_related("document__process").filter(pk=version_id).first()
    if version is None:
        logger.info("Version %s is gone; nothing to render.", version_id)
        return None
    kind = Kind(kind)
    content = build_document_content(version)
    if kind is Kind.ARCHIVE and not content.is_adopted:
        logger.warning("Version %s is not adopted; no PDF/A is made of it.", version_id)
        return None
    return rendered_file(content, kind)


def request_render(version, content: DocumentContent, kind: Kind, *, task=None) -> str | None:
    """The storage name of the version's rendering when it can be had now, else None with the render under way.

    Cached: at once. A .docx, or any kind when Celery runs eagerly (no Redis): rendered here and now. Otherwise the
    task is enqueued once the transaction commits, unless a render of the same content is already under way.

    ``task`` renders ``version`` (its id) as a kind: ``render_document`` for a DocumentVersion; a higher app whose
    versions are DocumentContent too (the proposal) passes its own.
    """
    kind = Kind(kind)
    task = task or render_document
    fingerprint = content.fingerprint()
    name = cached_file(fingerprint, kind)
    if name:
        return name
    if kind is Kind.DOCX or settings.CELERY_TASK_ALWAYS_EAGER:
        try:
            if kind is Kind.DOCX:
                return rendered_file(content, kind)
            task.delay(version.pk, kind.value)
        except Exception:
            # The status now says failed; the page tells the user and offers to try again.
            logger.exception("Rendering %s of version %s failed.", kind.value, version.pk)
            return None
        return cached_file(fingerprint, kind)
    if not is_underway(fingerprint, kind):
        set_status(fingerprint, kind, Status.PENDING, 0)
        transaction.on_commit(partial(task.delay, version.pk, kind.value))
    return None


def prerender_versions(versions, kinds: tuple[Kind, ...] = (Kind.DOCUMENT,)) -> int:
    """Queue the renders of these versions that are not in the cache nor under way, so that their first download
    is at once (the demo's versions, when the demo loads). Returns how many renders were queued."""
    queued = 0
    for version in versions:
        content = build_document_content(version)
        fingerprint = content.fingerprint()
        for kind in kinds:
            if cached_file(fingerprint, kind) or is_underway(fingerprint, kind):
                continue
            set_status(fingerprint, kind, Status.PENDING, 0)
            enqueue_on_commit(render_document, version.pk, kind.value)
            queued += 1
    return queued
