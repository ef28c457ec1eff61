"""Celery tasks of the DVO choice. Each takes ids."""

from celery import shared_task

from accounts.tasks import mail_task_options

from . import emails


@shared_task(**mail_task_options())
def send_ballot_receipt(self, ballot_id: int) -> int:
    """Email the receipt of a DVO's choice, after the commit of ballot_submit; retried with backoff while the mail
    server is unreachable. Each message has a Message-ID made from the ballot and its submission time, so a copy
    that a worker killed mid-send sends again is recognisable as the same message."""
    return emails.send_ballot_receipt(ballot_id)
