"""Writes of the notifications app: planning reminders, sending them once, the daily digest, reading notifications.

How "exactly once" is held
--------------------------
1. Planning (``reminders_plan``, run by the beat every 15 minutes, or by ``manage.py send_reminders``) inserts one
   Reminder row per subject, recipient and offset. The unique constraint makes a second run, or two at once,
   insert nothing new (``bulk_create(ignore_conflicts=True)``); the ids to send are read back from the database.
2. Sending (``reminder_send``) first *claims* the row with a conditional update, pending -> sending, committed
   before anything goes out. Only one worker can win that update, so a duplicate message (a second beat tick, a
   task retried, a message redelivered by Redis after its visibility timeout, two workers) finds nothing to do.
3. After the mail has gone the row is marked sent.

With SMTP there is no true exactly-once: a mail server cannot take part in our transaction. The one window left
is between the SMTP server accepting the message and step 3 committing (milliseconds). A worker killed *in* that
window leaves the row in 'sending'; the next planning run after SENDING_TIMEOUT puts it back to 'pending' and the
reminder is sent again, with the same Message-ID (emails.py), so mail systems that deduplicate drop the second
copy. We chose that side on purpose: a worker killed anywhere *before* the SMTP hand-over (rendering, connecting,
waiting; by far the longer stretch) then still delivers the reminder once, instead of losing it. Marking the row
sent *before* sending would turn the rare duplicate into a lost reminder every time a worker dies mid-send.
In short: at-least-once across that millisecond window, exactly once everywhere else; never lost.

A reminder that could not be enqueued (Redis down) simply stays 'pending' with no ``enqueued_at``; the next run
enqueues it. A pending reminder enqueued more than ENQUEUE_GRACE ago is enqueued again (its message may have
been lost with Redis); the claim makes the extra message harmless.
"""

import datetime
import logging

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import override

from accounts.models import User

from . import emails, selectors
from .conf import setting
from .models import Digest, Notification, NotificationPreference, Reminder
from .sources import REMINDER_SOURCES
from .unread import unread_changed

logger = logging.getLogger(__name__)


class ReminderSendError(Exception):
    """Sending the email failed; the reminder is back to 'pending' (``will_retry``) or 'failed' after MAX_ATTEMPTS."""

    def __init__(self, message: str, *, will_retry: bool):
        super().__init__(message)
        self.will_retry = will_retry


# --- Planning ---------------------------------------------------------------------------------------------------


def reminders_reclaim(*, now: datetime.datetime) -> int:
    """Put reminders and digests stuck in 'sending' for longer than SENDING_TIMEOUT (their worker died) back to
    'pending', or to 'failed' once they have had MAX_ATTEMPTS. Returns the number put back."""
    stale = now - datetime.timedelta(seconds=setting("SENDING_TIMEOUT"))
    stuck = Reminder.objects.filter(status=Reminder.Status.SENDING, claimed_at__lt=stale)
    stuck.filter(attempts__gte=setting("MAX_ATTEMPTS")).update(
        status=Reminder.Status.FAILED, last_error="Verzending afgebroken (worker gestopt)."
    )
    reclaimed = stuck.update(status=Reminder.Status.PENDING, enqueued_at=None)
    Digest.objects.filter(status=Digest.Status.SENDING, claimed_at__lt=stale).update(status=Digest.Status.PENDING)
    if reclaimed:
        logger.warning("%s herinnering(en) bleven hangen in 'sending' en worden opnieuw verstuurd.", reclaimed)
    return reclaimed


def reminders_plan(*, now: datetime.datetime | None = None) -> list[int]:
    """Create the Reminder rows that are due at ``now`` and return the ids of the pending reminders to enqueue.

    Safe to run twice or concurrently: the unique constraint per subject, recipient and offset lets each reminder
    exist once; the ids returned are read back from the database, not taken from what this run inserted. A fixed
    number of queries, whatever the number of milestones and users.
    """
    now = now or timezone.now()
    reminders_reclaim(now=now)
    due = selectors.due_reminders(now)
    with transaction.atomic():
        Reminder.objects.bulk_create([selectors.reminder_row(item) for item in due], ignore_conflicts=True)
    return selectors.reminders_to_enqueue(now)


def reminders_mark_enqueued(*, reminder_ids: list[int], now: datetime.datetime | None = None) -> None:
    Reminder.objects.filter(pk__in=reminder_ids, status=Reminder.Status.PENDING).update(
        enqueued_at=now or timezone.now()
    )


# --- Sending ----------------------------------------------------------------------------------------------------


def _claim(reminder_id: int, now: datetime.datetime) -> bool:
    """pending -> sending, committed at once, so that no other worker can take the same reminder."""
    with transaction.atomic():
        return bool(
            Reminder.objects.filter(pk=reminder_id, status=Reminder.Status.PENDING).update(
                status=Reminder.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
            )
        )


def _finish(reminder_id: int, status: str, now: datetime.datetime, **fields) -> None:
    Reminder.objects.filter(pk=reminder_id, status=Reminder.Status.SENDING).update(status=status, **fields)


