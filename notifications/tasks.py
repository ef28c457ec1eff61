"""Celery tasks of the reminders. Each takes ids, loads through a service, and is safe to run twice.

The beat schedule is CELERY_BEAT_SCHEDULE in vs_portal/settings.py. Timings are in notifications/conf.py; every
countdown stays below the broker's visibility timeout.
"""

import logging
from functools import partial

from celery import shared_task
from django.db import transaction
from kombu.exceptions import OperationalError as KombuOperationalError
from redis.exceptions import RedisError

from . import services
from .conf import setting

logger = logging.getLogger(__name__)

# What a publish raises when Redis cannot be reached (kombu wraps most, not all, of redis-py's errors).
BROKER_ERRORS = (KombuOperationalError, RedisError, ConnectionError, OSError)
# Publish once more after a short pause, then give up: what is not enqueued stays pending for the next run, and
# the web process must not hang on a dead Redis.
PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}


def enqueue(task, ids: list[int]) -> list[int]:
    """Enqueue ``task(id)`` for each id; return the ids that went into the queue.

    Stops at the first broker error and logs a warning: the rest stay pending in the database and the next
    planning run picks them up. Never raises for a broker that is down.
    """
    enqueued = []
    for pk in ids:
        try:
            task.apply_async(args=[pk], retry_policy=PUBLISH_RETRY_POLICY)
        except BROKER_ERRORS as exc:
            logger.warning(
                "Broker onbereikbaar; %s van %s %s-taken niet in de wachtrij gezet, de volgende ronde probeert het "
                "opnieuw: %s",
                len(ids) - len(enqueued),
                len(ids),
                task.name,
                exc,
            )
            break
        enqueued.append(pk)
    return enqueued


def retry_delay(retries: int) -> int:
    """Exponential backoff: RETRY_DELAY, twice that, four times, ... never past the broker's visibility timeout."""
    from django.conf import settings

    ceiling = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] - 60
    return min(setting("RETRY_DELAY") * 2**retries, ceiling)


def _enqueue_reminders(ids: list[int]) -> None:
    services.reminders_mark_enqueued(reminder_ids=enqueue(send_reminder, ids))


@shared_task(bind=True, acks_late=True, ignore_result=True)
def plan_reminders(self) -> int:
    """Find what is due and enqueue one send_reminder per reminder. Beat runs it every 15 minutes.

    Window: each run plans the reminders due on today's date (Europe/Amsterdam) and in the days ahead up to the
    largest offset; a run that comes late still sends the one reminder that fits now, and an overdue reminder is
    planned on any run within OVERDUE_LOOKBACK_DAYS (7) after the date. A run also puts back reminders stuck in
    'sending' (their worker died) and enqueues pending ones that never reached the queue. Two runs at once, or
    one twice, plan and send nothing twice (see services.py).
    """
    ids = services.reminders_plan()
    transaction.on_commit(partial(_enqueue_reminders, ids))
    return len(ids)


@shared_task(
    bind=True,
    acks_late=True,
    ignore_result=True,
    max_retries=None,  # the database counts the attempts (MAX_ATTEMPTS)
    soft_time_limit=setting("SEND_SOFT_TIME_LIMIT"),
    time_limit=setting("SEND_TIME_LIMIT"),
)
def send_reminder(self, reminder_id: int) -> str:
    """Send one reminder; a no-op if it is not pending (already sent, or being sent by another worker)."""
    try:
        return services.reminder_send(reminder_id=reminder_id)
    except services.ReminderSendError as exc:
        if not exc.will_retry:
            raise
        raise self.retry(exc=exc, countdown=retry_delay(self.request.retries)) from exc


@shared_task(bind=True, acks_late=True, ignore_result=True)
def send_daily_digests(self) -> int:
    """Enqueue today's digest for each user who chose a daily digest and has something waiting. Beat runs it
    daily at 07:00; a second run the same day sends nothing again (one digest per user per day)."""
    ids = services.digests_plan()
    transaction.on_commit(partial(enqueue, send_digest, ids))
    return len(ids)


@shared_task(
    bind=True,
    acks_late=True,
    ignore_result=True,
    soft_time_limit=setting("SEND_SOFT_TIME_LIMIT"),
    time_limit=setting("SEND_TIME_LIMIT"),
)
def send_digest(self, digest_id: int) -> str:
    """Send one user's daily digest; a no-op if it is not pending. A failed send is tried again by the next run."""
    return services.digest_send(digest_id=digest_id)
