"""The conflict rules of the planning: order, absence, overdue; and their fixed number of queries."""

import datetime

import pytest

from core.dates import Precision
from planning.conflicts import ConflictKind, conflicts_by_milestone, process_conflicts
from planning.models import Body, Milestone
from tests.planning.factories import (
    AbsenceFactory,
    ActionFactory,
    BodyFactory,
    MembershipFactory,
    MilestoneFactory,
    PersonFactory,
    StrategyProcessFactory,
)

pytestmark = pytest.mark.django_db

BEFORE_ALL = datetime.date(2018, 1, 1)  # a "today" before anything is due


def kinds(conflicts):
    return [conflict.kind for conflict in conflicts]


def dvo_and_bbg(process, *, bbg_day=datetime.date(2018, 6, 7), dvo_day=datetime.date(2018, 6, 20)):
    dvo = MilestoneFactory(process=process, title="DVO IJSS kiest 7 van 10", starts_on=dvo_day)
    bbg = MilestoneFactory(process=process, title="BBG bepaalt top vijf", starts_on=bbg_day)
    bbg.depends_on.add(dvo)
    return dvo, bbg


# --- dependency --------------------------------------------------------------------------------------------


def test_a_milestone_before_one_it_depends_on_is_a_conflict():
    process = StrategyProcessFactory()
    dvo, bbg = dvo_and_bbg(process)

    conflicts = process_conflicts(process, today=BEFORE_ALL)

    assert kinds(conflicts) == [ConflictKind.DEPENDENCY]
    conflict = conflicts[0]
    assert conflict.milestone == bbg
    assert conflict.other == dvo
    assert conflict.message == (
        "BBG bepaalt top vijf (7 juni 2018) hangt af van DVO IJSS kiest 7 van 10, maar die is pas op 20 juni 2018."
    )
    assert conflict.is_schedule_problem


def test_the_same_day_or_later_is_no_dependency_conflict():
    process = StrategyProcessFactory()
    dvo_and_bbg(process, bbg_day=datetime.date(2018, 6, 20))
    dvo_and_bbg(process, bbg_day=datetime.date(2018, 7, 5))

    assert process_conflicts(process, today=BEFORE_ALL) == []


def test_a_period_dependency_counts_until_its_last_day():
    process = StrategyProcessFactory()
    choices = MilestoneFactory(
        process=process,
        title="Keuze DVO's",
        starts_on=datetime.date(2018, 4, 1),
        ends_on=datetime.date(2018, 6, 30),
        precision=Precision.MONTHS,
    )
    bbg = MilestoneFactory(process=process, title="BBG", starts_on=datetime.date(2018, 6, 7))
    bbg.depends_on.add(choices)

    conflicts = process_conflicts(process, today=BEFORE_ALL)

    assert kinds(conflicts) == [ConflictKind.DEPENDENCY]
    assert "april - juni 2018" in conflicts[0].message


def test_a_period_may_overlap_the_end_of_what_it_depends_on_but_not_end_before_it():
    process = StrategyProcessFactory()
    scan = MilestoneFactory(
        process=process,
        title="Scan",
        starts_on=datetime.date(2018, 1, 1),
        ends_on=datetime.date(2018, 3, 31),
        precision=Precision.MONTHS,
    )
    long_list = MilestoneFactory(
        process=process,
        title="Lange lijst",
        starts_on=datetime.date(2018, 3, 1),
        ends_on=datetime.date(2018, 3, 31),
        precision=Precision.MONTH,
    )
    long_list.depends_on.add(scan)
    assert process_conflicts(process, today=BEFORE_ALL) == []

    early = MilestoneFactory(
        process=process,
        title="Te vroeg",
        starts_on=datetime.date(2018, 2, 1),
        ends_on=datetime.date(2018, 2, 28),
        precision=Precision.MONTH,
    )
    early.depends_on.add(scan)
    conflicts = process_conflicts(process, today=BEFORE_ALL)
    assert [(c.kind, c.milestone) for c in conflicts] == [(ConflictKind.DEPENDENCY, early)]


