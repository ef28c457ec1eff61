"""The proposal's history page (django-simple-history through core.history, like the other history pages): who
changed what, when, in the proposal, the goals' organisation, the budget lines, the key's municipalities, the
decisions and the versions; every role reads it, strangers do not; linked from the proposal page; a fixed number
of queries however long the history."""

import datetime

import pytest
from django.urls import reverse

from planning.models import District, Municipality
from proposal import services
from proposal.models import Funding

pytestmark = pytest.mark.django_db


def history_url(proposal):
    return reverse("proposal:history", kwargs={"slug": proposal.process.slug})


@pytest.fixture
def changed(proposal, plan, staff):
    services.proposal_update(proposal=proposal, user=staff, title="Voorstel VS 2019-2022", key_method="equal")
    item = services.cost_item_add(plan=plan, user=staff, year=2019, description="Programmamanager", amount="90000")
    services.budget_line_delete(line=item, user=staff)
    services.funding_add(plan=plan, user=staff, year=2020, source=Funding.Source.PROVINCE, amount="1234.56")
    services.key_municipality_exclude(
        proposal=proposal, user=staff, municipality=Municipality.objects.get(name="Lingewaal"), reason="West Betuwe"
    )
    services.key_population_enter(
        proposal=proposal,
        user=staff,
        municipality=Municipality.objects.get(name="Geldermalsen"),
        population=26_000,
        source="CBS 2018",
    )
    proposal = services.proposal_offer(proposal=proposal, user=staff, offered_on=datetime.date(2019, 4, 10))
    services.proposal_decision_record(
        proposal=proposal,
        user=staff,
        district=District.objects.get(code="TWN"),
        outcome="refused",
        decided_on=datetime.date(2019, 4, 23),
    )
    return proposal


def test_a_bbg_member_reads_who_changed_what(client, bbg_member, changed, staff):
    client.force_login(bbg_member)
    html = client.get(history_url(changed)).content.decode()
    assert "Geschiedenis van 'Voorstel VS 2019-2022'" in html
    assert "Organisatorisch en financieel voorstel 2019-2022" in html  # the old title
    assert "gelijke delen" in html  # the key method it became
    assert str(staff) in html
    assert "Programmamanager, € 90.000,00" in html
    assert "verwijderd" in html
    assert "provincie, € 1.234,56" in html
    assert "Lingewaal: buiten de verdeling, reden: West Betuwe" in html
    assert "Geldermalsen: inwonertal 26.000 (bron: CBS 2018)" in html
    assert "onbekend (systeem)" not in html  # every row names its user
    assert "DVO TWN: niet akkoord, 23 april 2019" in html
    assert "Versie 0.1 (door de BBG aangeboden)" in html


@pytest.mark.parametrize("role", ["secretary", "staff"])
def test_every_role_reads_it(client, request, role, proposal):
    client.force_login(request.getfixturevalue(role))
    response = client.get(history_url(proposal))
    assert response.status_code == 200
    assert "Er is nog geen versie vastgelegd." in response.content.decode()


def test_strangers_do_not(client, outsider, proposal):
    assert client.get(history_url(proposal))["Location"].startswith(reverse("login"))
    client.force_login(outsider)
    assert client.get(history_url(proposal)).status_code == 403


def test_without_a_proposal_there_is_no_history(client, bbg_member, process):
    client.force_login(bbg_member)
    assert client.get(reverse("proposal:history", kwargs={"slug": process.slug})).status_code == 404


def test_the_proposal_page_links_to_it(client, bbg_member, proposal):
    client.force_login(bbg_member)
    html = client.get(reverse("proposal:detail", kwargs={"slug": proposal.process.slug})).content.decode()
    assert f'href="{history_url(proposal)}"' in html


def test_the_history_costs_a_fixed_number_of_queries(client, bbg_member, changed, plan, staff,
                                                     django_assert_max_num_queries):  # fmt: skip
    for year in (2019, 2020, 2021, 2022):
        for number in range(5):
            services.cost_item_add(plan=plan, user=staff, year=year, description=f"Post {number}", amount="10")
    client.force_login(bbg_member)
    with django_assert_max_num_queries(20):
        response = client.get(history_url(changed))
    assert response.content.decode().count("Post ") >= 20
