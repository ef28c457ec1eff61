"""plan_reminders takes a fixed number of queries, whatever the number of milestones, actions, plans and users."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Role
from notifications.models import Reminder
from notifications.services import reminders_plan
from notifications.sources import REMINDER_SOURCES
from planning.models import Action, Milestone
from scan.models import MunicipalPlan
from tests.accounts.factories import UserFactory
from tests.planning.factories import (
    ActionFactory,
    BodyFactory,
    MembershipFactory,
    MilestoneFactory,
    PersonFactory,
    StrategyProcessFactory,
)
from tests.scan.factories import MunicipalityFactory
from tests.voting.factories import RoundDeadlineFactory, RoundFactory
from voting.models import RoundDeadline

from .conftest import DUE, at
from .factories import ReminderSettingsFactory

pytestmark = pytest.mark.django_db


def person():
    user = UserFactory(role=Role.BBG_MEMBER)
    return PersonFactory(user=user, email=user.email)


def build(n: int, districts) -> None:
    """n processes, each with a meeting of a body of two members, an action, an open round and a plan waiting for
    its ambtelijke toets; n DVO secretaries and n staff members."""
    for _ in range(n):
        process = StrategyProcessFactory()
        ReminderSettingsFactory(process=process)
        body = BodyFactory()
        for _member in range(2):
            MembershipFactory(body=body, person=person())
        MilestoneFactory(process=process, body=body, starts_on=DUE, responsible_person=person())
        ActionFactory(process=process, owner=person(), due_on=DUE)
        RoundDeadlineFactory(round=RoundFactory(process=process), district=districts["GLM"], deadline=at(DUE, 23, 59))
        MunicipalPlan.objects.create(
            process=process,
            municipality=MunicipalityFactory(),
            check_status=MunicipalPlan.CheckStatus.SENT,
            check_sent_on=DUE - datetime.timedelta(days=22),
        )
        UserFactory(role=Role.DVO_SECRETARY, district=districts["GLM"])
        UserFactory(role=Role.STAFF)


def measure(clock, when) -> list[str]:
    Reminder.objects.all().delete()
    clock(when)
    with CaptureQueriesContext(connection) as queries:
        reminders_plan()
    return [query["sql"] for query in queries.captured_queries]


def test_the_queries_of_plan_reminders_do_not_grow_at_1x_and_10x(clock, districts):
    # cached once per process; every registered kind's subject model, the higher apps' too
    ContentType.objects.get_for_models(
        Milestone, Action, RoundDeadline, MunicipalPlan, *(source.model for source in REMINDER_SOURCES)
    )
    when = at(DUE - datetime.timedelta(days=7))
    build(1, districts)
    small = measure(clock, when)
    small_count = Reminder.objects.count()
    build(9, districts)
    large = measure(clock, when)
    large_count = Reminder.objects.count()
    assert (small_count, large_count) == (6, 10 * 3 + 10 + 10 * 10 + 10 * 10)

    def not_inserts(sqls):
        return [sql for sql in sqls if not sql.startswith("INSERT")]

    # The one INSERT is split into batches only by SQLite's limit on query parameters (999); PostgreSQL sends one.
    assert len(not_inserts(large)) == len(not_inserts(small))
    assert len(small) - len(not_inserts(small)) == 1
    if connection.vendor == "postgresql":
        assert len(large) == len(small)
    # 16 with the four built-in kinds; a higher app's kind with nothing due adds one query (its date window).
    assert len(small) <= 12 + len(list(REMINDER_SOURCES))
