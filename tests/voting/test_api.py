"""The ballots API: each user sees only what they may; a submission goes through the same rules (Dutch 400s)."""

import pytest
from django.urls import reverse

from tests.api_errors import errors_of
from tests.planning.factories import StrategyProcessFactory
from tests.voting.factories import BallotFactory, make_frozen_long_list
from voting.models import Ballot

LIST = reverse("ballot-list")


def payload(process, ids, district="GLM", **extra):
    return {"process": process.slug, "district": district, "priorities": ids, **extra}


@pytest.fixture
def ballots(voting_round, districts, long_list):
    return {code: BallotFactory(round=voting_round, district=district) for code, district in districts.items()}


def test_anonymous_and_outsider_get_403(client, ballots, outsider):
    assert client.get(LIST).status_code in (401, 403)
    client.force_login(outsider)
    assert client.get(LIST).status_code == 403


def test_staff_list_every_ballot(client, ballots, staff):
    client.force_login(staff)
    data = client.get(LIST).json()
    rows = data["results"] if isinstance(data, dict) else data
    assert sorted(row["district"] for row in rows) == sorted(ballots)
    assert all(len(row["choices"]) == 7 for row in rows)


def test_secretary_lists_only_the_own_ballot(client, ballots, secretary):
    client.force_login(secretary)
    data = client.get(LIST).json()
    rows = data["results"] if isinstance(data, dict) else data
    assert [row["district"] for row in rows] == ["GLM"]
    assert client.get(reverse("ballot-detail", args=[ballots["TWN"].pk])).status_code == 404


def test_bbg_member_lists_none(client, ballots, bbg_member):
    client.force_login(bbg_member)
    data = client.get(LIST).json()
    rows = data["results"] if isinstance(data, dict) else data
    assert rows == []
    assert client.get(reverse("ballot-detail", args=[ballots["GLM"].pk])).status_code == 404
    response = client.post(LIST, payload(ballots["GLM"].round.process, []), content_type="application/json")
    assert response.status_code == 403


def test_secretary_submits_then_replaces(client, process, voting_round, long_list, secretary):
    client.force_login(secretary)
    ids = [p.pk for p in long_list[:7]]
    response = client.post(LIST, payload(process, ids), content_type="application/json")
    assert response.status_code == 201, response.content
    assert sorted(choice["priority"] for choice in response.json()["choices"]) == sorted(ids)
    ids2 = [p.pk for p in long_list[3:10]]
    response = client.post(LIST, payload(process, ids2), content_type="application/json")
    assert response.status_code == 200
    assert Ballot.objects.count() == 1
    assert sorted(Ballot.objects.get().choices.values_list("priority_id", flat=True)) == sorted(ids2)


@pytest.mark.parametrize(
    ("make_ids", "code", "message"),
    [
        (
            lambda ll, other: [p.pk for p in ll[:6]],
            "ballot_wrong_count",
            "Kies precies 7 prioriteiten; u hebt er 6 gekozen.",
        ),
        (
            lambda ll, other: [p.pk for p in ll[:8]],
            "ballot_wrong_count",
            "Kies precies 7 prioriteiten; u hebt er 8 gekozen.",
        ),
        (lambda ll, other: [p.pk for p in ll[:6]] + [ll[0].pk], "ballot_priority_twice", "meer dan eens gekozen"),
        (
            lambda ll, other: [p.pk for p in ll[:6]] + [other[0].pk],
            "ballot_priority_not_on_longlist",
            "staat niet op de lange lijst",
        ),
        (
            lambda ll, other: [p.pk for p in ll[:6]] + [987654],
            "ballot_priority_not_on_longlist",
            "staat niet op de lange lijst",
        ),
    ],
)
def test_bad_input_is_a_dutch_400_with_its_code_and_stores_nothing(
    client, process, voting_round, long_list, secretary, make_ids, code, message
):
    other = make_frozen_long_list(StrategyProcessFactory())
    client.force_login(secretary)
    response = client.post(LIST, payload(process, make_ids(long_list, other)), content_type="application/json")
    assert response.status_code == 400
    [error] = errors_of(response)
    assert error["code"] == code
    assert message in error["message"]
    assert error["field"] is None
    assert not Ballot.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        {"priorities": ["abc"]},
        {"priorities": "zeven"},
        {"preferences": {"abc": 1}},
        {"preferences": [1, 2]},
        {"remarks": {"1": "x" * 600}},
        {"council_involvement": "misschien"},
        {"district": "NOPE"},
        {"process": "bestaat-niet"},
    ],
)
def test_malformed_input_never_500s(client, process, voting_round, long_list, secretary, body):
    client.force_login(secretary)
    data = payload(process, [p.pk for p in long_list[:7]])
    data.update(body)
    response = client.post(LIST, data, content_type="application/json")
    assert response.status_code in (400, 404)
    assert not Ballot.objects.exists()


def test_secretary_cannot_submit_for_another_dvo(client, process, voting_round, long_list, secretary):
    client.force_login(secretary)
    response = client.post(
        LIST, payload(process, [p.pk for p in long_list[:7]], "TWN"), content_type="application/json"
    )
    assert response.status_code == 404
    assert not Ballot.objects.exists()


def test_staff_submit_needs_a_reason(client, process, voting_round, long_list, staff):
    client.force_login(staff)
    ids = [p.pk for p in long_list[:7]]
    response = client.post(LIST, payload(process, ids, "NOG"), content_type="application/json")
    assert response.status_code == 400
    [error] = errors_of(response)
    assert (error["code"], error["field"]) == ("ballot_staff_reason_missing", "on_behalf_reason")
    assert "Geef een reden op" in error["message"]
    response = client.post(
        LIST, payload(process, ids, "NOG", on_behalf_reason="Per e-mail"), content_type="application/json"
    )
    assert response.status_code == 201
    assert response.json()["entered_by_staff"] is True
