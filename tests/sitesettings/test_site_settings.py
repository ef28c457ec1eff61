"""The site settings (django-solo): what is specific to one regional unit is configuration an administrator edits,
and it shows in the footer, the emails, the calendar feed, the accessibility statement and the header logo."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from planning.calendar_feed import build_calendar
from sitesettings.models import SiteSettings
from sitesettings.selectors import site_settings
from tests.scan.factories import private_media_fixture  # noqa: F401

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def other_unit():
    row = site_settings()
    row.network_name = "Veiligheidsnetwerk Limburg"
    row.network_short_name = "VNL"
    row.unit_name = "Limburg"
    row.sender = "VS-portaal Limburg <noreply@vs.limburg.example>"
    row.calendar_prodid = "-//Veiligheidsnetwerk Limburg//VS-portaal//NL"
    row.contact_name = "het programmabureau van het Veiligheidsnetwerk Limburg"
    row.contact_email = "vs@limburg.example"
    row.save()
    return row


def test_the_defaults_are_oost_nederland_as_before(client):
    row = site_settings()
    assert row.network_name == "Veiligheidsnetwerk Oost-Nederland"
    assert "VS-portaal – Veiligheidsnetwerk Oost-Nederland" in client.get(reverse("login")).content.decode()


def test_another_unit_shows_its_own_name_and_contact(client, other_unit):
    login = client.get(reverse("login")).content.decode()
    statement = client.get(reverse("accessibility")).content.decode()

    assert "VS-portaal – Veiligheidsnetwerk Limburg" in login
    assert "Oost-Nederland" not in login
    assert "Het Veiligheidsnetwerk Limburg wil dat iedereen" in statement
    assert "neem dan contact op met het programmabureau van het Veiligheidsnetwerk Limburg" in statement.replace(
        "Neem", "neem"
    )
    assert 'href="mailto:vs@limburg.example"' in statement
    assert "Oost-Nederland" not in statement


def test_the_emails_carry_the_units_name_and_sender(client, other_unit, django_capture_on_commit_callbacks):
    from tests.accounts.factories import UserFactory

    UserFactory(username="piet", email="piet@limburg.example")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("password_reset"), {"email": "piet@limburg.example"})

    [message] = [m for m in mail.outbox if "piet@limburg.example" in m.to]
    assert message.from_email == "VS-portaal Limburg <noreply@vs.limburg.example>"
    assert "Veiligheidsnetwerk Limburg" in message.body
    assert "Oost-Nederland" not in message.body


def test_the_calendar_feed_names_the_unit(process, other_unit):
    assert b"PRODID:-//Veiligheidsnetwerk Limburg//VS-portaal//NL" in build_calendar(process)


def test_an_administrator_edits_the_settings_in_the_admin(client, administrator, private_media):
    client.force_login(administrator)
    page = client.get(reverse("admin:sitesettings_sitesettings_change"))
    assert page.status_code == 200
    assert "Naam van het netwerk" in page.content.decode()

    response = client.post(
        reverse("admin:sitesettings_sitesettings_change"),
        {
            "network_name": "Veiligheidsnetwerk Limburg",
            "network_short_name": "VNL",
            "unit_name": "Limburg",
            "sender": "",
            "calendar_prodid": "-//VNL//VS-portaal//NL",
            "contact_name": "de programmastaf",
            "contact_email": "",
            "contact_phone": "",
            "logo": SimpleUploadedFile("logo.png", PNG, content_type="image/png"),
        },
    )

    assert response.status_code == 302
    assert SiteSettings.objects.get().network_name == "Veiligheidsnetwerk Limburg"
    logo = client.get(reverse("site_logo"))
    assert logo.status_code == 200
    assert b"".join(logo.streaming_content) == PNG
    assert "sandbox" in logo["Content-Security-Policy"]
    assert f'src="{reverse("site_logo")}"' in client.get(reverse("profile")).content.decode()


def test_a_logo_that_is_not_an_image_is_refused(client, administrator, private_media):
    client.force_login(administrator)
    response = client.post(
        reverse("admin:sitesettings_sitesettings_change"),
        {
            "network_name": "X",
            "network_short_name": "X",
            "unit_name": "X",
            "calendar_prodid": "-//X//NL",
            "contact_name": "X",
            "logo": SimpleUploadedFile("logo.png", b"<script>alert(1)</script>", content_type="image/png"),
        },
    )

    assert response.status_code == 200
    assert "Het logo moet een PNG- of SVG-bestand zijn." in response.content.decode()


def test_only_administrators_reach_the_settings(client, staff):
    client.force_login(staff)

    assert client.get(reverse("admin:sitesettings_sitesettings_change")).status_code == 302
    assert client.get(reverse("site_logo")).status_code == 404


def test_pages_read_the_row_from_the_shared_cache_and_see_a_change_at_once(settings, django_assert_num_queries):
    """With a shared cache (Redis in production: SOLO_CACHE) every page reads the row from it, not the database;
    a save drops it there, so the next page shows the change, and a save that is rolled back leaves nothing."""
    from django.db import transaction

    settings.SOLO_CACHE = "default"
    assert site_settings().network_name == "Veiligheidsnetwerk Oost-Nederland"
    with django_assert_num_queries(0):
        assert site_settings().network_name == "Veiligheidsnetwerk Oost-Nederland"
    row = site_settings()
    row.network_name = "Veiligheidsnetwerk Limburg"
    row.save()
    assert site_settings().network_name == "Veiligheidsnetwerk Limburg"
    try:
        with transaction.atomic():
            row = SiteSettings.objects.get()
            row.network_name = "Nooit bewaard"
            row.save()
            raise RuntimeError
    except RuntimeError:
        pass
    assert site_settings().network_name == "Veiligheidsnetwerk Limburg"


def test_a_cache_that_does_not_answer_costs_a_query_not_the_page(settings):
    settings.SOLO_CACHE = "unreachable"
    settings.CACHES = {
        **settings.CACHES,
        "unreachable": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        },
    }
    assert site_settings().network_name == "Veiligheidsnetwerk Oost-Nederland"
    row = site_settings()
    row.network_name = "Veiligheidsnetwerk Limburg"
    row.save()  # the cache cannot drop its copy: the save still succeeds
    assert SiteSettings.objects.get().network_name == "Veiligheidsnetwerk Limburg"
