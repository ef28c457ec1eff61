"""Uploads of plan and source documents: PDF or DOCX by content, a matching extension, a size limit; a refused
upload stores nothing (no file, no changed row); a stored document is downloadable only by those allowed."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.uploads import DOCX, PDF, check_document
from planning.models import Municipality
from scan.models import MunicipalPlan, Source
from tests.scan.factories import (
    docx_bytes,
    fast_passwords_fixture,  # noqa: F401  (the fast_passwords fixture)
    pdf_bytes,
    png_bytes,
    private_media_fixture,  # noqa: F401  (the private_media fixture)
    stored_files,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def test_it_accepts_a_pdf_and_renames_it():
    accepted = check_document(upload("Plan Arnhem.pdf", pdf_bytes()))
    assert accepted.kind == PDF
    assert accepted.original_name == "Plan Arnhem.pdf"
    assert accepted.file.name.endswith(".pdf")
    assert "Arnhem" not in accepted.file.name


def test_it_accepts_a_docx():
    assert check_document(upload("plan.DOCX", docx_bytes())).kind == DOCX


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("plaatje.pdf", png_bytes(), "geen PDF- of Word-document"),
        ("plan.pdf", docx_bytes(), "eindigt op '.pdf', maar de inhoud is een DOCX-document"),
        ("plan.docx", pdf_bytes(), "eindigt op '.docx', maar de inhoud is een PDF-document"),
        ("plan", pdf_bytes(), "de juiste extensie (.pdf)"),
        ("archief.docx", b"PK\x03\x04 not really a zip", "geen PDF- of Word-document"),
    ],
)
def test_it_refuses_wrong_type_or_extension(name, content, message):
    with pytest.raises(ValidationError) as error:
        check_document(upload(name, content))
    assert message in error.value.messages[0]


def test_it_refuses_a_zip_that_is_not_a_word_document():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(ValidationError, match="geen PDF- of Word-document"):
        check_document(upload("x.docx", buffer.getvalue()))


def test_it_refuses_too_large_a_file(settings):
    settings.MAX_DOCUMENT_SIZE = 100
    with pytest.raises(ValidationError, match="te groot"):
        check_document(upload("plan.pdf", pdf_bytes() + b"0" * 200))


# --- Through the pages --------------------------------------------------------------------------------------------


def plan_url(name, process, municipality):
    return reverse(f"scan:{name}", kwargs={"slug": process.slug, "municipality_pk": municipality.pk})


def plan_post(document, **extra):
    data = {
        "plan-title": "IVP Arnhem 2019-2022",
        "plan-period_start_year": "2019",
        "plan-period_end_year": "2022",
        "plan-check_status": "not_sent",
        "themas-TOTAL_FORMS": "0",
        "themas-INITIAL_FORMS": "0",
        "themas-MIN_NUM_FORMS": "0",
        "themas-MAX_NUM_FORMS": "1000",
        **extra,
    }
    if document is not None:
        data["plan-document"] = document
    return data


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("plaatje.pdf", png_bytes(), "Dit bestand is geen PDF- of Word-document"),
        ("plan.docx", pdf_bytes(), "maar de inhoud is een PDF-document"),
        ("groot.pdf", pdf_bytes() + b"0" * 500, "Het bestand is te groot"),
    ],
)
def test_refused_plan_upload_stores_nothing(client, staff, process, private_media, settings, name, content, message):
    settings.MAX_DOCUMENT_SIZE = 400
    arnhem = Municipality.objects.get(name="Arnhem")
    client.force_login(staff)

    response = client.post(plan_url("plan_update", process, arnhem), plan_post(upload(name, content)))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert "Het plan is niet opgeslagen" in response.content.decode()
    assert not MunicipalPlan.objects.filter(process=process).exists()
    assert stored_files(private_media) == []


def test_refused_upload_leaves_an_existing_plan_unchanged(client, staff, process, private_media):
    arnhem = Municipality.objects.get(name="Arnhem")
    plan = MunicipalPlan.objects.create(process=process, municipality=arnhem, title="Oude titel")
    client.force_login(staff)

    response = client.post(
        plan_url("plan_update", process, arnhem), plan_post(upload("x.pdf", png_bytes()), **{"plan-title": "Nieuw"})
    )

    assert response.status_code == 400
    plan.refresh_from_db()
    assert plan.title == "Oude titel"
    assert not plan.document
    assert plan.history.count() == 0 or plan.history.first().title == "Oude titel"
    assert stored_files(private_media) == []


@pytest.mark.parametrize(("name", "content", "content_type"), [
    ("IVP Arnhem.pdf", pdf_bytes(), "application/pdf"),
    ("IVP Arnhem.docx", docx_bytes(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
])  # fmt: skip
def test_valid_plan_document_is_stored_privately_and_downloadable_by_roles(
    client, users, process, private_media, name, content, content_type
):
    arnhem = Municipality.objects.get(name="Arnhem")
    client.force_login(users["staff"])

    response = client.post(plan_url("plan_update", process, arnhem), plan_post(upload(name, content)))

    assert response.status_code == 302
    plan = MunicipalPlan.objects.get(process=process, municipality=arnhem)
    assert plan.document_name == name
    files = stored_files(private_media)
    assert len(files) == 1
    assert files[0].startswith(f"plannen/{process.pk}/{arnhem.pk}/")
    assert (private_media / files[0]).read_bytes() == content

    for role in ("staff", "secretary", "bbg_member", "administrator"):
        client.force_login(users[role])
        download = client.get(plan_url("plan_document", process, arnhem))
        assert download.status_code == 200, role
        assert b"".join(download.streaming_content) == content
        assert download["Content-Type"] == content_type
        assert download["Content-Disposition"].startswith("attachment;")
        assert "IVP Arnhem" in download["Content-Disposition"]
        assert download["X-Content-Type-Options"] == "nosniff"

    client.force_login(users["outsider"])
    assert client.get(plan_url("plan_document", process, arnhem)).status_code == 403
    client.logout()
    assert client.get(plan_url("plan_document", process, arnhem)).status_code == 302


def test_replacing_a_document_deletes_the_old_file(
    client, staff, process, private_media, django_capture_on_commit_callbacks
):
    arnhem = Municipality.objects.get(name="Arnhem")
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(plan_url("plan_update", process, arnhem), plan_post(upload("a.pdf", pdf_bytes())))
        client.post(plan_url("plan_update", process, arnhem), plan_post(upload("b.docx", docx_bytes())))
    files = stored_files(private_media)
    assert len(files) == 1
    assert files[0].endswith(".docx")


def test_plan_without_document_gives_404(client, staff, process, private_media):
    arnhem = Municipality.objects.get(name="Arnhem")
    client.force_login(staff)
    assert client.get(plan_url("plan_document", process, arnhem)).status_code == 404


def source_post(document=None, **extra):
    data = {"title": "Ondermijningsbeeld 2017", "kind": "undermining", "confidentiality": "confidential", **extra}
    if document is not None:
        data["document"] = document
    return data


def test_refused_source_upload_stores_nothing(client, staff, process, private_media):
    client.force_login(staff)
    response = client.post(
        reverse("scan:source_create", kwargs={"slug": process.slug}),
        source_post(upload("beeld.docx", pdf_bytes())),
    )
    assert response.status_code == 400
    assert "maar de inhoud is een PDF-document" in response.content.decode()
    assert not Source.objects.exists()
    assert stored_files(private_media) == []


def test_confidential_source_document_downloads_for_staff_only(client, users, process, private_media):
    client.force_login(users["staff"])
    response = client.post(
        reverse("scan:source_create", kwargs={"slug": process.slug}),
        source_post(upload("Ondermijningsbeeld.pdf", pdf_bytes())),
    )
    assert response.status_code == 302
    source = Source.objects.get()
    url = reverse("scan:source_document", kwargs={"slug": process.slug, "pk": source.pk})
    assert len(stored_files(private_media)) == 1

    for role, status in [("staff", 200), ("administrator", 200), ("secretary", 404), ("bbg_member", 404)]:
        client.force_login(users[role])
        assert client.get(url).status_code == status, role
    client.force_login(users["outsider"])
    assert client.get(url).status_code == 403
