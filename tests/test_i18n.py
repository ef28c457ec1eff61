"""Dutch first: Dutch unless the user picks English; dates written as '4 april 2018'."""

import datetime

import pytest
from django.conf import settings
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from core.dates import format_date


@pytest.mark.django_db
def test_the_login_page_is_dutch_even_when_the_browser_asks_for_english(client):
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert "Gebruikersnaam" in html
    assert "Username" not in html


@pytest.mark.django_db
def test_the_language_switch_turns_django_strings_english(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("login")}, follow=True)
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Username" in html


def test_dates_read_the_dutch_way():
    day = datetime.date(2018, 4, 4)
    assert format_date(day) == "4 april 2018"
    with translation.override("nl"):
        assert Template('{{ day|date:"j F Y" }}').render(Context({"day": day})) == "4 april 2018"


def test_dutch_is_the_default_and_english_is_available():
    assert settings.LANGUAGE_CODE == "nl"
    assert dict(settings.LANGUAGES).keys() == {"nl", "en"}
