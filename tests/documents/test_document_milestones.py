"""The planning follows the goals and the document: all goals to the RVO, the document (with its letter) to the
RVO, every goal adopted, the nota: each completes the milestones ``completed_by`` that fact, with who and when;
back to concept or a goal withdrawn plans them again. And versions record the day they were made."""

import datetime

import pytest

from documents import services
from planning.models import Milestone
from tests.documents.factories import GoalFactory
from tests.planning.factories import MilestoneFactory

RVO = datetime.date(2018, 9, 12)
BOARD = datetime.date(2018, 10, 31)
ADOPTED = datetime.date(2018, 11, 14)
BY = Milestone.CompletedBy


@pytest.fixture
def milestones(process):
    return {
        fact: MilestoneFactory(process=process, title=f"Mijlpaal {fact}", completed_by=fact)
        for fact in (BY.GOALS_PUT_FORWARD, BY.LETTER_SENT, BY.GOALS_ADOPTED, BY.NOTA)
    }


def statuses(milestones):
    return {fact: Milestone.objects.get(pk=m.pk).status for fact, m in milestones.items()}


@pytest.fixture
def goals(process, priorities):
    return [
        GoalFactory(process=process, priority=priorities[0], title="Woninginbraken terugdringen"),
        GoalFactory(process=process, priority=priorities[1], title="Ondermijning zichtbaar maken"),
    ]


def test_the_goals_milestone_is_done_when_the_last_goal_goes_to_the_rvo(goals, milestones, staff):
    services.goal_put_forward(goal=goals[0], user=staff, on=RVO)
    assert statuses(milestones)[BY.GOALS_PUT_FORWARD] == "planned"
    services.goal_put_forward(goal=goals[1], user=staff, on=RVO)
    assert statuses(milestones)[BY.GOALS_PUT_FORWARD] == "done"
    record = milestones[BY.GOALS_PUT_FORWARD].history.order_by("-history_id").first()
    assert (record.history_user, record.history_date.date()) == (staff, RVO)

    services.goal_withdraw(goal=goals[1], user=staff, reason="Reacties verwerken")
    assert statuses(milestones)[BY.GOALS_PUT_FORWARD] == "planned"


def test_adopting_every_goal_completes_the_adoption_milestone(goals, milestones, staff):
    for goal in goals:
        services.goal_put_forward(goal=goal, user=staff, on=RVO)
    services.goal_adopt(goal=goals[0], user=staff, on=BOARD)
    assert statuses(milestones)[BY.GOALS_ADOPTED] == "planned"
    services.goal_adopt(goal=goals[1], user=staff, on=BOARD)
    assert statuses(milestones)[BY.GOALS_ADOPTED] == "done"


def test_the_document_workflow_completes_letter_adoption_and_nota(document, goals, milestones, staff):
    for goal in goals:
        services.goal_put_forward(goal=goal, user=staff, on=RVO)
    services.document_transition(document=document, user=staff, to_status="sent_to_rvo", meeting_date=RVO)
    assert statuses(milestones)[BY.LETTER_SENT] == "done"
    letter = milestones[BY.LETTER_SENT].history.order_by("-history_id").first()
    assert (letter.history_user, letter.history_date.date()) == (staff, RVO)

    services.document_transition(
        document=document, user=staff, to_status="concept", note="Het RVO vraagt een scherpere brief"
    )
    assert statuses(milestones)[BY.LETTER_SENT] == "planned"
    services.document_transition(document=document, user=staff, to_status="sent_to_rvo", meeting_date=RVO)
    services.document_transition(document=document, user=staff, to_status="for_adoption", meeting_date=BOARD)
    assert statuses(milestones)[BY.GOALS_ADOPTED] == "planned"
    services.document_transition(document=document, user=staff, to_status="adopted", meeting_date=ADOPTED)
    assert statuses(milestones)[BY.GOALS_ADOPTED] == "done"
    services.document_transition(
        document=document, user=staff, to_status="nota", meeting_date=datetime.date(2018, 11, 30)
    )
    assert set(statuses(milestones).values()) == {"done"}


def test_a_version_records_the_day_it_was_made(document, staff):
    version = services.version_create(document=document, user=staff, today=datetime.date(2018, 9, 5))
    version.refresh_from_db()
    assert version.made_on == datetime.date(2018, 9, 5)
    assert version.snapshot["date"] == "2018-09-05"
