"""What the nightly prune task (audit.tasks.prune_old_records) removes of the planning: absences (personal data)
that ended more than ABSENCE_RETENTION_DAYS ago, with their history."""

import datetime

from django.conf import settings
from django.utils import timezone


def prune(now: datetime.datetime) -> int:
    from .models import Absence

    cutoff = timezone.localdate(now) - datetime.timedelta(days=settings.ABSENCE_RETENTION_DAYS)
    old = Absence.objects.filter(ends_on__lt=cutoff)
    history = Absence.history.model.objects.filter(ends_on__lt=cutoff)
    return old.delete()[0] + history.delete()[0]
