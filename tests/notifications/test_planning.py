"""reminders_plan with a frozen clock: each kind of reminder at each offset (14, 7, 1 days before, overdue), to
the right people, once."""

import datetime

import pytest

from notifications.models import OVERDUE, Reminder
from notifications.selectors import offset_for
from notifications.services import reminders_plan
from planning.models import Milestone
from scan.models import MunicipalPlan
from tests.accounts.factories import UserFactory
from tests.voting.factories import BallotFactory, make_frozen_long_list

from .conftest import DUE, at
from .factories import ReminderSettingsFactory

pytestmark = pytest.mark.django_db

OFFSETS = [(14, 14), (7, 7), (1, 1), (-1, OVERDUE)]


def planned(kind=None):
    rows = Reminder.objects.order_by("recipient__username", "offset")
    if kind:
        rows = rows.filter(kind=kind)
    return [(row.recipient.username, row.offset) for row in rows]


@pytest.mark.parametrize(("days_before", "offset"), OFFSETS)
def test_milestone_reminds_its_responsible_person_at_each_offset(clock, milestone, days_before, offset):
    clock(DUE - datetime.timedelta(days=days_before))
    ids = reminders_plan()
    assert planned(Reminder.Kind.MILESTONE) == [("verantwoordelijke", offset)]
    reminder = Reminder.objects.get()
    assert ids == [reminder.pk]
    assert reminder.subject == milestone
    assert reminder.due_on == DUE
    assert reminder.status == Reminder.Status.PENDING


@pytest.mark.parametrize(("days_before", "offset"), OFFSETS[:3])
def test_meeting_reminds_the_members_of_its_body_who_log_in(clock, meeting, days_before, offset):
    clock(DUE - datetime.timedelta(days=days_before))
    reminders_plan()
    assert planned() == [("lid-een", offset), ("lid-twee", offset), ("verantwoordelijke", offset)]


def test_only_the_responsible_person_hears_that_a_meeting_is_overdue(clock, meeting):
    clock(DUE + datetime.timedelta(days=1))
    reminders_plan()
    assert planned() == [("verantwoordelijke", OVERDUE)]


def test_a_member_whose_seat_ended_before_the_meeting_is_not_reminded(clock, meeting):
    meeting.body.memberships.filter(person__user__username="lid-twee").update(ends_on=DUE - datetime.timedelta(days=1))
    clock(DUE - datetime.timedelta(days=7))
    reminders_plan()
    assert planned() == [("lid-een", 7), ("verantwoordelijke", 7)]


def test_a_second_run_on_the_same_day_plans_nothing_new(clock, meeting):
    clock(DUE - datetime.timedelta(days=7))
    first = reminders_plan()
    assert Reminder.objects.count() == 3
    clock(at(DUE - datetime.timedelta(days=7), 18, 15))
    reminders_plan()
    assert Reminder.objects.count() == 3
    assert len(first) == 3


def test_between_offsets_the_last_one_reached_is_planned_once(clock, milestone):
    for days_before in (13, 12, 10, 8):
        clock(DUE - datetime.timedelta(days=days_before))
        reminders_plan()
    assert planned() == [("verantwoordelijke", 14)]


def test_a_late_run_sends_only_the_reminder_that_fits_now(clock, milestone):
    clock(DUE - datetime.timedelta(days=3))
    reminders_plan()
    assert planned() == [("verantwoordelijke", 7)]


def test_the_offsets_of_the_process_are_used(clock, process, milestone):
    ReminderSettingsFactory(process=process, offsets=[21, 3])
    clock(DUE - datetime.timedelta(days=20))
    reminders_plan()
    clock(DUE - datetime.timedelta(days=14))
    reminders_plan()
    clock(DUE - datetime.timedelta(days=3))
    reminders_plan()
    assert planned() == [("verantwoordelijke", 3), ("verantwoordelijke", 21)]


@pytest.mark.parametrize("status", [Milestone.Status.DONE, Milestone.Status.CANCELLED])
def test_a_milestone_that_is_done_or_cancelled_is_not_reminded(clock, milestone, status):
    Milestone.objects.filter(pk=milestone.pk).update(status=status)
    clock(DUE - datetime.timedelta(days=1))
    assert reminders_plan() == []


