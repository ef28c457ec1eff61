"""Writing the audit log, in one place. Pages, the admin, commands and signal receivers call ``audit_record``."""

import datetime
import logging

from django.db import models, transaction
from django.http import HttpRequest
from django.utils import timezone

from accounts.client_address import client_address

from . import retention
from .models import AuditEvent

logger = logging.getLogger("audit")
MAX_REPR = AuditEvent._meta.get_field("object_repr").max_length


@transaction.atomic
def audit_record(
    *,
    kind: str,
    request: HttpRequest | None = None,
    user=None,
    username: str = "",
    obj: models.Model | None = None,
    details: dict | None = None,
) -> AuditEvent:
    """Record one event. The user defaults to the request's (when logged in), the address to the request's real
    client address (behind trusted proxies too). Also logged as a structured line (logger "audit")."""
    if user is None and request is not None and getattr(request, "user", None) is not None:
        user = request.user if request.user.is_authenticated else None
    event = AuditEvent(
        kind=kind,
        user=user,
        username=(username or (user.get_username() if user is not None else ""))[:150],
        address=client_address(request) if request is not None else None,
        details=details or {},
    )
    if obj is not None:
        event.object_type = obj._meta.label_lower
        event.object_id = str(obj.pk)
        event.object_repr = str(obj)[:MAX_REPR]
    event.save()
    logger.info(
        "audit",
        extra={
            "audit_kind": kind,
            "audit_user": event.username,
            "audit_object": event.object_type,
            "audit_object_id": event.object_id,
        },
    )
    return event


@transaction.atomic
def records_prune(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Delete what is older than its retention: audit events after AUDIT_RETENTION_DAYS, and whatever the other
    apps registered (notifications, reminders, digests, absences; audit/retention.py). Returns counts by name."""
    from django.conf import settings

    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.AUDIT_RETENTION_DAYS)
    counts = {"audit_events": AuditEvent.objects.filter(at__lt=cutoff).delete()[0]}
    for name, prune in retention.registered():
        counts[name] = prune(now)
    return counts
