"""The round through the API: create, deadlines, open, close, release, reset with a reason, and the progress;
the same services, rules and codes as the staff's round page."""

import datetime

import pytest
from django.urls import reverse

from planning.models import Body, District
from tests.api_errors import codes_of, errors_of
from tests.planning.factories import MilestoneFactory
from tests.voting.factories import AMSTERDAM, BallotFactory, RoundDeadlineFactory, RoundFactory, make_frozen_long_list
from voting.models import Ballot, Round, RoundDeadline

pytestmark = pytest.mark.django_db

LIST = reverse("round-list")


def url(name, process):
    return reverse(f"round-{name}", kwargs={"process": process.slug})


def post(client, path, data=None):
    return client.post(path, data or {}, content_type="application/json")


@pytest.fixture
def frozen(process):
    return make_frozen_long_list(process)


def test_staff_create_a_round_with_deadlines_from_the_dvo_meetings(client, process, frozen, staff, districts):
    body = Body.objects.get(district=districts["GLM"])
    MilestoneFactory(process=process, body=body, starts_on=datetime.date(2018, 4, 4), ends_on=datetime.date(2018, 4, 4))
    client.force_login(staff)
    response = post(client, LIST, {"process": process.slug})
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["process"] == process.slug
    assert data["status"] == "draft"
    assert [row["district"] for row in data["deadlines"]] == ["GLM"]
    assert data["deadlines"][0]["deadline"].startswith("2018-04-04T23:59")
    assert data["html_url"] == "http://testserver" + reverse("voting:round_detail", kwargs={"slug": process.slug})
    # A second round of the same process is refused with its code.
    again = post(client, LIST, {"process": process.slug})
    assert again.status_code == 400
    assert codes_of(again) == ["round_exists"]
    assert Round.objects.filter(process=process).count() == 1


def test_a_round_waits_for_the_frozen_long_list(client, process, staff):
    client.force_login(staff)
    response = post(client, LIST, {"process": process.slug})
    assert response.status_code == 400
    assert codes_of(response) == ["longlist_not_frozen"]
    assert "lange lijst" in errors_of(response)[0]["message"]
    assert not Round.objects.exists()


def test_open_needs_every_deadline_then_opens(client, process, frozen, staff):
    round = RoundFactory(process=process, status=Round.Status.DRAFT, opened_at=None)
    client.force_login(staff)
    refused = post(client, url("open", process))
    assert refused.status_code == 400
    assert codes_of(refused) == ["round_deadline_missing"]
    assert "GLM" in errors_of(refused)[0]["message"]
    for district in District.objects.all():
        response = post(
            client,
            url("deadline", process),
            {"district": district.code.lower(), "deadline": "2100-04-04T23:59:00+02:00"},
        )
        assert response.status_code == 200, response.content
        assert response.json()["district"] == district.code
    assert RoundDeadline.objects.filter(round=round).count() == District.objects.count()
    opened = post(client, url("open", process))
    assert opened.status_code == 200, opened.content
    assert opened.json()["status"] == "open"
    again = post(client, url("open", process))
    assert codes_of(again) == ["round_already_open"]


def test_a_deadline_of_a_closed_round_is_refused(client, process, frozen, staff):
    RoundFactory(process=process, status=Round.Status.CLOSED)
    client.force_login(staff)
    response = post(client, url("deadline", process), {"district": "GLM", "deadline": "2100-04-04T23:59:00+02:00"})
    assert response.status_code == 400
    assert codes_of(response) == ["round_closed"]
    assert not RoundDeadline.objects.exists()


def test_a_deadline_with_another_dvos_meeting_is_refused(client, process, frozen, staff, districts):
    RoundFactory(process=process)
    body = Body.objects.get(district=districts["TWN"])
    meeting = MilestoneFactory(process=process, body=body)
    client.force_login(staff)
    response = post(
        client,
        url("deadline", process),
        {"district": "GLM", "deadline": "2100-04-04T23:59:00+02:00", "meeting": meeting.pk},
    )
    assert response.status_code == 400
    assert errors_of(response) == [
        {
            "code": "deadline_meeting_invalid",
            "message": "Kies een vergadering van DVO GLM in dit proces.",
            "field": "meeting",
        }
    ]


