"""The ranked result as JSON: the same numbers and tie-break explanation as the page, hidden from every role but
staff until the round is closed or the result released, exactly as the page."""

import html
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.api_errors import codes_of, errors_of
from tests.voting.result_factories import add_districts, cast, close

pytestmark = pytest.mark.django_db


def api(process):
    return reverse("result-detail", kwargs={"process": process.slug})


def page(process):
    return reverse("voting:results", kwargs={"slug": process.slug})


@pytest.fixture
def three_chose(voting_round, long_list, districts):
    """As in test_results_views: GLM P1..P7 in order, TWN P1..P7 without, IJSS P4..P10 in order."""
    p = long_list
    cast(voting_round, districts["GLM"], p[0:7], preferences=True)
    cast(voting_round, districts["TWN"], p[0:7])
    cast(voting_round, districts["IJSS"], p[3:10], preferences=True)
    return voting_round


@pytest.mark.parametrize("role", ["bbg_member", "secretary"])
def test_hidden_from_other_roles_until_closed(client, users, three_chose, long_list, role):
    client.force_login(users[role])
    response = client.get(api(three_chose.process))
    assert response.status_code == 403
    assert codes_of(response) == ["result_not_visible"]
    message = errors_of(response)[0]["message"]
    assert "3 van 5" in message
    assert long_list[0].title not in response.content.decode()
    close(three_chose)
    response = client.get(api(three_chose.process))
    assert response.status_code == 200
    assert response.json()["final"] is True


def test_staff_see_the_provisional_result(client, staff, three_chose):
    client.force_login(staff)
    data = client.get(api(three_chose.process)).json()
    assert data["final"] is False
    assert data["round_status"] == "open"
    assert data["ballot_count"] == 3
    assert data["dvo_total"] == 5


def test_after_release_bbg_sees_it_before_closing(client, bbg_member, three_chose, districts):
    for code in ("GLZ", "NOG"):
        cast(three_chose, districts[code], [])
    three_chose.results_released_at = timezone.now()
    three_chose.save()
    client.force_login(bbg_member)
    assert client.get(api(three_chose.process)).status_code == 200


def test_without_a_round_404(client, process, staff):
    client.force_login(staff)
    response = client.get(api(process))
    assert response.status_code == 404
    assert codes_of(response) == ["not_found"]


def test_the_ranking_with_its_numbers_and_tie_breaks(client, bbg_member, three_chose, long_list):
    close(three_chose)
    client.force_login(bbg_member)
    data = client.get(api(three_chose.process)).json()
    ranking = data["ranking"]
    # P4..P7: three DVOs, equal inhabitants, then the Borda score decides (11, 9, 7, 5); P1..P3 two DVOs.
    assert [row["priority"]["position"] for row in ranking] == [4, 5, 6, 7, 1, 2, 3, 8, 9, 10]
    first = ranking[0]
    assert first["rank"] == 1
    assert first["dvo_count"] == 3
    assert first["borda"] == 11
    assert first["ordered_count"] == 2
    assert first["tie_break"] is None
    assert Decimal(first["share"]) == Decimal(60)
    assert first["share_display"] == "60%"
    assert first["reaches_majority"] is False
    assert sorted(choice["district"] for choice in first["chosen_by"]) == ["GLM", "IJSS", "TWN"]
    assert {c["district"]: c["preference"] for c in first["chosen_by"]} == {"GLM": 4, "TWN": None, "IJSS": 1}
    second = ranking[1]
    assert second["tie_break"] == "borda"
    assert second["tie_break_text"] == (
        f"Evenveel DVO's als nr. 1 ({long_list[3].title}); de volgorde is beslist door: hogere voorkeursscore (Borda)."
    )
    assert ranking[4]["tie_break"] is None  # fewer DVOs than the one above: no tie
    assert "Volgorde: (1) meer DVO's" in data["tie_break_rule"]
    assert [d["code"] for d in data["districts"] if d["has_chosen"]] == ["GLM", "TWN", "IJSS"]
    assert data["html_url"] == "http://testserver" + page(three_chose.process)


def test_the_same_numbers_as_the_page(client, bbg_member, three_chose):
    close(three_chose)
    client.force_login(bbg_member)
    data = client.get(api(three_chose.process)).json()
    content = html.unescape(client.get(page(three_chose.process)).content.decode())
    for row in data["ranking"]:
        assert row["priority"]["title"] in content
        if row["tie_break_text"]:
            assert row["tie_break_text"] in content
    positions = [content.index(row["priority"]["title"]) for row in data["ranking"]]
    assert positions == sorted(positions), "the page and the API rank alike"
    assert data["ranking"][0]["inhabitants_display"] in content


def test_the_result_is_served_on_the_requests_host(client, staff, three_chose, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "vs.example.org"]
    settings.SITE_URL = "https://vs-portaal.example.nl"
    client.force_login(staff)
    data = client.get(api(three_chose.process), HTTP_HOST="vs.example.org").json()
    assert data["html_url"] == "http://vs.example.org" + page(three_chose.process)


def _queries(client, process) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(api(process)).status_code == 200
    return len(queries)


def test_fixed_queries_for_5_and_50_dvos(client, staff, voting_round, long_list, districts):
    close(voting_round)
    for district in districts.values():
        cast(voting_round, district, long_list[:7], preferences=True)
    client.force_login(staff)
    _queries(client, voting_round.process)
    five = _queries(client, voting_round.process)
    for district in add_districts(45):
        cast(voting_round, district, long_list[3:10])
    assert _queries(client, voting_round.process) == five
