import datetime

import pytest

from documents.models import Goal, GoalPartnerRole
from documents.smart import SmartFacts, smart_check

FACTS = SmartFacts(2019, 2022, {1, 2, 3, 4, 5})


class Role:
    def __init__(self, partner, role="draagt bij", partner_other=""):
        self.partner, self.role, self.partner_other = partner, role, partner_other


def smart_goal(**overrides) -> Goal:
    values = {
        "title": "Woninginbraken terugdringen",
        "description": "Minder woninginbraken.",
        "priority_id": 1,
        "indicator": "Aantal aangiften",
        "baseline_value": "4.200",
        "baseline_date": datetime.date(2018, 1, 1),
        "target_value": "3.500",
        "target_date": datetime.date(2022, 12, 31),
        "deadline": datetime.date(2022, 6, 30),
        "owner": "police",
        "urgency": "urgent",
    }
    values.update(overrides)
    return Goal(**values)


ROLES = [Role("municipalities")]


def messages(goal, roles=ROLES, facts=FACTS):
    return [issue.message for issue in smart_check(goal, facts=facts, roles=roles)]


def fields(goal, roles=ROLES, facts=FACTS):
    return {issue.field for issue in smart_check(goal, facts=facts, roles=roles)}


def test_a_complete_goal_is_smart():
    assert messages(smart_goal()) == []


@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        ({"indicator": ""}, "indicator", "Geen indicator"),
        ({"baseline_value": ""}, "baseline_value", "Geen nulmeting"),
        ({"baseline_date": None}, "baseline_date", "Geen datum van de nulmeting"),
        ({"target_value": " "}, "target_value", "Geen streefwaarde"),
        ({"target_date": None}, "target_date", "Geen datum voor de streefwaarde"),
        ({"deadline": None}, "deadline", "Geen uiterste datum"),
        ({"owner": ""}, "owner", "Geen eigenaar"),
        ({"owner": "other"}, "owner_other", "Noem de eigenaar"),
        ({"urgency": ""}, "urgency", "urgent of gewenst"),
        ({"description": ""}, "description", "Geen specifieke omschrijving"),
    ],
)
def test_it_lists_what_is_missing(overrides, field, words):
    goal = smart_goal(**overrides)
    assert field in fields(goal)
    assert any(words in message for message in messages(goal))


def test_target_date_outside_the_period_is_wrong():
    result = messages(smart_goal(target_date=datetime.date(2023, 1, 1)))
    assert result == [
        "De datum van de streefwaarde (1 januari 2023) ligt buiten de periode van de strategie "
        "(1 januari 2019 – 31 december 2022)."
    ]


def test_the_period_runs_from_1_january_to_31_december():
    assert messages(smart_goal(target_date=datetime.date(2019, 1, 1), deadline=datetime.date(2022, 12, 31))) == []
    assert fields(smart_goal(deadline=datetime.date(2018, 12, 31))) == {"deadline"}


def test_deadline_outside_the_period_is_wrong():
    result = messages(smart_goal(deadline=datetime.date(2023, 3, 1)))
    assert len(result) == 1
    assert "uiterste datum (1 maart 2023) ligt buiten de periode" in result[0]


def test_target_date_before_baseline_date_is_wrong():
    goal = smart_goal(baseline_date=datetime.date(2020, 6, 1), target_date=datetime.date(2020, 1, 1))
    assert any("niet na de datum van de nulmeting" in message for message in messages(goal))


def test_priority_outside_the_top_five_is_wrong():
    goal = smart_goal(priority_id=9)
    goal_priority = type("P", (), {"__str__": lambda self: "Cybercrime"})()
    goal._state.fields_cache["priority"] = goal_priority
    assert messages(goal) == ["De prioriteit 'Cybercrime' hoort niet bij de bevestigde top vijf van de BBG."]


def test_without_a_confirmed_top_five_no_goal_is_smart():
    facts = SmartFacts(2019, 2022, None)
    assert messages(smart_goal(), facts=facts) == ["De BBG heeft de top vijf nog niet bevestigd."]


def test_no_partner_roles_is_missing():
    assert messages(smart_goal(), roles=[]) == ["De rollen van de andere partners zijn niet beschreven."]


def test_owner_is_not_one_of_the_other_partners():
    assert fields(smart_goal(), roles=[Role("police")]) == {"roles"}


def test_it_reads_the_goals_own_roles(goal):
    assert smart_check(goal, facts=SmartFacts(2019, 2022, {goal.priority_id})) == []
    GoalPartnerRole.objects.filter(goal=goal).delete()
    assert [i.field for i in smart_check(goal, facts=SmartFacts(2019, 2022, {goal.priority_id}))] == ["roles"]
