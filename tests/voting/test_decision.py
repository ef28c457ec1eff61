"""The BBG's decision: exactly five with ambitions, a justification for every higher-ranked priority passed over,
confirmation locks it and marks the meeting done; the pages and the dashboard block."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.loader import render_to_string
from django.urls import reverse

from planning.models import Milestone
from tests.planning.factories import BodyFactory, MilestoneFactory
from tests.voting.result_factories import bbg_meeting, cast, close
from voting.decision import ChosenPriority, decision_confirm, decision_record
from voting.models import BbgDecision, DecisionPriority, PassedOver
from voting.selectors import confirmed_top_five

pytestmark = pytest.mark.django_db

DAY = datetime.date(2018, 6, 7)


@pytest.fixture
def closed_round(voting_round, long_list, districts):
    """All five chose; the ranking is P1, P2, ..., P10 by the number of DVOs (P1..P5: 5, P6, P7: 3, P8..P10: 2)."""
    p = long_list
    for code in ("GLM", "GLZ", "TWN"):
        cast(voting_round, districts[code], p[0:7])
    for code in ("IJSS", "NOG"):
        cast(voting_round, districts[code], [*p[0:5], p[7], p[8]])
    # P10 only by nobody; P8, P9 by two.
    return close(voting_round)


def five(priorities, ambition="Ambitie"):
    return [ChosenPriority(priority_id=p.pk, ambition=f"{ambition} {p.title}") for p in priorities]


def url(name, process):
    return reverse(f"voting:{name}", kwargs={"slug": process.slug})


# --- The service ------------------------------------------------------------------------------------------------


def test_staff_record_the_top_five_in_order(closed_round, long_list, staff):
    meeting = bbg_meeting(closed_round.process, starts_on=DAY)
    decision = decision_record(
        round=closed_round, user=staff, decided_on=DAY, meeting=meeting, chosen=five(long_list[:5])
    )
    chosen = list(decision.chosen.order_by("position"))
    assert [(c.position, c.priority_id) for c in chosen] == [(i + 1, p.pk) for i, p in enumerate(long_list[:5])]
    assert chosen[0].ambition == f"Ambitie {long_list[0].title}"
    assert decision.meeting == meeting and not decision.is_confirmed
    assert not PassedOver.objects.exists()


@pytest.mark.parametrize("count", [4, 6])
def test_it_refuses_other_than_five(closed_round, long_list, staff, count):
    with pytest.raises(ValidationError) as error:
        decision_record(round=closed_round, user=staff, decided_on=DAY, chosen=five(long_list[:count]))
    assert "precies 5" in str(error.value)
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


def test_the_meeting_must_be_a_bbg_meeting_of_the_process(closed_round, long_list, staff):
    other = MilestoneFactory(process=closed_round.process, body=BodyFactory())
    with pytest.raises(ValidationError) as error:
        decision_record(round=closed_round, user=staff, decided_on=DAY, meeting=other, chosen=five(long_list[:5]))
    assert "vergadering van de BBG" in str(error.value)


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
    assert decision.is_confirmed and decision.confirmed_by == staff
    assert meeting.status == Milestone.Status.DONE
    assert meeting.history.first().history_user == staff

    with pytest.raises(ValidationError) as error:
        decision_record(round=closed_round, user=staff, decided_on=DAY, chosen=five(long_list[1:6]))
    assert "bevestigd en kan niet meer worden gewijzigd" in str(error.value)
    with pytest.raises(ValidationError):
        decision_confirm(decision=decision, user=staff)
    assert list(decision.chosen.values_list("priority_id", flat=True)) == [p.pk for p in long_list[:5]]


def test_confirmed_top_five_is_only_the_confirmed_one(closed_round, long_list, staff, process):
    decision = decision_record(round=closed_round, user=staff, decided_on=DAY, chosen=five(long_list[:5]))
    assert confirmed_top_five(process) is None
    decision_confirm(decision=decision, user=staff)
    top = confirmed_top_five(process)
    assert [item.priority.title for item in top.chosen.all()] == [p.title for p in long_list[:5]]


# --- The pages --------------------------------------------------------------------------------------------------


def form_data(priorities, *, ambitions=None, justifications=None, meeting=None, decided_on="2018-06-07"):
    data = {"meeting": meeting.pk if meeting else "", "decided_on": decided_on, "notes": ""}
    for place, priority in enumerate(priorities, start=1):
        data[f"priority_{place}"] = str(priority.pk) if priority else ""
        data[f"ambition_{place}"] = (ambitions or {}).get(place, f"Ambitie {place}")
    for pk, text in (justifications or {}).items():
        data[f"justification_{pk}"] = text
    return data


def test_staff_record_through_the_page(client, staff, closed_round, long_list):
    meeting = bbg_meeting(closed_round.process, starts_on=DAY)
    client.force_login(staff)
    page = client.get(url("decision_edit", closed_round.process)).content.decode()
    assert "Prioriteit op plaats 1" in page and meeting.title in page
    response = client.post(
        url("decision_edit", closed_round.process), form_data(long_list[:5], meeting=meeting, decided_on="")
    )
    assert response.status_code == 302
    decision = BbgDecision.objects.get()
    assert decision.decided_on == DAY  # taken from the meeting
    content = client.get(url("decision", closed_round.process)).content.decode()
    assert "nog niet bevestigd" in content
    assert "Ambitie 1" in content


def test_the_page_refuses_four_and_a_missing_ambition(client, staff, closed_round, long_list):
    client.force_login(staff)
    response = client.post(url("decision_edit", closed_round.process), form_data([*long_list[:4], None]))
    assert response.status_code == 200
    assert "precies 5 prioriteiten" in response.content.decode()
    response = client.post(url("decision_edit", closed_round.process), form_data(long_list[:5], ambitions={3: ""}))
    assert f"Geef een ambitie bij ‘{long_list[2].title}’" in response.content.decode()
    assert not BbgDecision.objects.exists()


def test_the_page_demands_a_justification_naming_the_priority(client, staff, closed_round, long_list):
    client.force_login(staff)
    chosen = [*long_list[:4], long_list[5]]
    response = client.post(url("decision_edit", closed_round.process), form_data(chosen))
    content = response.content.decode()
    assert response.status_code == 200
    assert f"‘{long_list[4].title}’ staat op plaats 5 van de uitslag" in content
    response = client.post(
        url("decision_edit", closed_round.process),
        form_data(chosen, justifications={long_list[4].pk: "Landelijk belegd"}),
    )
    assert response.status_code == 302
    assert PassedOver.objects.get().justification == "Landelijk belegd"


def test_confirm_through_the_page_then_edit_is_refused(client, staff, closed_round, long_list):
    meeting = bbg_meeting(closed_round.process, starts_on=DAY)
    decision_record(round=closed_round, user=staff, decided_on=DAY, meeting=meeting, chosen=five(long_list[:5]))
    client.force_login(staff)
    page = client.get(url("decision_confirm", closed_round.process)).content.decode()
    assert "kan het niet meer worden gewijzigd" in page
    response = client.post(url("decision_confirm", closed_round.process))
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == Milestone.Status.DONE

    response = client.post(url("decision_edit", closed_round.process), form_data(long_list[1:6]), follow=True)
    assert "bevestigd en kan niet meer worden gewijzigd" in response.content.decode()
    assert list(BbgDecision.objects.get().chosen.values_list("priority_id", flat=True)) == [p.pk for p in long_list[:5]]


@pytest.mark.parametrize("role", ["bbg_member", "secretary"])
def test_others_see_only_a_confirmed_decision_and_cannot_edit(client, users, role, staff, closed_round, long_list):
    decision = decision_record(round=closed_round, user=staff, decided_on=DAY, chosen=five(long_list[:5]))
    client.force_login(users[role])
    assert client.get(url("decision_edit", closed_round.process)).status_code == 403
    assert client.get(url("decision_confirm", closed_round.process)).status_code == 403
    content = client.get(url("decision", closed_round.process)).content.decode()
    assert "De BBG heeft nog geen top vijf vastgesteld." in content
    assert "Ambitie" not in content
    decision_confirm(decision=decision, user=staff)
    content = client.get(url("decision", closed_round.process)).content.decode()
    assert f"Ambitie {long_list[0].title}" in content
    assert "Bevestigd op" in content


def test_dashboard_block_shows_the_confirmed_five(closed_round, long_list, staff, process):
    html = render_to_string(
        "voting/includes/dashboard_top_five.html", {"process": process, "top_five": confirmed_top_five(process)}
    )
    assert "De BBG heeft nog geen top vijf vastgesteld." in html
    decision = decision_record(round=closed_round, user=staff, decided_on=DAY, chosen=five(long_list[:5]))
    decision_confirm(decision=decision, user=staff)
    html = render_to_string(
        "voting/includes/dashboard_top_five.html", {"process": process, "top_five": confirmed_top_five(process)}
    )
    assert "7 juni 2018" in html
    assert all(p.title in html for p in long_list[:5])
