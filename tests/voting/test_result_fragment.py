"""The round's count on the result page (its ranking, chart and matrix as HTML) is a cached fragment under the
version of all content: counted and rendered once while no ballot changes, afresh after one does, and kept per
role; who may see the result is checked before the cache, so a secretary never reads a count while the result is
not public, not even one that staff's visit cached."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from core.deflated import DeflatedHTML
from core.fragments import CONTENT_AREA, fragment_key
from planning.fragments import role_audience
from tests.voting.result_factories import cast, close

pytestmark = pytest.mark.django_db

MARKER = "RESULT MADE FOR ANOTHER READER"


def page(client, voting_round) -> str:
    response = client.get(reverse("voting:results", kwargs={"slug": voting_round.process.slug}))
    assert response.status_code == 200
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def key_of(user, voting_round) -> str:
    with translation.override("nl"):
        return fragment_key(
            "voting-result-pieces", areas=[CONTENT_AREA], audience=role_audience(user), parts=[voting_round.pk]
        )


def cached_text(key) -> str:
    """The text of the cached count (kept compressed, core.deflated)."""
    return cache.get(key).data().decode()


def test_the_count_is_served_from_the_cache_and_a_new_ballot_counts_at_once(
    client, staff, voting_round, long_list, districts
):
    cast(voting_round, districts["GLM"], long_list[0:7], preferences=True)
    client.force_login(staff)
    first = page(client, voting_round)
    assert "1 van 5 DVO's hebben gekozen" in cached_text(key_of(staff, voting_round))
    assert page(client, voting_round) == first
    cast(voting_round, districts["TWN"], long_list[3:10])
    assert page(client, voting_round) != first
    assert "2 van 5 DVO's hebben gekozen" in cached_text(key_of(staff, voting_round))


def test_a_secretary_is_never_served_the_count_made_for_staff(
    client, staff, secretary, voting_round, long_list, districts
):
    cast(voting_round, districts["GLM"], long_list[0:7], preferences=True)
    client.force_login(staff)
    page(client, voting_round)
    key = key_of(staff, voting_round)
    assert long_list[0].title in cached_text(key)
    cache.set(key, DeflatedHTML.of(cached_text(key).replace(long_list[0].title, MARKER)))
    assert MARKER in page(client, voting_round)  # the planted key is the one staff's page reads
    client.force_login(secretary)
    assert MARKER not in page(client, voting_round)  # not public yet: no count at all
    close(voting_round)
    html = page(client, voting_round)
    assert MARKER not in html
    assert long_list[0].title in html
