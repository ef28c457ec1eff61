"""The reminder-source registry: a higher app's own kind of reminder is planned once, sent once, skipped when it
no longer applies, and a kind registered twice is refused."""

import datetime

import pytest
from django.core import mail

from accounts.models import Role, User
from notifications import services
from notifications.models import Notification, Reminder
from notifications.sources import REMINDER_SOURCES, DueReminder, ReminderContent, ReminderSource
from planning.models import Phase
from tests.accounts.factories import UserFactory
from tests.planning.factories import PhaseFactory, StrategyProcessFactory

from .conftest import DUE

pytestmark = pytest.mark.django_db


def phase_due(context):
    """Every phase named 'Meten' is due on DUE, for every active staff member (a stand-in for a higher app's
    measurement moments)."""
    staff = list(User.objects.filter(role=Role.STAFF, is_active=True).values_list("pk", flat=True))
    due = []
    for pk, process_id in Phase.objects.filter(name="Meten").values_list("pk", "process_id"):
        offset = context.offset_for(DUE, process_id)
        if offset is not None:
            due += [DueReminder("test_phase", context.subject_type_id, pk, user_id, offset, DUE) for user_id in staff]
    return due


def phase_content(reminder, now):
    phase = Phase.objects.filter(pk=reminder.subject_id, name="Meten").first()
    if phase is None:
        return None
    return ReminderContent(f"Meten in {phase.process}", "Vul de waarden in.", "/meten/")


SOURCE = ReminderSource("test_phase", "meetmoment", Phase, phase_due, phase_content)


@pytest.fixture
def registered():
    REMINDER_SOURCES.register(SOURCE)
    yield SOURCE
    REMINDER_SOURCES._sources.pop(SOURCE.kind, None)


@pytest.fixture
def measuring(db):
    staff = UserFactory(username="meten-staf", role=Role.STAFF)
    phase = PhaseFactory(process=StrategyProcessFactory(short_name="VS Meten"), name="Meten", order=9)
    return staff, phase


def test_a_registered_source_is_planned_once_and_sent_once(registered, measuring, clock):
    staff, phase = measuring
    clock(DUE - datetime.timedelta(days=7))

    first = services.reminders_plan()
    second = services.reminders_plan()

    reminder = Reminder.objects.get(kind="test_phase")
    assert (reminder.subject, reminder.recipient, reminder.offset) == (phase, staff, 7)
    assert reminder.kind_label == "meetmoment"
    assert first == second == [reminder.pk]
    assert services.reminder_send(reminder_id=reminder.pk) == "sent"
    assert services.reminder_send(reminder_id=reminder.pk) == "not_claimed"
    assert [m.subject for m in mail.outbox if staff.email in m.to] == ["Meten in VS Meten"]
    assert Notification.objects.get(user=staff).url == "/meten/"


def test_a_reminder_that_no_longer_applies_is_skipped(registered, measuring, clock):
    _staff, phase = measuring
    clock(DUE - datetime.timedelta(days=1))
    [pk] = services.reminders_plan()
    phase.name = "Gemeten"
    phase.save(update_fields=["name"])

    assert services.reminder_send(reminder_id=pk) == "skipped"
    assert mail.outbox == []


def test_a_kind_without_a_source_is_skipped_not_an_error(registered, measuring, clock):
    clock(DUE - datetime.timedelta(days=1))
    [pk] = services.reminders_plan()
    REMINDER_SOURCES._sources.pop(SOURCE.kind)

    assert services.reminder_send(reminder_id=pk) == "skipped"


def test_a_second_source_with_a_taken_kind_is_refused(registered):
    other = ReminderSource("test_phase", "iets anders", Phase, phase_due, phase_content)
    with pytest.raises(ValueError, match="registered twice"):
        REMINDER_SOURCES.register(other)
    assert REMINDER_SOURCES.register(SOURCE) is SOURCE


def test_the_four_built_in_kinds_are_registered():
    assert {"milestone", "ballot", "action", "plan_check"} <= set(REMINDER_SOURCES.labels())