def reminder_send(*, reminder_id: int, now: datetime.datetime | None = None) -> str:
    """Send one reminder, at most once: claim it, create the in-app notification, email it if the recipient wants
    each reminder by email (or leave it for the daily digest), mark it sent.

    Returns what happened: 'sent', 'skipped' (no longer relevant: the milestone is done, the DVO has chosen, ...)
    or 'not_claimed' (another run has it or had it). Raises ReminderSendError when the email failed; the reminder
    is then pending again for a retry, or failed after MAX_ATTEMPTS.
    """
    now = now or timezone.now()
    if not _claim(reminder_id, now):
        return "not_claimed"
    reminder = Reminder.objects.select_related("recipient").get(pk=reminder_id)
    recipient = reminder.recipient
    with override("nl"):
        content = reminder_content(reminder, now) if recipient.is_active else None
    if content is None:
        _finish(reminder_id, Reminder.Status.SKIPPED, now, sent_at=now)
        return "skipped"

    delivery = selectors.delivery_of(recipient)
    title, message, url = content
    # get_or_create: a reminder reclaimed after a crash finds the notification its first attempt made.
    notification, _created = Notification.objects.get_or_create(
        reminder=reminder,
        defaults={
            "user": recipient,
            "title": title,
            "message": message,
            "url": url,
            "awaits_digest": delivery == NotificationPreference.Delivery.DIGEST and bool(recipient.email),
        },
    )
    emailed = False
    if delivery == NotificationPreference.Delivery.EACH and recipient.email:
        try:
            emailed = emails.send_reminder(notification, to=recipient.email) > 0
        except Exception as exc:
            failed = reminder.attempts >= setting("MAX_ATTEMPTS")  # read after the claim counted this one
            _finish(
                reminder_id,
                Reminder.Status.FAILED if failed else Reminder.Status.PENDING,
                now,
                last_error=f"{type(exc).__name__}: {exc}"[:2000],
                # The task retries it after RETRY_DELAY; the planning run enqueues it only after ENQUEUE_GRACE.
                enqueued_at=now,
            )
            logger.warning("Herinnering %s niet verstuurd: %s", reminder_id, exc)
            raise ReminderSendError(str(exc), will_retry=not failed) from exc
    _finish(reminder_id, Reminder.Status.SENT, now, sent_at=timezone.now(), emailed=emailed, last_error="")
    return "sent"


def reminder_content(reminder: Reminder, now: datetime.datetime) -> tuple[str, str, str] | None:
    """The title, message and link of a reminder, from the subject as it is now (its source's ``content``); None
    when it no longer applies, or when no source of its kind is registered any more."""
    source = REMINDER_SOURCES.get(reminder.kind)
    content = source.content(reminder, now) if source is not None else None
    if content is None:
        return None
    return content.title, content.message, content.url


# --- The daily digest -------------------------------------------------------------------------------------------


def digests_plan(*, now: datetime.datetime | None = None) -> list[int]:
    """Create today's Digest row for each user with notifications waiting for one; return the pending digests.

    Safe to run twice: a digest is unique per user and day. Notifications made after today's digest went out
    wait for tomorrow's.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    user_ids = set(Notification.objects.filter(awaits_digest=True).values_list("user_id", flat=True))
    with transaction.atomic():
        Digest.objects.bulk_create([Digest(user_id=pk, day=today) for pk in sorted(user_ids)], ignore_conflicts=True)
    return list(Digest.objects.filter(status=Digest.Status.PENDING).order_by("pk").values_list("pk", flat=True))


def digest_send(*, digest_id: int, now: datetime.datetime | None = None) -> str:
    """Send one daily digest, claimed first like a reminder (pending -> sending), then marked sent."""
    now = now or timezone.now()
    with transaction.atomic():
        claimed = Digest.objects.filter(pk=digest_id, status=Digest.Status.PENDING).update(
            status=Digest.Status.SENDING, claimed_at=now
        )
    if not claimed:
        return "not_claimed"
    digest = Digest.objects.select_related("user").get(pk=digest_id)
    # Take the waiting notifications into this digest; after a crash the reclaimed digest finds them again.
    Notification.objects.filter(user=digest.user, awaits_digest=True, digest__isnull=True).update(digest=digest)
    notifications = list(digest.notifications.order_by("created_at", "pk"))
    user = digest.user
    wants_email = user.is_active and user.email and selectors.delivery_of(user) != NotificationPreference.Delivery.NONE
    if not notifications or not wants_email:
        digest.notifications.update(awaits_digest=False)
        Digest.objects.filter(pk=digest_id).update(status=Digest.Status.SKIPPED, sent_at=now)
        return "skipped"
    try:
        emails.send_digest(digest, notifications, to=user.email)
    except Exception:
        Digest.objects.filter(pk=digest_id, status=Digest.Status.SENDING).update(status=Digest.Status.PENDING)
        raise
    with transaction.atomic():
        digest.notifications.update(awaits_digest=False)
        Digest.objects.filter(pk=digest_id).update(status=Digest.Status.SENT, sent_at=timezone.now())
    return "sent"


# --- Reading ----------------------------------------------------------------------------------------------------


def notification_mark_read(*, user: User, notification: Notification) -> None:
    """Mark one of the user's own notifications read (again: a no-op)."""
    Notification.objects.filter(pk=notification.pk, user=user, read_at__isnull=True).update(read_at=timezone.now())
    unread_changed(user.pk)  # a bulk update sends no signal


def notifications_mark_all_read(*, user: User) -> int:
    marked = Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())
    unread_changed(user.pk)  # a bulk update sends no signal
    return marked
