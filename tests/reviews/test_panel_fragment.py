"""The long list's look at the previous period is a cached fragment under the version of all content: served from
the cache while nothing changed, rendered afresh after a write to the previous period's monitoring, and kept per
role, language and the priorities the reader sees."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from core.fragments import CONTENT_AREA, fragment_key
from planning.fragments import role_audience
from priorities.fragments import reader_audience
from tests.priorities.factories import PriorityFactory
from tests.reviews.test_next_cycle import copy

pytestmark = pytest.mark.django_db

MARKER = "<p>PANEL MADE FOR ANOTHER READER</p>"
HEADING = "Hoe deed de vorige periode het? (VS 2019-2022)"


@pytest.fixture
def new(process, goal, measured):
    new = copy(process)
    PriorityFactory(process=new, title=goal.priority.title, position=1)
    return new


def visit(client, process) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("priorities:longlist", kwargs={"slug": process.slug}))
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def plant(user, process, language="nl") -> None:
    priorities = "-".join(str(pk) for pk in process.priorities.order_by("position").values_list("pk", flat=True))
    with translation.override(language):
        key = fragment_key(
            "longlist-previous-period",
            areas=[CONTENT_AREA],
            audience=role_audience(user),
            parts=[process.pk, priorities],
        )
    assert cache.get(key) is not None, "visit the page as this role first"
    cache.set(key, MARKER)
    # The page's body around the panel is cached too (priorities-longlist-body): dropped, so that the page is
    # rendered again and reads the panel's key.
    with translation.override(language):
        for can_change in (True, False):
            cache.delete(
                fragment_key(
                    "priorities-longlist-body",
                    areas=[CONTENT_AREA],
                    audience=reader_audience(user),
                    parts=[process.pk, can_change],
                )
            )


def test_a_second_visit_is_served_from_the_cache(client, staff, new):
    client.force_login(staff)
    first, rendered = visit(client, new)
    second, cached = visit(client, new)
    assert second.count(HEADING) == first.count(HEADING) == 1
    assert "op koers" in second
    assert cached < rendered


def test_a_secretary_is_never_served_the_panel_made_for_staff(client, staff, secretary, new):
    client.force_login(staff)
    visit(client, new)
    plant(staff, new)
    assert MARKER in visit(client, new)[0]  # the planted key is the one staff's page reads
    client.force_login(secretary)
    html, _queries = visit(client, new)
    assert MARKER not in html
    assert HEADING in html


def test_a_value_corrected_in_the_previous_period_shows_at_once(client, staff, new, measured):
    client.force_login(staff)
    assert "op koers" in visit(client, new)[0]
    measured.value = 4200  # back at the baseline at the end of 2020: behind
    measured.save()
    html, _queries = visit(client, new)
    assert "op koers" not in html
    assert "achter" in html


def test_another_long_list_gets_its_own_panel(client, staff, new):
    client.force_login(staff)
    visit(client, new)
    PriorityFactory(process=new, title="Drugs in het buitengebied", position=2)
    html, _queries = visit(client, new)
    assert "geen doelstelling in de vorige periode" in html
