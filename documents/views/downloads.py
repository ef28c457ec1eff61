"""Downloads of a version's renderings: the combined VS/MJB document as PDF (PDF/UA-1), the accompanying letter as
PDF, the adopted version as PDF/A, the .docx export, and the progress of a render that takes a while.

A rendering is kept by content (documents/rendering/cache.py): a second download is served from the private
storage at once, found by the fingerprint stored on the version (computed from its own snapshot when it was made or
imported, never taken from input), without rebuilding the content. It carries that fingerprint as its ETag, and a
conditional GET for the same rendering is answered 304 without reading the file (bench/pdf_render.py measures
both). When it is not there yet, the render runs in a Celery task and the page shows its progress,
polling RenderStatusView with htmx; with Celery eager (no Redis) it runs inline and the file comes straight back.
"""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseNotModified, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import parse_etags
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views import View

from audit.models import AuditEvent
from audit.services import audit_record
from core.views import RuleRequiredMixin
from planning.access import get_process_for_user

from ..access import get_version_for_user
from ..rendering import Kind
from ..rendering.cache import Status, cached_file, render_status, storage
from ..selectors import build_document_content
from ..tasks import request_render

DOWNLOAD_URLS = {
    Kind.DOCUMENT: "documents:version_pdf",
    Kind.LETTER: "documents:version_letter_pdf",
    Kind.ARCHIVE: "documents:version_pdfa",
    Kind.DOCX: "documents:version_docx",
}
# htmx stops polling on this status code.
STOP_POLLING = 286


class _VersionRenderingMixin(RuleRequiredMixin):
    permission_required = "documents.download_document"

    def get_version(self):
        process = get_process_for_user(self.request.user, self.kwargs["slug"])
        version = get_version_for_user(self.request.user, process, self.kwargs["label"])
        if not self.request.user.has_perm("documents.download_document", version):
            raise PermissionDenied
        return process, version

    def get_version_and_content(self, kind: Kind):
        process, version = self.get_version()
        return process, version, self.content_of(version, kind)

    def content_of(self, version, kind: Kind):
        content = build_document_content(version)
        if kind is Kind.ARCHIVE and not content.is_adopted:
            raise Http404(_("Alleen van een vastgestelde versie is er een PDF/A."))
        return content


class _VersionDownloadView(_VersionRenderingMixin, View):
    kind: Kind

    def get(self, request, *args, **kwargs):
        process, version = self.get_version()
        if self.kind is not Kind.ARCHIVE and version.fingerprint:
            # The cached rendering by the version's stored fingerprint: no content to rebuild nor to hash. (The
            # PDF/A needs the content to know whether the version is adopted; a miss takes the long way.)
            name = cached_file(version.fingerprint, self.kind)
            if name:
                return self._serve(version, name, version.fingerprint, _snapshot_title(version))
        content = self.content_of(version, self.kind)
        name = request_render(version, content, self.kind)
        if name:
            return self._serve(version, name, content.fingerprint(), content.document_title)
        context = {
            "process": process,
            "version": version,
            "content": content,
            "kind": self.kind,
            "status_url": _status_url(process.slug, version.label, self.kind),
            "download_url": reverse(DOWNLOAD_URLS[self.kind], kwargs={"slug": process.slug, "label": version.label}),
            "status": render_status(content.fingerprint(), self.kind),
        }
        return render(request, "documents/pdf/render_progress.html", context, status=202)

    def _serve(self, version, name: str, fingerprint: str, title: str):
        etag = f'"{fingerprint}-{self.kind.value}"'
        if etag in parse_etags(self.request.headers.get("If-None-Match", "")):
            # The client has this very rendering (equal content, equal file): nothing is read or sent, and nothing
            # is downloaded, so nothing is recorded.
            response = HttpResponseNotModified()
            _set_headers(response, etag)
            return response
        audit_record(
            kind=AuditEvent.Kind.DOCUMENT_DOWNLOAD, request=self.request, obj=version, details={"kind": self.kind.value}
        )
        response = _file_response(name, version_download_name(title, version.label, self.kind), self.kind)
        _set_headers(response, etag)
        return response


class VersionPdfView(_VersionDownloadView):
    kind = Kind.DOCUMENT


class VersionLetterPdfView(_VersionDownloadView):
    kind = Kind.LETTER


class VersionPdfaView(_VersionDownloadView):
    kind = Kind.ARCHIVE


class VersionDocxView(_VersionDownloadView):
    kind = Kind.DOCX


class RenderStatusView(_VersionRenderingMixin, View):
    """{"status": pending/rendering/done/failed, "progress": 0-100} of ``?kind=`` (document by default). For htmx
    (HX-Request) the same as an HTML fragment, with status 286 to stop the polling once done or failed."""

    def get(self, request, *args, **kwargs):
        try:
            kind = Kind(request.GET.get("kind", Kind.DOCUMENT.value))
        except ValueError as exc:
            raise Http404 from exc
        process, version, content = self.get_version_and_content(kind)
        status = render_status(content.fingerprint(), kind)
        download_url = reverse(DOWNLOAD_URLS[kind], kwargs={"slug": process.slug, "label": version.label})
        if request.headers.get("HX-Request") != "true":
            return JsonResponse({**status, "download_url": download_url}, headers={"Cache-Control": "no-store"})
        finished = status["status"] in (Status.DONE, Status.FAILED)
        response = render(
            request,
            "documents/pdf/render_status.html",
            {
                "status": status,
                "kind": kind,
                "status_url": _status_url(process.slug, version.label, kind),
                "download_url": download_url,
                "finished": finished,
            },
            status=STOP_POLLING if finished else 200,
        )
        response["Cache-Control"] = "no-store"
        if status["status"] == Status.DONE:
            # htmx follows this with a full request: the browser downloads the file and the page stays.
            response["HX-Redirect"] = download_url
        return response


def download_name(content, kind: Kind) -> str:
    """The file name of a rendering of ``content`` (see version_download_name)."""
    return version_download_name(content.document_title, content.version_label, kind)


def version_download_name(title: str, label: str, kind: Kind) -> str:
    """'veiligheidsstrategie-en-meerjarenbeleidsplan-2019-2022-versie-0-3.pdf', the letter prefixed 'brief-'."""
    # slugify drops dots: '0.3' becomes '0-3' first, so that version 0.3 is not read as 03.
    stem = slugify(f"{title} {_('versie')} {label.replace('.', '-')}")
    if kind is Kind.LETTER:
        stem = f"{slugify(_('brief'))}-{stem}"
    elif kind is Kind.ARCHIVE:
        stem = f"{stem}-pdfa"
    return f"{stem}.{kind.extension}"


def _snapshot_title(version) -> str:
    return (version.snapshot or {}).get("document_title") or version.document.title


def _status_url(slug: str, label: str, kind: Kind) -> str:
    return reverse("documents:render_status", kwargs={"slug": slug, "label": label}) + f"?kind={kind.value}"


def _file_response(name: str, filename: str, kind: Kind) -> FileResponse:
    response = FileResponse(
        storage().open(name, "rb"), as_attachment=True, filename=filename, content_type=kind.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _set_headers(response, etag: str) -> None:
    response["ETag"] = etag
    # Still never stored by a browser or a proxy (documents are confidential until adopted); the ETag serves
    # clients that keep the file themselves and ask again with If-None-Match.
    response["Cache-Control"] = "private, no-store"
