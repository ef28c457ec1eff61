"""manage.py send_reminders: plans and sends at once, for cron and development; a second run sends nothing."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from notifications.models import NotificationPreference, Reminder

from .conftest import DUE
from .factories import NotificationPreferenceFactory

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("send_reminders", *args, stdout=out)
    return out.getvalue()


def test_it_sends_the_due_reminders_once(clock, meeting):
    clock(DUE - datetime.timedelta(days=14))
    assert "sent: 3" in run()
    assert len(mail.outbox) == 3
    assert "niets te doen" in run()
    assert len(mail.outbox) == 3
    assert Reminder.objects.filter(status=Reminder.Status.SENT).count() == 3


def test_with_digests_it_sends_the_daily_digest(clock, milestone, responsible):
    NotificationPreferenceFactory(user=responsible, delivery=NotificationPreference.Delivery.DIGEST)
    clock(DUE - datetime.timedelta(days=1))
    output = run("--digests")
    assert "Dagelijkse overzichten: 1 verstuurd" in output
    [message] = mail.outbox
    assert message.subject == "VS-portaal: 1 herinnering"
