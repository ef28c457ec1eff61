import pytest
from rest_framework.test import APIClient

from documents.models import Goal
from tests.api_errors import codes_of, errors_of


@pytest.fixture
def api():
    return APIClient()


def test_readers_list_goals_with_their_check(api, bbg_member, process, goal):
    api.force_authenticate(bbg_member)
    response = api.get("/api/goals/", {"process": process.slug})
    assert response.status_code == 200
    [item] = response.json()
    assert item["title"] == "Woninginbraken terugdringen"
    assert item["smart_issues"] == []


def test_outsider_gets_403_and_anonymous_401_or_403(api, outsider, goal):
    assert api.get("/api/goals/").status_code in (401, 403)
    api.force_authenticate(outsider)
    assert api.get("/api/goals/").status_code == 403


def test_a_reader_may_not_write(api, secretary, goal):
    api.force_authenticate(secretary)
    assert api.post(f"/api/goals/{goal.pk}/put-forward/", {}).status_code == 403


def test_staff_creates_a_goal_and_put_forward_is_refused_until_smart(api, staff, process, priorities):
    api.force_authenticate(staff)
    response = api.post(
        "/api/goals/",
        {"process": process.slug, "priority": priorities[0].pk, "title": "Via de API", "owner": "police"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert "Geen indicator: waaraan meten we het?" in response.json()["smart_issues"]
    refused = api.post(f"/api/goals/{response.json()['id']}/put-forward/", {}, format="json")
    assert refused.status_code == 400
    assert set(codes_of(refused)) == {"goal_not_smart"}
    assert "Geen indicator: waaraan meten we het?" in [error["message"] for error in errors_of(refused)]
    assert Goal.objects.get(title="Via de API").status == "concept"


def test_document_status_content_and_transition(api, staff, bbg_member, process, document, goal):
    api.force_authenticate(bbg_member)
    response = api.get(f"/api/documents/{process.slug}/")
    assert response.status_code == 200
    assert response.json()["status"] == "concept"
    content = api.get(f"/api/documents/{process.slug}/content/").json()
    assert content["version_label"] == "0.1"
    assert content["consistency_problems"] == []
    assert api.post(f"/api/documents/{process.slug}/transition/", {"to_status": "sent_to_rvo"}).status_code == 403
    api.force_authenticate(staff)
    refused = api.post(
        f"/api/documents/{process.slug}/transition/", {"to_status": "sent_to_rvo", "meeting_date": "2018-09-12"}
    )
    assert refused.status_code == 400
    [error] = errors_of(refused)
    assert error["code"] == "document_goals_still_concept"
    assert "nog concept" in error["message"]
