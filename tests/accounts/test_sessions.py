"""Sessions and the account's secrets: an idle timeout, no caching of logged-in pages, a new calendar token after a
password change, a limit on reset requests per address, and tokens never written to the logs."""

import datetime

import pytest
import time_machine
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_session_ends_after_eight_idle_hours(client, staff, password, settings):
    """The expiry logic, in the database sessions (with Redis in front, Redis's own clock ends the cached copy at
    the same moment: test_the_cached_session_expires_in_redis_with_the_idle_timeout)."""
    assert settings.SESSION_IDLE_TIMEOUT == 8 * 60 * 60
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.post(reverse("login"), {"username": staff.username, "password": password})
    with time_machine.travel(start + datetime.timedelta(hours=7), tick=False):
        assert client.get(reverse("planning:home")).status_code == 200  # active: the clock starts again
    with time_machine.travel(start + datetime.timedelta(hours=14, minutes=50), tick=False):
        assert client.get(reverse("planning:home")).status_code == 200
    with time_machine.travel(start + datetime.timedelta(hours=23, minutes=1), tick=False):
        response = client.get(reverse("planning:home"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert SESSION_KEY not in client.session


def test_logged_in_pages_are_not_stored_by_any_cache(client, staff):
    client.force_login(staff)

    for url in (reverse("planning:home"), reverse("profile"), "/api/processes/"):
        cache_control = client.get(url)["Cache-Control"]
        assert "no-store" in cache_control, url
        assert "private" in cache_control, url


def test_the_public_pages_may_be_cached(client):
    assert "no-store" not in client.get(reverse("accessibility")).get("Cache-Control", "")


def test_a_password_change_gives_a_new_calendar_token(client, staff, password):
    old_token = staff.calendar_token
    client.force_login(staff)
    old_feed = reverse("planning:calendar_feed", kwargs={"token": old_token, "slug": "x"})

    client.post(
        reverse("password_change"),
        {"old_password": password, "new_password1": "Nieuw-Wachtwoord-2019", "new_password2": "Nieuw-Wachtwoord-2019"},
    )

    staff.refresh_from_db()
    assert staff.calendar_token != old_token
    assert len(staff.calendar_token) >= 40
    assert Client().get(old_feed).status_code == 404


def test_password_reset_requests_are_limited_per_address(client, settings):
    settings.RATE_LIMIT_PASSWORD_RESET = 2
    UserFactory(username="piet", email="piet@example.org")
    for _ in range(2):
        assert client.post(reverse("password_reset"), {"email": "piet@example.org"}).status_code == 302

    response = client.post(reverse("password_reset"), {"email": "piet@example.org"})

    assert response.status_code == 429
    assert "te veel nieuwe wachtwoorden aangevraagd" in response.content.decode()
    other = Client(REMOTE_ADDR="198.51.100.9").post(reverse("password_reset"), {"email": "piet@example.org"})
    assert other.status_code == 302


@pytest.mark.redis
def test_the_cached_session_expires_in_redis_with_the_idle_timeout(client, staff, settings):
    from django.core.cache import cache

    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db"
    client.force_login(staff)
    client.get(reverse("planning:home"))

    ttl = cache.ttl(f"django.contrib.sessions.cached_db{client.session.session_key}")
    assert 8 * 60 * 60 - 60 <= ttl <= 8 * 60 * 60
