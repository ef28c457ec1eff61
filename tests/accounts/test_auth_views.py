"""Login, logout, password change and password reset by email, all in Dutch."""

import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.urls import reverse
from django.utils.html import escape

from accounts.models import Role
from tests.accounts.factories import UserFactory

NEW_PASSWORD = "Nieuw-wachtwoord-2019!"
# Reset links point at SITE_URL, whatever Host the request named (tests set SITE_URL to https://vs.example.org).
RESET_LINK = re.compile(r"https://vs\.example\.org(/account/wachtwoord-herstellen/[^/\s]+/[^/\s]+/)")


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def member(db):
    return UserFactory(
        username="annemiek", first_name="Annemiek", last_name="Jansen", email="annemiek@example.org", role=Role.STAFF
    )


def logged_in_user_id(client) -> str | None:
    return client.session.get(SESSION_KEY)


# --- Login and logout ------------------------------------------------------------------------------------------


def test_login_page_is_dutch_and_accessible(client, db):
    response = client.get(reverse("login"))
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'<label\s+for="id_username"[^>]*>\s*Gebruikersnaam', html)
    assert re.search(r'<label\s+for="id_password"[^>]*>\s*Wachtwoord', html)
    assert 'autocomplete="username"' in html
    assert 'autocomplete="current-password"' in html
    assert ">Inloggen</button>" in html
    assert f'href="{reverse("password_reset")}">Wachtwoord vergeten?</a>' in html
    assert "<h1>Inloggen</h1>" in html


def test_member_logs_in_with_the_dutch_form(client, member, password):
    response = client.post(reverse("login"), {"username": "annemiek", "password": password})
    assert response.status_code == 302
    assert response.url == reverse("planning:home")
    assert logged_in_user_id(client) == str(member.pk)


def test_login_keeps_next(client, member, password):
    next_url = reverse("profile")
    response = client.post(reverse("login"), {"username": "annemiek", "password": password, "next": next_url})
    assert response.url == next_url


def test_wrong_password_shows_a_dutch_error(client, member):
    response = client.post(reverse("login"), {"username": "annemiek", "password": "fout-wachtwoord"})
    html = response.content.decode()
    assert response.status_code == 200
    assert logged_in_user_id(client) is None
    assert 'role="alert"' in html
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in html
    assert "Please enter a correct" not in html


def test_empty_login_names_the_missing_fields_in_dutch(client, db):
    response = client.post(reverse("login"), {"username": "", "password": ""})
    html = response.content.decode()
    assert "Dit veld is vereist." in html
    assert 'href="#id_username"' in html
    assert 'aria-invalid="true"' in html


def test_logout_by_post_ends_the_session(client, member):
    client.force_login(member)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert response.url == reverse("login")
    assert logged_in_user_id(client) is None


def test_logout_by_get_is_refused(client, member):
    client.force_login(member)
    response = client.get(reverse("logout"))
    assert response.status_code == 405
    assert logged_in_user_id(client) == str(member.pk)


# --- Profile ---------------------------------------------------------------------------------------------------


