"""The download views of a version's renderings and the progress of a render: who may download, the file served
from the cache, the progress page and its htmx polling when the render runs in a Celery task."""

import io
import re

import docx
import pypdf
import pytest
from django.urls import reverse

from documents.rendering import Kind
from documents.rendering import cache as render_cache
from documents.tasks import render_document
from tests.documents.test_rendering import layout_calls, make_version, private_storage, tiny_content  # noqa: F401


@pytest.fixture(autouse=True)
def _eager(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True


@pytest.fixture
def version(process, private_storage):  # noqa: F811
    return make_version(process, tiny_content())


@pytest.fixture
def adopted_version(process, private_storage):  # noqa: F811
    content = tiny_content(version_label="1.0", status_label="vastgesteld", is_adopted=True)
    return make_version(process, content, major=1, minor=0, status="adopted")


def url(name, version, **query):
    address = reverse(f"documents:{name}", kwargs={"slug": version.document.process.slug, "label": version.label})
    return address + ("?" + "&".join(f"{key}={value}" for key, value in query.items()) if query else "")


def pdf_text(response) -> str:
    data = b"".join(response.streaming_content)
    assert data.startswith(b"%PDF-")
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def test_anonymous_goes_to_login(client, version):
    response = client.get(url("version_pdf", version))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


@pytest.mark.parametrize("name", ["version_pdf", "version_letter_pdf", "version_docx", "render_status"])
def test_outsider_gets_403(client, outsider, version, name):
    client.force_login(outsider)
    assert client.get(url(name, version)).status_code == 403


def test_unknown_version_is_404(client, bbg_member, version):
    client.force_login(bbg_member)
    response = client.get(
        reverse("documents:version_pdf", kwargs={"slug": version.document.process.slug, "label": "9.9"})
    )
    assert response.status_code == 404


def test_bbg_member_downloads_the_pdf_and_the_second_time_it_comes_from_the_cache(
    client,
    bbg_member,
    version,
    layout_calls,  # noqa: F811
):
    client.force_login(bbg_member)
    response = client.get(url("version_pdf", version))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert "veiligheidsstrategie-en-meerjarenbeleidsplan-2019-2022-versie-0-3.pdf" in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"
    text = pdf_text(response)
    assert "Versie 0.3" in text
    assert "CONCEPT" in text
    again = client.get(url("version_pdf", version))
    assert again.status_code == 200
    pdf_text(again)
    assert len(layout_calls) == 1


def test_a_cached_download_is_found_by_the_stored_fingerprint_without_rebuilding_the_content(
    client, bbg_member, version, monkeypatch
):
    from documents.views import downloads

    client.force_login(bbg_member)
    first = client.get(url("version_pdf", version))
    body = b"".join(first.streaming_content)

    def no_rebuild(_version):
        raise AssertionError("the content was rebuilt for a cached download")

    monkeypatch.setattr(downloads, "build_document_content", no_rebuild)
    again = client.get(url("version_pdf", version))
    assert again.status_code == 200
    assert b"".join(again.streaming_content) == body
    assert "veiligheidsstrategie-en-meerjarenbeleidsplan-2019-2022-versie-0-3.pdf" in again["Content-Disposition"]
    assert again["ETag"] == first["ETag"] == f'"{version.fingerprint}-document"'


def test_a_stored_fingerprint_without_a_rendering_takes_the_long_way(client, bbg_member, version, layout_calls):  # noqa: F811
    client.force_login(bbg_member)
    client.get(url("version_pdf", version))
    version.fingerprint = "0" * 64
    version.save(update_fields=["fingerprint"])
    response = client.get(url("version_pdf", version))
    assert response.status_code == 200
    assert "Versie 0.3" in pdf_text(response)
    assert len(layout_calls) == 1  # found under the content's own fingerprint: not rendered again


def test_a_conditional_get_with_the_etag_is_304_and_records_no_download(client, bbg_member, version):
    from audit.models import AuditEvent

    client.force_login(bbg_member)
    first = client.get(url("version_pdf", version))
    b"".join(first.streaming_content)
    downloads = AuditEvent.objects.filter(kind=AuditEvent.Kind.DOCUMENT_DOWNLOAD).count()
    response = client.get(url("version_pdf", version), headers={"If-None-Match": first["ETag"]})
    assert response.status_code == 304
    assert response["ETag"] == first["ETag"]
    assert response["Cache-Control"] == "private, no-store"
    assert not response.content
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.DOCUMENT_DOWNLOAD).count() == downloads
    other = client.get(url("version_letter_pdf", version), headers={"If-None-Match": first["ETag"]})
    assert other.status_code == 200  # another rendering of the same content has another ETag


