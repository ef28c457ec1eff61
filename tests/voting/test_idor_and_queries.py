"""Every ballot as every secretary, through the pages and the API: only their own. And the pages' query counts stay
flat from 5 to 50 DVOs."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Role
from planning.models import Body, District
from tests.accounts.factories import UserFactory
from tests.voting.factories import BallotFactory, RoundDeadlineFactory

PAGES = ["voting:ballot", "voting:ballot_confirmation", "voting:ballot_history"]


@pytest.fixture
def every_dvo(voting_round, districts, long_list):
    """A ballot and a secretary for each of the five DVOs."""
    ballots, secretaries = {}, {}
    for code, district in districts.items():
        secretaries[code] = UserFactory(username=f"secr-{code.lower()}", role=Role.DVO_SECRETARY, district=district)
        ballots[code] = BallotFactory(round=voting_round, district=district, submitted_by=secretaries[code])
    return ballots, secretaries


def test_every_secretary_reaches_only_the_own_ballot_on_the_pages(client, process, every_dvo):
    ballots, secretaries = every_dvo
    for own, secretary in secretaries.items():
        client.force_login(secretary)
        for code in ballots:
            for name in PAGES:
                status = client.get(reverse(name, kwargs={"slug": process.slug, "district": code})).status_code
                assert status == (200 if code == own else 404), (own, code, name, status)
            # Lower case codes resolve to the same DVO: no way around the check.
            status = client.get(reverse("voting:ballot", kwargs={"slug": process.slug, "district": code.lower()}))
            assert status.status_code == (200 if code == own else 404)


def test_every_secretary_reaches_only_the_own_ballot_in_the_api(client, every_dvo):
    ballots, secretaries = every_dvo
    for own, secretary in secretaries.items():
        client.force_login(secretary)
        listed = client.get(reverse("ballot-list")).json()
        rows = listed["results"] if isinstance(listed, dict) else listed
        assert [row["id"] for row in rows] == [ballots[own].pk]
        for code, ballot in ballots.items():
            status = client.get(reverse("ballot-detail", args=[ballot.pk])).status_code
            assert status == (200 if code == own else 404), (own, code, status)


def test_every_secretary_cannot_write_another_dvos_ballot(client, process, every_dvo, long_list):
    ballots, secretaries = every_dvo
    before = {code: sorted(b.choices.values_list("priority_id", flat=True)) for code, b in ballots.items()}
    ids = [p.pk for p in long_list[3:10]]
    for own, secretary in secretaries.items():
        client.force_login(secretary)
        for code in ballots:
            if code == own:
                continue
            url = reverse("voting:ballot", kwargs={"slug": process.slug, "district": code})
            assert client.post(url, {"choice": ids, "council_involvement": "unknown"}).status_code == 404
            response = client.post(
                reverse("ballot-list"),
                {"process": process.slug, "district": code, "priorities": ids},
                content_type="application/json",
            )
            assert response.status_code == 404
    for code, ballot in ballots.items():
        assert sorted(ballot.choices.values_list("priority_id", flat=True)) == before[code]


# --- Query counts -----------------------------------------------------------------------------------------------


def add_districts(voting_round, count: int) -> None:
    for number in range(count):
        district = District.objects.create(code=f"X{number:02d}", name=f"Testdistrict {number}", order=100 + number)
        Body.objects.create(
            short_name=f"DVO X{number:02d}", name=f"DVO {number}", kind=Body.Kind.DVO, district=district
        )
        RoundDeadlineFactory(round=voting_round, district=district)
        BallotFactory(round=voting_round, district=district)


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize(
    ("user", "name", "kwargs"),
    [
        ("secretary", "voting:ballot", {"district": "GLM"}),
        ("secretary", "voting:ballot_confirmation", {"district": "GLM"}),
        ("secretary", "voting:ballot_history", {"district": "GLM"}),
        ("staff", "voting:ballot", {"district": "GLM"}),
        ("staff", "voting:round_detail", {}),
        ("bbg_member", "voting:progress", {}),
    ],
)
def test_query_counts_are_the_same_for_5_and_50_dvos(
    client, process, every_dvo, voting_round, users, user, name, kwargs
):
    _, secretaries = every_dvo
    person = secretaries["GLM"] if user == "secretary" else users[user]
    client.force_login(person)
    url = reverse(name, kwargs={"slug": process.slug, **kwargs})
    with_five = count_queries(client, url)
    add_districts(voting_round, 45)
    assert District.objects.count() == 50
    assert count_queries(client, url) == with_five


def test_api_list_query_count_is_flat(client, process, every_dvo, voting_round, staff):
    client.force_login(staff)
    url = reverse("ballot-list")
    with_five = count_queries(client, url)
    add_districts(voting_round, 45)
    assert count_queries(client, url) == with_five