@pytest.mark.parametrize("status", [Milestone.Status.DONE, Milestone.Status.CANCELLED])
def test_a_done_or_cancelled_milestone_raises_nothing(status):
    process = StrategyProcessFactory()
    _dvo, bbg = dvo_and_bbg(process)
    bbg.status = status
    bbg.save()

    assert process_conflicts(process, today=BEFORE_ALL) == []


def test_a_cancelled_dependency_raises_nothing():
    process = StrategyProcessFactory()
    dvo, _bbg = dvo_and_bbg(process)
    dvo.status = Milestone.Status.CANCELLED
    dvo.save()

    assert process_conflicts(process, today=BEFORE_ALL) == []


# --- absence -----------------------------------------------------------------------------------------------


@pytest.fixture
def bbg_body():
    # The reference data already holds the BBG; its members are the test's own.
    body, _ = Body.objects.get_or_create(short_name="BBG", defaults={"name": "BBG", "kind": Body.Kind.STEERING_GROUP})
    body.memberships.all().delete()
    return body


def bbg_meeting(process, body, *, kind=Milestone.Kind.MEETING, **kwargs):
    return MilestoneFactory(
        process=process, title="BBG top vijf", body=body, kind=kind, starts_on=datetime.date(2018, 6, 7), **kwargs
    )


def test_a_member_absent_at_a_meeting_is_a_conflict(bbg_body):
    process = StrategyProcessFactory()
    mayor = PersonFactory(name="Van Veldhuizen")
    MembershipFactory(person=mayor, body=bbg_body)
    AbsenceFactory(person=mayor, starts_on=datetime.date(2018, 6, 4), ends_on=datetime.date(2018, 6, 8))
    meeting = bbg_meeting(process, bbg_body)

    conflicts = process_conflicts(process, today=BEFORE_ALL)

    assert kinds(conflicts) == [ConflictKind.ABSENCE]
    assert conflicts[0].milestone == meeting
    # The reason is kept apart: the message is read by every role, the reason only by programme staff.
    assert conflicts[0].message == "Van Veldhuizen (BBG) is afwezig op 7 juni 2018."
    assert conflicts[0].absence_reason == "vakantie"
    assert conflicts_by_milestone(conflicts) == {meeting.pk: conflicts}


def test_a_decision_counts_too_but_information_does_not(bbg_body):
    process = StrategyProcessFactory()
    mayor = PersonFactory()
    MembershipFactory(person=mayor, body=bbg_body)
    AbsenceFactory(person=mayor)
    bbg_meeting(process, bbg_body, kind=Milestone.Kind.DECISION)
    bbg_meeting(process, bbg_body, kind=Milestone.Kind.INFORMATION)

    assert kinds(process_conflicts(process, today=BEFORE_ALL)) == [ConflictKind.ABSENCE]


@pytest.mark.parametrize(
    ("starts_on", "ends_on", "expected"),
    [
        (None, None, 1),
        (datetime.date(2018, 1, 1), None, 1),
        (None, datetime.date(2018, 6, 7), 1),
        (None, datetime.date(2018, 6, 6), 0),  # left the BBG before the meeting
        (datetime.date(2018, 6, 8), None, 0),  # joined after it
    ],
)
def test_only_a_membership_covering_the_day_counts(bbg_body, starts_on, ends_on, expected):
    process = StrategyProcessFactory()
    mayor = PersonFactory()
    MembershipFactory(person=mayor, body=bbg_body, starts_on=starts_on, ends_on=ends_on)
    AbsenceFactory(person=mayor)
    bbg_meeting(process, bbg_body)

    assert len(process_conflicts(process, today=BEFORE_ALL)) == expected


def test_absence_on_another_day_or_of_a_non_member_raises_nothing(bbg_body):
    process = StrategyProcessFactory()
    member, stranger = PersonFactory(), PersonFactory()
    MembershipFactory(person=member, body=bbg_body)
    MembershipFactory(person=stranger, body=BodyFactory())
    AbsenceFactory(person=member, starts_on=datetime.date(2018, 6, 8))
    AbsenceFactory(person=stranger)
    bbg_meeting(process, bbg_body)

    assert process_conflicts(process, today=BEFORE_ALL) == []


