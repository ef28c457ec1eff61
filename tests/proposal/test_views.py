"""The proposal's pages: the overview with its coverage warning and the key's refusal, a plan's budget (staff add
and delete lines; readers see them), the key page handling the unknown populations, the spreadsheets, and the
workflow through the pages."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from planning.models import Municipality
from proposal import services
from proposal.models import Funding

pytestmark = pytest.mark.django_db


def url(name, process, **kwargs):
    return reverse(f"proposal:{name}", kwargs={"slug": process.slug, **kwargs})


def test_the_overview_warns_where_funding_does_not_cover(client, bbg_member, plan, staff):
    services.cost_item_add(plan=plan, user=staff, year=2019, description="Programmamanager", amount="90000")
    services.funding_add(plan=plan, user=staff, year=2019, source=Funding.Source.POLICE, amount="40000")
    client.force_login(bbg_member)
    html = client.get(url("detail", plan.proposal.process)).content.decode()
    assert "tekort € 50.000,00" in html
    assert "Let op: de financiering dekt de kosten niet in 1 jaar." in html
    assert "Geldermalsen" in html
    assert "De verdeelsleutel wordt niet berekend" in html
    assert "Voorstel bewerken" not in html


def test_staff_add_and_delete_budget_lines(client, staff, plan):
    client.force_login(staff)
    target = url("plan_budget", plan.proposal.process, pk=plan.pk)
    response = client.post(
        target, {"action": "cost", "cost-year": "2020", "cost-description": "Opleiding", "cost-amount": "12500,50"}
    )
    assert response.status_code in (302, 400)
    if response.status_code == 400:  # the browser's number field sends a point
        response = client.post(
            target, {"action": "cost", "cost-year": "2020", "cost-description": "Opleiding", "cost-amount": "12500.50"}
        )
    assert response.status_code == 302
    item = plan.costs.get()
    assert (item.year, item.amount) == (2020, Decimal("12500.50"))
    client.post(target, {"action": "delete_cost", "line": item.pk})
    assert not plan.costs.exists()


def test_a_year_outside_the_period_is_a_form_error(client, staff, plan):
    client.force_login(staff)
    response = client.post(
        url("plan_budget", plan.proposal.process, pk=plan.pk),
        {"action": "funding", "funding-year": "2030", "funding-source": "police", "funding-amount": "10"},
    )
    assert response.status_code == 400
    assert not plan.funding.exists()


def test_a_reader_cannot_post_budget_lines(client, secretary, plan):
    client.force_login(secretary)
    response = client.post(
        url("plan_budget", plan.proposal.process, pk=plan.pk),
        {"action": "cost", "cost-year": "2020", "cost-description": "x", "cost-amount": "1"},
    )
    assert response.status_code == 403
    assert not plan.costs.exists()


def test_the_key_page_resolves_the_unknown_populations(client, staff, proposal, plan):
    services.funding_add(plan=plan, user=staff, year=2019, source="municipalities", amount="78000.00")
    client.force_login(staff)
    target = url("key", proposal.process)
    response = client.post(target, {"action": "exclude", "exclude-municipality": "", "exclude-reason": ""})
    assert response.status_code == 400
    for name in ("Geldermalsen", "Lingewaal", "Neerijnen"):
        pk = Municipality.objects.get(name=name).pk
        response = client.post(
            target, {"action": "exclude", "exclude-municipality": pk, "exclude-reason": "Opgegaan in West Betuwe"}
        )
        assert response.status_code == 302
    html = client.get(target).content.decode()
    assert "Buiten de verdeling:" in html
    assert "Opgegaan in West Betuwe" in html
    assert "Bijdrage per gemeente per jaar" in html

    workbook = load_workbook(io.BytesIO(client.get(url("key_xlsx", proposal.process)).content))
    sheet = workbook.active
    values = [row for row in sheet.iter_rows(min_row=2, values_only=True) if row[0] and row[1]]
    assert sum(Decimal(str(row[4])) for row in values) == Decimal("78000.00")


def test_the_budget_spreadsheet(client, bbg_member, plan, staff):
    services.cost_item_add(plan=plan, user=staff, year=2019, description="=HYPERLINK(1)", amount="1000")
    client.force_login(bbg_member)
    response = client.get(url("budget_xlsx", plan.proposal.process))
    workbook = load_workbook(io.BytesIO(response.content))
    row = next(workbook["Kosten"].iter_rows(min_row=2, values_only=True))
    assert row[1:3] == (2019, "=HYPERLINK(1)")  # text stays text
    assert workbook["Kosten"]["C2"].data_type == "s"


def test_the_overview_and_the_key_cost_a_fixed_number_of_queries(
    client, staff, proposal, plan, django_assert_max_num_queries
):
    for year in (2019, 2020, 2021, 2022):
        services.cost_item_add(plan=plan, user=staff, year=year, description="Programmamanager", amount="50000")
        services.funding_add(plan=plan, user=staff, year=year, source="municipalities", amount="50000")
    for name in ("Geldermalsen", "Lingewaal", "Neerijnen"):
        services.key_municipality_exclude(
            proposal=proposal, user=staff, municipality=Municipality.objects.get(name=name), reason="Gefuseerd"
        )
    for _ in range(3):
        services.proposal_version_create(proposal=proposal, user=staff)
    client.force_login(staff)
    with django_assert_max_num_queries(25):
        response = client.get(url("detail", proposal.process))
    assert len(response.context["result"].rows) == Municipality.objects.count() - 3
    assert [version.label for version in response.context["versions"]] == ["0.1", "0.2", "0.3"]
    with django_assert_max_num_queries(16):
        response = client.get(url("key", proposal.process))
    assert "Bijdrage per gemeente per jaar" in response.content.decode()
