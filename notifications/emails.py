"""The emails of the reminders. One function per email, rendering its three templates
(templates/emails/<name>-subject.txt, -body.txt, -body.html). Always in Dutch.

Each message carries a Message-ID derived from what it is about (the reminder, or the user and day of a digest).
If a message is ever sent a second time (a worker died after the SMTP server took it but before the database
recorded it, see services.py), it has the same Message-ID, which lets mail systems that deduplicate drop it.
"""

import os
import time

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from sitesettings.selectors import site_settings

from .conf import setting


def absolute_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}" if path.startswith("/") else path


def _message_id(local_part: str) -> str:
    domain = settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "vs-portaal.localhost"
    return f"<{local_part}@{domain}>"


def _send(name: str, context: dict, to: str, message_id: str) -> int:
    site = site_settings()
    context = {**context, "site_settings": site}
    with translation.override("nl"):
        subject = " ".join(render_to_string(f"emails/{name}-subject.txt", context).split())
        text = render_to_string(f"emails/{name}-body.txt", context)
        html = render_to_string(f"emails/{name}-body.html", context)
    # Only the integration tests set this: it holds the send open long enough to kill the worker in the middle.
    delay = os.environ.get("VS_TEST_SEND_DELAY")
    if delay:
        time.sleep(float(delay))
    connection = get_connection(timeout=setting("EMAIL_TIMEOUT"))
    message = EmailMultiAlternatives(
        subject,
        text,
        site.sender or settings.DEFAULT_FROM_EMAIL,
        [to],
        connection=connection,
        headers={"Message-ID": message_id},
    )
    message.attach_alternative(html, "text/html")
    return message.send()


def send_reminder(notification, *, to: str) -> int:
    """Email one reminder: what is due, when, and a direct link. Returns the number of messages sent (0 or 1)."""
    context = {
        "notification": notification,
        "user": notification.user,
        "url": absolute_url(notification.url),
        "preferences_url": absolute_url(reverse("notifications:preferences")),
    }
    return _send("reminder", context, to, _message_id(f"herinnering-{notification.reminder_id}"))


def send_digest(digest, notifications, *, to: str) -> int:
    """Email a user's daily digest: every notification of the day, each with its direct link."""
    items = [{"notification": n, "url": absolute_url(n.url)} for n in notifications]
    context = {
        "digest": digest,
        "user": digest.user,
        "items": items,
        "list_url": absolute_url(reverse("notifications:list")),
        "preferences_url": absolute_url(reverse("notifications:preferences")),
    }
    return _send("digest", context, to, _message_id(f"overzicht-{digest.user_id}-{digest.day:%Y%m%d}"))
