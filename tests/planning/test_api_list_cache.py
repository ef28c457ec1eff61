"""The API's milestone list is answered from the cache (core.api_fragments) under the planning's version, per
role: the same answer while nothing changes, a write through the API shows at once, and a list cached for staff
is never served to another role, nor to a user the permissions refuse."""

import hashlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from rest_framework.test import APIClient

from core.fragments import fragment_key
from planning.fragments import PLANNING_AREA, role_audience
from tests.planning.factories import MilestoneFactory

pytestmark = pytest.mark.django_db

MARKER = "LIST MADE FOR ANOTHER READER"


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_login(user)
    return client


def listed(client, process):
    return client.get(reverse("milestone-list"), {"process": process.slug})


def key_of(user, process) -> str:
    address = f"http://testserver{reverse('milestone-list')}?process={process.slug}"
    with translation.override("nl"):
        return fragment_key(
            "api-milestones",
            areas=[PLANNING_AREA],
            audience=role_audience(user),
            parts=[hashlib.sha256(address.encode()).hexdigest()],
        )


def test_the_list_comes_from_the_cache_and_a_write_shows_at_once(staff, process):
    milestone = MilestoneFactory(process=process, title="DVO Twente")
    client = client_for(staff)
    first = listed(client, process).json()
    assert [row["title"] for row in first["results"]] == ["DVO Twente"]
    with CaptureQueriesContext(connection) as queries:
        again = listed(client, process).json()
    assert again == first
    assert not any("planning_milestone" in query["sql"] for query in queries.captured_queries)

    response = client.patch(reverse("milestone-detail", args=[milestone.pk]), {"title": "DVO Twente (verzet)"})
    assert response.status_code == 200
    assert [row["title"] for row in listed(client, process).json()["results"]] == ["DVO Twente (verzet)"]


@pytest.mark.parametrize("other", ["secretary", "bbg_member", "administrator"])
def test_a_list_cached_for_staff_is_served_to_no_other_role(other, users, staff, process):
    MilestoneFactory(process=process, title="DVO Twente")
    listed(client_for(staff), process)
    cached = _planted(key_of(staff, process))
    assert [row["title"] for row in listed(client_for(staff), process).json()["results"]] == [MARKER]
    answer = listed(client_for(users[other]), process).json()
    assert [row["title"] for row in answer["results"]] == ["DVO Twente"]
    assert cached  # the plant was there all along


def test_a_user_without_a_role_is_refused_though_the_list_is_cached(staff, outsider, process):
    MilestoneFactory(process=process, title="DVO Twente")
    listed(client_for(staff), process)
    _planted(key_of(staff, process))
    response = listed(client_for(outsider), process)
    assert response.status_code == 403
    assert MARKER not in response.content.decode()


def _planted(key):
    from django.core.cache import cache

    data = cache.get(key)
    assert data is not None, "the list was not cached under the expected key"
    data["results"][0]["title"] = MARKER
    cache.set(key, data)
    return data
