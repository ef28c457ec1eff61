"""The password policy (AUTH_PASSWORD_VALIDATORS), tried on the password change form: at least ten characters, not
a common password, not only digits, not like the user's own name or address; every refusal in Dutch."""

import pytest
from django.urls import reverse

from accounts.models import Role
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

GOOD_PASSWORD = "Veilig-netwerk-Oost-2019"


@pytest.fixture
def member(db):
    return UserFactory(
        username="annemiek-jansen",
        first_name="Annemiek",
        last_name="Jansen",
        email="annemiek.jansen@example.org",
        role=Role.STAFF,
    )


def change_password(client, member, password, new_password):
    client.force_login(member)
    return client.post(
        reverse("password_change"),
        {"old_password": password, "new_password1": new_password, "new_password2": new_password},
    )


@pytest.mark.parametrize(
    ("new_password", "message"),
    [
        ("kort-1!", "Dit wachtwoord is te kort. Het moet minstens 10 tekens bevatten."),
        ("qwertyuiop", "Dit wachtwoord is te algemeen."),
        ("8392017465", "Dit wachtwoord bevat alleen cijfers."),
        ("annemiekjansen", "Het wachtwoord lijkt te veel op de gebruikersnaam."),
    ],
    ids=["short", "common", "numeric", "similar"],
)
def test_it_refuses_a_weak_password_in_dutch(client, member, password, new_password, message):
    response = change_password(client, member, password, new_password)

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "This password" not in html
    assert "too short" not in html
    member.refresh_from_db()
    assert member.check_password(password)


def test_the_form_explains_the_rules_in_dutch(client, member):
    client.force_login(member)

    html = client.get(reverse("password_change")).content.decode()

    assert "Uw wachtwoord moet minstens 10 tekens lang zijn." in html
    assert "Uw wachtwoord mag geen veelgebruikt wachtwoord zijn." in html


def test_it_accepts_a_good_password(client, member, password):
    response = change_password(client, member, password, GOOD_PASSWORD)

    assert response.status_code == 302
    assert response.url == reverse("password_change_done")
    member.refresh_from_db()
    assert member.check_password(GOOD_PASSWORD)
