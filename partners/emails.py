"""The partners' emails: the invitation of a municipal contact, with a link to set a password."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.models import User
from sitesettings.selectors import site_settings


def send_contact_invitation(user: User) -> int:
    """The link works once, until a password is set (Django's token generator), from SITE_URL."""
    kwargs = {"uidb64": urlsafe_base64_encode(force_bytes(user.pk)), "token": default_token_generator.make_token(user)}
    path = reverse("password_reset_confirm", kwargs=kwargs)
    site = settings.SITE_URL.rstrip("/")
    context = {
        # With the organisation's single sign-on: a second link that links the account to it instead.
        "sso_link": site + reverse("oidc_link", kwargs=kwargs) if settings.OIDC_ENABLED else "",
        "user": user,
        "municipalities": ", ".join(m.name for m in user.municipal_contact.municipalities.order_by("name")),
        "link": site + path,
        "site_settings": site_settings(),
    }
    with translation.override("nl"):
        subject = " ".join(render_to_string("emails/contact_invitation-subject.txt", context).split())
        text = render_to_string("emails/contact_invitation-body.txt", context)
        html = render_to_string("emails/contact_invitation-body.html", context)
    message = EmailMultiAlternatives(
        subject,
        text,
        site_settings().sender or settings.DEFAULT_FROM_EMAIL,
        [user.email],
        connection=get_connection(timeout=settings.EMAIL_TIMEOUT),
    )
    message.attach_alternative(html, "text/html")
    return message.send()
