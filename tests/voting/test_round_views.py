"""The staff's round page and its actions, and the progress page that every role may see."""

import datetime

import pytest
from django.urls import reverse
from django.utils.html import escape

from planning.models import Body
from tests.planning.factories import MilestoneFactory
from tests.voting.factories import BallotFactory
from voting.models import Ballot, Round, RoundDeadline


def url(name, process, **kwargs):
    return reverse(name, kwargs={"slug": process.slug, **kwargs})


@pytest.mark.parametrize("role", ["secretary", "bbg_member", "outsider"])
def test_only_staff_see_the_round_page(client, process, voting_round, users, role):
    client.force_login(users[role])
    assert client.get(url("voting:round_detail", process)).status_code == 403
    assert client.post(url("voting:round_close", process)).status_code == 403
    assert Round.objects.get().is_open


def test_staff_see_per_dvo_deadline_meeting_and_who_chose(client, process, voting_round, districts, staff, secretary):
    meeting = MilestoneFactory(
        process=process,
        title="DVO GLM",
        starts_on=datetime.date(2018, 4, 4),
        body=Body.objects.get(district__code="GLM"),
    )
    RoundDeadline.objects.filter(district=districts["GLM"]).update(meeting=meeting)
    BallotFactory(round=voting_round, district=districts["GLM"], submitted_by=secretary)
    BallotFactory(round=voting_round, district=districts["TWN"], submitted_by=staff, entered_by_staff=True,
                  staff_reason="Per e-mail")  # fmt: skip
    client.force_login(staff)
    content = client.get(url("voting:round_detail", process)).content.decode()
    assert "2 van 5 DVO's hebben gekozen" in content
    assert "4 april 2018" in content
    assert escape(str(secretary)) in content
    assert "namens de DVO door staf" in content
    assert "4 april 2100 23:59" in content


def test_staff_create_open_close_and_release(client, process, long_list, districts, staff):
    client.force_login(staff)
    content = client.get(url("voting:round_detail", process)).content.decode()
    assert "Keuzeronde aanmaken" in content
    client.post(url("voting:round_create", process))
    round = Round.objects.get()
    response = client.post(url("voting:round_open", process), follow=True)
    assert "Stel eerst een termijn in voor" in response.content.decode()
    for district in districts.values():
        response = client.post(
            url("voting:deadline_update", process, district=district.code), {"day": "20 juni 2100", "time": "23:59"}
        )
        assert response.status_code == 302
    client.post(url("voting:round_open", process))
    round.refresh_from_db()
    assert round.is_open
    response = client.post(url("voting:round_release", process), follow=True)
    assert "Pas als alle DVO&#x27;s hebben gekozen, kan" in response.content.decode()
    client.post(url("voting:round_close", process))
    round.refresh_from_db()
    assert round.is_closed


def test_staff_reset_the_round_with_a_reason(client, process, voting_round, districts, staff):
    BallotFactory(round=voting_round, district=districts["GLM"])
    client.force_login(staff)
    response = client.post(url("voting:round_reset", process), {"reason": ""})
    assert response.status_code == 200
    assert Ballot.objects.count() == 1
    response = client.post(url("voting:round_reset", process), {"reason": "Nieuwe poging", "new_deadline": ""})
    assert response.status_code == 302
    assert not Ballot.objects.exists()


@pytest.mark.parametrize("role", ["secretary", "bbg_member", "staff"])
def test_progress_shows_counts_of_dvos_only(client, process, voting_round, districts, long_list, users, role):
    BallotFactory(round=voting_round, district=districts["GLM"], priorities=long_list[:7])
    BallotFactory(round=voting_round, district=districts["GLZ"], priorities=long_list[:7])
    BallotFactory(round=voting_round, district=districts["TWN"], priorities=long_list[3:10])
    client.force_login(users[role])
    content = client.get(url("voting:progress", process)).content.decode()
    assert "3 van 5 DVO's hebben gekozen" in content
    for priority in long_list:
        assert priority.title not in content  # no priority, so no per-priority number either
    assert "GLZ" not in content
    assert "TWN" not in content


def test_progress_partial_for_htmx(client, process, voting_round, bbg_member):
    client.force_login(bbg_member)
    response = client.get(url("voting:progress", process), headers={"HX-Request": "true"})
    content = response.content.decode()
    assert "0 van 5 DVO's hebben gekozen" in content
    assert "<html" not in content


def test_secretary_sees_own_status_on_the_progress_page(client, process, voting_round, secretary):
    client.force_login(secretary)
    content = client.get(url("voting:progress", process)).content.decode()
    assert "Uw DVO heeft nog niet gekozen." in content
    assert url("voting:ballot", process, district="GLM") in content


@pytest.mark.parametrize(
    ("role", "target"),
    [("secretary", "/keuze/GLM/"), ("staff", "/keuzeronde/"), ("bbg_member", "/keuzeronde/voortgang/")],
)
def test_ballot_start_sends_each_role_to_its_page(client, process, voting_round, users, role, target):
    client.force_login(users[role])
    response = client.get(url("voting:ballot_start", process))
    assert response.status_code == 302
    assert response["Location"].endswith(target)
