"""Background work of the proposal: rendering a version's PDF (or .docx) into the nota's render cache
(documents/rendering/cache.py, keyed by the content's fingerprint)."""

import logging

from celery import shared_task

from documents.rendering import Kind
from documents.rendering.cache import rendered_file

from .content import version_content
from .models import ProposalVersion

logger = logging.getLogger(__name__)

# What a proposal's version is rendered as: the PDF in the nota's house style (PDF/UA-1) and the .docx.
KINDS = (Kind.DOCUMENT, Kind.DOCX)


@shared_task(acks_late=True)
def render_proposal_version(version_id: int, kind: str) -> str | None:
    """Render one version as ``kind`` into renders/<fingerprint>-<kind>.<ext> in the private storage; the download
    view serves it from there. Idempotent: when the file for this content is there, nothing is rendered.
    Returns the storage name, or None when the version is gone."""
    version = ProposalVersion.objects.filter(pk=version_id).first()
    if version is None:
        logger.info("Proposal version %s is gone; nothing to render.", version_id)
        return None
    kind = Kind(kind)
    if kind not in KINDS:
        logger.warning("A proposal version is not rendered as %s.", kind.value)
        return None
    return rendered_file(version_content(version), kind)
