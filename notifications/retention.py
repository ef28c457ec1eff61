"""What the nightly prune task (audit.tasks.prune_old_records) removes of the notifications app: in-app
notifications, sent or dropped reminders and digests older than NOTIFICATION_RETENTION_DAYS."""

import datetime

from django.conf import settings


def prune(now: datetime.datetime) -> int:
    from .models import Digest, Notification, Reminder

    cutoff = now - datetime.timedelta(days=settings.NOTIFICATION_RETENTION_DAYS)
    deleted = Notification.objects.filter(created_at__lt=cutoff).delete()[0]
    # A reminder still pending or being sent is never pruned; an old one can no longer be planned again (the
    # planning looks OVERDUE_LOOKBACK_DAYS back at most), so removing its row cannot make it go out twice.
    deleted += (
        Reminder.objects.filter(due_on__lt=cutoff.date())
        .exclude(status__in=[Reminder.Status.PENDING, Reminder.Status.SENDING])
        .delete()[0]
    )
    deleted += Digest.objects.filter(day__lt=cutoff.date()).exclude(status=Digest.Status.PENDING).delete()[0]
    return deleted
