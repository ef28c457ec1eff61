"""The timings of the reminders, in one place.

Each can be overridden with a setting ``NOTIFICATIONS_<NAME>``. Every countdown, ETA and retry delay stays below
the broker's visibility timeout (``CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]``); a test checks it.
Why that matters: Redis hands an unacknowledged message to another worker once the visibility timeout has passed,
and a task waiting for its countdown is unacknowledged all that time, so a longer wait would run it twice (the
claim in services.reminder_send would still stop a second mail, but not the wasted work).
"""

from django.conf import settings

DEFAULTS = {
    # Days before the due date at which a reminder goes out, unless the process sets its own (ReminderSettings).
    "DEFAULT_OFFSETS": [14, 7, 1],
    # An overdue reminder goes out once, on a run within this many days after the due date; older items (such as
    # the 2018 demo planning) are history, not reminders.
    "OVERDUE_LOOKBACK_DAYS": 7,
    # An ambtelijke toets that has been 'sent' for longer than this many days is outstanding.
    "PLAN_CHECK_DAYS": 14,
    # A reminder claimed ('sending') for longer than this is taken to belong to a worker that died; the next
    # plan_reminders run puts it back to 'pending'. Must exceed SEND_TIME_LIMIT, or a slow send could be reclaimed
    # while it is still running.
    "SENDING_TIMEOUT": 15 * 60,
    # A pending reminder enqueued less than this many seconds ago is not enqueued again by the next run (it is
    # probably still in the queue); after it, it is (the message may have been lost with Redis).
    "ENQUEUE_GRACE": 30 * 60,
    # Countdown of a retry after a failed send (e.g. the SMTP server is down), and how many attempts in all.
    "RETRY_DELAY": 5 * 60,
    "MAX_ATTEMPTS": 5,
    # Hard and soft time limits of one send (enforced by prefork workers), and the SMTP socket timeout.
    "SEND_SOFT_TIME_LIMIT": 90,
    "SEND_TIME_LIMIT": 120,
    "EMAIL_TIMEOUT": 30,
}


def setting(name: str):
    return getattr(settings, f"NOTIFICATIONS_{name}", DEFAULTS[name])
