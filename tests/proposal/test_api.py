"""The proposal's API with the pages' permissions: readers see the budget, coverage and key (or its refusal);
staff add lines; refusals carry their code."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def test_staff_add_lines_and_readers_see_the_coverage_and_the_key(api, staff, bbg_member, proposal, plan):
    api.force_authenticate(staff)
    costs = reverse("plan-costs", kwargs={"pk": plan.pk})
    assert api.post(costs, {"year": 2019, "description": "Projectleider", "amount": "80000.00"}).status_code == 201
    response = api.post(costs, {"year": 2025, "description": "Projectleider", "amount": "1.00"})
    assert response.json()["errors"][0]["code"] == "proposal_year_outside_period"
    funding = reverse("plan-funding", kwargs={"pk": plan.pk})
    assert api.post(funding, {"year": 2019, "source": "municipalities", "amount": "60000.00"}).status_code == 201

    api.force_authenticate(bbg_member)
    assert api.post(funding, {"year": 2019, "source": "police", "amount": "1.00"}).status_code == 403
    data = api.get(reverse("proposal-detail", kwargs={"process": proposal.process.slug})).json()
    [first] = [p for p in data["plans"] if p["id"] == plan.pk]
    assert first["coverage"][0] == {"year": 2019, "cost": "80000.00", "funding": "60000.00",
                                    "shortfall": "20000.00", "covered": False}  # fmt: skip
    assert data["key"]["refusal"]["code"] == "key_population_unknown"


def test_offering_with_an_unresolved_key_is_refused(api, staff, proposal):
    api.force_authenticate(staff)
    url = reverse("proposal-offer", kwargs={"process": proposal.process.slug})
    response = api.post(url, {"offered_on": "2019-04-10"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "key_population_unknown"
