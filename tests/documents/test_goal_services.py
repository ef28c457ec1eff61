import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from documents import services
from documents.models import Goal, GoalPartnerRole
from tests.documents.factories import GoalFactory, make_document


def data(priority, **overrides):
    values = {
        "priority": priority,
        "title": "Ondermijning zichtbaar maken",
        "description": "Elke gemeente heeft een actueel ondermijningsbeeld.",
        "indicator": "Gemeenten met een actueel ondermijningsbeeld",
        "baseline_value": "20",
        "baseline_date": datetime.date(2018, 1, 1),
        "target_value": "78",
        "target_date": datetime.date(2021, 12, 31),
        "deadline": datetime.date(2021, 12, 31),
        "owner": "riec",
        "urgency": "urgent",
    }
    values.update(overrides)
    return values


def test_staff_creates_a_goal_with_roles(process, priorities, staff):
    goal = services.goal_create(
        process=process,
        user=staff,
        data=data(priorities[1]),
        roles=[{"partner": "police", "role": "Levert informatie"}, {"partner": "", "role": ""}],
    )
    assert goal.status == Goal.Status.CONCEPT
    assert [(r.partner, r.role) for r in goal.roles.all()] == [("police", "Levert informatie")]
    assert goal.history.first().history_user == staff


def test_a_secretary_may_not_create_a_goal(process, priorities, secretary):
    with pytest.raises(PermissionDenied):
        services.goal_create(process=process, user=secretary, data=data(priorities[1]))


def test_the_priority_must_be_of_this_process(process, priorities, staff):
    from tests.documents.factories import make_top_five
    from tests.planning.factories import StrategyProcessFactory

    other = make_top_five(StrategyProcessFactory())
    with pytest.raises(ValidationError) as error:
        services.goal_create(process=process, user=staff, data=data(other[0]))
    assert "hoort niet bij dit proces" in str(error.value)


def test_put_forward_is_refused_until_the_check_is_clean(process, priorities, staff):
    goal = services.goal_create(
        process=process, user=staff, data=data(priorities[1], indicator="", target_date=datetime.date(2024, 1, 1))
    )
    with pytest.raises(ValidationError) as error:
        services.goal_put_forward(goal=goal, user=staff)
    messages = error.value.messages
    assert messages[0] == "De doelstelling is nog niet SMART en kan niet naar het RVO:"
    assert "Geen indicator: waaraan meten we het?" in messages
    assert any("1 januari 2024" in message for message in messages)
    assert "De rollen van de andere partners zijn niet beschreven." in messages
    goal.refresh_from_db()
    assert goal.status == Goal.Status.CONCEPT

    services.goal_update(
        goal=goal,
        user=staff,
        data={"indicator": "Gemeenten met een beeld", "target_date": datetime.date(2021, 12, 31)},
        roles=[{"partner": "police", "role": "Levert informatie"}],
    )
    services.goal_put_forward(goal=goal, user=staff, on=datetime.date(2018, 9, 12))
    goal.refresh_from_db()
    assert goal.status == Goal.Status.TO_RVO
    assert goal.put_forward_on == datetime.date(2018, 9, 12)


def test_put_forward_is_refused_for_a_priority_outside_the_top_five(process, priorities, staff):
    goal = GoalFactory(process=process, priority=priorities[7])
    with pytest.raises(ValidationError) as error:
        services.goal_put_forward(goal=goal, user=staff)
    assert any("hoort niet bij de bevestigde top vijf" in message for message in error.value.messages)


def test_goal_status_workflow(goal, staff):
    services.goal_put_forward(goal=goal, user=staff, on=datetime.date(2018, 9, 12))
    with pytest.raises(ValidationError, match="zet haar eerst terug"):
        services.goal_update(goal=goal, user=staff, data={"indicator": "Anders"})
    with pytest.raises(ValidationError):
        services.goal_withdraw(goal=goal, user=staff, reason=" ")
    services.goal_withdraw(goal=goal, user=staff, reason="Opmerkingen van het RVO verwerken")
    goal.refresh_from_db()
    assert (goal.status, goal.status_note) == (Goal.Status.CONCEPT, "Opmerkingen van het RVO verwerken")
    services.goal_put_forward(goal=goal, user=staff, on=datetime.date(2018, 9, 12))
    with pytest.raises(ValidationError):
        services.goal_adopt(goal=goal, user=staff, on=datetime.date(2018, 9, 1))
    services.goal_adopt(goal=goal, user=staff, on=datetime.date(2018, 10, 31))
    goal.refresh_from_db()
    assert (goal.status, goal.adopted_on) == (Goal.Status.ADOPTED, datetime.date(2018, 10, 31))
    with pytest.raises(ValidationError, match="vastgesteld door het Bestuurscollege"):
        services.goal_update(goal=goal, user=staff, data={"indicator": "Anders"})
    with pytest.raises(ValidationError):
        services.goal_delete(goal=goal, user=staff)
    statuses = list(goal.history.order_by("history_id").values_list("status", flat=True))
    assert statuses == ["concept", "to_rvo", "concept", "to_rvo", "adopted"]


def test_a_concept_goal_can_be_deleted(goal, staff):
    services.goal_delete(goal=goal, user=staff)
    assert not Goal.objects.filter(pk=goal.pk).exists()
    assert not GoalPartnerRole.objects.filter(goal_id=goal.pk).exists()
    assert Goal.history.filter(id=goal.pk, history_type="-").exists()


def test_no_new_goals_once_the_document_is_adopted(process, priorities, staff):
    make_document(process, status="adopted", adopted_on=datetime.date(2018, 10, 31))
    with pytest.raises(ValidationError, match="vastgesteld"):
        services.goal_create(process=process, user=staff, data=data(priorities[1]))


def test_duplicate_titles_are_refused(goal, staff, priorities, process):
    with pytest.raises(ValidationError, match="al een doelstelling"):
        services.goal_create(process=process, user=staff, data=data(priorities[1], title=goal.title.upper()))
