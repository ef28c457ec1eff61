"""A DVO's choice completes its meeting in the planning (completed_by 'dvo_choice'); a round started afresh plans
it again. Through voting.services, with who and when in the milestone's history."""

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError

from planning.models import Body, Milestone
from tests.planning.factories import MilestoneFactory
from voting import services

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")
SUBMITTED = datetime.datetime(2018, 4, 4, 16, 30, tzinfo=AMS)


def meeting(process, code):
    return MilestoneFactory(
        process=process,
        title=f"DVO {code} kiest 7 van de 10 prioriteiten",
        body=Body.objects.get(district__code=code),
        completed_by=Milestone.CompletedBy.DVO_CHOICE,
    )


def latest(milestone):
    return milestone.history.order_by("-history_id").first()


def test_secretary_submitting_completes_their_own_dvos_meeting_only(
    process, voting_round, seven_ids, secretary, districts
):
    glm, twn = meeting(process, "GLM"), meeting(process, "TWN")
    services.ballot_submit(
        round=voting_round, district=districts["GLM"], user=secretary, priority_ids=seven_ids, now=SUBMITTED
    )
    glm.refresh_from_db()
    twn.refresh_from_db()
    assert (glm.status, twn.status) == (Milestone.Status.DONE, Milestone.Status.PLANNED)
    record = latest(glm)
    assert (record.history_user, record.history_date) == (secretary, SUBMITTED)
    assert record.history_change_reason == "Keuze van DVO GLM ingediend"


def test_replacing_the_choice_keeps_the_meeting_done_without_a_new_record(
    process, voting_round, seven_ids, long_list, secretary, districts
):
    glm = meeting(process, "GLM")
    services.ballot_submit(round=voting_round, district=districts["GLM"], user=secretary, priority_ids=seven_ids)
    other_seven = [priority.pk for priority in long_list[3:10]]
    services.ballot_submit(round=voting_round, district=districts["GLM"], user=secretary, priority_ids=other_seven)
    assert glm.history.filter(status=Milestone.Status.DONE).count() == 1


def test_a_refused_choice_leaves_the_meeting_planned(process, voting_round, seven_ids, secretary, districts):
    glm = meeting(process, "GLM")
    with pytest.raises(ValidationError):
        services.ballot_submit(
            round=voting_round, district=districts["GLM"], user=secretary, priority_ids=seven_ids[:6]
        )
    glm.refresh_from_db()
    assert glm.status == Milestone.Status.PLANNED


def test_staff_resetting_the_round_plans_the_meetings_again(
    process, voting_round, seven_ids, secretary, staff, districts
):
    glm = meeting(process, "GLM")
    services.ballot_submit(round=voting_round, district=districts["GLM"], user=secretary, priority_ids=seven_ids)
    services.round_close(round=voting_round, user=staff)
    services.round_reset(round=voting_round, user=staff, reason="Demo: nieuwe poging")
    glm.refresh_from_db()
    assert glm.status == Milestone.Status.PLANNED
    record = latest(glm)
    assert (record.history_user, record.history_change_reason) == (staff, "Demo: nieuwe poging")
