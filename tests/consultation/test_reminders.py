"""Reminders to staff before a round's deadline while councils have not answered: planned and sent once, and
skipped once every council has answered."""

import datetime

import pytest
from django.core import mail

from consultation.models import CouncilEntry
from notifications import services
from notifications.models import Reminder
from notifications.sources import REMINDER_SOURCES
from tests.notifications.conftest import clock  # noqa: F401 - the frozen clock fixture

from .conftest import DEADLINE

pytestmark = pytest.mark.django_db


def test_the_consultation_kind_is_registered():
    assert REMINDER_SOURCES.get("consultation").label == "consultatie gemeenteraden"


def test_staff_are_reminded_once_of_the_councils_without_response(consultation, staff, secretary, clock):  # noqa: F811
    clock(DEADLINE - datetime.timedelta(days=7))
    first = services.reminders_plan()
    second = services.reminders_plan()
    reminder = Reminder.objects.get(kind="consultation")
    assert first == second == [reminder.pk]
    assert (reminder.subject, reminder.recipient) == (consultation, staff)

    assert services.reminder_send(reminder_id=reminder.pk) == "sent"
    assert services.reminder_send(reminder_id=reminder.pk) == "not_claimed"
    [message] = [m for m in mail.outbox if staff.email in m.to]
    count = consultation.entries.count()
    assert message.subject == f"Consultatie: {count} gemeenteraden nog zonder reactie"
    assert "Aalten" in message.body
    assert not [m for m in mail.outbox if secretary.email in m.to]


def test_no_reminder_once_every_council_has_answered(consultation, staff, clock):  # noqa: F811
    clock(DEADLINE - datetime.timedelta(days=1))
    [pk] = services.reminders_plan()
    consultation.entries.update(status=CouncilEntry.Status.NO_RESPONSE)
    assert services.reminder_send(reminder_id=pk) == "skipped"
    assert services.reminders_plan() == []
