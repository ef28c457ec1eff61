"""Nothing a user does fails because the mail server does.

A real Celery worker, a private Redis and the PostgreSQL test database; the worker's SMTP server is a loopback
port where nothing listens (connection refused, as a mail server that is down). A secretary submits the DVO's choice
and a user asks for a new password: both pages answer as usual, at once, and the ballot is stored once. The mails
are tried, fail and are retried with backoff; once an SMTP server (aiosmtpd) listens on that port, each goes out
exactly once.
"""

import time

import pytest
from aiosmtpd.controller import Controller
from django.urls import reverse

from planning.models import District
from tests.accounts.factories import UserFactory
from tests.notifications.test_integration import WAIT, broker, free_port, maildir, redis_server, wait_for, worker  # noqa: F401  (fixtures)
from tests.voting.factories import RoundDeadlineFactory, RoundFactory, make_frozen_long_list
from voting.models import Ballot

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


class Inbox:
    """aiosmtpd's handler: keeps every message it is given."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((list(envelope.rcpt_tos), envelope.content.decode("utf-8", "replace")))
        return "250 OK"


@pytest.fixture
def smtp_port():
    return free_port()


@pytest.fixture
def smtp_server(smtp_port):
    """Not started: call .start() when the mail server should come back."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.inbox = inbox
    try:
        yield controller
    finally:
        if getattr(controller, "_thread", None) is not None:
            controller.stop()


@pytest.fixture
def mail_worker(worker, smtp_port):  # noqa: F811  (the worker fixture of the reminders' integration test)
    worker.start(
        extra_env={
            "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
            "EMAIL_TIMEOUT": "5",
            # Seconds instead of minutes, so that the test sees the retries.
            "EMAIL_RETRY_BACKOFF": "1",
            "EMAIL_RETRY_MAX_DELAY": "2",
        }
    )
    return worker


def test_a_ballot_and_a_password_reset_answer_at_once_and_mail_once_smtp_is_back(
    client, mail_worker, smtp_server, process, districts, settings
):
    settings.SITE_URL = "https://vs.example.org"
    priorities = make_frozen_long_list(process)
    voting_round = RoundFactory(process=process)
    for district in District.objects.all():
        RoundDeadlineFactory(round=voting_round, district=district)
    secretary = UserFactory(
        username="secretaris-glm", email="secretaris-glm@example.org", role="dvo_secretary", district=districts["GLM"]
    )
    UserFactory(username="annemiek", email="annemiek@example.org")
    client.force_login(secretary)
    ballot_url = reverse("voting:ballot", kwargs={"slug": process.slug, "district": "GLM"})
    choice = {"choice": [str(p.pk) for p in priorities[:7]], "council_involvement": "informed"}

    started = time.monotonic()
    submitted = client.post(ballot_url, choice)
    client.logout()
    reset = client.post(reverse("password_reset"), {"email": "annemiek@example.org"})
    elapsed = time.monotonic() - started

    assert submitted.status_code == 302
    assert submitted["Location"].endswith("/bevestiging/") or "bevestig" in submitted["Location"]
    assert reset.status_code == 302
    assert reset["Location"] == reverse("password_reset_done")
    assert elapsed < 5, f"the requests waited for the mail server ({elapsed:.1f} s)"
    assert Ballot.objects.filter(round=voting_round, district=districts["GLM"]).count() == 1

    # Both sends fail (connection refused) and are retried.
    wait_for(lambda: mail_worker.log.read_text().count("Retry in") >= 2, "both mails to be retried")
    assert smtp_server.inbox.messages == []

    smtp_server.start()
    wait_for(lambda: len(smtp_server.inbox.messages) >= 2, "the mails once SMTP is back", timeout=WAIT)
    time.sleep(3)  # any duplicate would arrive within the retry delay

    by_recipient = {}
    for recipients, content in smtp_server.inbox.messages:
        for recipient in recipients:
            by_recipient.setdefault(recipient, []).append(content)
    assert sorted(by_recipient) == ["annemiek@example.org", "secretaris-glm@example.org"]
    [receipt] = by_recipient["secretaris-glm@example.org"]
    [reset_mail] = by_recipient["annemiek@example.org"]
    assert "Message-ID: <ontvangst-" in receipt
    assert "https://vs.example.org/account/wachtwoord-herstellen/" in reset_mail
    assert Ballot.objects.filter(round=voting_round, district=districts["GLM"]).count() == 1
