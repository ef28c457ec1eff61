"""Reminders before the toets deadline to the municipality's contacts: planned once per offset, sent once, dropped
once the toets is answered."""

import datetime

import pytest
from django.utils import timezone

from notifications.models import Notification, Reminder
from notifications.services import reminder_send, reminders_plan
from partners.reminders import KIND
from partners.services import check_answer


def at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(8, 0)))


@pytest.mark.django_db
def test_the_contact_is_reminded_once_before_the_deadline(check, contact, other_contact, staff):
    week_before = at(check.deadline - datetime.timedelta(days=6))
    ids = reminders_plan(now=week_before)
    reminders = Reminder.objects.filter(kind=KIND)
    assert list(reminders.values_list("recipient", "offset")) == [(contact.pk, 7)]
    assert set(ids) >= set(reminders.values_list("pk", flat=True))
    reminder = reminders.get()
    assert reminder_send(reminder_id=reminder.pk, now=week_before) == "sent"
    notification = Notification.objects.get(user=contact)
    assert notification.title == "Ambtelijke toets Arnhem: reageren uiterlijk 1 maart 2018"
    assert notification.url == f"/toets/{check.pk}/"
    # A second run plans nothing new for the same offset.
    reminders_plan(now=week_before + datetime.timedelta(hours=1))
    assert Reminder.objects.filter(kind=KIND).count() == 1


@pytest.mark.django_db
def test_an_answered_toets_is_not_reminded(check, contact):
    check_answer(request=check, user=contact, agrees=True, proposals=[])
    reminders_plan(now=at(check.deadline - datetime.timedelta(days=1)))
    assert not Reminder.objects.filter(kind=KIND).exists()
