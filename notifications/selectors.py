"""Reads of the notifications app: what is due for a reminder now, and a user's notifications.

``due_reminders`` answers with a fixed number of queries, however many milestones, actions, plans and users
there are: each reminder source is one query over a date window and one for its recipients, and the offsets are
picked in Python.
"""

import datetime
from dataclasses import asdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from . import unread
from .conf import setting
from .models import Notification, NotificationPreference, Reminder, ReminderSettings
from .sources import REMINDER_SOURCES, DueContext, DueReminder, offset_for

__all__ = ["DueReminder", "due_reminders", "offset_for", "reminder_row"]


def reminder_row(item: DueReminder) -> Reminder:
    """The Reminder row a due reminder is stored as."""
    return Reminder(**asdict(item))


def process_offsets() -> tuple[dict[int, list[int]], list[int]]:
    """Each process's own offsets, and the default for the others (one query)."""
    default = list(setting("DEFAULT_OFFSETS"))
    own = {row["process_id"]: row["offsets"] for row in ReminderSettings.objects.values("process_id", "offsets")}
    return own, default


def due_reminders(now: datetime.datetime) -> list[DueReminder]:
    """Every reminder that is due at ``now``, from every registered reminder source (sources.py): the milestones,
    DVO choices, actions and ambtelijke toetsen of builtin_sources.py, and what higher apps register."""
    today = timezone.localdate(now)
    own, default = process_offsets()
    horizon = max([*default, *(days for offsets in own.values() for days in offsets)])
    sources = list(REMINDER_SOURCES)
    types = ContentType.objects.get_for_models(*(source.model for source in sources))
    due: list[DueReminder] = []
    for source in sources:
        context = DueContext(
            now=now,
            today=today,
            horizon=horizon,
            lookback=setting("OVERDUE_LOOKBACK_DAYS"),
            offsets_by_process=own,
            default_offsets=default,
            subject_type_id=types[source.model].pk,
        )
        due += source.due(context)
    return due


def reminders_to_enqueue(now: datetime.datetime, limit: int = 1000) -> list[int]:
    """Pending reminders not in the queue: new ones, ones Redis could not take, ones whose message may be lost."""
    grace = datetime.timedelta(seconds=setting("ENQUEUE_GRACE"))
    return list(
        Reminder.objects.filter(status=Reminder.Status.PENDING, attempts__lt=setting("MAX_ATTEMPTS"))
        .filter(Q(enqueued_at__isnull=True) | Q(enqueued_at__lt=now - grace))
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )


def delivery_of(user) -> str:
    """The user's choice of email delivery; each reminder by email unless they chose otherwise."""
    preference = NotificationPreference.objects.filter(user=user).values_list("delivery", flat=True).first()
    return preference or NotificationPreference.Delivery.EACH


def notifications_for(user):
    return Notification.objects.filter(user=user)


def unread_count(user) -> int:
    """From the shared cache while the user's notifications are unchanged (notifications/unread.py)."""
    return unread.unread_count(user)


def get_notification_for_user(user, pk) -> Notification:
    """A user's own notification; 404 for anyone else's."""
    return get_object_or_404(Notification, pk=pk, user=user)
