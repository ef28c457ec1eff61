"""The accessibility statement (toegankelijkheidsverklaring) at /toegankelijkheid: public, linked from every page."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_anyone_reads_the_statement_without_logging_in(client):
    response = client.get("/toegankelijkheid")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Toegankelijkheidsverklaring</h1>" in html
    assert "WCAG" in html
    assert "2.1 op niveau AA" in html
    for heading in ("Wat we hebben getest", "Hoe we hebben getest", "Wat nog niet voldoet", "Een probleem melden"):
        assert heading in html
    assert "axe-core" in html
    assert "CONCEPT" in html
    assert "programmastaf" in html
    assert "28 november 2026" in html


def test_the_url_name_is_accessibility():
    assert reverse("accessibility") == "/toegankelijkheid"


def test_the_footer_links_to_it_for_visitors_and_users(client, staff):
    link = f'<a href="{reverse("accessibility")}">Toegankelijkheid</a>'

    assert link in client.get(reverse("login")).content.decode()
    client.force_login(staff)
    assert link in client.get(reverse("planning:home")).content.decode()
