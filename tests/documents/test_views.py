import datetime

import pytest
from django.urls import reverse

from documents import services
from documents.models import CommunityOfficerPlan, Document, Goal
from planning.models import Municipality
from tests.documents.factories import GoalFactory

RVO = datetime.date(2018, 9, 12)


def url(name, process, **kwargs):
    return reverse(f"documents:{name}", kwargs={"slug": process.slug, **kwargs})


@pytest.fixture
def versions(document, goal, staff):
    """Versions 0.1 and 0.2, with a change of the OM prose in between."""
    services.version_create(document=document, user=staff, note="Eerste opzet")
    services.document_update(
        document=document, user=staff, prose={"mjb_om_html": "<p>Afspraken over ondermijning met het OM.</p>"}
    )
    services.version_create(document=document, user=staff)
    return document


READ_PAGES = [
    ("goal_list", {}),
    ("goal_detail", {"pk": "goal"}),
    ("goal_history", {"pk": "goal"}),
    ("document", {}),
    ("document_history", {}),
    ("compare", {}),
    ("version_detail", {"label": "0.1"}),
]
WRITE_PAGES = [
    ("goal_create", {}),
    ("goal_update", {"pk": "goal"}),
    ("goal_put_forward", {"pk": "goal"}),
    ("goal_delete", {"pk": "goal"}),
    ("document_edit", {}),
    ("capacity_edit", {}),
    ("document_transition", {"status": "sent_to_rvo"}),
]


def _url(process, goal, name, kwargs):
    return url(name, process, **{k: (goal.pk if v == "goal" else v) for k, v in kwargs.items()})


@pytest.mark.parametrize(("name", "kwargs"), READ_PAGES + WRITE_PAGES)
def test_anonymous_goes_to_login(client, process, goal, versions, name, kwargs):
    response = client.get(_url(process, goal, name, kwargs))
    assert response.status_code == 302
    assert "/account/inloggen/" in response["Location"]


@pytest.mark.parametrize(("name", "kwargs"), READ_PAGES + WRITE_PAGES)
def test_outsider_gets_403(client, outsider, process, goal, versions, name, kwargs):
    client.force_login(outsider)
    assert client.get(_url(process, goal, name, kwargs)).status_code == 403


@pytest.mark.parametrize("role", ["bbg_member", "secretary"])
@pytest.mark.parametrize(("name", "kwargs"), READ_PAGES)
def test_readers_read(client, users, process, goal, versions, role, name, kwargs):
    client.force_login(users[role])
    response = client.get(_url(process, goal, name, kwargs))
    assert response.status_code == 200
    assert "Nieuwe doelstelling" not in response.content.decode()


@pytest.mark.parametrize("role", ["bbg_member", "secretary"])
@pytest.mark.parametrize(("name", "kwargs"), WRITE_PAGES)
def test_readers_may_not_write(client, users, process, goal, versions, role, name, kwargs):
    client.force_login(users[role])
    assert client.get(_url(process, goal, name, kwargs)).status_code == 403
    assert client.post(_url(process, goal, name, kwargs), {}).status_code == 403


@pytest.mark.parametrize(("name", "kwargs"), READ_PAGES + WRITE_PAGES)
def test_staff_reaches_every_page(client, staff, process, goal, versions, name, kwargs):
    client.force_login(staff)
    assert client.get(_url(process, goal, name, kwargs)).status_code == 200


def test_a_goal_of_another_process_is_404(client, staff, goal):
    from tests.planning.factories import StrategyProcessFactory

    other = StrategyProcessFactory()
    client.force_login(staff)
    assert client.get(url("goal_detail", other, pk=goal.pk)).status_code == 404


def test_goal_list_shows_the_check_at_a_glance(client, bbg_member, process, priorities, goal):
    GoalFactory(process=process, priority=priorities[1], title="Zonder indicator", indicator="")
    client.force_login(bbg_member)
    page = client.get(url("goal_list", process)).content.decode()
    assert "Woninginbraken terugdringen" in page
    assert "1 van 2 doelstellingen zijn SMART." in page
    assert "Geen indicator: waaraan meten we het?" in page
    assert "30 juni 2022" in page