def test_an_outsider_with_the_etag_still_gets_403(client, bbg_member, outsider, version):
    client.force_login(bbg_member)
    etag = client.get(url("version_pdf", version))["ETag"]
    client.force_login(outsider)
    assert client.get(url("version_pdf", version), headers={"If-None-Match": etag}).status_code == 403


def test_secretary_downloads_the_letter(client, secretary, version):
    client.force_login(secretary)
    response = client.get(url("version_letter_pdf", version))
    assert response.status_code == 200
    assert "Begeleidende brief" in pdf_text(response)
    assert "brief-" in response["Content-Disposition"]


def test_staff_downloads_the_docx(client, staff, version):
    client.force_login(staff)
    response = client.get(url("version_docx", version))
    assert response.status_code == 200
    assert response["Content-Type"] == Kind.DOCX.content_type
    document = docx.Document(io.BytesIO(b"".join(response.streaming_content)))
    assert document.core_properties.title == "Veiligheidsstrategie en Meerjarenbeleidsplan 2019-2022"


def test_there_is_no_pdfa_of_a_concept(client, staff, version):
    client.force_login(staff)
    assert client.get(url("version_pdfa", version)).status_code == 404


def test_the_adopted_version_downloads_as_pdfa(client, staff, adopted_version):
    client.force_login(staff)
    response = client.get(url("version_pdfa", adopted_version))
    assert response.status_code == 200
    reader = pypdf.PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="3"' in xmp
    assert "-pdfa.pdf" in response["Content-Disposition"]


def test_a_long_render_runs_in_the_task_and_the_page_polls_its_progress(
    client, staff, version, settings, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    client.force_login(staff)
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.get(url("version_pdf", version))
    assert response.status_code == 202
    page = response.content.decode()
    assert "Bezig met opmaken…" in page
    status_url = url("render_status", version, kind="document")
    assert f'hx-get="{status_url}"' in page
    assert 'hx-trigger="every 2s"' in page
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page), "no inline script"
    assert len(callbacks) == 1  # the task, enqueued on commit

    status = client.get(status_url).json()
    assert status["status"] == "pending"
    assert status["progress"] == 0

    # Asking again while it is queued does not enqueue it twice.
    with django_capture_on_commit_callbacks() as callbacks:
        assert client.get(url("version_pdf", version)).status_code == 202
    assert callbacks == []

    # The worker runs the task.
    render_document(version.pk, "document")
    assert client.get(status_url).json() == {
        "status": "done",
        "progress": 100,
        "download_url": url("version_pdf", version),
    }
    fragment = client.get(status_url, headers={"HX-Request": "true"})
    assert fragment.status_code == 286  # htmx stops polling
    assert fragment["HX-Redirect"] == url("version_pdf", version)
    assert "Het bestand is klaar." in fragment.content.decode()
    assert client.get(url("version_pdf", version)).status_code == 200


def test_status_fragment_keeps_polling_while_rendering(client, staff, version):
    from documents.selectors import build_document_content

    content = build_document_content(version)
    render_cache.set_status(content.fingerprint(), Kind.DOCUMENT, render_cache.Status.RENDERING, 45)
    client.force_login(staff)
    response = client.get(url("render_status", version, kind="document"), headers={"HX-Request": "true"})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'hx-trigger="every 2s"' in body
    assert 'value="45"' in body


def test_status_of_an_unknown_kind_is_404(client, staff, version):
    client.force_login(staff)
    assert client.get(url("render_status", version, kind="exe")).status_code == 404


def test_a_failed_render_shows_the_failure_instead_of_an_error(client, staff, version, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("layout blew up")

    monkeypatch.setattr("documents.rendering.cache.render", broken)
    client.force_login(staff)
    response = client.get(url("version_pdf", version))
    assert response.status_code == 202
    assert "Het opmaken is mislukt." in response.content.decode()
    assert client.get(url("render_status", version, kind="document")).json()["status"] == "failed"
