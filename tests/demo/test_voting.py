"""The demo round of 2018: five DVO choices of seven at their meeting dates, the round closed, the BBG's top five
with ambitions confirmed at the July BBG; the 7 June BBG keeps its conflicts."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from decisions.models import BbgDecision, DecisionPriority, PassedOver
from decisions.selectors import confirmed_top_five
from demo.decisions import JULY_BBG
from demo.loader import demo_password, load_demo
from demo.planning import BBG_TOP_FIVE, dvo_title
from demo.voting import SYSTEM_USERNAME
from planning.conflicts import process_conflicts
from planning.models import Milestone, StrategyProcess
from voting import services
from voting.models import Ballot, BallotChoice, Round
from voting.selectors import ballot_history, round_result

MEETING_DAYS = {
    "GLM": datetime.date(2018, 4, 4),
    "GLZ": datetime.date(2018, 4, 19),
    "TWN": datetime.date(2018, 4, 23),
    "IJSS": datetime.date(2018, 6, 20),
    "NOG": datetime.date(2018, 6, 28),
}


def local_day(moment) -> datetime.date:
    return timezone.localtime(moment).date()


def history_counts() -> dict[str, int]:
    models = [Round, Ballot, BallotChoice, BbgDecision, DecisionPriority, PassedOver, Milestone, User]
    counts = {model.__name__: model.objects.count() for model in models}
    counts.update({f"history {model.__name__}": model.history.count() for model in models})
    return counts


@pytest.mark.django_db
def test_the_demo_round_is_chosen_closed_and_decided(settings, client):
    settings.DEBUG = True
    load_demo(create_users=True)
    process = StrategyProcess.objects.get(slug="vs-2019-2022")
    round = Round.objects.get(process=process)

    # Five ballots, one per DVO, each exactly seven distinct priorities of the frozen list, submitted by the DVO's
    # own demo secretary on the day of its meeting, before its deadline.
    ballots = {ballot.district.code: ballot for ballot in Ballot.objects.filter(round=round).select_related("district")}
    assert set(ballots) == set(MEETING_DAYS)
    deadlines = {row.district.code: row for row in round.deadlines.select_related("district", "meeting")}
    for code, ballot in ballots.items():
        choices = list(ballot.choices.all())
        assert len({choice.priority_id for choice in choices}) == 7 == len(choices)
        assert all(choice.priority.process_id == process.pk for choice in choices)
        assert local_day(ballot.submitted_at) == MEETING_DAYS[code]
        assert ballot.submitted_at <= deadlines[code].deadline
        assert deadlines[code].meeting.title == dvo_title(code)
        assert ballot.submitted_by.username == f"secretaris-{code.lower()}"
        assert not ballot.entered_by_staff
        assert ballot.council_involvement != Ballot.CouncilInvolvement.UNKNOWN
        assert ballot.council_note
    ordered = [code for code, ballot in ballots.items() if all(c.preference for c in ballot.choices.all())]
    assert len(ordered) == 4
    # The history page shows the submission with its seven, on its 2018 day.
    [version] = ballot_history(round, ballots["GLM"].district)
    assert len(version.choices) == 7
    assert local_day(version.changed_at) == MEETING_DAYS["GLM"]

    # Closed the day after the last DVO; the result counts 35 choices.
    assert round.status == Round.Status.CLOSED
    assert local_day(round.closed_at) == datetime.date(2018, 6, 29)
    tally = round_result(round).tally
    assert tally.total_choices == 35
    assert tally.results[0].priority.title == "Ondermijning"

    # The BBG's top five, with ambitions, confirmed at the July BBG, which is done; the passed-over priority that
    # ranked higher than one of the five has a justification.
    decision = confirmed_top_five(process)
    assert decision is not None
    assert decision.meeting.title == JULY_BBG
    assert decision.decided_on == datetime.date(2018, 7, 5)
    chosen = list(decision.chosen.all())
    assert [item.position for item in chosen] == [1, 2, 3, 4, 5]
    assert all(len(item.ambition) > 40 for item in chosen)
    assert "Mensenhandel en uitbuiting" in {item.priority.title for item in chosen}
    passed = {row.priority.title: row.justification for row in decision.passed_over.all()}
    assert list(passed) == ["Jeugdcriminaliteit en jeugdoverlast"]
    assert all(passed.values())
    milestones = {m.title: m for m in process.milestones.all()}
    assert milestones[JULY_BBG].status == Milestone.Status.DONE

    # The 7 June BBG's top five is decided: the milestone is done by the confirmation, its problems resolved.
    assert milestones[BBG_TOP_FIVE].status == Milestone.Status.DONE
    assert not [c for c in process_conflicts(process) if c.milestone.title == BBG_TOP_FIVE]

    # The dashboard shows the top five.
    # Through the login form: client.login() passes no request, which django-axes refuses.
    client.post(reverse("login"), {"username": "bbg", "password": demo_password("bbg")})
    response = client.get(reverse("planning:dashboard", kwargs={"slug": process.slug}))
    assert response.status_code == 200
    assert "Mensenhandel en uitbuiting" in response.content.decode()

    # A second run changes nothing, not even the history.
    before = history_counts()
    assert not load_demo(create_users=True).changed_anything
    assert history_counts() == before

    # Staff can reset the demo round for a fresh try; a later run of the demo leaves that fresh round alone.
    staff = User.objects.get(username="staf")
    services.round_reset(round=round, user=staff, reason="Demo opnieuw", new_deadline=timezone.localdate())
    load_demo(create_users=True)
    round.refresh_from_db()
    assert round.status == Round.Status.OPEN
    assert not Ballot.objects.filter(round=round).exists()
    assert not BbgDecision.objects.filter(round=round).exists()


@pytest.mark.django_db
def test_without_demo_users_a_system_user_that_cannot_log_in_enters_the_choices(settings, client):
    settings.DEBUG = False
    load_demo(create_users=False)

    system = User.objects.get(username=SYSTEM_USERNAME)
    assert not system.has_usable_password()
    assert system.email == ""
    for password in ("", "demo-invoer", "demo-invoer-demo-2018"):
        client.post(reverse("login"), {"username": SYSTEM_USERNAME, "password": password})
        assert "_auth_user_id" not in client.session
    assert User.objects.count() == 1
    ballots = Ballot.objects.filter(round__process__slug="vs-2019-2022")
    assert ballots.count() == 5
    for ballot in ballots:
        assert ballot.submitted_by == system
        assert ballot.entered_by_staff
        assert ballot.staff_reason.startswith("Ingevoerd uit het verslag van de DVO-vergadering")
    decision = BbgDecision.objects.get(round__process__slug="vs-2019-2022")
    assert decision.is_confirmed
    assert decision.confirmed_by == system

    assert not load_demo(create_users=False).changed_anything
    assert User.objects.count() == 1
