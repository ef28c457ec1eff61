"""Putting a task in the queue after the transaction commits, without ever failing the request.

Every email and slow job is a Celery task that takes ids. ``enqueue_on_commit`` schedules it for the moment the
current transaction commits (at once outside one), so that the worker finds the rows, and a rolled-back request
sends nothing. If the broker (Redis) is down, the request still answers: the error is logged. In the embedded
set-up (tasks run eagerly) a failing task is logged too, never shown to the user as a 500.
"""

import logging
from functools import partial

from django.db import transaction

logger = logging.getLogger(__name__)


def _send(task, args: tuple) -> None:
    try:
        task.apply_async(args=args, retry_policy={"max_retries": 1, "interval_start": 0, "interval_step": 0.2})
    except Exception:
        logger.exception("Taak %s kon niet in de wachtrij (of mislukte direct)", task.name)


def enqueue_on_commit(task, *args) -> None:
    """Enqueue ``task(*args)`` once the current transaction has committed."""
    transaction.on_commit(partial(_send, task, args))
