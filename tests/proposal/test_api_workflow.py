"""The whole proposal through the API, with the pages' services and permissions: staff start it, edit it and a
goal's organisation, handle the three municipalities without a population, offer it (version 0.1), record a DVO's
decision, freeze a version, adopt it (version 1.0) and then change nothing more; BBG members and secretaries read
every part and write none; each refusal has its code."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from proposal.models import Proposal

pytestmark = pytest.mark.django_db

MERGED = ["Geldermalsen", "Lingewaal", "Neerijnen"]


@pytest.fixture
def api():
    return APIClient()


def url(name, proposal, **kwargs):
    return reverse(f"proposal-{name}", kwargs={"process": proposal.process.slug, **kwargs})


def test_staff_start_a_proposal_and_a_second_is_refused(api, staff, bbg_member, adopted_goals):
    slug = adopted_goals[0].process.slug
    api.force_authenticate(bbg_member)
    assert api.post(reverse("proposal-list"), {"process": slug}, format="json").status_code == 403
    api.force_authenticate(staff)
    response = api.post(reverse("proposal-list"), {"process": slug}, format="json")
    assert response.status_code == 201
    assert len(response.json()["plans"]) == 2
    again = api.post(reverse("proposal-list"), {"process": slug}, format="json")
    assert again.json()["errors"][0]["code"] == "proposal_exists"


def test_the_whole_workflow_through_the_api(api, staff, proposal, plan):
    api.force_authenticate(staff)
    response = api.patch(url("detail", proposal), {"key_method": "equal", "title": "Voorstel 2019"}, format="json")
    assert response.status_code == 200
    assert response.json()["key_method"] == "equal"
    assert api.patch(url("detail", proposal), {"key_method": "population"}, format="json").status_code == 200
    response = api.patch(reverse("plan-detail", kwargs={"pk": plan.pk}), {"lead_partner": "other"}, format="json")
    assert response.json()["errors"][0]["code"] == "proposal_lead_other_missing"
    response = api.patch(
        reverse("plan-detail", kwargs={"pk": plan.pk}), {"programme_team": "Twee adviseurs"}, format="json"
    )
    assert response.json()["programme_team"] == "Twee adviseurs"
    api.post(reverse("plan-funding", kwargs={"pk": plan.pk}), {"year": 2019, "source": "municipalities",
             "amount": "78000.00"}, format="json")  # fmt: skip

    response = api.post(url("key-population", proposal), {"municipality": "Geldermalsen", "population": 26000,
                        "population_source": ""}, format="json")  # fmt: skip
    assert response.status_code == 400
    api.post(url("key-population", proposal), {"municipality": "Geldermalsen", "population": 26000,
             "population_source": "CBS 2018"}, format="json")  # fmt: skip
    for name in MERGED[1:]:
        response = api.post(url("key-exclusion", proposal), {"municipality": name, "reason": "West Betuwe"},
                            format="json")  # fmt: skip
    key = response.json()["key"]
    assert key["refusal"] is None
    assert [row["municipality"] for row in key["excluded"]] == ["Lingewaal", "Neerijnen"]
    assert key["entered"] == [{"municipality": "Geldermalsen", "population": 26000, "source": "CBS 2018"}]

    assert api.post(url("offer", proposal), {"offered_on": "2019-04-10"}, format="json").status_code == 200
    response = api.post(url("decisions", proposal), {"district": "GLM", "outcome": "agreed",
                        "decided_on": "2019-04-20"}, format="json")  # fmt: skip
    assert response.status_code == 201
    response = api.post(url("versions", proposal), {"note": "Na GLM"}, format="json")
    assert response.status_code == 201
    assert response.json()["label"] == "0.2"
    assert response.json()["pdf_url"].endswith(f"/processen/{proposal.process.slug}/voorstel/versies/0.2/pdf/")
    response = api.post(url("adopt", proposal), {"rvo_on": "2019-05-02", "board_adopted_on": "2019-04-30"},
                        format="json")  # fmt: skip
    assert response.json()["errors"][0]["code"] == "proposal_dates_order"
    response = api.post(url("adopt", proposal), {"rvo_on": "2019-05-02", "board_adopted_on": "2019-05-16"},
                        format="json")  # fmt: skip
    assert response.json()["status"] == "adopted"
    versions = api.get(url("versions", proposal)).json()
    assert [(v["label"], v["status"]) for v in versions] == [("0.1", "offered"), ("0.2", "offered"),
                                                             ("1.0", "adopted")]  # fmt: skip

    assert api.post(url("versions", proposal), {}, format="json").json()["errors"][0]["code"] == "proposal_frozen"
    response = api.patch(url("detail", proposal), {"title": "Anders"}, format="json")
    assert response.json()["errors"][0]["code"] == "proposal_frozen"
    assert Proposal.objects.get(pk=proposal.pk).title == "Voorstel 2019"


@pytest.mark.parametrize("role", ["bbg_member", "secretary"])
def test_readers_read_every_part_and_write_none(api, request, role, proposal, plan):
    api.force_authenticate(request.getfixturevalue(role))
    assert api.get(url("detail", proposal)).status_code == 200
    assert api.get(url("versions", proposal)).status_code == 200
    writes = [
        ("patch", url("detail", proposal), {"title": "x"}),
        ("patch", reverse("plan-detail", kwargs={"pk": plan.pk}), {"programme_team": "x"}),
        ("post", url("versions", proposal), {}),
        ("post", url("key-exclusion", proposal), {"municipality": "Lingewaal", "reason": "x"}),
        (
            "post",
            url("key-population", proposal),
            {"municipality": "Lingewaal", "population": 1, "population_source": "x"},
        ),
        ("post", url("adopt", proposal), {"rvo_on": "2019-05-02", "board_adopted_on": "2019-05-16"}),
    ]
    for method, target, data in writes:
        response = getattr(api, method)(target, data, format="json")
        assert response.status_code == 403, target
        assert response.json()["errors"][0]["code"] == "permission_denied"
    assert not proposal.versions.exists()
    assert not proposal.key_municipalities.exists()