def goal_post(priority, **overrides):
    data = {
        "priority": priority.pk,
        "title": "Cybercrime tegengaan",
        "description": "Meer aangiften van cybercrime worden opgelost.",
        "indicator": "Opgeloste aangiften",
        "baseline_value": "10%",
        "baseline_date": "1 januari 2018",
        "target_value": "25%",
        "target_date": "31 december 2022",
        "deadline": "31-12-2022",
        "owner": "police",
        "owner_other": "",
        "urgency": "desired",
        "organisation": "",
        "financing_amount": "",
        "financing_source": "",
        "roles-TOTAL_FORMS": "2",
        "roles-INITIAL_FORMS": "0",
        "roles-0-partner": "prosecution",
        "roles-0-partner_other": "",
        "roles-0-role": "Vervolgt",
        "roles-1-partner": "",
        "roles-1-partner_other": "",
        "roles-1-role": "",
    }
    data.update(overrides)
    return data


def test_staff_fills_a_goal_until_it_is_smart_and_puts_it_forward(client, staff, process, priorities):
    client.force_login(staff)
    response = client.post(url("goal_create", process), goal_post(priorities[2], indicator="", target_date=""))
    goal = Goal.objects.get(title="Cybercrime tegengaan")
    assert response.status_code == 302
    detail = client.get(goal.get_absolute_url()).content.decode()
    assert "Nog niet SMART: 2 punten" in detail
    assert "Geen indicator" in detail

    refused = client.post(url("goal_put_forward", process, pk=goal.pk), {"on": ""})
    assert refused.status_code == 200
    assert "De doelstelling is nog niet SMART en kan niet naar het RVO:" in refused.content.decode()
    goal.refresh_from_db()
    assert goal.status == "concept"

    client.post(url("goal_update", process, pk=goal.pk), goal_post(priorities[2]))
    assert "De doelstelling is SMART." in client.get(goal.get_absolute_url()).content.decode()
    response = client.post(url("goal_put_forward", process, pk=goal.pk), {"on": "12 september 2018"})
    assert response.status_code == 302
    goal.refresh_from_db()
    assert (goal.status, goal.put_forward_on) == ("to_rvo", RVO)
    assert [(r.partner, r.role) for r in goal.roles.all()] == [("prosecution", "Vervolgt")]


def test_the_goal_form_offers_only_the_top_five(client, staff, process, priorities):
    client.force_login(staff)
    form = client.get(url("goal_create", process)).context["form"]
    assert list(form.fields["priority"].queryset) == priorities[:5]


def test_a_date_outside_the_form_format_is_explained(client, staff, process, priorities):
    client.force_login(staff)
    response = client.post(url("goal_create", process), goal_post(priorities[0], deadline="morgen"))
    assert response.status_code == 200
    assert "geen datum of periode die het portaal herkent" in response.content.decode()


def test_staff_starts_the_document(client, staff, process):
    client.force_login(staff)
    assert "Document starten" in client.get(url("document", process)).content.decode()
    client.post(url("document_start", process))
    assert Document.objects.filter(process=process).exists()


def test_document_page_shows_status_versions_downloads_and_checks(client, bbg_member, process, versions):
    client.force_login(bbg_member)
    page = client.get(url("document", process)).content.decode()
    assert "Veiligheidsstrategie en Meerjarenbeleidsplan 2019-2022" in page
    assert reverse("documents:version_pdf", kwargs={"slug": process.slug, "label": "0.2"}) in page
    assert reverse("documents:version_letter_pdf", kwargs={"slug": process.slug, "label": "0.1"}) in page
    assert reverse("documents:version_docx", kwargs={"slug": process.slug, "label": "0.2"}) in page
    assert "Alle gekozen prioriteiten en vastgestelde doelstellingen staan in het MJB-deel." in page
    assert "Huidige tekst (wordt versie 0.3)" in page
    assert "Geldermalsen" in page  # unknown population flagged
    assert '<table class="capacity">' in page  # generated sections are HTML, not escaped text
    assert "&lt;p&gt;" not in page


def test_prose_edit_is_sanitised(client, staff, process, document):
    client.force_login(staff)
    data = {"title": document.title}
    for name in ["intro_html", "principles_html", "preconditions_html", "mjb_local_html", "mjb_national_html",
                 "mjb_om_html", "capacity_html", "letter_html"]:  # fmt: skip
        data[name] = getattr(document, name)
    data["mjb_national_html"] = '<p>Landelijk</p><script>alert(1)</script><a href="javascript:x">x</a>'
    assert client.post(url("document_edit", process), data).status_code == 302
    document.refresh_from_db()
    assert document.mjb_national_html == '<p>Landelijk</p><a rel="noopener noreferrer">x</a>'
    page = client.get(url("document", process)).content.decode()
    assert "alert(1)" not in page
    assert "javascript:" not in page


