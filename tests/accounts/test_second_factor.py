"""Two factors (django-otp, django-two-factor-auth): required for staff and administrators with a local password,
optional for others, verified at every login once enrolled; the codes are computed here from the secret, as an
authenticator app does."""

import datetime
from base64 import b32decode

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.models import AuditEvent

pytestmark = pytest.mark.django_db

SETUP_PREFIX = "second_factor_setup_view"


@pytest.fixture(autouse=True)
def _required(settings):
    settings.TWO_FACTOR_REQUIRED = True


def code_for(secret_b32: str, at: datetime.datetime | None = None) -> str:
    """What an authenticator app shows for this secret now (or at ``at``)."""
    moment = (at or timezone.now()).timestamp()
    return f"{totp(b32decode(secret_b32), t0=0, step=30, digits=6) if at is None else _at(secret_b32, moment):06d}"


def _at(secret_b32, moment):
    from django_otp.oath import TOTP

    generator = TOTP(b32decode(secret_b32))
    generator.time = moment
    return generator.token()


def device_code(device: TOTPDevice) -> str:
    from django_otp.oath import TOTP

    generator = TOTP(device.bin_key, device.step, device.t0, device.digits)
    return f"{generator.token():0{device.digits}d}"


def log_in(client, user, password):
    return client.post(reverse("login"), {"username": user.username, "password": password})


def enrol(client) -> str:
    """Walk through the set-up wizard as a user would; returns the secret that the page showed."""
    setup = reverse("two_factor:setup")
    client.get(setup)
    page = client.post(setup, {f"{SETUP_PREFIX}-current_step": "welcome"}).content.decode()
    secret = client.session["django_two_factor-qr_secret_key"]
    assert secret in page
    response = client.post(setup, {f"{SETUP_PREFIX}-current_step": "generator", "generator-token": code_for(secret)})
    assert response.status_code == 302, response.content.decode()
    assert response["Location"] == reverse("two_factor:setup_complete")
    return secret


def test_staff_without_a_device_is_sent_to_set_it_up_from_every_page(client, staff, password):
    log_in(client, staff, password)

    for url in (reverse("planning:home"), reverse("profile"), "/beheer/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("two_factor:setup"))
    api = client.get("/api/processes/")
    assert api.status_code == 403
    assert api.json()["code"] == "second_factor_required"

    page = client.get(reverse("two_factor:setup")).content.decode()
    assert "<h1>Tweestapsverificatie instellen</h1>" in page
    assert "Voor uw rol is tweestapsverificatie verplicht" in page


def test_staff_enrols_with_the_code_from_the_secret_and_reaches_the_portal(client, staff, password):
    log_in(client, staff, password)

    enrol(client)

    device = TOTPDevice.objects.get(user=staff)
    assert device.confirmed
    assert client.get(reverse("planning:home")).status_code == 200
    complete = client.get(reverse("two_factor:setup_complete")).content.decode()
    assert "Back-upcodes aanmaken" in complete


def test_an_enrolled_user_gives_a_code_at_the_next_login(client, staff, password):
    log_in(client, staff, password)
    enrol(client)
    client.post(reverse("logout"))

    later = timezone.now() + datetime.timedelta(minutes=2)
    with time_machine.travel(later, tick=False):
        log_in(client, staff, password)
        blocked = client.get(reverse("planning:home"))
        assert blocked["Location"].startswith(reverse("second_factor"))

        right = client.post(reverse("second_factor"), {"token": device_code(TOTPDevice.objects.get(user=staff))})
        assert right.status_code == 302
        assert client.get(reverse("planning:home")).status_code == 200
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.SECOND_FACTOR, user=staff).count() == 1


def test_a_wrong_code_is_refused_in_dutch(client, staff, password):
    log_in(client, staff, password)
    enrol(client)
    client.post(reverse("logout"))
    log_in(client, staff, password)

    wrong = client.post(reverse("second_factor"), {"token": "000000"})

    assert wrong.status_code == 200
    assert "Deze code klopt niet of is verlopen" in wrong.content.decode()
    assert client.get(reverse("planning:home"))["Location"].startswith(reverse("second_factor"))


def test_a_backup_code_works_once(client, staff, password):
    log_in(client, staff, password)
    enrol(client)
    client.post(reverse("two_factor:backup_tokens"))
    page = client.get(reverse("two_factor:backup_tokens")).content.decode()
    tokens = list(StaticDevice.objects.get(user=staff).token_set.values_list("token", flat=True))
    assert len(tokens) == 10
    assert tokens[0] in page
    client.post(reverse("logout"))

    log_in(client, staff, password)
    assert client.post(reverse("second_factor"), {"token": tokens[0]}).status_code == 302
    client.post(reverse("logout"))
    log_in(client, staff, password)
    again = client.post(reverse("second_factor"), {"token": tokens[0]})

    assert again.status_code == 200
    assert client.get(reverse("planning:home"))["Location"].startswith(reverse("second_factor"))


def test_the_admin_site_needs_the_second_factor_too(client, administrator, password):
    response = client.post(
        reverse("admin:login"), {"username": administrator.username, "password": password, "next": "/beheer/"}
    )
    assert response.status_code == 302

    admin = client.get("/beheer/")

    assert admin.status_code == 302
    assert admin["Location"].startswith(reverse("two_factor:setup"))


def test_a_secretary_may_go_without_a_second_factor(client, secretary, password):
    log_in(client, secretary, password)

    assert client.get(reverse("planning:home")).status_code == 200
    profile = client.get(reverse("profile")).content.decode()
    assert "Tweestapsverificatie</a>: uit" in profile


def test_a_secretary_who_enrolled_must_use_it(client, secretary, password):
    log_in(client, secretary, password)
    enrol(client)
    client.post(reverse("logout"))

    log_in(client, secretary, password)

    assert client.get(reverse("planning:home"))["Location"].startswith(reverse("second_factor"))


def test_with_the_requirement_off_staff_log_in_with_a_password_only(client, staff, password, settings):
    settings.TWO_FACTOR_REQUIRED = False
    log_in(client, staff, password)

    assert client.get(reverse("planning:home")).status_code == 200


def test_the_second_step_page_is_dutch_and_labelled(client, staff, password):
    log_in(client, staff, password)
    enrol(client)
    client.post(reverse("logout"))
    log_in(client, staff, password)

    page = client.get(reverse("second_factor")).content.decode()

    assert "<h1>Tweede stap</h1>" in page
    assert 'autocomplete="one-time-code"' in page
    assert 'for="id_token"' in page
