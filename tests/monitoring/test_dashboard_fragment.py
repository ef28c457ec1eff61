"""The monitoring dashboard's goals, values and charts are a cached fragment under the version of all content:
served from the cache while nothing changed, read afresh after a value is entered, and kept per role, so that a
secretary or a BBG member is never served what was made for staff."""

import dataclasses
import hashlib

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from core.fragments import CONTENT_AREA, fragment_key
from monitoring import services
from monitoring.services import ValueData
from planning.fragments import role_audience

pytestmark = pytest.mark.django_db

MARKER = "DASHBOARD MADE FOR ANOTHER READER"


def visit(client, process, **params) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("monitoring:dashboard", kwargs={"slug": process.slug}), params)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def plant(user, process) -> None:
    """Rename the goal in the cached list, and put MARKER in the cached cards, that ``user``'s role reads."""
    today = timezone.localdate().isoformat()
    with translation.override("nl"):
        audience = role_audience(user)
        key = fragment_key("monitoring-dashboard", areas=[CONTENT_AREA], audience=audience, parts=[process.pk, today])
        cards = fragment_key(
            "monitoring-dashboard-cards", areas=[CONTENT_AREA], audience=audience, parts=[process.pk, today, *[""] * 4]
        )
    read = cache.get(key)
    assert read is not None, "visit the page as this role first"
    assert cache.get(cards) is not None
    [item] = read["items"]
    item.goal.title = MARKER
    cache.set(key, {**read, "items": [dataclasses.replace(item)]})
    cache.set(cards, f"<p>{MARKER}</p>")
    # The page's body around them is cached too (monitoring-dashboard-page): dropped, so that the page is written
    # again from the planted list and cards.
    with translation.override("nl"):
        for can_change in (True, False):
            asked = hashlib.sha256(b"priority=&owner=&district=&status=").hexdigest()[:16]
            parts = [process.pk, today, can_change, asked]
            cache.delete(
                fragment_key("monitoring-dashboard-page", areas=[CONTENT_AREA], audience=audience, parts=parts)
            )


def test_a_second_visit_is_served_from_the_cache_and_a_value_shows_at_once(
    client, process, goal, indicator, moments, staff
):
    client.force_login(staff)
    _first, rendered = visit(client, process)
    second, cached = visit(client, process)
    assert cached < rendered
    assert "Woninginbraken terugdringen" in second
    assert "4.000" not in second
    services.measurement_save(
        moment=moments[0], user=staff, data=ValueData(indicator=indicator, value="4000", source="BVI")
    )
    html, _queries = visit(client, process)
    assert "4.000" in html
    assert "op koers" in html
    assert "Woninginbraken terugdringen" in visit(client, process, status="on_course")[0]  # filters the cached list
    assert "Woninginbraken terugdringen" not in visit(client, process, status="behind")[0]


def test_a_secretary_and_a_bbg_member_are_never_served_the_dashboard_made_for_staff(
    client, process, goal, indicator, moments, staff, secretary, bbg_member
):
    client.force_login(staff)
    visit(client, process)
    plant(staff, process)
    assert MARKER in visit(client, process)[0]  # the planted key is the one staff's page reads
    for reader in (secretary, bbg_member):
        client.force_login(reader)
        html, _queries = visit(client, process)
        assert MARKER not in html
        assert "Woninginbraken terugdringen" in html


def test_the_page_is_cached_per_role_and_filter_and_a_secretary_never_gets_staffs(
    client, process, goal, indicator, moments, staff, secretary
):
    """The whole body (monitoring-dashboard-page): staff's copy is the one staff's page reads, a secretary is never
    served it, and another filter has a body of its own."""
    client.force_login(staff)
    visit(client, process)
    today = timezone.localdate().isoformat()
    asked = hashlib.sha256(b"priority=&owner=&district=&status=").hexdigest()[:16]
    with translation.override("nl"):
        key = fragment_key(
            "monitoring-dashboard-page",
            areas=[CONTENT_AREA],
            audience=role_audience(staff),
            parts=[process.pk, today, True, asked],
        )
    assert "Woninginbraken terugdringen" in cache.get(key)
    cache.set(key, f"<p>{MARKER}</p>")
    assert MARKER in visit(client, process)[0]
    assert MARKER not in visit(client, process, status="behind")[0]  # another filter, another body
    client.force_login(secretary)
    html, _queries = visit(client, process)
    assert MARKER not in html
    assert "Woninginbraken terugdringen" in html
