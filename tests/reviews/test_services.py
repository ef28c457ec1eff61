"""The review's rules: one per kind, only adopted goals, a recommendation always with a reason, the document's
workflow with versions and dated steps, adoption freezes it; what was achieved comes from the monitoring."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from monitoring.models import Measurement, MeasurementMoment
from reviews import services
from reviews.models import Review, ReviewGoal
from reviews.selectors import review_content
from tests.monitoring.factories import adopted_goal
from tests.planning.factories import StrategyProcessFactory

pytestmark = pytest.mark.django_db

S = Review.Status


def codes(error: ValidationError) -> set[str]:
    if hasattr(error, "error_dict"):
        return {item.code for items in error.error_dict.values() for item in items}
    return {item.code for item in error.error_list}


def refused(function, **kwargs) -> set[str]:
    with pytest.raises(ValidationError) as error:
        function(**kwargs)
    return codes(error.value)


def start(process, staff, moments, **kwargs):
    return services.review_create(process=process, user=staff, kind="midterm", moment=moments[1], **kwargs)


def recommend_all(review, staff, recommendation="continue"):
    for item in review.goals.all():
        services.review_goal_save(
            item=item, user=staff, worked_html="<p>De aanpak werkt.</p>", not_worked_html="",
            recommendation=recommendation, reason="Op koers.",
        )  # fmt: skip


def test_staff_start_a_midterm_review_with_a_row_per_adopted_goal(process, staff, goal, moments, priorities):
    adopted_goal(process, priorities[1], title="Tweede doel")
    review = start(process, staff, moments, light=True)
    assert review.title == "Midterm review light VS 2019-2022"
    assert sorted(review.goals.values_list("goal__title", flat=True)) == ["Tweede doel", "Woninginbraken terugdringen"]
    assert review.status == S.CONCEPT


def test_it_refuses_a_second_review_of_a_kind_and_an_unknown_kind(process, staff, goal, moments):
    start(process, staff, moments)
    assert refused(services.review_create, process=process, user=staff, kind="midterm") == {"review_exists"}
    assert refused(services.review_create, process=process, user=staff, kind="halfway") == {"review_kind_unknown"}
    assert services.review_create(process=process, user=staff, kind="endterm").kind == "endterm"


def test_it_refuses_a_process_without_adopted_goals_and_another_process_moment(process, staff, moments):
    assert refused(services.review_create, process=process, user=staff, kind="midterm") == {"review_no_goals"}
    other = StrategyProcessFactory()
    moment = MeasurementMoment.objects.create(process=other, measured_on=datetime.date(2019, 12, 31), label="x")
    assert refused(services.review_create, process=process, user=staff, kind="midterm", moment=moment) == {
        "review_moment_other_process"
    }


def test_a_secretary_and_a_bbg_member_may_not_write(process, staff, secretary, bbg_member, goal, moments):
    for user in (secretary, bbg_member, None):
        with pytest.raises(PermissionDenied):
            services.review_create(process=process, user=user, kind="midterm")
    review = start(process, staff, moments)
    with pytest.raises(PermissionDenied):
        services.review_goal_save(
            item=review.goals.get(), user=secretary, worked_html="", not_worked_html="", recommendation="", reason=""
        )


def test_a_recommendation_needs_a_reason_and_a_known_choice(process, staff, goal, moments):
    item = start(process, staff, moments).goals.get()
    base = {"item": item, "user": staff, "worked_html": "", "not_worked_html": ""}
    assert refused(services.review_goal_save, **base, recommendation="stop", reason=" ") == {"review_reason_missing"}
    assert refused(services.review_goal_save, **base, recommendation="pause", reason="x") == {
        "review_recommendation_unknown"
    }
    saved = services.review_goal_save(
        item=item, user=staff, worked_html="<p>Preventie</p><script>x()</script>", not_worked_html="<p>Opsporing</p>",
        recommendation="adjust", reason="Meer nadruk op daders.",
    )  # fmt: skip
    assert (saved.worked_html, saved.recommendation) == ("<p>Preventie</p>", "adjust")
    assert ReviewGoal.history.filter(id=item.pk).count() == 2


def test_what_was_achieved_comes_from_the_monitoring_at_the_moment(process, staff, goal, indicator, moments, measured):
    review = start(process, staff, moments)
    [row] = review_content(review)["priorities"][0]["goals"]
    assert row["title"] == "Woninginbraken terugdringen"
    assert row["indicators"][0]["value"] == "3.800"
    assert row["indicators"][0]["target"] == "3.400"
    assert row["status"] == "on_course"
    assert row["status_label"] == "op koers"


def test_the_workflow_needs_recommendations_dates_in_order_and_a_reason_to_go_back(
    process, staff, goal, indicator, moments, measured
):
    review = start(process, staff, moments)
    step = services.review_transition
    assert refused(step, review=review, user=staff, to_status=S.ADOPTED, meeting_date=datetime.date(2021, 3, 1)) == {
        "review_transition_not_allowed"
    }
    assert refused(step, review=review, user=staff, to_status=S.SENT_TO_RVO) == {"review_meeting_date_missing"}
    assert refused(
        step, review=review, user=staff, to_status=S.SENT_TO_RVO, meeting_date=datetime.date(2021, 3, 1)
    ) == {"review_recommendation_missing"}
    recommend_all(review, staff)
    assert refused(
        step, review=review, user=staff, to_status=S.SENT_TO_RVO, meeting_date=datetime.date(2020, 6, 1)
    ) == {"review_date_before_moment"}
    step(review=review, user=staff, to_status=S.SENT_TO_RVO, meeting_date=datetime.date(2021, 3, 1))
    assert refused(step, review=review, user=staff, to_status=S.CONCEPT) == {"review_concept_reason_missing"}
    assert refused(
        step, review=review, user=staff, to_status=S.FOR_ADOPTION, meeting_date=datetime.date(2021, 2, 1)
    ) == {"review_date_before_previous_step"}
    step(review=review, user=staff, to_status=S.FOR_ADOPTION, meeting_date=datetime.date(2021, 3, 4))
    transition = step(review=review, user=staff, to_status=S.ADOPTED, meeting_date=datetime.date(2021, 4, 1))
    review.refresh_from_db()
    assert (review.status, review.adopted_on, transition.version.label) == (S.ADOPTED, datetime.date(2021, 4, 1), "1.0")
    assert list(review.versions.values_list("major", "minor")) == [(0, 1), (0, 2), (1, 0)]


def test_an_adopted_review_is_frozen_and_keeps_what_was_adopted(process, staff, goal, indicator, moments, measured):
    review = start(process, staff, moments)
    recommend_all(review, staff, "stop")
    for status, day in ((S.SENT_TO_RVO, 1), (S.FOR_ADOPTION, 2), (S.ADOPTED, 3)):
        services.review_transition(
            review=review, user=staff, to_status=status, meeting_date=datetime.date(2021, 3, day)
        )
    review.refresh_from_db()
    item = review.goals.get()
    assert refused(
        services.review_goal_save, item=item, user=staff, worked_html="", not_worked_html="", recommendation="",
        reason="",
    ) == {"review_frozen"}  # fmt: skip
    assert refused(services.review_version_create, review=review, user=staff) == {"review_frozen"}
    assert refused(
        services.review_update, review=review, user=staff, title="Nieuw", light=False, moment=None, summary_html=""
    ) == {"review_frozen"}
    Measurement.objects.filter(pk=measured.pk).update(value=Decimal(3300))  # a later correction of the figure
    [row] = review_content(review)["priorities"][0]["goals"]
    assert (row["indicators"][0]["value"], row["recommendation"]) == ("3.800", "stop")
