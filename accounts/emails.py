"""The emails of the accounts. One function per email, rendering its templates; sent only by Celery tasks
(accounts/tasks.py), never inside a request."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from sitesettings.selectors import site_settings

from .models import User


def site_address() -> tuple[str, str]:
    """(protocol, domain) of SITE_URL: links in emails point there, never at whatever Host a request named."""
    protocol, _, rest = settings.SITE_URL.partition("://")
    return protocol, rest.split("/", 1)[0]


def send_password_reset(user: User) -> int:
    """Email a link to set a new password. The link is made here, from SITE_URL, when the mail goes out; it works
    once and until the password changes (Django's token generator)."""
    protocol, domain = site_address()
    context = {
        "email": user.email,
        "domain": domain,
        "site_name": domain,
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "user": user,
        "token": default_token_generator.make_token(user),
        "protocol": protocol,
        "site_settings": site_settings(),
    }
    with translation.override("nl"):
        subject = " ".join(render_to_string("registration/password_reset_subject.txt", context).split())
        text = render_to_string("registration/password_reset_email.txt", context)
        html = render_to_string("registration/password_reset_email.html", context)
    message = EmailMultiAlternatives(
        subject,
        text,
        site_settings().sender or settings.DEFAULT_FROM_EMAIL,
        [user.email],
        connection=get_connection(timeout=settings.EMAIL_TIMEOUT),
    )
    message.attach_alternative(html, "text/html")
    return message.send()