def test_a_milestone_in_a_period_is_not_reminded(clock, milestone):
    Milestone.objects.filter(pk=milestone.pk).update(
        precision="month", starts_on=DUE.replace(day=1), ends_on=DUE.replace(day=30)
    )
    clock(DUE.replace(day=29))
    assert reminders_plan() == []


def test_an_old_overdue_milestone_is_history_not_a_reminder(clock, milestone):
    clock(DUE + datetime.timedelta(days=30))
    assert reminders_plan() == []


def test_an_inactive_responsible_user_is_not_reminded(clock, milestone, responsible):
    responsible.is_active = False
    responsible.save(update_fields=["is_active"])
    clock(DUE - datetime.timedelta(days=7))
    assert reminders_plan() == []


@pytest.mark.parametrize(("days_before", "offset"), OFFSETS[:3])
def test_dvo_secretaries_are_reminded_before_their_deadline(
    clock, deadline, secretary, other_secretary, days_before, offset
):
    second = UserFactory(username="secretaris-glm-2", role="dvo_secretary", district=secretary.district)
    clock(DUE - datetime.timedelta(days=days_before))
    reminders_plan()
    assert planned(Reminder.Kind.BALLOT) == [(secretary.username, offset), (second.username, offset)]
    assert Reminder.objects.filter(kind=Reminder.Kind.BALLOT).first().subject == deadline


def test_on_the_day_of_the_deadline_the_secretary_is_still_reminded_if_not_yet(clock, deadline, secretary):
    clock(DUE)
    reminders_plan()
    assert planned() == [(secretary.username, 1)]


def test_no_ballot_reminder_after_the_deadline(clock, deadline):
    clock(DUE + datetime.timedelta(days=1))
    assert reminders_plan() == []


def test_no_ballot_reminder_once_the_dvo_has_chosen(clock, process, deadline, secretary):
    make_frozen_long_list(process)
    BallotFactory(round=deadline.round, district=deadline.district, submitted_by=secretary)
    clock(DUE - datetime.timedelta(days=1))
    assert reminders_plan() == []


def test_no_ballot_reminder_while_the_round_is_not_open(clock, deadline):
    deadline.round.status = "closed"
    deadline.round.save(update_fields=["status"])
    clock(DUE - datetime.timedelta(days=1))
    assert reminders_plan() == []


@pytest.mark.parametrize(("days_before", "offset"), OFFSETS)
def test_action_reminds_its_owner_at_each_offset(clock, action, days_before, offset):
    clock(DUE - datetime.timedelta(days=days_before))
    reminders_plan()
    assert planned(Reminder.Kind.ACTION) == [("actiehouder", offset)]


def test_a_done_action_is_not_reminded(clock, action):
    action.done_on = DUE - datetime.timedelta(days=10)
    action.save(update_fields=["done_on"])
    clock(DUE - datetime.timedelta(days=7))
    assert reminders_plan() == []


def test_an_action_without_an_owner_with_a_login_is_not_reminded(clock, action):
    action.owner.user = None
    action.owner.save(update_fields=["user"])
    clock(DUE - datetime.timedelta(days=7))
    assert reminders_plan() == []


def test_an_unanswered_ambtelijke_toets_reminds_programme_staff_after_fourteen_days(clock, plan, staff, bbg_member):
    clock(DUE)  # sent exactly 14 days ago: not yet outstanding
    assert reminders_plan() == []
    clock(DUE + datetime.timedelta(days=1))
    reminders_plan()
    assert planned(Reminder.Kind.PLAN_CHECK) == [(staff.username, OVERDUE)]
    clock(DUE + datetime.timedelta(days=2))
    reminders_plan()
    assert Reminder.objects.count() == 1


def test_an_answered_ambtelijke_toets_is_not_reminded(clock, plan, staff):
    plan.check_status = MunicipalPlan.CheckStatus.ANSWERED
    plan.save(update_fields=["check_status"])
    clock(DUE + datetime.timedelta(days=1))
    assert reminders_plan() == []


@pytest.mark.parametrize(
    ("days_left", "expected"),
    [(20, None), (14, 14), (10, 14), (7, 7), (2, 7), (1, 1), (0, 1), (-1, OVERDUE), (-7, OVERDUE), (-8, None)],
)
def test_offset_for(days_left, expected):
    assert offset_for(days_left, [14, 7, 1]) == expected
