"""The pages of the toets: the contact sees their plan as scanned and answers; staff see the overview, process the
proposals beside the scan and invite contacts. Every page: anonymous, outsider/other contact, allowed user."""

import pytest
from django.urls import reverse

from partners.models import CheckProposal, CheckRequest
from scan.models import PlanTheme, Source
from tests.scan.factories import SourceFactory


def answer_data(themes, **extra):
    first, _second, third = themes.values()
    data = {
        "agrees": "no",
        "remark": "Zie hieronder",
        "proposals-TOTAL_FORMS": "3",
        "proposals-INITIAL_FORMS": "0",
        "proposals-0-kind": "add",
        "proposals-0-theme": str(third.pk),
        "proposals-0-wording": "Ook in ons plan",
        "proposals-1-kind": "change",
        "proposals-1-theme": str(first.pk),
        "proposals-1-wording": "Beter gelezen",
    }
    data.update(extra)
    return data


@pytest.mark.django_db
def test_the_contact_lands_on_their_toets_and_sees_the_scan_and_public_sources(client, contact, check, process):
    SourceFactory(process=process, title="Openbaar rapport", confidentiality=Source.Confidentiality.PUBLIC)
    SourceFactory(process=process, title="Intern memo", confidentiality=Source.Confidentiality.INTERNAL)
    client.force_login(contact)
    home = client.get(reverse("planning:home"), follow=True)
    assert home.redirect_chain[-1][0] == reverse("partners:contact_home")
    assert "U bent contactpersoon van Arnhem." in home.content.decode()
    page = client.get(reverse("partners:check_answer", kwargs={"pk": check.pk})).content.decode()
    assert "Zoals in de scan gelezen" in page
    assert "Openbaar rapport" in page
    assert "Intern memo" not in page
    assert 'id="top-search-q"' not in page  # no search: a contact reads nothing else of the portal


@pytest.mark.django_db
def test_the_contact_answers_with_proposals(client, contact, check, themes):
    client.force_login(contact)
    url = reverse("partners:check_answer", kwargs={"pk": check.pk})
    response = client.post(url, answer_data(themes), follow=True)
    assert "Dank u wel: uw antwoord is ontvangen." in response.content.decode()
    check.refresh_from_db()
    assert check.status == CheckRequest.Status.ANSWERED
    assert sorted(check.proposals.values_list("kind", flat=True)) == ["add", "change"]


@pytest.mark.django_db
def test_a_refused_answer_shows_the_dutch_message(client, contact, check, themes):
    client.force_login(contact)
    url = reverse("partners:check_answer", kwargs={"pk": check.pk})
    page = client.post(url, answer_data(themes, agrees="yes")).content.decode()
    assert "U gaat akkoord én stelt wijzigingen voor; kies één van beide." in page
    too_long = client.post(url, answer_data(themes, remark="x" * 2001)).content.decode()
    assert "Hoogstens 2000 tekens (nu 2001)." in too_long
    assert not CheckProposal.objects.exists()


@pytest.mark.django_db
def test_staff_accept_and_reject_beside_the_scan_with_history(client, contact, check, themes, staff, process, plan):
    _first, _second, third = themes.values()
    client.force_login(contact)
    client.post(reverse("partners:check_answer", kwargs={"pk": check.pk}), answer_data(themes))
    client.force_login(staff)
    overview = client.get(reverse("partners:check_overview", kwargs={"slug": process.slug})).content.decode()
    assert "beantwoord, te verwerken: 1" in overview
    url = reverse("partners:check_process", kwargs={"slug": process.slug, "pk": check.pk})
    page = client.get(url).content.decode()
    assert "Nu in de scan" in page
    assert "Beter gelezen" in page
    add = check.proposals.get(kind="add")
    change = check.proposals.get(kind="change")
    no_reason = client.post(url, {"proposal": add.pk, f"p{add.pk}-decision": "accept", f"p{add.pk}-reason": ""})
    assert "Geef de reden van uw besluit." in no_reason.content.decode()
    client.post(url, {"proposal": add.pk, f"p{add.pk}-decision": "accept", f"p{add.pk}-reason": "Klopt"})
    client.post(url, {"proposal": change.pk, f"p{change.pk}-decision": "reject", f"p{change.pk}-reason": "Nee"})
    check.refresh_from_db()
    assert check.status == CheckRequest.Status.PROCESSED
    added = PlanTheme.objects.get(plan=plan, theme=third)
    assert added.history.get().history_user == staff
    assert "verwerkt" in client.get(url).content.decode()


@pytest.mark.django_db
def test_staff_send_a_toets_from_the_overview(
    client, staff, contact, plan, process, django_capture_on_commit_callbacks
):
    client.force_login(staff)
    url = reverse("partners:check_overview", kwargs={"slug": process.slug})
    past = client.post(url, {"municipality": plan.municipality_id, "deadline": "1 januari 2000"})
    assert "De uiterste datum ligt in het verleden." in past.content.decode()
    response = client.post(url, {"municipality": plan.municipality_id, "deadline": "1 maart 2099"}, follow=True)
    assert "De toets is naar Arnhem verstuurd." in response.content.decode()
    assert CheckRequest.objects.get(plan=plan).deadline.year == 2099


@pytest.mark.django_db
def test_a_secretary_cannot_reach_staffs_pages_or_answer(client, secretary, check, process):
    client.force_login(secretary)
    assert client.get(reverse("partners:check_overview", kwargs={"slug": process.slug})).status_code == 403
    assert client.get(reverse("partners:check_answer", kwargs={"pk": check.pk})).status_code == 403


@pytest.mark.django_db
def test_staff_invite_a_contact_from_the_page(client, staff, arnhem, django_capture_on_commit_callbacks):
    from django.core import mail

    client.force_login(staff)
    data = {
        "first_name": "Anna",
        "last_name": "Jansen",
        "email": "a.jansen@arnhem.example",
        "municipalities": [arnhem.pk],
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("partners:contact_invite"), data, follow=True)
    assert "Anna Jansen is uitgenodigd" in response.content.decode()
    assert [m.to for m in mail.outbox] == [["a.jansen@arnhem.example"]]
    again = client.post(reverse("partners:contact_invite"), data)
    assert "Er is al een gebruiker met dit e-mailadres." in again.content.decode()
