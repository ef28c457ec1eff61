"""reminder_send and the tasks: one email per reminder, in Dutch, HTML and text, with a direct link; claimed before
sending so that nothing goes twice; the preference (each, daily digest, none); failures and reclaiming."""

import datetime
import logging

import pytest
from django.core import mail
from kombu.exceptions import OperationalError

from notifications import services, tasks
from notifications.models import Digest, Notification, NotificationPreference, Reminder
from planning.models import Milestone

from .conftest import DUE, at
from .factories import NotificationPreferenceFactory

pytestmark = pytest.mark.django_db

SITE = "https://vs.example.org"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE


def plan_and_send():
    return [services.reminder_send(reminder_id=pk) for pk in services.reminders_plan()]


def mails_to(address):
    return [message for message in mail.outbox if address in message.to]


def test_a_due_milestone_sends_one_dutch_email_with_a_direct_link(clock, milestone, responsible):
    clock(DUE - datetime.timedelta(days=7))
    assert plan_and_send() == ["sent"]
    [message] = mails_to(responsible.email)
    assert message.subject == "Herinnering: DVO Gelderland-Midden op 4 april 2018"
    assert "staat gepland op 4 april 2018, over 7 dagen." in message.body
    link = f"{SITE}/processen/{milestone.process.slug}/mijlpalen/{milestone.pk}/"
    assert link in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert f'href="{link}"' in html
    assert '<html lang="nl">' in html
    assert message.extra_headers["Message-ID"].startswith("<herinnering-")
    reminder = Reminder.objects.get()
    assert (reminder.status, reminder.emailed, reminder.attempts) == (Reminder.Status.SENT, True, 1)
    notification = Notification.objects.get()
    assert (notification.user, notification.reminder, notification.read_at) == (responsible, reminder, None)
    assert notification.url == milestone.get_absolute_url()


def test_sending_the_same_reminder_again_sends_nothing(clock, milestone):
    clock(DUE - datetime.timedelta(days=1))
    [pk] = services.reminders_plan()
    assert services.reminder_send(reminder_id=pk) == "sent"
    assert services.reminder_send(reminder_id=pk) == "not_claimed"
    assert len(mail.outbox) == 1
    assert Notification.objects.count() == 1


def test_a_reminder_claimed_by_another_worker_is_left_alone(clock, milestone):
    clock(DUE - datetime.timedelta(days=1))
    [pk] = services.reminders_plan()
    claimed_at = at(DUE - datetime.timedelta(days=1))
    Reminder.objects.filter(pk=pk).update(status=Reminder.Status.SENDING, claimed_at=claimed_at)
    assert services.reminder_send(reminder_id=pk) == "not_claimed"
    assert mail.outbox == []


def test_overdue_milestone_email(clock, milestone, responsible):
    clock(DUE + datetime.timedelta(days=1))
    plan_and_send()
    [message] = mails_to(responsible.email)
    assert message.subject == "Te laat: DVO Gelderland-Midden (4 april 2018)"
    assert "is nog niet gereedgemeld" in message.body


def test_ballot_reminder_email_links_to_the_ballot(clock, deadline, secretary):
    clock(DUE - datetime.timedelta(days=1))
    plan_and_send()
    [message] = mails_to(secretary.email)
    assert message.subject == "Herinnering: keuze van DVO GLM uiterlijk 4 april 2018"
    assert "nog geen keuze van 7 prioriteiten ingediend. De termijn verstrijkt morgen, op 4 april 2018 om 23:59." in (
        message.body
    )
    assert f"{SITE}/processen/{deadline.round.process.slug}/keuze/GLM/" in message.body


def test_action_reminder_email(clock, action):
    clock(DUE - datetime.timedelta(days=14))
    plan_and_send()
    [message] = mails_to(action.owner.user.email)
    assert message.subject == "Herinnering: actie ‘Regioburgemeester informeren’ uiterlijk 4 april 2018"
    assert f"{SITE}{action.get_absolute_url()}" in message.body


def test_plan_check_reminder_email(clock, plan, staff):
    clock(DUE + datetime.timedelta(days=1))
    plan_and_send()
    [message] = mails_to(staff.email)
    assert message.subject == "Ambtelijke toets Testgemeente Arnhem nog niet beantwoord"
    assert "is op 21 maart 2018 verstuurd en na 15 dagen nog niet beantwoord." in message.body
    assert f"/scan/gemeenten/{plan.municipality_id}/" in message.body


