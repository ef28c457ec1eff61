"""Celery tasks of the accounts. Each takes ids."""

import logging
import smtplib

from celery import shared_task
from django.conf import settings
from django.core import management

from . import emails
from .models import User

logger = logging.getLogger(__name__)

# What a mail server that is down, refuses or hangs raises; such a send is tried again later.
MAIL_ERRORS = (smtplib.SMTPException, OSError, TimeoutError)


def mail_task_options() -> dict:
    """The retry policy of every email task: exponential backoff (1, 2, 4, ... minutes, with jitter) up to
    EMAIL_RETRY_MAX_DELAY, EMAIL_MAX_RETRIES times."""
    return {
        "bind": True,
        "acks_late": True,
        "ignore_result": True,
        "autoretry_for": MAIL_ERRORS,
        "retry_backoff": settings.EMAIL_RETRY_BACKOFF,
        "retry_backoff_max": settings.EMAIL_RETRY_MAX_DELAY,
        "retry_jitter": True,
        "max_retries": settings.EMAIL_MAX_RETRIES,
    }


@shared_task(**mail_task_options())
def send_password_reset(self, user_id: int) -> int:
    """Email one user the link to set a new password. A user who is gone or inactive gets nothing."""
    user = User.objects.filter(pk=user_id, is_active=True).exclude(email="").first()
    if user is None or not user.has_usable_password():  # SSO users log in at their provider, not with a password
        return 0
    return emails.send_password_reset(user)


@shared_task(bind=True, ignore_result=True)
def clear_sessions(self) -> None:
    """Remove expired sessions from the database (beat, nightly). Safe to run twice."""
    management.call_command("clearsessions")
