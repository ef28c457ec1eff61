"""The admin speaks Dutch, also where a package names things in English only (axes, DRF's tokens, django-otp,
django-simple-history)."""

import datetime
import re

import pytest
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.planning.factories import MilestoneFactory


def test_the_admin_index_and_user_list_are_dutch(client, administrator):
    client.force_login(administrator)
    page = client.get(reverse("admin:index")).content.decode()
    for english in ("Model name", "Add link", "Access attempts", "Access logs", "Tokens", "Static devices", "TOTP"):
        assert english not in page, english
    for dutch in ("Inlogpogingen", "API-sleutels", "Tweede factor: back-upcodes", "Authenticator-apps"):
        assert dutch in page, dutch
    users = client.get(reverse("admin:accounts_user_changelist")).content.decode()
    assert "Get full name" not in users
    assert ">Naam<" in users


# English that django-otp and django-simple-history put in the admin, none of which may show in the Dutch admin:
# labels (a whole text on the page, with or without its colon) and help texts (anywhere on the page).
ENGLISH_LABELS = {
    "Name", "User", "Confirmed", "Created at", "Last used at", "Identity", "Timestamps", "Configuration", "State",
    "Throttling", "Throttling failure timestamp", "Throttling failure count", "Key", "Step", "T0", "Digits",
    "Tolerance", "Drift", "Token", "QR Code", "qrcode", "By confirmed", "By created at", "By last used at",
    "Object", "Comment", "Changed by", "Change reason", "Changes", "Changed", "Created", "None", "History",
    "title", "starts_on", "ends_on",
}  # fmt: skip
ENGLISH_TEXTS = (
    "The user that this device belongs to", "The human-readable name", "Is this device ready for use",
    "The most recent date and time", "initially created", "A hex-encoded secret key", "The time step in seconds",
    "The Unix time", "The number of digits", "The number of time steps", "Number of successive failed attempts",
    "Search by user", "StaticToken object", "Change history", "doesn't have a change history",
)  # fmt: skip


def page_texts(html: str) -> set[str]:
    """Every text on the page between tags, without a trailing colon (scripts and styles left out)."""
    html = re.sub(r"<(script|style)\b.*?</\1>", "", html, flags=re.S)
    return {text.strip().rstrip(":").strip() for text in re.split(r"<[^>]+>", html) if text.strip()}


@pytest.fixture
def otp_devices(staff):
    static = StaticDevice.objects.create(user=staff, name="reserve")
    StaticToken.objects.create(device=static, token="abcd1234")
    totp = TOTPDevice.objects.create(user=staff, name="telefoon")
    return static, totp


def test_the_second_factor_and_history_pages_of_the_admin_are_dutch(client, administrator, staff, otp_devices):
    static, totp = otp_devices
    milestone = MilestoneFactory(title="BBG besluit")
    milestone.title = "BBG besluit top vijf"
    milestone.starts_on -= datetime.timedelta(days=1)
    milestone.ends_on -= datetime.timedelta(days=1)
    milestone.save()
    client.force_login(administrator)
    urls = [
        reverse("admin:otp_static_staticdevice_changelist"),
        reverse("admin:otp_static_staticdevice_add"),
        reverse("admin:otp_static_staticdevice_change", args=[static.pk]),
        reverse("admin:otp_totp_totpdevice_changelist"),
        reverse("admin:otp_totp_totpdevice_add"),
        reverse("admin:otp_totp_totpdevice_change", args=[totp.pk]),
        reverse("admin:planning_milestone_history", args=[milestone.pk]),
        reverse("admin:accounts_user_history", args=[staff.pk]),
    ]
    found = []
    for url in urls:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="nl")
        assert response.status_code == 200, url
        html = response.content.decode()
        found += [f"{url}: {label!r}" for label in sorted(ENGLISH_LABELS & page_texts(html))]
        found += [f"{url}: {text!r}" for text in ENGLISH_TEXTS if text in html]
    assert not found, "\n".join(found)

    # And in their place, Dutch.
    totp_page = client.get(reverse("admin:otp_totp_totpdevice_change", args=[totp.pk])).content.decode()
    for dutch in ("Apparaat", "Tijdstippen", "Instellingen", "Mislukte pogingen", "Geheime sleutel", "Bevestigd",
                  "De tijdstap in seconden.", "QR-code"):  # fmt: skip
        assert dutch in totp_page, dutch
    static_page = client.get(reverse("admin:otp_static_staticdevice_change", args=[static.pk])).content.decode()
    assert "Back-upcodes" in static_page
    history = client.get(reverse("admin:planning_milestone_history", args=[milestone.pk])).content.decode()
    for dutch in ("Gewijzigd door", "Wijzigingen", "Gewijzigd", "Aangemaakt"):
        assert dutch in history, dutch
    assert "BBG besluit top vijf" in history
    assert "Begint op" in history  # the changed field by its name, not starts_on
