"""The emails of the DVO choice. One function per email, rendering its three templates
(templates/emails/<name>-subject.txt, -body.txt, -body.html). Always in Dutch: a receipt is a record."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from accounts.emails import site_address
from accounts.models import Role, User
from sitesettings.selectors import site_settings

from .models import Ballot


def receipt_recipients(ballot: Ballot) -> list[str]:
    """The DVO's active secretaries and whoever submitted, each address once."""
    addresses = list(
        User.objects.filter(role=Role.DVO_SECRETARY, district=ballot.district, is_active=True)
        .exclude(email="")
        .order_by("pk")
        .values_list("email", flat=True)
    )
    if ballot.submitted_by.email:
        addresses.append(ballot.submitted_by.email)
    return list(dict.fromkeys(addresses))


def receipt_url(ballot: Ballot) -> str:
    """The receipt's page in the portal, absolute from SITE_URL (never from the Host of a request)."""
    path = reverse(
        "voting:ballot_confirmation", kwargs={"slug": ballot.round.process.slug, "district": ballot.district.code}
    )
    return f"{settings.SITE_URL}{path}"


def send_ballot_receipt(ballot_id: int) -> int:
    """Email the receipt of a DVO's choice: the seven priorities, remarks, the councils, whether staff entered it
    on the DVO's behalf, and the link to the receipt's page in the portal (to print it or change the choice).
    Sent after the commit of ballot_submit; returns the number of messages sent (0 or 1)."""
    ballot = (
        Ballot.objects.select_related("round__process", "district", "submitted_by")
        .prefetch_related("choices__priority")
        .filter(pk=ballot_id)
        .first()
    )
    if ballot is None:  # replaced or reset before the commit hook ran
        return 0
    recipients = receipt_recipients(ballot)
    if not recipients:
        return 0
    choices = sorted(
        ballot.choices.all(),
        key=lambda choice: (choice.preference is None, choice.preference or 0, choice.priority.position),
    )
    context = {
        "ballot": ballot,
        "choices": choices,
        "process": ballot.round.process,
        "district": ballot.district,
        "has_order": any(choice.preference for choice in choices),
        "site_settings": site_settings(),
        "url": receipt_url(ballot),
    }
    with translation.override("nl"):
        subject = " ".join(render_to_string("emails/ballot_receipt-subject.txt", context).split())
        text = render_to_string("emails/ballot_receipt-body.txt", context)
        html = render_to_string("emails/ballot_receipt-body.html", context)
    domain = site_address()[1].split(":", 1)[0] or "vs-portaal.localhost"
    message = EmailMultiAlternatives(
        subject,
        text,
        site_settings().sender or settings.DEFAULT_FROM_EMAIL,
        recipients,
        connection=get_connection(timeout=settings.EMAIL_TIMEOUT),
        headers={"Message-ID": f"<ontvangst-{ballot.pk}-{ballot.submitted_at:%Y%m%d%H%M%S%f}@{domain}>"},
    )
    message.attach_alternative(html, "text/html")
    return message.send()
