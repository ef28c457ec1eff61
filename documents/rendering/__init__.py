"""Renderings of a DocumentContent: the PDF of the document and of its letter, the PDF/A for the archive, and the
.docx. Renderers take only DocumentContent (documents/content.py), so equal content gives an equal file, cached by
its fingerprint (cache.py).
"""

from enum import StrEnum


class Kind(StrEnum):
    """What is rendered. The value is part of the cached file's name and of the download URLs' task arguments."""

    DOCUMENT = "document"  # the combined VS/MJB document, tagged PDF/UA-1
    LETTER = "letter"  # the accompanying letter with the preconditions, tagged PDF/UA-1
    ARCHIVE = "pdfa"  # the adopted document as PDF/A-3b (tagged too), for the archive
    DOCX = "docx"  # the document for those who edit in Word

    @property
    def extension(self) -> str:
        return "docx" if self is Kind.DOCX else "pdf"

    @property
    def content_type(self) -> str:
        if self is Kind.DOCX:
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        return "application/pdf"


def render(content, kind: Kind, *, progress=None) -> bytes:
    """The bytes of one rendering (no caching here; see cache.rendered_file)."""
    kind = Kind(kind)
    if kind is Kind.DOCX:
        from .docx import render_docx

        return render_docx(content)
    from .pdf import render_pdf

    return render_pdf(content, kind, progress=progress)
