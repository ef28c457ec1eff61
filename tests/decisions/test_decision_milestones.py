"""The BBG's confirmed top five completes the planning's top-five milestones (completed_by 'top_five') and its
meeting; a round started afresh, which deletes the decision, plans the top-five milestones again."""

import datetime

from decisions.services import ChosenPriority, decision_confirm, decision_record
from planning.models import Milestone
from tests.planning.factories import MilestoneFactory
from tests.voting.result_factories import bbg_meeting
from voting import services as voting_services

DAY = datetime.date(2018, 7, 5)


def five(priorities):
    return [ChosenPriority(priority_id=p.pk, ambition=f"Ambitie {p.title}") for p in priorities]


def test_confirming_completes_the_top_five_milestone_and_the_meeting(closed_round, long_list, staff, process):
    june = MilestoneFactory(process=process, title="BBG 7 juni: top vijf", completed_by=Milestone.CompletedBy.TOP_FIVE)
    july = bbg_meeting(process, starts_on=DAY)
    decision = decision_record(round=closed_round, user=staff, decided_on=DAY, meeting=july, chosen=five(long_list[:5]))
    assert Milestone.objects.get(pk=june.pk).status == Milestone.Status.PLANNED

    decision_confirm(decision=decision, user=staff)
    june.refresh_from_db()
    july.refresh_from_db()
    assert (june.status, july.status) == (Milestone.Status.DONE, Milestone.Status.DONE)
    record = june.history.order_by("-history_id").first()
    assert (record.history_user, record.history_change_reason) == (staff, "Top vijf van de BBG bevestigd")


def test_resetting_the_round_plans_the_top_five_milestone_again(closed_round, long_list, staff, process):
    june = MilestoneFactory(process=process, title="BBG top vijf", completed_by=Milestone.CompletedBy.TOP_FIVE)
    decision = decision_record(round=closed_round, user=staff, decided_on=DAY, chosen=five(long_list[:5]))
    decision_confirm(decision=decision, user=staff)
    voting_services.round_reset(round=closed_round, user=staff, reason="Nieuwe poging")
    june.refresh_from_db()
    assert june.status == Milestone.Status.PLANNED
    assert june.history.order_by("-history_id").first().history_change_reason == "Nieuwe poging"
