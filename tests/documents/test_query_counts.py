"""The goal list and the document pages cost the same number of queries for 1x and 10x goals and municipalities."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.fragments import content_changed
from documents import services
from documents.models import CommunityOfficerPlan
from planning.models import Municipality
from tests.documents.factories import GoalFactory
from tests.priorities.factories import MunicipalityFactory


def _grow(process, priorities, staff, document, factor: int):
    for index in range(factor):
        GoalFactory(process=process, priority=priorities[index % 5], title=f"Doel {factor}-{index}")
    for _ in range(8 * factor):
        municipality = MunicipalityFactory()
        CommunityOfficerPlan.objects.create(process=process, municipality=municipality, officers=3)
    services.version_create(document=document, user=staff)


def _count(client, path) -> int:
    """The queries of a visit that renders everything afresh (no cached fragment: the content's version moved on)."""
    content_changed()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", ["goal_list", "document", "compare", "version_detail"])
def test_pages_cost_the_same_at_1x_and_10x(client, staff, process, priorities, document, name):
    client.force_login(staff)
    kwargs = {"slug": process.slug}
    _grow(process, priorities, staff, document, 1)
    if name == "version_detail":
        kwargs["label"] = "0.1"
    path = reverse(f"documents:{name}", kwargs=kwargs)
    if name == "compare":
        path += "?a=0.1&b=concept"
    client.get(path)  # warm up caches (content types, sessions)
    small = _count(client, path)
    _grow(process, priorities, staff, document, 10)
    assert Municipality.objects.count() == 78 + 88
    assert _count(client, path) == small
