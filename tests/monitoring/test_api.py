"""The monitoring's API: every role reads; staff and the goal's owner contacts write values through the same
service (units, ranges, sources), others get 403; refusals in the one error shape; the progress with the override."""

from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from monitoring.models import Measurement
from tests.api_errors import codes_of

from .factories import contact

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def test_an_owner_contact_writes_a_value_and_a_reader_reads_it(
    api, process, goal, indicator, moments, secretary, bbg_member
):
    contact(goal, secretary)
    api.force_authenticate(secretary)
    response = api.post(
        "/api/monitoring/measurements/",
        {"indicator": indicator.pk, "moment": moments[0].pk, "value": "4.050", "source": "Politie BVI"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["value"] == "4050.00"
    api.force_authenticate(bbg_member)
    body = api.get("/api/monitoring/measurements/", {"process": process.slug}).json()
    [item] = body["results"] if isinstance(body, dict) else body
    assert (item["value"], item["unit"], item["entered_by"]) == ("4050.00", "number", str(secretary))


def test_a_bbg_member_and_a_stranger_to_the_goal_get_403(api, goal, indicator, moments, bbg_member, secretary):
    for user in (bbg_member, secretary):
        api.force_authenticate(user)
        response = api.post(
            "/api/monitoring/measurements/",
            {"indicator": indicator.pk, "moment": moments[0].pk, "value": "1", "source": "BVI"},
            format="json",
        )
        assert response.status_code == 403
    assert not Measurement.objects.exists()


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("140", "value_out_of_range"),
        ("veel", "value_not_a_number"),
        ("-5", "value_out_of_range"),
        ("12,345", "value_too_precise"),
    ],
)
def test_bad_values_are_a_400_with_the_rules_code(api, goal, indicator, moments, staff, value, code):
    indicator.unit = "percentage"
    indicator.baseline, indicator.target = Decimal(10), Decimal(20)
    indicator.save()
    api.force_authenticate(staff)
    response = api.post(
        "/api/monitoring/measurements/",
        {"indicator": indicator.pk, "moment": moments[0].pk, "value": value, "source": "BVI"},
        format="json",
    )
    assert response.status_code == 400
    assert codes_of(response) == [code]
    assert not Measurement.objects.exists()


def test_a_too_long_source_is_a_400(api, indicator, moments, staff):
    api.force_authenticate(staff)
    response = api.post(
        "/api/monitoring/measurements/",
        {"indicator": indicator.pk, "moment": moments[0].pk, "value": "1", "source": "x" * 301},
        format="json",
    )
    assert response.status_code == 400
    assert codes_of(response) == ["max_length"]


def test_the_progress_shows_the_rule_and_the_override(api, process, goal, indicator, moments, staff, secretary):
    api.force_authenticate(staff)
    api.post(
        "/api/monitoring/measurements/",
        {"indicator": indicator.pk, "moment": moments[0].pk, "value": "4000", "source": "BVI"},
        format="json",
    )
    response = api.post(
        "/api/monitoring/progress/override/",
        {"goal": goal.pk, "moment": moments[0].pk, "status": "behind"},
        format="json",
    )
    assert codes_of(response) == ["status_reason_missing"]
    response = api.post(
        "/api/monitoring/progress/override/",
        {"goal": goal.pk, "moment": moments[0].pk, "status": "behind", "reason": "Registratie gewijzigd"},
        format="json",
    )
    assert response.json()["status"] == "behind"
    api.force_authenticate(secretary)
    assert api.post("/api/monitoring/progress/override/", {}, format="json").status_code == 403
    rows = api.get("/api/monitoring/progress/", {"process": process.slug}).json()
    first = next(row for row in rows if row["moment"] == moments[0].pk)
    assert (first["computed_status"], first["override_status"], first["status"]) == ("on_course", "behind", "behind")
    assert first["override_reason"] == "Registratie gewijzigd"
