"""Login protection (django-axes): five wrong passwords for one user name from one address lock that combination
out for 30 minutes, with a Dutch page; other users and addresses go on; an administrator can lift the lock-out."""

import datetime

import pytest
import time_machine
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

ADDRESS = "192.0.2.10"
OTHER_ADDRESS = "198.51.100.20"
LOCKED_OUT = "Inloggen tijdelijk geblokkeerd"


@pytest.fixture
def member(db):
    return UserFactory(username="annemiek", role=Role.STAFF)


def log_in(client, username, password, address=ADDRESS):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def fail(client, username, times, address=ADDRESS):
    return [log_in(client, username, "fout-wachtwoord", address) for _ in range(times)]


def logged_in_user_id(client):
    return client.session.get(SESSION_KEY)


def test_four_wrong_passwords_only_show_the_normal_error(client, member, password):
    responses = fail(client, "annemiek", 4)

    assert [response.status_code for response in responses] == [200] * 4
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in responses[-1].content.decode()
    assert log_in(client, "annemiek", password).status_code == 302


def test_five_wrong_passwords_lock_the_user_out_even_with_the_right_password(client, member, password):
    fifth = fail(client, "annemiek", 5)[-1]
    response = log_in(client, "annemiek", password)

    assert fifth.status_code == 429
    assert response.status_code == 429
    html = response.content.decode()
    assert f"<h1>{LOCKED_OUT}</h1>" in html
    assert "Er is 5 keer een verkeerd wachtwoord ingevoerd." in html
    assert "Probeer het over 30 minuten opnieuw." in html
    assert 'role="alert"' in html
    assert logged_in_user_id(client) is None


def test_another_user_is_not_affected(client, member, password):
    UserFactory(username="bert", role=Role.BBG_MEMBER)
    fail(client, "annemiek", 5)

    response = log_in(client, "bert", password)

    assert response.status_code == 302
    assert logged_in_user_id(client) is not None


def test_the_same_user_from_another_address_is_not_affected(client, member, password):
    fail(client, "annemiek", 5)

    response = log_in(client, "annemiek", password, address=OTHER_ADDRESS)

    assert response.status_code == 302
    assert logged_in_user_id(client) == str(member.pk)


def test_the_lock_out_ends_after_30_minutes(client, member, password):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        fail(client, "annemiek", 5)
    with time_machine.travel(start + datetime.timedelta(minutes=29), tick=False):
        assert log_in(client, "annemiek", password).status_code == 429
    with time_machine.travel(start + datetime.timedelta(minutes=31), tick=False):
        assert log_in(client, "annemiek", password).status_code == 302


def test_a_successful_login_clears_the_count(client, member, password):
    fail(client, "annemiek", 4)
    assert log_in(client, "annemiek", password).status_code == 302
    client.logout()

    responses = fail(client, "annemiek", 4)

    assert responses[-1].status_code == 200
    assert log_in(client, "annemiek", password).status_code == 302


def test_an_administrator_lifts_the_lock_out_in_the_admin(client, member, password, administrator):
    fail(client, "annemiek", 5)
    attempt = AccessAttempt.objects.get(username="annemiek")

    client.force_login(administrator)
    changelist = client.get(reverse("admin:axes_accessattempt_changelist"))
    assert changelist.status_code == 200
    assert "annemiek" in changelist.content.decode()
    deleted = client.post(reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"})
    assert deleted.status_code == 302
    client.logout()

    assert log_in(client, "annemiek", password).status_code == 302
    assert logged_in_user_id(client) == str(member.pk)


def test_staff_without_the_admin_cannot_see_the_attempts(client, member, staff):
    fail(client, "annemiek", 5)
    client.force_login(staff)

    response = client.get(reverse("admin:axes_accessattempt_changelist"))

    assert response.status_code == 302
    assert "/beheer/login/" in response["Location"]


# --- Behind a reverse proxy ---------------------------------------------------------------------------------------

PROXY = "10.0.0.5"  # every request reaches Django from the proxy's address
ATTACKER = "203.0.113.66"
USER_ADDRESS = "198.51.100.7"


def log_in_through_proxy(client, username, password, client_address, forwarded_for=None):
    """As nginx sends it: X-Forwarded-For is what the client sent (if anything) plus the address nginx saw."""
    header = f"{forwarded_for}, {client_address}" if forwarded_for else client_address
    return client.post(
        reverse("login"),
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=header,
    )


def test_behind_a_proxy_the_attacker_is_locked_out_and_the_user_is_not(client, member, password, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(5):
        log_in_through_proxy(client, "annemiek", "fout-wachtwoord", ATTACKER)

    attacker = log_in_through_proxy(client, "annemiek", password, ATTACKER)
    user = log_in_through_proxy(Client(), "annemiek", password, USER_ADDRESS)

    assert attacker.status_code == 429
    assert LOCKED_OUT in attacker.content.decode()
    assert user.status_code == 302
    assert AccessAttempt.objects.get(username="annemiek").ip_address == ATTACKER


def test_behind_a_proxy_a_forged_forwarded_header_does_not_change_the_address(client, member, password, settings):
    """The attacker writes X-Forwarded-For themselves, naming the user's address; the proxy appends the real one,
    which is the one that counts."""
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(5):
        log_in_through_proxy(client, "annemiek", "fout-wachtwoord", ATTACKER, forwarded_for=USER_ADDRESS)

    user = log_in_through_proxy(Client(), "annemiek", password, USER_ADDRESS)
    attacker = log_in_through_proxy(client, "annemiek", password, ATTACKER, forwarded_for=USER_ADDRESS)

    assert user.status_code == 302
    assert attacker.status_code == 429


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(client, member, password, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for _ in range(5):
        client.post(
            reverse("login"),
            {"username": "annemiek", "password": "fout"},
            REMOTE_ADDR=ATTACKER,
            HTTP_X_FORWARDED_FOR=USER_ADDRESS,
        )

    assert AccessAttempt.objects.get(username="annemiek").ip_address == ATTACKER


def test_the_admin_login_is_locked_for_the_attacker_only(client, administrator, password, settings):
    settings.TRUSTED_PROXY_COUNT = 1

    def admin_login(address, secret):
        return Client().post(
            reverse("admin:login"),
            {"username": "beheerder", "password": secret, "next": "/beheer/"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=address,
        )

    for _ in range(5):
        admin_login(ATTACKER, "fout-wachtwoord")

    assert admin_login(ATTACKER, password).status_code == 429
    response = admin_login(USER_ADDRESS, password)
    assert response.status_code == 302
    assert response["Location"] == "/beheer/"


def test_login_attempts_per_address_are_limited(client, member, password, settings):
    """Many user names from one address (password spraying): after RATE_LIMIT_LOGIN tries the address waits."""
    settings.RATE_LIMIT_LOGIN = 3
    for name in ("a", "b", "c"):
        assert log_in(client, name, "x").status_code == 200

    response = log_in(client, "annemiek", password)

    assert response.status_code == 429
    assert "te vaak geprobeerd in te loggen" in response.content.decode()
    assert log_in(Client(), "annemiek", password, address=OTHER_ADDRESS).status_code == 302
