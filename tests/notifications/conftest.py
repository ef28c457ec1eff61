"""Fixtures of the reminder tests: a frozen clock in Europe/Amsterdam, a planning with one of each kind of
subject, and Celery running eagerly for the unit tests (even when REDIS_URL is set for the integration tests)."""

import datetime
import zoneinfo

import pytest
import time_machine

from accounts.models import Role
from planning.models import Body, Milestone
from scan.models import MunicipalPlan
from tests.accounts.factories import UserFactory
from tests.planning.factories import (
    ActionFactory,
    BodyFactory,
    MembershipFactory,
    MilestoneFactory,
    PersonFactory,
)
from tests.scan.factories import MunicipalityFactory
from tests.voting.factories import RoundDeadlineFactory, RoundFactory
from vs_portal.celery import app

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
# The day everything is due in the tests: the first DVO meeting of the 2018 planning.
DUE = datetime.date(2018, 4, 4)


def at(date: datetime.date, hour: int = 8, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(date.year, date.month, date.day, hour, minute, tzinfo=AMSTERDAM)


@pytest.fixture
def clock():
    """travel(date or datetime): freeze the clock there (08:00 Amsterdam for a date)."""
    current = []

    def travel(when):
        if isinstance(when, datetime.date) and not isinstance(when, datetime.datetime):
            when = at(when)
        if current:
            current.pop().stop()
        traveller = time_machine.travel(when, tick=False)
        traveller.start()
        current.append(traveller)
        return when

    yield travel
    if current:
        current.pop().stop()


@pytest.fixture
def eager_celery():
    """Run tasks in this process, whatever REDIS_URL says."""
    previous = app.conf.task_always_eager, app.conf.task_eager_propagates
    app.conf.task_always_eager, app.conf.task_eager_propagates = True, True
    yield app
    app.conf.task_always_eager, app.conf.task_eager_propagates = previous


def person_with_user(**user_fields):
    user = UserFactory(**user_fields)
    return PersonFactory(user=user, email=user.email), user


@pytest.fixture
def responsible(db):
    _person, user = person_with_user(username="verantwoordelijke")
    return user


@pytest.fixture
def milestone(process, responsible):
    return MilestoneFactory(
        process=process,
        title="DVO Gelderland-Midden",
        kind=Milestone.Kind.DECISION,
        starts_on=DUE,
        responsible_person=responsible.person,
    )


@pytest.fixture
def meeting(process, responsible):
    """A meeting of a body with two members who log in, and one who does not."""
    body = BodyFactory(short_name="Testoverleg", kind=Body.Kind.WORKING_GROUP)
    for username in ("lid-een", "lid-twee"):
        person, _user = person_with_user(username=username, role=Role.BBG_MEMBER)
        MembershipFactory(person=person, body=body)
    MembershipFactory(body=body)
    return MilestoneFactory(
        process=process,
        title="BBG",
        kind=Milestone.Kind.MEETING,
        starts_on=DUE,
        body=body,
        responsible_person=responsible.person,
    )


@pytest.fixture
def action(process):
    person, _user = person_with_user(username="actiehouder")
    return ActionFactory(process=process, title="Regioburgemeester informeren", owner=person, due_on=DUE)


@pytest.fixture
def deadline(process, districts, secretary):
    """An open round; GLM's deadline at 23:59 on DUE, not chosen yet."""
    round_ = RoundFactory(process=process, opened_at=at(DUE - datetime.timedelta(days=30)))
    return RoundDeadlineFactory(round=round_, district=districts["GLM"], deadline=at(DUE, 23, 59))


@pytest.fixture
def plan(process, staff):
    """An ambtelijke toets sent 14 days before DUE: outstanding from the day after DUE."""
    municipality = MunicipalityFactory(name="Testgemeente Arnhem")
    return MunicipalPlan.objects.create(
        process=process,
        municipality=municipality,
        check_status=MunicipalPlan.CheckStatus.SENT,
        check_sent_on=DUE - datetime.timedelta(days=14),
    )
