"""Reminders before a measurement moment, through the notifications app's reminder sources: the goal's owner
contacts are reminded once per offset, told which goals still miss values, and not at all once they are in."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.core import mail

from monitoring import services
from monitoring.reminders import KIND
from monitoring.services import ValueData
from notifications import services as notifications
from notifications.models import Notification, Reminder
from notifications.sources import REMINDER_SOURCES
from tests.accounts.factories import UserFactory

from .factories import contact

pytestmark = pytest.mark.django_db
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def at(day: datetime.date):
    return datetime.datetime(day.year, day.month, day.day, 8, tzinfo=AMSTERDAM)


@pytest.fixture
def owner(goal, indicator):
    user = UserFactory(username="analist-politie", email="analist@example.org", role="staff")
    contact(goal, user)
    return user


def test_the_kind_is_registered():
    assert REMINDER_SOURCES.get(KIND).label == "meetmoment"


def test_an_owner_contact_is_reminded_once_a_week_before(goal, owner, moments):
    moment = moments[0]  # 31 December 2019
    with time_machine.travel(at(datetime.date(2019, 12, 24)), tick=False):
        first = notifications.reminders_plan()
        second = notifications.reminders_plan()
        reminder = Reminder.objects.get(kind=KIND)
        assert (reminder.subject, reminder.recipient, reminder.offset) == (moment, owner, 7)
        assert first == second == [reminder.pk]
        assert notifications.reminder_send(reminder_id=reminder.pk) == "sent"
        assert notifications.reminder_send(reminder_id=reminder.pk) == "not_claimed"
    [message] = [m for m in mail.outbox if owner.email in m.to]
    assert "Peildatum 2019" in message.subject
    assert "Woninginbraken terugdringen" in message.body
    assert Notification.objects.get(user=owner).url.endswith("/monitoring/")


def test_no_reminder_once_the_values_are_in(goal, indicator, owner, moments, staff):
    with time_machine.travel(at(datetime.date(2019, 12, 30)), tick=False):
        [pk] = notifications.reminders_plan()
        services.measurement_save(
            moment=moments[0], user=staff, data=ValueData(indicator=indicator, value="4100", source="BVI")
        )
        assert notifications.reminder_send(reminder_id=pk) == "skipped"
    assert mail.outbox == []


def test_overdue_values_are_reminded_after_the_moment(goal, owner, moments):
    with time_machine.travel(at(datetime.date(2020, 1, 3)), tick=False):
        [pk] = notifications.reminders_plan()
        assert notifications.reminder_send(reminder_id=pk) == "sent"
    [message] = [m for m in mail.outbox if owner.email in m.to]
    assert "ontbreken nog" in message.subject


def test_planning_costs_the_same_queries_for_more_goals(process, priorities, moments, django_assert_max_num_queries):
    from .factories import IndicatorFactory, adopted_goal

    for number, priority in enumerate(priorities[:5]):
        goal = adopted_goal(process, priority, title=f"Doel {number}")
        IndicatorFactory(goal=goal)
        contact(goal, UserFactory(role="staff"))
    source = REMINDER_SOURCES.get(KIND)
    from django.contrib.contenttypes.models import ContentType

    from notifications.sources import DueContext

    context = DueContext(
        now=at(datetime.date(2019, 12, 24)),
        today=datetime.date(2019, 12, 24),
        horizon=14,
        lookback=7,
        offsets_by_process={},
        default_offsets=[14, 7, 1],
        subject_type_id=ContentType.objects.get_for_model(source.model).pk,
    )
    with django_assert_max_num_queries(2):
        due = source.due(context)
    assert len(due) == 5
