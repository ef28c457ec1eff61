"""Issue 11, the demo that lives today: beside the historic VS 2019-2022 the next cycle, copied from it, with today
in its DVO round (demo/today.py). Every date is relative to the day load_demo runs."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from accounts.models import User
from demo.loader import load_demo
from demo.planning import dvo_title
from notifications.models import Reminder
from notifications.services import reminders_plan
from planning.models import Milestone, StrategyProcess
from priorities.models import LongList
from voting.models import Ballot, Round

AMS = ZoneInfo("Europe/Amsterdam")


def load_on(day: datetime.date, *, create_users=False):
    with time_machine.travel(datetime.datetime.combine(day, datetime.time(9, 0), tzinfo=AMS), tick=False):
        return load_demo(create_users=create_users)


@pytest.mark.django_db
@pytest.mark.parametrize("today", [datetime.date(2026, 12, 2), datetime.date(2027, 5, 10)])
def test_the_next_cycle_has_its_dvo_round_open_as_of_the_day_the_demo_loads(today):
    load_on(today)
    historic = StrategyProcess.objects.get(slug="vs-2019-2022")
    current = StrategyProcess.objects.get(slug=f"vs-{today.year + 1}-{today.year + 4}")
    assert current.predecessor == historic
    assert (current.period_start_year, current.period_end_year) == (today.year + 1, today.year + 4)
    # The historic cycle is untouched: its round of 2018 stays closed.
    assert Round.objects.get(process=historic).is_closed

    long_list = LongList.objects.get(process=current)
    assert long_list.is_frozen
    assert current.priorities.count() == 10
    assert long_list.approved_on == today - datetime.timedelta(days=5)

    round = Round.objects.get(process=current)
    assert round.is_open
    deadlines = {row.district.code: row.deadline.astimezone(AMS) for row in round.deadlines.select_related("district")}
    assert len(deadlines) == 5
    assert deadlines["GLM"].date() == today + datetime.timedelta(days=14)
    assert all(deadline.date() > today for deadline in deadlines.values())
    assert Milestone.objects.get(process=current, title=dvo_title("GLM")).ends_on == deadlines["GLM"].date()

    chosen = set(Ballot.objects.filter(round=round).values_list("district__code", flat=True))
    assert chosen == {"GLZ", "TWN"}
    # What ended before today is done, what comes is still open, except what a fact already completed: the
    # meetings of the DVOs that chose, and the long list's (approved five days ago; it may end later in its month).
    milestones = Milestone.objects.filter(process=current)
    assert not milestones.filter(ends_on__lt=today).exclude(status=Milestone.Status.DONE).exists()
    chose = [dvo_title("GLZ"), dvo_title("TWN")]
    assert not (
        milestones.filter(ends_on__gte=today, status=Milestone.Status.DONE)
        .exclude(title__in=chose)
        .exclude(completed_by=Milestone.CompletedBy.LONGLIST_APPROVED)
        .exists()
    )
    assert set(milestones.filter(title__in=chose).values_list("status", flat=True)) == {Milestone.Status.DONE}


@pytest.mark.django_db
def test_a_second_run_changes_nothing():
    load_on(datetime.date(2026, 12, 2))
    assert not load_on(datetime.date(2026, 12, 2)).changed_anything
    assert StrategyProcess.objects.filter(slug="vs-2027-2030").count() == 1


@pytest.mark.django_db
def test_secretary_of_glm_logs_in_to_the_prompt_and_reminders_are_due(client, settings):
    settings.DEBUG = True
    today = datetime.date(2026, 12, 2)
    load_on(today, create_users=True)
    with time_machine.travel(datetime.datetime(2026, 12, 2, 9, 30, tzinfo=AMS), tick=False):
        client.force_login(User.objects.get(username="secretaris-glm"))
        page = client.get(reverse("planning:home")).content.decode()
        reminders_plan()
    assert "Uw DVO moet nog kiezen – uiterlijk 16 december 2026 23:59" in page
    assert reverse("voting:ballot", kwargs={"slug": "vs-2027-2030", "district": "GLM"}) in page
    assert Reminder.objects.filter(kind=Reminder.Kind.BALLOT).exists()
