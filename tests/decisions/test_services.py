"""The BBG's decision: exactly five with ambitions, a justification for every higher-ranked priority passed over,
confirmation locks it and marks the meeting done."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from decisions.models import BbgDecision, DecisionPriority, PassedOver
from decisions.selectors import confirmed_top_five
from decisions.services import ChosenPriority, decision_confirm, decision_record
from planning.models import Milestone
from tests.planning.factories import BodyFactory, MilestoneFactory
from tests.voting.result_factories import bbg_meeting, cast

pytestmark = pytest.mark.django_db

DAY = datetime.date(2018, 6, 7)


def five(priorities, ambition="Ambitie"):
    return [ChosenPriority(priority_id=p.pk, ambition=f"{ambition} {p.title}") for p in priorities]


def url(name, process):
    return reverse(f"decisions:{name}", kwargs={"slug": process.slug})


# --- The service ------------------------------------------------------------------------------------------------


def test_staff_record_the_top_five_in_order(closed_round, long_list, staff):
    meeting = bbg_meeting(closed_round.process, starts_on=DAY)
    decision = decision_record(
        round=closed_round, user=staff, decided_on=DAY, meeting=meeting, chosen=five(long_list[:5])
    )
    chosen = list(decision.chosen.order_by("position"))
    assert [(c.position, c.priority_id) for c in chosen] == [(i + 1, p.pk) for i, p in enumerate(long_list[:5])]
    assert chosen[0].ambition == f"Ambitie {long_list[0].title}"
    assert decision.meeting == meeting
    assert not decision.is_confirmed
    assert not PassedOver.objects.exists()


@pytest.mark.parametrize("count", [4, 6])
def test_it_refuses_other_than_five(closed_round, long_list, staff, count):
    with pytest.raises(ValidationError) as error:
        decision_record(round=closed_round, user=staff, decided_on=DAY, chosen=five(long_list[:count]))
    assert "precies 5" in str(error.value)
    assert error.value.code == "decision_not_five"
    assert not BbgDecision.objects.exists()


def test_it_refuses_a_priority_twice(closed_round, long_list, staff):
    chosen = five([*long_list[:4], long_list[0]])
    with pytest.raises(ValidationError):
        decision_record(round=closed_round, user=staff, decided_on=DAY, chosen=chosen)


def test_it_refuses_a_priority_of_another_process(closed_round, long_list, staff):
    from tests.priorities.factories import PriorityFactory

    stranger = PriorityFactory()
    with pytest.raises(ValidationError) as error:
        decision_record(round=closed_round, user=staff, decided_on=DAY, chosen=five([*long_list[:4], stranger]))
    assert "lange lijst van dit proces" in str(error.value)


def test_it_refuses_a_missing_ambition_naming_the_priority(closed_round, long_list, staff):
    chosen = five(long_list[:5])
    chosen[2] = ChosenPriority(priority_id=long_list[2].pk, ambition="   ")
    with pytest.raises(ValidationError) as error:
        decision_record(round=closed_round, user=staff, decided_on=DAY, chosen=chosen)
    assert f"Geef een ambitie bij ‘{long_list[2].title}’" in str(error.value)
    assert [item.code for item in error.value.error_list] == ["decision_ambition_missing"]
    assert not DecisionPriority.objects.exists()


def test_passing_over_a_higher_ranked_priority_needs_a_justification(closed_round, long_list, staff):
    # P1..P4 and P6: P5 (rank 5) is passed over.
    chosen = five([*long_list[:4], long_list[5]])
    with pytest.raises(ValidationError) as error:
        decision_record(round=closed_round, user=staff, decided_on=DAY, chosen=chosen)
    message = " ".join(error.value.messages)
    assert f"‘{long_list[4].title}’ staat op plaats 5 van de uitslag" in message
    assert "Geef aan waarom de BBG deze prioriteit passeert." in message
    assert not BbgDecision.objects.exists()


def test_with_a_justification_it_is_stored(closed_round, long_list, staff):
    chosen = five([*long_list[:4], long_list[5]])
    justifications = {long_list[4].pk: "Wordt al landelijk opgepakt.", long_list[9].pk: "niet nodig"}
    decision = decision_record(
        round=closed_round, user=staff, decided_on=DAY, chosen=chosen, justifications=justifications
    )
    passed = list(decision.passed_over.all())
    assert [(p.priority_id, p.justification) for p in passed] == [(long_list[4].pk, "Wordt al landelijk opgepakt.")]


def test_every_passed_over_priority_is_named(closed_round, long_list, staff):
    # Choosing P3..P7 passes over P1 and P2.
    with pytest.raises(ValidationError) as error:
        decision_record(round=closed_round, user=staff, decided_on=DAY, chosen=five(long_list[2:7]))
    message = " ".join(error.value.messages)
    assert f"‘{long_list[0].title}’ staat op plaats 1" in message
    assert f"‘{long_list[1].title}’ staat op plaats 2" in message


def test_it_refuses_while_the_result_is_not_final(voting_round, long_list, staff, districts):
    cast(voting_round, districts["GLM"], long_list[:7])
    with pytest.raises(ValidationError) as error:
        decision_record(round=voting_round, user=staff, decided_on=DAY, chosen=five(long_list[:5]))
    assert "nog niet definitief" in str(error.value)
    assert error.value.code == "decision_result_not_final"


def test_the_meeting_must_be_a_bbg_meeting_of_the_process(closed_round, long_list, staff):
    other = MilestoneFactory(process=closed_round.process, body=BodyFactory())
    with pytest.raises(ValidationError) as error:
        decision_record(round=closed_round, user=staff, decided_on=DAY, meeting=other, chosen=five(long_list[:5]))
    assert "vergadering van de BBG" in str(error.value)
    assert [(field, item.code) for field, items in error.value.error_dict.items() for item in items] == [
        ("meeting", "decision_meeting_invalid")
    ]


@pytest.mark.parametrize("role", ["bbg_member", "secretary", "outsider"])
def test_only_staff_record(closed_round, long_list, users, role):
    with pytest.raises(PermissionDenied):
        decision_record(round=closed_round, user=users[role], decided_on=DAY, chosen=five(long_list[:5]))


def test_a_recorded_decision_can_be_replaced_until_confirmed(closed_round, long_list, staff):
    decision_record(round=closed_round, user=staff, decided_on=DAY, chosen=five(long_list[:5]))
    chosen = five([*long_list[:4], long_list[5]])
    decision = decision_record(
        round=closed_round, user=staff, decided_on=DAY, chosen=chosen, justifications={long_list[4].pk: "Reden"}
    )
    assert list(decision.chosen.values_list("priority_id", flat=True)) == [p.priority_id for p in chosen]
    assert BbgDecision.objects.count() == 1
    assert DecisionPriority.history.filter(history_type="-").count() == 5


def test_confirm_locks_and_marks_the_meeting_done(closed_round, long_list, staff):
    meeting = bbg_meeting(closed_round.process, starts_on=DAY)
    decision = decision_record(
        round=closed_round, user=staff, decided_on=DAY, meeting=meeting, chosen=five(long_list[:5])
    )
    decision_confirm(decision=decision, user=staff)
    decision.refresh_from_db()
    meeting.refresh_from_db()
    assert decision.is_confirmed
    assert decision.confirmed_by == staff
    assert meeting.status == Milestone.Status.DONE
    assert meeting.history.first().history_user == staff

    with pytest.raises(ValidationError) as error:
        decision_record(round=closed_round, user=staff, decided_on=DAY, chosen=five(long_list[1:6]))
    assert "bevestigd en kan niet meer worden gewijzigd" in str(error.value)
    assert error.value.code == "decision_locked"
    with pytest.raises(ValidationError):
        decision_confirm(decision=decision, user=staff)
    assert list(decision.chosen.values_list("priority_id", flat=True)) == [p.pk for p in long_list[:5]]


def test_confirmed_top_five_is_only_the_confirmed_one(closed_round, long_list, staff, process):
    decision = decision_record(round=closed_round, user=staff, decided_on=DAY, chosen=five(long_list[:5]))
    assert confirmed_top_five(process) is None
    decision_confirm(decision=decision, user=staff)
    top = confirmed_top_five(process)
    assert [item.priority.title for item in top.chosen.all()] == [p.title for p in long_list[:5]]