def test_document_workflow_through_the_pages(client, staff, process, document, goal):
    services.goal_put_forward(goal=goal, user=staff, on=RVO)
    client.force_login(staff)
    steps = [
        ("sent_to_rvo", "12 september 2018"),
        ("for_adoption", "31 oktober 2018"),
        ("adopted", "31 oktober 2018"),
        ("nota", "30 november 2018"),
    ]
    for status, date in steps:
        response = client.post(url("document_transition", process, status=status), {"meeting_date": date, "note": ""})
        assert response.status_code == 302, response.content.decode()
    document.refresh_from_db()
    assert document.status == "nota"
    page = client.get(url("document", process)).content.decode()
    assert "Vastgesteld op 31 oktober 2018" in page
    assert "Teksten bewerken" not in page
    assert reverse("documents:version_pdfa", kwargs={"slug": process.slug, "label": "1.0"}) in page
    # Frozen: the edit pages send staff back with the reason.
    response = client.get(url("document_edit", process))
    assert response.status_code == 302
    response = client.post(url("version_create", process), {"note": ""}, follow=True)
    assert "kan niet meer worden gewijzigd" in response.content.decode()


def test_a_refused_step_is_explained(client, staff, process, document):
    client.force_login(staff)
    response = client.post(
        url("document_transition", process, status="sent_to_rvo"), {"meeting_date": "12 september 2018"}
    )
    assert response.status_code == 200
    assert "Het document heeft nog geen doelstellingen." in response.content.decode()


def test_compare_marks_additions_and_removals(client, bbg_member, process, versions):
    client.force_login(bbg_member)
    response = client.get(url("compare", process) + "?a=0.1&b=0.2")
    page = response.content.decode()
    assert response.status_code == 200
    assert '<ins class="diff-ins"><span class="visually-hidden">toegevoegd: </span>' in page
    assert "Afspraken over ondermijning met het OM." in page
    assert "MJB: afspraken met het Openbaar Ministerie" in page
    assert "Ongewijzigd:" in page
    # Side by side: the old version's column and the new one's, each line in both.
    assert '<div class="diff-old"' in page
    assert '<div class="diff-new">' in page
    assert "Versie 0.1" in page
    assert "Versie 0.2" in page


def test_compare_shows_a_changed_table_as_two_tables(client, staff, process, versions):
    table = "<table><tr><th>Afspraak</th><th>Zaken</th></tr><tr><td>Ondermijning</td><td>{}</td></tr></table>"
    services.document_update(document=versions, user=staff, prose={"mjb_om_html": table.format(120)})
    services.version_create(document=versions, user=staff)
    services.document_update(document=versions, user=staff, prose={"mjb_om_html": table.format(140)})
    client.force_login(staff)
    page = client.get(url("compare", process) + "?a=0.3&b=concept").content.decode()
    assert page.count('<table class="table table-sm table-bordered diff-table') == 2
    assert '<tr class="diff-row-change">' in page
    assert '<del class="diff-del"><span class="visually-hidden">verwijderd: </span>120</del>' in page
    assert '<ins class="diff-ins"><span class="visually-hidden">toegevoegd: </span>140</ins>' in page
    assert "Afspraak |" not in page


def test_compare_shows_removals(client, staff, process, versions):
    services.document_update(document=versions, user=staff, prose={"mjb_om_html": ""})
    client.force_login(staff)
    page = client.get(url("compare", process) + "?a=0.2&b=concept").content.decode()
    assert '<del class="diff-del"><span class="visually-hidden">verwijderd: </span>Afspraken over ondermijning' in page


def test_compare_with_an_unknown_version_is_404(client, staff, process, versions):
    client.force_login(staff)
    assert client.get(url("compare", process) + "?a=0.1&b=7.7").status_code == 404


def test_capacity_formset_saves_the_officers(client, staff, process, document):
    client.force_login(staff)
    response = client.get(url("capacity_edit", process))
    formset = response.context["formset"]
    data = {"officers-TOTAL_FORMS": str(len(formset.forms)), "officers-INITIAL_FORMS": str(len(formset.forms))}
    arnhem = Municipality.objects.get(name="Arnhem")
    for index, form in enumerate(formset.forms):
        municipality = form.initial["municipality"]
        data[f"officers-{index}-municipality"] = str(municipality)
        data[f"officers-{index}-officers"] = "20" if municipality == arnhem.pk else ""
    assert client.post(url("capacity_edit", process), data).status_code == 302
    assert list(CommunityOfficerPlan.objects.values_list("municipality__name", "officers")) == [("Arnhem", 20)]
    assert "onbekend" in response.content.decode()
