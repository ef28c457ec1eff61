"""The planning's one place for statuses that follow the facts: milestone_complete, milestone_cancel,
milestones_complete and milestones_reopen, each with who and when in the milestone's history."""

import datetime
import zoneinfo

from planning.models import Body, Milestone
from planning.services import (
    milestone_cancel,
    milestone_complete,
    milestones_complete,
    milestones_reopen,
    process_copy,
)
from tests.planning.factories import MilestoneFactory

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")
WHEN = datetime.datetime(2018, 6, 20, 16, 30, tzinfo=AMS)
BY = Milestone.CompletedBy


def dvo_meeting(process, code, **kwargs):
    return MilestoneFactory(
        process=process,
        title=f"DVO {code} kiest",
        body=Body.objects.get(district__code=code),
        completed_by=BY.DVO_CHOICE,
        **kwargs,
    )


def test_complete_records_who_when_and_why(process, staff):
    milestone = MilestoneFactory(process=process, status=Milestone.Status.TENTATIVE)
    milestone_complete(milestone=milestone, by=staff, when=WHEN, reason="Keuze ingediend")
    milestone.refresh_from_db()
    record = milestone.history.order_by("-history_id").first()
    assert milestone.status == Milestone.Status.DONE
    assert (record.history_user, record.history_date, record.history_change_reason) == (
        staff,
        WHEN,
        "Keuze ingediend",
    )


def test_a_day_counts_as_noon_of_that_day_in_the_netherlands(process, staff):
    milestone = MilestoneFactory(process=process)
    milestone_complete(milestone=milestone, by=staff, when=datetime.date(2018, 3, 29))
    record = milestone.history.order_by("-history_id").first()
    assert record.history_date == datetime.datetime(2018, 3, 29, 12, 0, tzinfo=AMS)


def test_completing_twice_writes_no_second_record(process, staff):
    milestone = MilestoneFactory(process=process)
    milestone_complete(milestone=milestone, by=staff, when=WHEN)
    milestone_complete(milestone=milestone, by=staff)
    assert milestone.history.filter(status=Milestone.Status.DONE).count() == 1


def test_a_cancelled_milestone_is_not_made_done(process, staff):
    milestone = MilestoneFactory(process=process, status=Milestone.Status.CANCELLED)
    milestone_complete(milestone=milestone, by=staff)
    milestone.refresh_from_db()
    assert milestone.status == Milestone.Status.CANCELLED


def test_cancel_keeps_the_reason(process, staff):
    milestone = MilestoneFactory(process=process, status=Milestone.Status.TENTATIVE)
    milestone_cancel(milestone=milestone, by=staff, reason="Ging niet door")
    milestone.refresh_from_db()
    assert milestone.status == Milestone.Status.CANCELLED
    assert milestone.history.order_by("-history_id").first().history_change_reason == "Ging niet door"


def test_a_fact_completes_only_the_milestones_it_names(process, staff, districts):
    glm = dvo_meeting(process, "GLM")
    twn = dvo_meeting(process, "TWN")
    by_hand = MilestoneFactory(process=process, body=Body.objects.get(district__code="GLM"))
    changed = milestones_complete(process=process, fact=BY.DVO_CHOICE, by=staff, when=WHEN, district=districts["GLM"])
    assert changed == [glm]
    statuses = dict(Milestone.objects.values_list("pk", "status"))
    assert statuses == {glm.pk: "done", twn.pk: "planned", by_hand.pk: "planned"}


def test_reopen_plans_again_only_what_the_fact_completed(process, staff):
    top_five = MilestoneFactory(process=process, completed_by=BY.TOP_FIVE)
    by_hand = MilestoneFactory(process=process, status=Milestone.Status.DONE)
    milestones_complete(process=process, fact=BY.TOP_FIVE, by=staff, when=WHEN)
    reopened = milestones_reopen(process=process, fact=BY.TOP_FIVE, by=staff, reason="Ronde opnieuw")
    assert reopened == [top_five]
    top_five.refresh_from_db()
    by_hand.refresh_from_db()
    assert (top_five.status, by_hand.status) == (Milestone.Status.PLANNED, Milestone.Status.DONE)
    assert top_five.history.order_by("-history_id").first().history_change_reason == "Ronde opnieuw"


def test_a_copy_keeps_the_fact_that_completes_each_milestone(process, staff):
    MilestoneFactory(process=process, title="BBG top vijf", completed_by=BY.TOP_FIVE, status=Milestone.Status.DONE)
    copy = process_copy(source=process, title="VS 2023-2026", short_name="VS 2023-2026", slug="vs-2023", shift_years=4)
    milestone = copy.milestones.get()
    assert (milestone.completed_by, milestone.status) == (BY.TOP_FIVE, Milestone.Status.PLANNED)
