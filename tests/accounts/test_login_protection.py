"""Login protection (django-axes): five wrong passwords for one user name from one address lock that combination
out for 30 minutes, with a Dutch page; other users and addresses go on; an administrator can lift the lock-out."""

import datetime

import pytest
import time_machine
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
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
