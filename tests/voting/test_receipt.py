"""The ballot's receipt: a print/PDF button on its page (with print CSS that leaves out the navigation), and the
receipt email links back to that page, absolute from SITE_URL like the other emails."""

import pytest
from django.core import mail
from django.urls import reverse

from voting import services
from voting.emails import send_ballot_receipt

SITE = "https://vs.example.org"


@pytest.fixture
def ballot(voting_round, seven_ids, secretary, districts):
    return services.ballot_submit(
        round=voting_round, district=districts["GLM"], user=secretary, priority_ids=seven_ids, send_receipt=False
    )


def receipt_path(process):
    return reverse("voting:ballot_confirmation", kwargs={"slug": process.slug, "district": "GLM"})


def test_secretary_finds_a_print_button_on_the_receipt_page(client, process, ballot, secretary):
    client.force_login(secretary)
    content = client.get(receipt_path(process)).content.decode()
    assert "Afdrukken of opslaan als PDF" in content
    assert "data-print hidden" in content  # shown by static/js/print.js, so never a dead button without script
    assert "js/print.js" in content
    assert 'class="no-print"' in content
    assert "Ontvangstbevestiging uit VS-portaal · VS 2019-2022" in content


def test_the_receipt_email_links_back_to_the_portal(settings, process, ballot, secretary):
    settings.SITE_URL = SITE
    mail.outbox.clear()
    assert send_ballot_receipt(ballot.pk) == 1
    message = next(m for m in mail.outbox if secretary.email in m.to)
    url = SITE + receipt_path(process)
    assert url in message.body
    html = message.alternatives[0][0]
    assert f'<a href="{url}">Bekijk de bevestiging in VS-portaal</a>' in html
