"""Every countdown, ETA and retry delay stays below the broker's visibility timeout, and the timeouts of a send
fit inside each other; one beat schedule with the two periodic tasks."""

from django.conf import settings

from notifications import tasks
from notifications.conf import DEFAULTS, setting
from vs_portal.celery import app


def test_every_countdown_and_retry_delay_is_below_the_visibility_timeout():
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert setting("RETRY_DELAY") < visibility
    assert setting("ENQUEUE_GRACE") < visibility
    assert setting("SENDING_TIMEOUT") < visibility
    for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
        assert entry["options"]["expires"] < visibility, name


def test_a_send_ends_before_its_reminder_can_be_reclaimed():
    assert setting("EMAIL_TIMEOUT") < setting("SEND_SOFT_TIME_LIMIT") < setting("SEND_TIME_LIMIT")
    assert setting("SEND_TIME_LIMIT") < setting("SENDING_TIMEOUT")
    assert tasks.send_reminder.time_limit == setting("SEND_TIME_LIMIT")


def test_the_plan_tick_expires_before_the_next_one():
    entry = settings.CELERY_BEAT_SCHEDULE["plan-reminders"]
    assert entry["options"]["expires"] < 15 * 60
    assert entry["task"] == tasks.plan_reminders.name


def test_the_beat_schedule_names_registered_tasks_with_late_acknowledgement():
    app.loader.import_default_modules()
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        task = app.tasks[entry["task"]]
        assert task.acks_late
    assert tasks.send_reminder.acks_late
    assert tasks.send_digest.acks_late
    assert settings.CELERY_TASK_REJECT_ON_WORKER_LOST


def test_defaults_are_the_documented_ones():
    assert DEFAULTS["DEFAULT_OFFSETS"] == [14, 7, 1]
