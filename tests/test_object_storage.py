"""Uploads, renders and their status files in S3-compatible object storage (django-storages), against moto's S3
server started by the test on loopback: stored as private objects, downloaded through the permission-checking
views (streamed from the object), and checked by the readiness probe."""

import pytest
from django.core.files.storage import storages
from django.urls import reverse
from storages.backends.s3 import S3Storage

from documents.rendering import Kind
from scan.models import MunicipalPlan, Source
from tests.documents.test_rendering import make_version, tiny_content
from tests.scan.factories import pdf_bytes
from tests.scan.test_uploads import source_post, upload
from tests.servers import ObjectStore

pytestmark = pytest.mark.django_db


@pytest.fixture
def object_store():
    store = ObjectStore()
    store.start()
    try:
        yield store
    finally:
        store.stop()


@pytest.fixture
def s3_private(object_store, settings, monkeypatch):
    """The private storage is the object store, for the views, the models' file fields and the render cache."""
    settings.STORAGES = {**settings.STORAGES, "private": {"BACKEND": "storages.backends.s3.S3Storage",
                                                          "OPTIONS": object_store.storage_options()}}  # fmt: skip
    storage = S3Storage(**object_store.storage_options())
    monkeypatch.setitem(storages._storages, "private", storage)
    monkeypatch.setattr(MunicipalPlan._meta.get_field("document"), "storage", storage)
    monkeypatch.setattr(Source._meta.get_field("document"), "storage", storage)
    return object_store


def test_settings_choose_s3_when_a_bucket_is_configured(tmp_path):
    from tests.test_settings import production_env, run_python

    script = "import django; django.setup(); from django.conf import settings; print(settings.STORAGES['private'])"
    env = production_env(
        tmp_path,
        DJANGO_SETTINGS_MODULE="vs_portal.settings",
        AWS_STORAGE_BUCKET_NAME="vs-bestanden",
        AWS_S3_ENDPOINT_URL="https://s3.example.org",
    )

    result = run_python(["-c", script], env)

    assert "storages.backends.s3.S3Storage" in result.stdout
    assert "'bucket_name': 'vs-bestanden'" in result.stdout
    assert "'endpoint_url': 'https://s3.example.org'" in result.stdout


def test_an_uploaded_source_is_a_private_object_and_downloads_through_the_view(client, staff, process, s3_private):
    client.force_login(staff)
    content = pdf_bytes()

    response = client.post(
        reverse("scan:source_create", kwargs={"slug": process.slug}), source_post(upload("Beeld.pdf", content))
    )

    assert response.status_code == 302
    source = Source.objects.get()
    [key] = s3_private.keys("private/")
    assert key == f"private/{source.document.name}"
    acl = s3_private.client().get_object_acl(Bucket=s3_private.bucket, Key=key)
    assert not [grant for grant in acl["Grants"] if "AllUsers" in str(grant.get("Grantee"))]
    download = client.get(reverse("scan:source_document", kwargs={"slug": process.slug, "pk": source.pk}))
    assert download.status_code == 200
    assert download.streaming
    assert b"".join(download.streaming_content) == content
    assert download["Content-Disposition"].startswith("attachment")


def test_a_rendered_pdf_and_its_status_live_in_the_object_store(client, bbg_member, process, s3_private, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    version = make_version(process, tiny_content())
    client.force_login(bbg_member)

    response = client.get(reverse("documents:version_pdf", kwargs={"slug": process.slug, "label": version.label}))

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    keys = s3_private.keys("private/renders/")
    assert any(key.endswith(f"-{Kind.DOCUMENT.value}.pdf") for key in keys), keys
    assert any(key.endswith(".status.json") for key in keys), keys


def test_readiness_checks_the_object_store(client, s3_private):
    assert client.get(reverse("readyz")).json()["checks"]["opslag"] == "ok"

    s3_private.stop()
    response = client.get(reverse("readyz"))

    assert response.status_code == 503
    assert response.json()["checks"]["opslag"] == "niet beschikbaar"