def test_a_reminder_whose_milestone_was_done_meanwhile_is_skipped(clock, milestone):
    clock(DUE - datetime.timedelta(days=1))
    [pk] = services.reminders_plan()
    Milestone.objects.filter(pk=milestone.pk).update(status=Milestone.Status.DONE)
    assert services.reminder_send(reminder_id=pk) == "skipped"
    assert mail.outbox == []
    assert Notification.objects.count() == 0
    assert Reminder.objects.get().status == Reminder.Status.SKIPPED


# --- Preferences --------------------------------------------------------------------------------------------------


def test_preference_none_makes_only_the_notification(clock, milestone, responsible):
    NotificationPreferenceFactory(user=responsible, delivery=NotificationPreference.Delivery.NONE)
    clock(DUE - datetime.timedelta(days=7))
    assert plan_and_send() == ["sent"]
    assert mail.outbox == []
    notification = Notification.objects.get()
    assert not notification.awaits_digest
    assert Reminder.objects.get().emailed is False


def test_preference_digest_collects_the_day_in_one_email(clock, milestone, action, responsible):
    action.owner = responsible.person
    action.save(update_fields=["owner"])
    NotificationPreferenceFactory(user=responsible, delivery=NotificationPreference.Delivery.DIGEST)
    clock(DUE - datetime.timedelta(days=7))
    assert plan_and_send() == ["sent", "sent"]
    assert [m.to for m in mail.outbox] == []
    assert Notification.objects.filter(awaits_digest=True).count() == 2

    clock(at(DUE - datetime.timedelta(days=6), 7))
    [digest_id] = services.digests_plan()
    assert services.digest_send(digest_id=digest_id) == "sent"
    [message] = mail.outbox
    assert message.to == [responsible.email]
    assert message.subject == "VS-portaal: 2 herinneringen"
    assert "DVO Gelderland-Midden" in message.body
    assert "Regioburgemeester informeren" in message.body
    assert f"{SITE}/meldingen/" in message.body
    assert "text/html" in message.alternatives[0][1]
    assert not Notification.objects.filter(awaits_digest=True).exists()

    # A second digest run on the same day sends nothing; the next day there is nothing left to send.
    assert services.digests_plan() == []
    clock(at(DUE - datetime.timedelta(days=5), 7))
    assert services.digests_plan() == []
    assert len(mail.outbox) == 1


def test_the_daily_digest_task_sends_each_digest_once(
    clock, eager_celery, milestone, responsible, django_capture_on_commit_callbacks
):
    NotificationPreferenceFactory(user=responsible, delivery=NotificationPreference.Delivery.DIGEST)
    clock(DUE - datetime.timedelta(days=7))
    plan_and_send()
    clock(at(DUE - datetime.timedelta(days=6), 7))
    with django_capture_on_commit_callbacks(execute=True):
        tasks.send_daily_digests.delay()
    with django_capture_on_commit_callbacks(execute=True):
        tasks.send_daily_digests.delay()
    assert len(mail.outbox) == 1
    assert Digest.objects.get().status == Digest.Status.SENT


def test_a_user_who_switched_from_digest_to_none_gets_no_digest(clock, milestone, responsible):
    preference = NotificationPreferenceFactory(user=responsible, delivery=NotificationPreference.Delivery.DIGEST)
    clock(DUE - datetime.timedelta(days=7))
    plan_and_send()
    preference.delivery = NotificationPreference.Delivery.NONE
    preference.save()
    clock(at(DUE - datetime.timedelta(days=6), 7))
    [digest_id] = services.digests_plan()
    assert services.digest_send(digest_id=digest_id) == "skipped"
    assert mail.outbox == []


# --- Failures -----------------------------------------------------------------------------------------------------


def test_a_failed_send_goes_back_to_pending_then_fails_after_max_attempts(clock, milestone, settings, monkeypatch):
    settings.NOTIFICATIONS_MAX_ATTEMPTS = 2

    def broken(*args, **kwargs):
        raise ConnectionRefusedError("SMTP-server onbereikbaar")

    monkeypatch.setattr("notifications.emails.send_reminder", broken)
    clock(DUE - datetime.timedelta(days=1))
    [pk] = services.reminders_plan()
    with pytest.raises(services.ReminderSendError) as first:
        services.reminder_send(reminder_id=pk)
    assert first.value.will_retry
    reminder = Reminder.objects.get()
    assert (reminder.status, reminder.attempts) == (Reminder.Status.PENDING, 1)
    assert "SMTP-server onbereikbaar" in reminder.last_error
    with pytest.raises(services.ReminderSendError) as second:
        services.reminder_send(reminder_id=pk)
    assert not second.value.will_retry
    assert Reminder.objects.get().status == Reminder.Status.FAILED
    # The notification was made once, on the first attempt.
    assert Notification.objects.count() == 1


