"""The consultation's pages: the overview by district with counts and what is missing, registering a response
(a secretary for their own district only), the response log, and the generated chapter in the next version."""

import datetime

import pytest
from django.urls import reverse

from consultation.models import CouncilEntry
from consultation.services import entry_register
from documents.selectors import build_document_content
from documents.services import version_create

pytestmark = pytest.mark.django_db


def entry_url(entry):
    return reverse("consultation:entry_update", kwargs={"slug": entry.round.process.slug, "pk": entry.pk})


def post_data(**fields):
    data = {
        "status": "received",
        "received_on": "2019-04-02",
        "scope": "police",
        "response_html": "<p>De raad steunt het MJB.</p>",
        "summary": "Steunt het MJB.",
        "follow_up": "",
    }
    data.update(fields)
    return data


def test_the_overview_counts_per_district_and_lists_the_missing(client, staff, consultation, arnhem_entry):
    entry_register(entry=arnhem_entry, user=staff, status="declined")
    client.force_login(staff)
    response = client.get(consultation.get_absolute_url())
    html = response.content.decode()
    glm = next(row for row in response.context["rows"] if row.district.code == "GLM")
    assert glm.counts["declined"] == 1
    assert arnhem_entry.municipality not in [entry.municipality for entry in glm.missing]
    assert "Nog zonder reactie:" in html
    assert "Ede" in html
    assert "Het VS-deel ligt niet voor consultatie" in html


def test_the_overview_costs_a_fixed_number_of_queries(client, staff, consultation, django_assert_max_num_queries):
    client.force_login(staff)
    with django_assert_max_num_queries(14):
        response = client.get(consultation.get_absolute_url())
    assert len([e for row in response.context["rows"] for e in row.entries]) == consultation.entries.count()


def test_a_secretary_sees_links_only_for_their_own_district(client, secretary, arnhem_entry, enschede_entry):
    client.force_login(secretary)
    html = client.get(arnhem_entry.round.get_absolute_url()).content.decode()
    assert entry_url(arnhem_entry) in html
    assert entry_url(enschede_entry) not in html
    assert "Het VS-deel ligt niet voor consultatie" not in html


def test_a_glm_secretary_registers_arnhem(client, secretary, arnhem_entry):
    client.force_login(secretary)
    response = client.post(entry_url(arnhem_entry), post_data())
    assert response.status_code == 302
    arnhem_entry.refresh_from_db()
    assert (arnhem_entry.status, arnhem_entry.summary) == ("received", "Steunt het MJB.")


def test_a_glm_secretary_gets_403_for_enschede(client, secretary, enschede_entry):
    client.force_login(secretary)
    assert client.get(entry_url(enschede_entry)).status_code == 403
    assert client.post(entry_url(enschede_entry), post_data()).status_code == 403
    enschede_entry.refresh_from_db()
    assert enschede_entry.status == "sent"


def test_a_bbg_member_reads_but_does_not_register(client, bbg_member, arnhem_entry):
    client.force_login(bbg_member)
    assert client.get(arnhem_entry.round.get_absolute_url()).status_code == 200
    assert client.post(entry_url(arnhem_entry), post_data()).status_code == 403


def test_bad_input_is_a_dutch_message_not_a_500(client, staff, arnhem_entry):
    client.force_login(staff)
    response = client.post(entry_url(arnhem_entry), post_data(received_on="", response_html=""))
    assert response.status_code == 200
    assert "Een ontvangen reactie heeft een tekst of een bijgevoegde motie of brief." in response.content.decode()


def test_the_response_log_shows_who_changed_what(client, staff, secretary, arnhem_entry):
    entry_register(entry=arnhem_entry, user=secretary, status="on_agenda", meeting_on=datetime.date(2019, 3, 28))
    client.force_login(staff)
    url = reverse(
        "consultation:municipality_log",
        kwargs={"slug": arnhem_entry.round.process.slug, "municipality_pk": arnhem_entry.municipality_id},
    )
    html = client.get(url).content.decode()
    assert "Reacties van de raad van Arnhem" in html
    assert "geagendeerd" in html
    assert str(secretary) in html


def test_starting_a_round_through_the_page(client, staff, version):
    client.force_login(staff)
    url = reverse("consultation:round_create", kwargs={"slug": version.document.process.slug})
    response = client.post(url, {"version": version.pk, "sent_on": "2019-03-01", "deadline": "2019-02-01"})
    assert "De termijn voor reacties kan niet voor de verzenddatum liggen." in response.content.decode()
    response = client.post(url, {"version": version.pk, "sent_on": "2019-03-01", "deadline": "2019-04-15"})
    assert response.status_code == 302
    assert version.consultation_round.entries.count() > 70


def test_the_next_version_holds_the_generated_chapter(staff, arnhem_entry, enschede_entry):
    entry_register(
        entry=arnhem_entry,
        user=staff,
        **dict(
            {
                "status": "received",
                "received_on": datetime.date(2019, 4, 2),
                "scope": "also_vs",
                "response_html": "<p>Meer wijkagenten.</p>",
                "summary": "Vraagt om meer wijkagenten in Arnhem-Zuid.",
                "follow_up": "Opgenomen in de capaciteitsparagraaf.",
            }.items()
        ),
    )
    entry_register(entry=enschede_entry, user=staff, status=CouncilEntry.Status.DECLINED)
    document = arnhem_entry.round.version.document
    before = build_document_content(arnhem_entry.round.version)
    assert "consultation" not in [section.key for section in before.sections]

    version = version_create(document=document, user=staff)
    content = build_document_content(version)
    chapter = next(section for section in content.sections if section.key == "consultation")
    assert chapter.title == "Consultatie gemeenteraden"
    assert "Vraagt om meer wijkagenten in Arnhem-Zuid." in chapter.html
    assert "Opgenomen in de capaciteitsparagraaf." in chapter.html
    assert "de Veiligheidsstrategie lag niet voor consultatie" in chapter.html
    assert "1 reactie gaat ook over de Veiligheidsstrategie" in chapter.html
    glm_row = chapter.html.split("GLM")[1].split("</tr>")[0]
    assert "<td>1</td>" in glm_row  # one received in GLM
