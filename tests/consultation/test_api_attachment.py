"""The council's motion or letter through the API (multipart), checked by content through the page's service
(consultation.services.entry_register with core.uploads): a good PDF is stored and downloadable, a renamed
non-PDF is refused with its code and stores nothing, a GLM secretary cannot upload for a TWN council (403), a BBG
member reads but does not upload, and the codes are in the schema."""

from pathlib import Path

import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient

from consultation.models import CouncilEntry
from tests.scan.factories import pdf_bytes, png_bytes, stored_files

pytestmark = pytest.mark.django_db


@pytest.fixture
def attachment_root():
    """Where the entries' attachments are stored (the private storage of the tests)."""
    root = Path(CouncilEntry._meta.get_field("attachment").storage.location)
    root.mkdir(parents=True, exist_ok=True)
    return root


@pytest.fixture
def api():
    return APIClient()


def attachment_url(entry):
    return reverse("council-entry-attachment", kwargs={"pk": entry.pk})


def upload(name, content, content_type="application/pdf"):
    return {"attachment": SimpleUploadedFile(name, content, content_type=content_type)}


def test_a_secretary_uploads_a_motion_for_a_council_of_their_own_district(api, secretary, arnhem_entry):
    api.force_authenticate(secretary)
    response = api.post(attachment_url(arnhem_entry), upload("Motie wijkagenten.pdf", pdf_bytes()), format="multipart")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["has_attachment"] is True
    assert body["attachment_name"] == "Motie wijkagenten.pdf"
    arnhem_entry.refresh_from_db()
    assert arnhem_entry.attachment.name.endswith(".pdf")
    assert "Motie" not in arnhem_entry.attachment.name  # stored under a random name
    assert arnhem_entry.history.first().history_user == secretary
    assert (Path(arnhem_entry.attachment.storage.location) / arnhem_entry.attachment.name).is_file()

    download = api.get(attachment_url(arnhem_entry))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    assert 'filename="Motie wijkagenten.pdf"' in download["Content-Disposition"]
    assert download["X-Content-Type-Options"] == "nosniff"


def test_a_renamed_non_pdf_is_refused_with_its_code_and_nothing_is_stored(api, staff, arnhem_entry, attachment_root):
    api.force_authenticate(staff)
    files_before = stored_files(attachment_root)
    response = api.post(attachment_url(arnhem_entry), upload("motie.pdf", png_bytes()), format="multipart")
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["code"] == "upload_wrong_type"
    assert error["field"] == "attachment"
    assert "Alleen PDF en DOCX" in error["message"]
    arnhem_entry.refresh_from_db()
    assert not arnhem_entry.attachment
    assert stored_files(attachment_root) == files_before


def test_a_pdf_named_docx_is_refused_with_the_extension_code(api, staff, arnhem_entry):
    api.force_authenticate(staff)
    response = api.post(attachment_url(arnhem_entry), upload("brief.docx", pdf_bytes()), format="multipart")
    assert response.json()["errors"][0]["code"] == "upload_wrong_extension"


def test_without_a_file_the_upload_is_refused(api, staff, arnhem_entry):
    api.force_authenticate(staff)
    response = api.post(attachment_url(arnhem_entry), {}, format="multipart")
    assert response.status_code == 400
    assert response.json()["errors"][0] == {
        "code": "required",
        "message": response.json()["errors"][0]["message"],
        "field": "attachment",
    }


def test_a_glm_secretary_cannot_upload_for_a_twn_council(api, secretary, enschede_entry):
    api.force_authenticate(secretary)
    response = api.post(attachment_url(enschede_entry), upload("motie.pdf", pdf_bytes()), format="multipart")
    assert response.status_code == 403
    assert response.json()["errors"][0]["code"] == "permission_denied"
    enschede_entry.refresh_from_db()
    assert not enschede_entry.attachment
    assert api.delete(attachment_url(enschede_entry)).status_code == 403


def test_a_bbg_member_downloads_but_does_not_upload(api, bbg_member, staff, arnhem_entry):
    api.force_authenticate(staff)
    api.post(attachment_url(arnhem_entry), upload("motie.pdf", pdf_bytes()), format="multipart")
    api.force_authenticate(bbg_member)
    assert api.get(attachment_url(arnhem_entry)).status_code == 200
    response = api.post(attachment_url(arnhem_entry), upload("andere.pdf", pdf_bytes()), format="multipart")
    assert response.status_code == 403
    arnhem_entry.refresh_from_db()
    assert arnhem_entry.attachment_name == "motie.pdf"


def test_an_entry_without_attachment_is_404_and_an_unknown_entry_too(api, bbg_member, arnhem_entry):
    api.force_authenticate(bbg_member)
    assert api.get(attachment_url(arnhem_entry)).status_code == 404
    assert api.get(reverse("council-entry-attachment", kwargs={"pk": 999_999})).status_code == 404


def test_a_received_response_keeps_its_only_attachment(api, staff, arnhem_entry):
    """The motion is the response: removing it would leave a received response without one."""
    api.force_authenticate(staff)
    api.post(attachment_url(arnhem_entry), upload("motie.pdf", pdf_bytes()), format="multipart")
    response = api.patch(
        reverse("council-entry-detail", kwargs={"pk": arnhem_entry.pk}),
        {"status": "received", "received_on": "2019-04-02", "scope": "police"},
        format="json",
    )
    assert response.status_code == 200, response.content
    response = api.delete(attachment_url(arnhem_entry))
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "consultation_response_missing"
    arnhem_entry.refresh_from_db()
    assert arnhem_entry.status == CouncilEntry.Status.RECEIVED
    assert arnhem_entry.attachment


def test_the_upload_and_its_codes_are_in_the_schema(client, staff):
    client.force_login(staff)
    schema = yaml.safe_load(client.get(reverse("api-schema")).content)
    operation = schema["paths"]["/api/council-entries/{id}/attachment/"]["post"]
    assert "multipart/form-data" in operation["requestBody"]["content"]
    refused = operation["responses"]["400"]["description"]
    for code in ("upload_wrong_type", "upload_wrong_extension", "upload_too_large", "consultation_response_missing"):
        assert f"`{code}`" in refused
