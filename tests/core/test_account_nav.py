"""The account menu is rendered once per combination of what it shows (core.templatetags.navigation.account_nav)
and kept by the worker; the CSRF token, the address the language form returns to and the search box's text are put
in per request. Each user gets exactly what the template renders for them, whoever asked first."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.middleware.csrf import get_token
from django.template import engines
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from accounts.models import Role
from core.templatetags import navigation
from notifications.models import Notification
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

BOTH = engines["django"].from_string(
    "{% load navigation %}{% account_nav %}|||"
    "{% include 'includes/nav/account.html' with language_next=request.get_full_path %}"
)


@pytest.fixture(autouse=True)
def _empty_menus():
    navigation._ACCOUNT_NAV.clear()
    yield
    navigation._ACCOUNT_NAV.clear()


def both(user, path="/processen/?q=<b>&x=1", search_query=None, language="nl") -> tuple[str, str]:
    """The menu as the tag gives it and as the template renders it, for one request of ``user``."""
    request = RequestFactory().get(path)
    request.user, request.session = user, SessionStore()
    get_token(request)
    context = {"search_query": search_query} if search_query is not None else {}
    with translation.override(language):
        tag, template = BOTH.render(context, request).split("|||")
    return tag, template


@pytest.mark.parametrize(
    "make",
    [
        lambda districts: UserFactory(username="staf", first_name="Sanne", last_name="de Staf", role=Role.STAFF),
        lambda districts: UserFactory(username="secr", role=Role.DVO_SECRETARY, district=districts["GLM"]),
        lambda districts: UserFactory(username="bbg", role=Role.BBG_MEMBER),
        lambda districts: UserFactory(username="beheer", role=Role.ADMINISTRATOR, is_staff=True),
        lambda districts: UserFactory(username="toets", role=Role.MUNICIPAL_CONTACT),
        lambda districts: UserFactory(username="zonder", role=""),
        lambda districts: AnonymousUser(),
    ],
    ids=["staff", "secretary", "bbg", "administrator", "municipal-contact", "no-role", "anonymous"],
)
def test_the_menu_is_what_the_template_renders_for_each_user(districts, make):
    user = make(districts)
    first = both(user)
    assert first[0] == first[1]
    again = both(user, path="/elders/", search_query='"><script>')
    assert again[0] == again[1]  # from the worker's copy, with this request's parts
    if user.is_authenticated and user.has_role:  # the search box is for the roles
        assert 'value="&quot;&gt;&lt;script&gt;"' in again[0]
    else:
        assert "top-search-q" not in again[0]
    assert 'name="next" value="/elders/"' in again[0]
    assert 'name="next" value="/processen/?q=%3Cb%3E&amp;x=1"' in first[0]
    english = both(user, language="en")
    assert english[0] == english[1]
    assert english[0] != first[0]


def test_each_request_has_its_own_csrf_token_and_users_never_share_a_menu(districts):
    staff = UserFactory(username="staf", role=Role.STAFF)
    secretary = UserFactory(username="secr", role=Role.DVO_SECRETARY, district=districts["GLM"])
    one, two = both(staff)[0], both(staff)[0]
    tokens = [re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html) for html in (one, two)]
    assert len(tokens[0]) == 2
    assert tokens[0] != tokens[1]
    assert "__vs_" not in one
    theirs = both(secretary)[0]
    assert "GLM" in theirs
    assert "secr" in theirs
    assert "staf" not in theirs


def test_a_new_notification_and_a_new_name_show_at_once(client, staff):
    client.force_login(staff)
    url = reverse("planning:home")
    assert "ongelezen melding" not in client.get(url).content.decode()
    Notification.objects.create(user=staff, title="Termijn nadert")
    assert "1 ongelezen melding" in client.get(url).content.decode()
    staff.first_name, staff.last_name = "Nieuwe", "Naam"
    staff.save()
    assert "Nieuwe Naam" in client.get(url).content.decode()
