"""The BBG's approval of the long list completes the planning's long-list milestones (completed_by
'longlist_approved') and the meeting it was approved at, as of the day of approval; reopening the list plans them
again."""

import datetime
import zoneinfo

from planning.models import Milestone
from priorities import services
from tests.planning.factories import MilestoneFactory

APPROVED = datetime.date(2018, 3, 29)
AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")


def test_approving_completes_the_long_list_milestones_as_of_the_day(process, staff):
    services.priority_create(process=process, title="Ondermijning")
    consent = MilestoneFactory(
        process=process, title="BBG stemt in", completed_by=Milestone.CompletedBy.LONGLIST_APPROVED
    )
    meeting = MilestoneFactory(process=process, title="Extra BBG", status=Milestone.Status.TENTATIVE)
    services.longlist_approve(process=process, approved_on=APPROVED, meeting=meeting, user=staff)
    consent.refresh_from_db()
    meeting.refresh_from_db()
    assert (consent.status, meeting.status) == (Milestone.Status.DONE, Milestone.Status.DONE)
    record = consent.history.order_by("-history_id").first()
    assert (record.history_user, record.history_date) == (staff, datetime.datetime(2018, 3, 29, 12, tzinfo=AMS))
    assert record.history_change_reason == "Lange lijst vastgesteld op 29 maart 2018"


def test_reopening_the_list_plans_its_milestone_again(process, staff):
    services.priority_create(process=process, title="Ondermijning")
    consent = MilestoneFactory(
        process=process, title="BBG stemt in", completed_by=Milestone.CompletedBy.LONGLIST_APPROVED
    )
    services.longlist_approve(process=process, approved_on=APPROVED, user=staff)
    services.longlist_reopen(process=process, user=staff, reason="Titel aangescherpt")
    consent.refresh_from_db()
    assert consent.status == Milestone.Status.PLANNED
    assert consent.history.order_by("-history_id").first().history_change_reason == "Titel aangescherpt"