def test_a_meeting_in_a_period_is_not_checked_for_absence(bbg_body):
    process = StrategyProcessFactory()
    mayor = PersonFactory()
    MembershipFactory(person=mayor, body=bbg_body)
    AbsenceFactory(person=mayor)
    MilestoneFactory(
        process=process,
        body=bbg_body,
        starts_on=datetime.date(2018, 6, 1),
        ends_on=datetime.date(2018, 6, 30),
        precision=Precision.MONTH,
    )

    assert process_conflicts(process, today=BEFORE_ALL) == []


# --- overdue -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "overdue"),
    [
        (Milestone.Status.PLANNED, True),
        (Milestone.Status.TENTATIVE, True),
        (Milestone.Status.MOVED, True),
        (Milestone.Status.DONE, False),
        (Milestone.Status.CANCELLED, False),
    ],
)
def test_an_open_milestone_after_its_last_day_is_overdue(status, overdue):
    process = StrategyProcessFactory()
    MilestoneFactory(process=process, title="Scan", starts_on=datetime.date(2018, 3, 30), status=status)

    on_the_day = process_conflicts(process, today=datetime.date(2018, 3, 30))
    day_after = process_conflicts(process, today=datetime.date(2018, 3, 31))

    assert on_the_day == []
    assert kinds(day_after) == ([ConflictKind.OVERDUE_MILESTONE] if overdue else [])
    if overdue:
        assert day_after[0].message.startswith("Scan had uiterlijk 30 maart 2018 klaar moeten zijn")
        assert not day_after[0].is_schedule_problem


def test_an_action_not_done_after_its_due_date_is_overdue():
    process = StrategyProcessFactory()
    late = ActionFactory(process=process, title="Informeren Bruls", due_on=datetime.date(2018, 3, 31))
    ActionFactory(process=process, due_on=datetime.date(2018, 3, 31), done_on=datetime.date(2018, 3, 30))
    ActionFactory(process=process, due_on=None)
    ActionFactory(process=process, due_on=datetime.date(2018, 4, 2))

    conflicts = process_conflicts(process, today=datetime.date(2018, 4, 1))

    assert kinds(conflicts) == [ConflictKind.OVERDUE_ACTION]
    assert conflicts[0].action == late
    assert conflicts[0].message == "Actie 'Informeren Bruls' had uiterlijk 31 maart 2018 gedaan moeten zijn."


def test_schedule_problems_come_before_what_runs_late():
    process = StrategyProcessFactory()
    MilestoneFactory(process=process, starts_on=datetime.date(2018, 1, 25))
    dvo_and_bbg(process)
    ActionFactory(process=process, due_on=datetime.date(2018, 1, 2))

    conflicts = process_conflicts(process, today=datetime.date(2018, 2, 1))

    assert kinds(conflicts) == [ConflictKind.DEPENDENCY, ConflictKind.OVERDUE_ACTION, ConflictKind.OVERDUE_MILESTONE]


def test_conflicts_of_another_process_do_not_show():
    process, other = StrategyProcessFactory(), StrategyProcessFactory()
    dvo_and_bbg(other)

    assert process_conflicts(process, today=BEFORE_ALL) == []


# --- queries -----------------------------------------------------------------------------------------------


def build_conflicting_planning(process, copies: int) -> None:
    """``copies`` times: a DVO and a BBG before it, a member absent at the BBG, an overdue action."""
    for _ in range(copies):
        body = BodyFactory()
        person = PersonFactory()
        MembershipFactory(person=person, body=body)
        AbsenceFactory(person=person)
        dvo = MilestoneFactory(process=process, starts_on=datetime.date(2018, 6, 20))
        bbg = MilestoneFactory(process=process, body=body, starts_on=datetime.date(2018, 6, 7))
        bbg.depends_on.add(dvo)
        ActionFactory(process=process, due_on=datetime.date(2018, 1, 2))


@pytest.mark.parametrize("copies", [1, 10])
def test_the_queries_stay_fixed_at_1x_and_10x(copies, django_assert_max_num_queries):
    process = StrategyProcessFactory()
    build_conflicting_planning(process, copies)

    with django_assert_max_num_queries(5):
        conflicts = process_conflicts(process, today=datetime.date(2018, 2, 1))
        messages = [conflict.message for conflict in conflicts]

    assert len(messages) == 3 * copies
    assert kinds(conflicts).count(ConflictKind.ABSENCE) == copies