def test_anonymous_profile_redirects_to_login(client, db):
    response = client.get(reverse("profile"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_secretary_sees_name_role_dvo_and_links(client, secretary):
    client.force_login(secretary)
    html = client.get(reverse("profile")).content.decode()
    assert "<h1>Mijn account</h1>" in html
    assert escape(secretary.get_full_name()) in html
    assert "DVO-secretaris" in html
    assert "GLM Gelderland-Midden" in html
    assert f'href="{reverse("password_change")}"' in html
    assert f'href="{reverse("planning:calendar")}"' in html


def test_outsider_profile_says_there_is_no_role(client, outsider):
    client.force_login(outsider)
    html = client.get(reverse("profile")).content.decode()
    assert "Geen rol" in html
    assert reverse("planning:calendar") not in html


# --- Password change -------------------------------------------------------------------------------------------


def test_member_changes_password(client, member, password):
    client.force_login(member)
    page = client.get(reverse("password_change")).content.decode()
    assert "<h1>Wachtwoord wijzigen</h1>" in page
    assert 'autocomplete="new-password"' in page
    response = client.post(
        reverse("password_change"),
        {"old_password": password, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert response.url == reverse("password_change_done")
    member.refresh_from_db()
    assert member.check_password(NEW_PASSWORD)
    done = client.get(response.url).content.decode()
    assert "Uw wachtwoord is gewijzigd" in done


def test_password_change_with_wrong_old_password_is_refused_in_dutch(client, member, password):
    client.force_login(member)
    response = client.post(
        reverse("password_change"),
        {"old_password": "niet-mijn-wachtwoord", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert "Uw oude wachtwoord is niet juist ingevoerd" in response.content.decode()
    member.refresh_from_db()
    assert member.check_password(password)


def test_anonymous_cannot_change_a_password(client, db):
    response = client.get(reverse("password_change"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


# --- Password reset by email -----------------------------------------------------------------------------------


def test_full_password_reset_by_email(client, member, django_capture_on_commit_callbacks, settings):
    settings.SITE_URL = "https://vs.example.org"
    form = client.get(reverse("password_reset")).content.decode()
    assert "<h1>Wachtwoord vergeten</h1>" in form
    assert 'autocomplete="email"' in form

    # The mail is a task, enqueued when the request's transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("password_reset"), {"email": "annemiek@example.org"})
    assert response.status_code == 302
    assert response.url == reverse("password_reset_done")
    assert "Kijk in uw mailbox" in client.get(response.url).content.decode()

    [email] = [message for message in mail.outbox if "annemiek@example.org" in message.to]
    assert email.subject == "Nieuw wachtwoord voor het VS-portaal"
    assert "\n" not in email.subject
    assert email.body.startswith("Beste Annemiek Jansen,")
    assert "Stel een nieuw wachtwoord in via deze link:" in email.body
    assert "Uw gebruikersnaam is: annemiek" in email.body
    [(html, mimetype)] = email.alternatives
    assert mimetype == "text/html"
    assert '<html lang="nl">' in html
    link = RESET_LINK.search(email.body).group(1)
    assert link in html

    # The link redirects to a URL without the token, which shows the form.
    response = client.get(link, follow=True)
    page = response.content.decode()
    assert "<h1>Nieuw wachtwoord instellen</h1>" in page
    set_password_url = response.redirect_chain[-1][0]

    response = client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("password_reset_complete")
    assert "Uw nieuwe wachtwoord is opgeslagen" in client.get(response.url).content.decode()

    response = client.post(reverse("login"), {"username": "annemiek", "password": NEW_PASSWORD})
    assert response.status_code == 302
    assert logged_in_user_id(client) == str(member.pk)


def request_reset(client, email: str, **kwargs):
    """Ask for a reset link; its mail task runs when the request's transaction commits."""
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(reverse("password_reset"), {"email": email}, **kwargs)


@pytest.fixture
def site_url(settings):
    settings.SITE_URL = "https://vs.example.org"


def test_a_used_reset_link_no_longer_works(client, member, site_url):
    request_reset(client, "annemiek@example.org")
    [email] = [message for message in mail.outbox if "annemiek@example.org" in message.to]
    link = RESET_LINK.search(email.body).group(1)
    set_password_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    page = client.get(link, follow=True).content.decode()
    assert "<h1>Link werkt niet meer</h1>" in page
    assert f'href="{reverse("password_reset")}"' in page


def test_reset_for_an_unknown_address_sends_nothing_but_says_the_same(client, member):
    response = request_reset(client, "onbekend@example.org", follow=True)
    assert "Kijk in uw mailbox" in response.content.decode()
    assert not [message for message in mail.outbox if "onbekend@example.org" in message.to]


def test_mismatched_new_passwords_are_refused_in_dutch(client, member, site_url):
    request_reset(client, "annemiek@example.org")
    [email] = [message for message in mail.outbox if "annemiek@example.org" in message.to]
    set_password_url = client.get(RESET_LINK.search(email.body).group(1), follow=True).redirect_chain[-1][0]
    response = client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": "iets-anders-2019"})
    assert response.status_code == 200
    assert "De twee wachtwoordvelden komen niet overeen" in response.content.decode()
