"""The consultation's API with the pages' permissions: a GLM secretary registers Arnhem but gets 403 for
Enschede; refusals carry their code; staff start a round."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def entry_url(entry):
    return reverse("council-entry-detail", kwargs={"pk": entry.pk})


def test_a_glm_secretary_registers_arnhem_and_not_enschede(api, secretary, arnhem_entry, enschede_entry):
    api.force_authenticate(secretary)
    response = api.patch(entry_url(arnhem_entry), {"status": "on_agenda", "meeting_on": "2019-03-28"}, format="json")
    assert response.status_code == 200
    assert response.json()["status"] == "on_agenda"
    response = api.patch(entry_url(enschede_entry), {"status": "on_agenda"}, format="json")
    assert response.status_code == 403
    enschede_entry.refresh_from_db()
    assert enschede_entry.status == "sent"


def test_a_refusal_has_its_code(api, staff, arnhem_entry):
    api.force_authenticate(staff)
    response = api.patch(entry_url(arnhem_entry), {"status": "received"}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "consultation_response_missing"


def test_a_bbg_member_reads_the_rounds_but_does_not_write(api, bbg_member, consultation, arnhem_entry):
    api.force_authenticate(bbg_member)
    [row] = api.get(reverse("consultation-round-list"), {"process": consultation.process.slug}).json()
    assert row["version"] == "0.1"
    assert row["counts"]["sent"] == consultation.entries.count()
    assert api.patch(entry_url(arnhem_entry), {"status": "declined"}, format="json").status_code == 403


def test_staff_start_a_round_through_the_api(api, staff, version):
    api.force_authenticate(staff)
    data = {"process": version.document.process.slug, "version": "0.1", "sent_on": "2019-03-01",
            "deadline": "2019-04-15"}  # fmt: skip
    response = api.post(reverse("consultation-round-list"), data, format="json")
    assert response.status_code == 201
    again = api.post(reverse("consultation-round-list"), data, format="json")
    assert again.json()["errors"][0]["code"] == "consultation_round_exists"
