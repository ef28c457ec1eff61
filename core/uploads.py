"""Checking uploaded plan and source documents before anything is stored.

Only PDF and DOCX are accepted, recognised by their content (not their name): a PDF starts with ``%PDF-``; a DOCX
is a zip archive with ``[Content_Types].xml`` and ``word/document.xml``. The extension must match what the
content is, and the file may not be larger than ``settings.MAX_DOCUMENT_SIZE``. A refused file raises a
ValidationError with a Dutch message; the caller then stores nothing. An accepted file gets a random name (the
original name is kept apart for the download), so that names chosen by users never reach the file system.
"""

import uuid
import zipfile
from dataclasses import dataclass
from typing import ClassVar

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

PDF = "pdf"
DOCX = "docx"

CONTENT_TYPES = {
    PDF: "application/pdf",
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
DOCX_REQUIRED_PARTS = {"[Content_Types].xml", "word/document.xml"}


@dataclass(frozen=True)
class AcceptedDocument:
    file: UploadedFile
    kind: str
    original_name: str


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def detect_kind(file) -> str | None:
    """'pdf' or 'docx' from the file's content, or None when it is neither."""
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"PK\x03\x04"):
        try:
            # Only the archive's directory is read; nothing is unpacked.
            with zipfile.ZipFile(file) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        finally:
            file.seek(0)
        if names >= DOCX_REQUIRED_PARTS:
            return DOCX
    return None


def check_document(file: UploadedFile) -> AcceptedDocument:
    """Accept a PDF or DOCX whose extension matches its content and whose size is within the limit.

    Raises ValidationError with a Dutch message otherwise. The accepted file is renamed to a random name with
    the right extension; ``original_name`` keeps the name the user gave it.
    """
    limit = settings.MAX_DOCUMENT_SIZE
    if file.size is not None and file.size > limit:
        raise ValidationError(
            gettext("Het bestand is te groot (%(size)s). Een document mag hoogstens %(limit)s zijn.")
            % {"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
            code="upload_too_large",
        )
    original_name = (file.name or "").replace("\\", "/").rsplit("/", 1)[-1]
    kind = detect_kind(file)
    if kind is None:
        raise ValidationError(
            gettext("Dit bestand is geen PDF- of Word-document (DOCX). Alleen PDF en DOCX worden aangenomen."),
            code="upload_wrong_type",
        )
    extension = _extension(original_name)
    if extension != kind:
        raise ValidationError(
            gettext(
                "De naam van het bestand eindigt op '.%(extension)s', maar de inhoud is een %(kind)s-document. "
                "Geef het bestand de juiste extensie (.%(expected)s) en probeer het opnieuw."
            )
            % {"extension": extension or "", "kind": kind.upper(), "expected": kind},
            code="upload_wrong_extension",
        )
    file.name = f"{uuid.uuid4().hex}.{kind}"
    return AcceptedDocument(file=file, kind=kind, original_name=original_name[:255])


def content_type_for(name: str) -> str:
    return CONTENT_TYPES.get(_extension(name), "application/octet-stream")


_document_help_text = lazy(
    lambda: gettext("PDF of Word (DOCX), hoogstens %(limit)s.") % {"limit": filesizeformat(settings.MAX_DOCUMENT_SIZE)},
    str,
)


class DocumentField(forms.FileField):
    """A form field for a plan or source document: checked by content, extension and size.

    ``clean`` returns the accepted file (renamed) and sets ``accepted`` on the form field's bound value so
    the form can keep the original name; see ``DocumentFormMixin``.
    """

    default_error_messages: ClassVar[dict] = {
        "invalid": _("Er is geen bestand ontvangen. Kies het bestand opnieuw."),
        "empty": _("Het bestand is leeg."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Document"))
        kwargs.setdefault("help_text", _document_help_text())
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": ".pdf,.docx"}))
        super().__init__(**kwargs)


class DocumentFormMixin:
    """For a ModelForm with ``document`` and ``document_name``: checks the upload and keeps its original name."""

    def clean_document(self):
        document = self.cleaned_data.get("document")
        if isinstance(document, UploadedFile):
            accepted = check_document(document)
            self.instance.document_name = accepted.original_name
            return accepted.file
        if document is False:  # "clear" ticked
            self.instance.document_name = ""
        return document
