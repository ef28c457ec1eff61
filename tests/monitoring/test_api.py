"""The monitoring's API: every role reads; staff and the goal's owner contacts write values through the same
service (units, ranges, sources), others get 403; refusals in the one error shape; the progress with the override."""

from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from monitoring import services
from monitoring.models import Measurement, ProgressAssessment, ProgressReport
from tests.api_errors import codes_of

from .factories import adopted_goal, contact

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


def test_an_owner_contact_writes_the_explanation_of_their_own_goal_only(
    api, process, priorities, goal, indicator, moments, secretary
):
    contact(goal, secretary)
    other = adopted_goal(process, priorities[1], title="Andere doelstelling")
    api.force_authenticate(secretary)
    answer = api.post(
        "/api/monitoring/progress/explanation/",
        {"goal": goal.pk, "moment": moments[0].pk, "explanation": "Het keurmerk werkt."},
        format="json",
    )
    assert answer.status_code == 200, answer.json()
    assert ProgressAssessment.objects.get(goal=goal, moment=moments[0]).explanation == "Het keurmerk werkt."
    refused = api.post(
        "/api/monitoring/progress/explanation/",
        {"goal": other.pk, "moment": moments[0].pk, "explanation": "Niet de mijne."},
        format="json",
    )
    assert refused.status_code == 403
    assert not ProgressAssessment.objects.filter(goal=other).exists()
    override = api.post(
        "/api/monitoring/progress/override/",
        {"goal": goal.pk, "moment": moments[0].pk, "status": "behind", "reason": "x"},
        format="json",
    )
    assert override.status_code == 403  # the override is staff's


def test_staff_take_a_reports_steps_through_the_api_and_readers_read_them(api, process, staff, secretary, bbg_member):
    report = ProgressReport.objects.create(process=process, year=2019)
    address = f"/api/monitoring/reports/{report.pk}/"
    api.force_authenticate(staff)
    refused = api.post(address + "transition/", {"to_status": "sent_to_rvo", "meeting_date": "2020-03-12"})
    assert refused.status_code == 400
    assert codes_of(refused) == ["report_summary_missing"]
    assert api.post(address + "summary/", {"summary_html": "<p>Goed jaar.</p><script>x</script>"}).status_code == 200
    done = api.post(address + "transition/", {"to_status": "sent_to_rvo", "meeting_date": "2020-03-12"})
    assert done.status_code == 200, done.json()
    body = done.json()
    assert (body["status"], body["sent_to_rvo_on"], body["summary_html"]) == (
        "sent_to_rvo",
        "2020-03-12",
        "<p>Goed jaar.</p>",
    )
    assert [(t["from_status"], t["to_status"], t["version"]) for t in body["transitions"]] == [
        ("concept", "sent_to_rvo", "0.1")
    ]
    back = api.post(address + "transition/", {"to_status": "concept"})
    assert codes_of(back) == ["report_concept_reason_missing"]
    assert api.post(address + "version/", {"note": "Na het RVO"}).json()["versions"][-1]["label"] == "0.2"

    for reader in (secretary, bbg_member):
        api.force_authenticate(reader)
        listed = api.get("/api/monitoring/reports/", {"process": process.slug}).json()
        items = listed["results"] if isinstance(listed, dict) else listed
        assert [(item["year"], item["status"]) for item in items] == [(2019, "sent_to_rvo")]
        assert api.get(address).json()["status_display"] == "aangeboden aan het RVO"
        step = api.post(address + "transition/", {"to_status": "for_adoption", "meeting_date": "2020-03-26"})
        assert step.status_code == 403
    assert ProgressReport.objects.get(pk=report.pk).status == "sent_to_rvo"


def test_the_report_list_costs_the_same_queries_for_more_reports(api, process, staff, django_assert_max_num_queries):
    for year in range(2019, 2023):
        report = ProgressReport.objects.create(process=process, year=year, summary_html="<p>x</p>")
        if year < 2022:
            services.report_version_create(process=process, year=year, user=staff)
    api.force_authenticate(staff)
    with django_assert_max_num_queries(8):
        answer = api.get("/api/monitoring/reports/")
    assert len(answer.json()["results"]) == 4
    assert report.pk in [item["id"] for item in answer.json()["results"]]
