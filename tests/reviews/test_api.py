"""The reviews' API: staff start a review, write a goal's recommendation and take a step; BBG members and DVO
secretaries read the content; a refusal has its code; a reader who writes gets 403."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from reviews.models import Review
from tests.api_errors import codes_of

pytestmark = pytest.mark.django_db


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_staff_write_and_a_secretary_reads_the_review(process, staff, secretary, goal, indicator, moments, measured):
    created = api(staff).post(
        reverse("review-list"), {"process": process.slug, "kind": "endterm", "moment": moments[1].pk}, format="json"
    )
    assert created.status_code == 201, created.json()
    review_id = created.json()["id"]
    row = created.json()["content"]["priorities"][0]["goals"][0]
    assert (row["title"], row["status"], row["indicators"][0]["value"]) == (
        "Woninginbraken terugdringen",
        "on_course",
        "3.800",
    )

    refused = api(staff).post(
        reverse("review-goals", kwargs={"pk": review_id}),
        {"goal_row": row["id"], "recommendation": "stop", "reason": ""},
        format="json",
    )
    assert refused.status_code == 400
    assert codes_of(refused) == ["review_reason_missing"]
    saved = api(staff).post(
        reverse("review-goals", kwargs={"pk": review_id}),
        {"goal_row": row["id"], "recommendation": "continue", "reason": "Op koers."},
        format="json",
    )
    assert saved.json()["content"]["priorities"][0]["goals"][0]["recommendation_label"] == "voortzetten"
    step = api(staff).post(
        reverse("review-transition", kwargs={"pk": review_id}),
        {"to_status": "adopted", "meeting_date": "2021-03-01"},
        format="json",
    )
    assert codes_of(step) == ["review_transition_not_allowed"]

    read = api(secretary).get(reverse("review-detail", kwargs={"pk": review_id}))
    assert read.status_code == 200
    assert read.json()["content"]["priorities"][0]["goals"][0]["reason"] == "Op koers."
    listed = api(secretary).get(reverse("review-list"), {"process": process.slug}).json()
    assert [item["title"] for item in listed["results"]] == ["Endterm review VS 2019-2022"]


def test_a_bbg_member_may_not_write(process, bbg_member, goal):
    response = api(bbg_member).post(reverse("review-list"), {"process": process.slug, "kind": "midterm"}, format="json")
    assert response.status_code == 403
    assert not Review.objects.exists()


def test_a_second_review_of_a_kind_is_refused_with_its_code(process, staff, goal):
    api(staff).post(reverse("review-list"), {"process": process.slug, "kind": "midterm"}, format="json")
    again = api(staff).post(reverse("review-list"), {"process": process.slug, "kind": "midterm"}, format="json")
    assert again.status_code == 400
    assert codes_of(again) == ["review_exists"]