def test_close_release_and_their_refusals(client, process, frozen, staff, districts):
    round = RoundFactory(process=process)
    BallotFactory(round=round, district=districts["GLM"])
    client.force_login(staff)
    early = post(client, url("release", process))
    assert codes_of(early) == ["round_result_incomplete"]
    assert "1 van 5" in errors_of(early)[0]["message"]
    for code in ("GLZ", "TWN", "IJSS", "NOG"):
        BallotFactory(round=round, district=districts[code])
    released = post(client, url("release", process))
    assert released.status_code == 200
    assert released.json()["results_visible_to_all"] is True
    assert codes_of(post(client, url("release", process))) == ["round_result_already_released"]
    closed = post(client, url("close", process))
    assert closed.json()["status"] == "closed"
    assert closed.json()["chosen"] == sorted(districts)
    assert codes_of(post(client, url("close", process))) == ["round_not_open"]


def test_reset_needs_a_reason_and_clears_the_ballots(client, process, frozen, staff, districts):
    round = RoundFactory(process=process, status=Round.Status.CLOSED)
    RoundDeadlineFactory(round=round, district=districts["GLM"])
    BallotFactory(round=round, district=districts["GLM"])
    client.force_login(staff)
    refused = post(client, url("reset", process), {"reason": "  "})
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["field"] == "reason"
    assert Ballot.objects.count() == 1
    response = post(
        client, url("reset", process), {"reason": "Nieuwe poging na fout in de lijst", "new_deadline": "2100-06-20"}
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "open"
    assert response.json()["chosen"] == []
    assert not Ballot.objects.exists()
    deadline = RoundDeadline.objects.get(round=round, district=districts["GLM"])
    assert deadline.deadline == datetime.datetime(2100, 6, 20, 23, 59, tzinfo=AMSTERDAM)
    assert round.history.first().history_change_reason == "Nieuwe poging na fout in de lijst"


def test_a_reset_to_a_past_day_is_refused(client, process, frozen, staff):
    RoundFactory(process=process)
    client.force_login(staff)
    response = post(client, url("reset", process), {"reason": "Opnieuw", "new_deadline": "2001-01-01"})
    assert errors_of(response) == [
        {
            "code": "round_deadline_in_past",
            "message": "De nieuwe termijn ligt in het verleden.",
            "field": "new_deadline",
        }
    ]


@pytest.mark.parametrize("role", ["secretary", "bbg_member"])
def test_only_staff_run_the_round(client, process, frozen, users, role):
    RoundFactory(process=process, status=Round.Status.DRAFT, opened_at=None)
    client.force_login(users[role])
    assert client.get(LIST).status_code == 403
    assert client.get(url("detail", process)).status_code == 403
    response = post(client, url("open", process))
    assert response.status_code == 403
    assert codes_of(response) == ["permission_denied"]
    assert Round.objects.get().status == Round.Status.DRAFT


@pytest.mark.parametrize("role", ["secretary", "bbg_member", "staff"])
def test_every_role_sees_the_progress_and_nothing_more(client, process, frozen, users, districts, role):
    round = RoundFactory(process=process)
    BallotFactory(round=round, district=districts["TWN"])
    client.force_login(users[role])
    response = client.get(url("progress", process))
    assert response.status_code == 200
    assert response.json() == {"chosen": 1, "total": 5, "complete": False}


def test_the_list_filters_by_process_in_fixed_queries(
    client, process, frozen, staff, districts, django_assert_max_num_queries
):
    RoundFactory(process=process)
    for _ in range(3):
        other = RoundFactory()
        for district in districts.values():
            RoundDeadlineFactory(round=other, district=district)
    client.force_login(staff)
    with django_assert_max_num_queries(12):
        data = client.get(LIST).json()
    assert len(data["results"]) == 4
    filtered = client.get(LIST, {"process": process.slug}).json()["results"]
    assert [row["process"] for row in filtered] == [process.slug]