def test_a_reminder_stuck_in_sending_is_reclaimed_after_the_timeout_and_sent_once(clock, milestone, settings):
    clock(at(DUE - datetime.timedelta(days=1), 8, 0))
    [pk] = services.reminders_plan()
    # A worker claimed it and died.
    claimed_at = at(DUE - datetime.timedelta(days=1))
    Reminder.objects.filter(pk=pk).update(status=Reminder.Status.SENDING, claimed_at=claimed_at)
    clock(at(DUE - datetime.timedelta(days=1), 8, 10))
    assert services.reminders_plan() == []  # not yet: it may still be sending
    clock(at(DUE - datetime.timedelta(days=1), 8, 16))
    assert services.reminders_plan() == [pk]
    assert services.reminder_send(reminder_id=pk) == "sent"
    assert len(mail.outbox) == 1


def test_a_pending_reminder_is_enqueued_again_only_after_the_grace_period(clock, milestone):
    clock(at(DUE - datetime.timedelta(days=1), 8, 0))
    [pk] = services.reminders_plan()
    services.reminders_mark_enqueued(reminder_ids=[pk])
    clock(at(DUE - datetime.timedelta(days=1), 8, 15))
    assert services.reminders_plan() == []
    clock(at(DUE - datetime.timedelta(days=1), 8, 31))
    assert services.reminders_plan() == [pk]


# --- The tasks ----------------------------------------------------------------------------------------------------


def beat_tick(capture):
    with capture(execute=True):
        tasks.plan_reminders.delay()


def test_plan_reminders_task_sends_each_reminder_once_however_often_it_runs(
    clock, eager_celery, meeting, django_capture_on_commit_callbacks
):
    clock(DUE - datetime.timedelta(days=7))
    beat_tick(django_capture_on_commit_callbacks)
    beat_tick(django_capture_on_commit_callbacks)
    clock(at(DUE - datetime.timedelta(days=7), 12))
    beat_tick(django_capture_on_commit_callbacks)
    assert sorted(message.to[0] for message in mail.outbox) == [
        "lid-een@example.org",
        "lid-twee@example.org",
        "verantwoordelijke@example.org",
    ]
    assert set(Reminder.objects.values_list("status", flat=True)) == {Reminder.Status.SENT}


def test_with_the_broker_down_reminders_stay_pending_and_the_next_run_sends_them(
    clock, eager_celery, meeting, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    def down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    clock(DUE - datetime.timedelta(days=7))
    with monkeypatch.context() as patch:
        patch.setattr(tasks.send_reminder, "apply_async", down)
        with caplog.at_level(logging.WARNING, logger="notifications.tasks"):
            beat_tick(django_capture_on_commit_callbacks)
    assert "Broker onbereikbaar" in caplog.text
    assert mail.outbox == []
    assert set(Reminder.objects.values_list("status", "enqueued_at")) == {(Reminder.Status.PENDING, None)}

    clock(at(DUE - datetime.timedelta(days=7), 8, 15))
    beat_tick(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 3
    assert set(Reminder.objects.values_list("status", flat=True)) == {Reminder.Status.SENT}


def test_send_reminder_task_retries_a_failed_email(clock, eager_celery, milestone, monkeypatch):
    calls = []

    def flaky(notification, *, to):
        calls.append(to)
        if len(calls) == 1:
            raise ConnectionRefusedError("SMTP-server onbereikbaar")
        return 1

    monkeypatch.setattr("notifications.emails.send_reminder", flaky)
    clock(DUE - datetime.timedelta(days=1))
    [pk] = services.reminders_plan()
    tasks.send_reminder.apply(args=[pk], throw=False)  # eager: the retry runs at once, not after RETRY_DELAY
    assert len(calls) == 2
    reminder = Reminder.objects.get()
    assert (reminder.status, reminder.attempts) == (Reminder.Status.SENT, 2)
