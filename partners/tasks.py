"""Celery tasks of the partners. Each takes ids."""

from celery import shared_task

from accounts.models import User
from accounts.tasks import mail_task_options

from . import emails


@shared_task(**mail_task_options())
def send_contact_invitation(self, user_id: int) -> int:
    """Email a new municipal contact the invitation with the link to set a password; once they have one, nothing."""
    user = User.objects.filter(pk=user_id, is_active=True).exclude(email="").first()
    if user is None or user.has_usable_password():
        return 0
    return emails.send_contact_invitation(user)
