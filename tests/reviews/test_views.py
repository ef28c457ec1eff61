"""The review pages: staff start a review and write each goal's recommendation; BBG members and secretaries read;
an outsider gets 403; bad input is a Dutch message and nothing stored; the list's queries do not grow."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from reviews import report, services
from reviews.models import Review, ReviewGoal

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(process, staff, goal, indicator, moments, measured):
    return services.review_create(process=process, user=staff, kind="endterm", light=True, moment=moments[1])


def test_staff_start_a_review_on_the_page(client, process, staff, goal, moments):
    client.force_login(staff)
    response = client.post(
        reverse("reviews:review_create", kwargs={"slug": process.slug}),
        {"kind": "midterm", "moment": moments[1].pk, "title": "", "summary_html": "<p>Halverwege.</p>"},
    )
    review = Review.objects.get(process=process)
    assert response.status_code == 302
    assert response["Location"] == review.get_absolute_url()
    assert (review.title, review.summary_html) == ("Midterm review VS 2019-2022", "<p>Halverwege.</p>")
    again = client.post(reverse("reviews:review_create", kwargs={"slug": process.slug}), {"kind": "midterm"})
    assert again.status_code == 400
    assert "Dit proces heeft al een midterm review." in again.content.decode()


def test_staff_write_a_goals_recommendation_and_a_missing_reason_is_refused(client, process, staff, review):
    item = review.goals.get()
    url = reverse("reviews:reviewgoal_edit", kwargs={"slug": process.slug, "pk": item.pk})
    client.force_login(staff)
    page = client.get(url).content.decode()
    assert "Stand uit de monitoring" in page
    assert "op koers" in page
    refused = client.post(url, {"worked_html": "<p>Preventie</p>", "recommendation": "stop", "reason": ""})
    assert refused.status_code == 400
    assert "Geef een reden bij de aanbeveling." in refused.content.decode()
    assert ReviewGoal.objects.get(pk=item.pk).recommendation == ""
    client.post(url, {"worked_html": "<p>Preventie</p>", "recommendation": "adjust", "reason": "Meer daders."})
    detail = client.get(review.get_absolute_url()).content.decode()
    assert "Bijstellen – Meer daders." in detail
    assert "Preventie" in detail


def test_a_bbg_member_reads_the_review_and_may_not_edit_it(client, process, bbg_member, review):
    client.force_login(bbg_member)
    page = client.get(review.get_absolute_url()).content.decode()
    assert "Endterm review light VS 2019-2022" in page
    assert "Woninginbraken terugdringen" in page
    assert "3.800" in page
    assert "bewerken" not in page
    item = review.goals.get()
    url = reverse("reviews:reviewgoal_edit", kwargs={"slug": process.slug, "pk": item.pk})
    assert client.post(url, {"recommendation": "stop", "reason": "x"}).status_code == 403
    assert ReviewGoal.objects.get(pk=item.pk).recommendation == ""


def test_an_outsider_gets_403_and_another_process_review_is_404(client, process, outsider, staff, review):
    client.force_login(outsider)
    assert client.get(review.get_absolute_url()).status_code == 403
    client.force_login(staff)
    assert client.get(reverse("reviews:review_detail", kwargs={"slug": process.slug, "pk": 999999})).status_code == 404


def test_staff_take_the_review_through_the_workflow_on_the_pages(client, process, staff, review):
    client.force_login(staff)
    item = review.goals.get()
    client.post(
        reverse("reviews:reviewgoal_edit", kwargs={"slug": process.slug, "pk": item.pk}),
        {"recommendation": "continue", "reason": "Op koers."},
    )
    for status, day in (("sent_to_rvo", "2021-03-01"), ("for_adoption", "2021-03-02"), ("adopted", "2021-03-03")):
        url = reverse("reviews:review_transition", kwargs={"slug": process.slug, "pk": review.pk, "status": status})
        assert client.post(url, {"meeting_date": day, "note": ""}).status_code == 302
    review.refresh_from_db()
    assert review.status == "adopted"
    edit = client.get(reverse("reviews:review_edit", kwargs={"slug": process.slug, "pk": review.pk}))
    assert edit.status_code == 302  # frozen: back to the review, with the reason
    history = client.get(reverse("reviews:review_history", kwargs={"slug": process.slug, "pk": review.pk}))
    assert "voortzetten" in history.content.decode()


def test_the_list_page_has_a_fixed_number_of_queries(client, django_assert_max_num_queries, process, staff, review):
    services.review_create(process=process, user=staff, kind="midterm")
    client.force_login(staff)
    with django_assert_max_num_queries(15):
        page = client.get(reverse("reviews:review_list", kwargs={"slug": process.slug})).content.decode()
    assert "Endterm review light VS 2019-2022" in page
    assert "Midterm review VS 2019-2022" in page


def test_the_pdf_holds_the_goal_its_value_and_the_recommendation(
    client, django_capture_on_commit_callbacks, process, staff, bbg_member, review
):
    services.review_goal_save(
        item=review.goals.get(), user=staff, worked_html="<p>Het keurmerk werkte.</p>", not_worked_html="",
        recommendation="adjust", reason="Meer nadruk op de daders.",
    )  # fmt: skip
    client.force_login(bbg_member)
    address = reverse("reviews:review_pdf", kwargs={"slug": process.slug, "pk": review.pk})
    with django_capture_on_commit_callbacks() as callbacks:
        waiting = client.get(address)
    assert "De PDF wordt gemaakt" in waiting.content.decode()
    assert waiting["Refresh"] == "3"
    assert len(callbacks) == 1  # queued, not rendered in the request
    report.render_review(review.pk)  # what the worker does
    response = client.get(address)
    assert response["Content-Type"] == "application/pdf"
    pdf = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    for words in (
        "Endterm review light VS 2019-2022",
        "Woninginbraken terugdringen",
        "Aangiften van woninginbraak",
        "3.800",
        "op koers",
        "Het keurmerk werkte.",
        "Bijstellen",
        "Meer nadruk op de daders.",
        "CONCEPT",
        "Versie 0.1",  # the running header: the label the next version will get, as the document's concept
    ):
        assert words in text, words
