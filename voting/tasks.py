"""Celery tasks of the DVO choice. Each takes ids."""

from celery import shared_task
from django.core.cache import cache

from accounts.tasks import mail_task_options

from . import emails
from .models import Ballot

# While one worker sends a receipt, another delivery of the same task waits its turn; after a send the receipt
# counts as sent for a day. A worker killed mid-send frees the claim after SENDING_CLAIM seconds, and the message
# Redis hands out again then sends it (at least once, never lost).
SENDING_CLAIM = 15 * 60
SENT_FOR = 24 * 60 * 60


def _receipt_key(ballot: Ballot) -> str:
    return f"voting:receipt:{ballot.pk}:{ballot.submitted_at:%Y%m%d%H%M%S%f}"


@shared_task(**mail_task_options())
def send_ballot_receipt(self, ballot_id: int) -> int:
    """Email the receipt of a DVO's choice, after the commit of ballot_submit; retried with backoff while the mail
    server is unreachable.

    Once per submission: the task claims the submission in the (shared) cache before sending and marks it sent
    after, so a message delivered twice (a retry racing a redelivery, two workers) sends one receipt. A replaced
    choice is a new submission with its own receipt. The Message-ID is made from the same key, so a copy that a
    worker killed mid-send does send again is recognisable as the same message.
    """
    ballot = Ballot.objects.filter(pk=ballot_id).only("pk", "submitted_at").first()
    if ballot is None:
        return 0
    key = _receipt_key(ballot)
    if not cache.add(key, "sending", SENDING_CLAIM):
        return 0
    try:
        sent = emails.send_ballot_receipt(ballot_id)
    except Exception:
        cache.delete(key)  # let the retry claim it again
        raise
    cache.set(key, "sent", SENT_FOR)
    return sent
