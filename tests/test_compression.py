"""What goes over the wire: pages and API answers compressed for a browser that asks (Django's GZipMiddleware with
its BREACH padding, text only), downloads of compressed formats as they are, and static files under hashed names,
pre-compressed, with a cache lifetime of ten years (WhiteNoise with the manifest storage of production)."""

import gzip
import re

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from tests.planning.test_dashboard_views import build_planning

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}
TEN_YEARS = 10 * 365 * 24 * 60 * 60


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def without_tokens(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_a_page_comes_compressed_to_a_browser_that_asks(client, staff, process):
    build_planning(process, copies=3)
    client.force_login(staff)
    url = reverse("planning:timeline", kwargs={"slug": process.slug})

    plain = client.get(url)
    compressed = client.get(url, **GZIP)

    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert len(compressed.content) * 5 < len(plain.content)
    page = gzip.decompress(compressed.content).decode()
    assert without_tokens(page) == without_tokens(plain.content.decode())
    assert "BBG bepaalt top vijf 2" in page


def test_a_browser_that_does_not_ask_gets_the_page_as_it_is(client, staff, process):
    client.force_login(staff)
    response = client.get(reverse("planning:dashboard", kwargs={"slug": process.slug}))
    assert not response.has_header("Content-Encoding")
    assert process.short_name in response.content.decode()


def test_the_api_answers_compressed_json(client, staff, process):
    build_planning(process, copies=3)
    client.force_login(staff)
    response = client.get("/api/milestones/", {"process": process.slug}, **GZIP)
    assert response["Content-Encoding"] == "gzip"
    assert b'"title":"DVO IJSS 2"' in gzip.decompress(response.content).replace(b": ", b":")


def test_a_spreadsheet_download_is_not_compressed_again(client, staff, process):
    client.force_login(staff)
    response = client.get(reverse("scan:matrix_xlsx", kwargs={"slug": process.slug}), **GZIP)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert not response.has_header("Content-Encoding")
    assert response.content[:2] == b"PK"  # the .xlsx (a zip) itself


@pytest.fixture
def collected(tmp_path, settings):
    """A stylesheet collected the way production does it (the manifest storage with WhiteNoise's compression),
    from a folder of its own so that the test does not compress every asset of the project."""
    source = tmp_path / "source"
    (source / "css").mkdir(parents=True)
    (source / "css" / "site.css").write_text(".timeline-row { display: flex; }\n" * 400)
    settings.STATICFILES_DIRS = [source]
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STATIC_ROOT = tmp_path / "collected"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.DEBUG = False
    call_command("collectstatic", "--noinput", verbosity=0)
    return source / "css" / "site.css"


def test_a_static_file_has_a_hashed_name_and_is_cached_for_ten_years(collected):
    url = staticfiles_storage.url("css/site.css")
    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", url)

    # A new client: WhiteNoise reads the collected files when it starts.
    response = Client().get(url, HTTP_ACCEPT_ENCODING="gzip")

    assert response.status_code == 200
    assert response["Cache-Control"] == f"max-age={TEN_YEARS}, public, immutable"
    assert response["Content-Encoding"] == "gzip"  # the .gz made by collectstatic, not compressed per request
    assert gzip.decompress(b"".join(response.streaming_content)) == collected.read_bytes()
    assert Client().get(url, **GZIP)["Content-Encoding"] == "br"  # Brotli, smaller still, where the browser has it


def test_a_static_file_under_its_plain_name_is_cached_only_briefly(collected):
    response = Client().get("/static/css/site.css")
    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=60, public"
    assert not response.has_header("Content-Encoding")
