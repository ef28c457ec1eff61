"""The next cycle: copying a process makes its adopted reviews and progress reports sources of the copy's scan
(public, with the themes of the goals' priorities, once); a review or a report adopted after the copy feeds it
too; the copy's long list shows per candidate priority how the corresponding goal did."""

import datetime

import pytest
from django.urls import reverse

from monitoring import services as monitoring_services
from planning.services import process_copy
from priorities.models import Priority
from reviews import services
from reviews.feed import feed_next_scan
from reviews.models import Review
from scan.models import Source, Theme
from tests.priorities.factories import PriorityFactory

pytestmark = pytest.mark.django_db

S = Review.Status


def adopt(review, staff, recommendation="continue", reason="Blijft nodig."):
    for item in review.goals.all():
        services.review_goal_save(
            item=item, user=staff, worked_html="", not_worked_html="", recommendation=recommendation, reason=reason
        )
    for status, day in ((S.SENT_TO_RVO, 1), (S.FOR_ADOPTION, 2), (S.ADOPTED, 3)):
        services.review_transition(
            review=review, user=staff, to_status=status, meeting_date=datetime.date(2022, 11, day)
        )


def copy(process):
    return process_copy(
        source=process, title="VS 2023-2026", short_name="VS 2023-2026", slug="vs-2023-2026", shift_years=4
    )


@pytest.fixture
def themed(goal):
    themes = [Theme.objects.get_or_create(name=name)[0] for name in ("Woninginbraak", "High impact crimes")]
    goal.priority.themes.set(themes)
    return themes


def test_the_copy_gets_the_adopted_reviews_and_reports_as_sources_with_their_themes(
    process, staff, goal, indicator, moments, measured, themed
):
    endterm = services.review_create(process=process, user=staff, kind="endterm", moment=moments[2])
    adopt(endterm, staff, "adjust", "Meer nadruk op daders.")
    services.review_create(process=process, user=staff, kind="midterm", moment=moments[0])  # stays a concept
    monitoring_services.report_summary_save(process=process, year=2019, user=staff, summary_html="<p>Goed.</p>")
    for status, day in (("sent_to_rvo", 1), ("for_adoption", 2), ("adopted", 16)):
        monitoring_services.report_transition(
            process=process, year=2019, user=staff, to_status=status, meeting_date=datetime.date(2020, 4, day)
        )
    monitoring_services.report_summary_save(process=process, year=2020, user=staff, summary_html="<p>Concept.</p>")

    new = copy(process)

    sources = {source.title: source for source in Source.objects.filter(process=new).prefetch_related("themes")}
    assert set(sources) == {"Endterm review VS 2019-2022", "Voortgangsrapportage 2019 VS 2019-2022"}
    review_source = sources["Endterm review VS 2019-2022"]
    assert review_source.kind == Source.Kind.REVIEW
    assert review_source.confidentiality == Source.Confidentiality.PUBLIC
    assert review_source.published_on == datetime.date(2022, 11, 3)
    assert review_source.reference == endterm.get_absolute_url()
    assert "Woninginbraken terugdringen: bijstellen – Meer nadruk op daders." in review_source.notes
    assert {theme.name for theme in review_source.themes.all()} == {"Woninginbraak", "High impact crimes"}
    report_source = sources["Voortgangsrapportage 2019 VS 2019-2022"]
    assert (report_source.kind, {t.name for t in report_source.themes.all()}) == (
        Source.Kind.PROGRESS,
        {"Woninginbraak", "High impact crimes"},
    )
    assert feed_next_scan(source=process, process=new) == []  # once
    assert Source.objects.filter(process=new).count() == 2


def test_a_review_adopted_after_the_copy_feeds_the_copy(process, staff, goal, moments):
    new = copy(process)
    assert not Source.objects.filter(process=new).exists()
    review = services.review_create(process=process, user=staff, kind="endterm", light=True, moment=moments[2])
    adopt(review, staff)
    assert list(Source.objects.filter(process=new).values_list("title", flat=True)) == [
        "Endterm review light VS 2019-2022"
    ]


def test_a_report_adopted_after_the_copy_feeds_the_copy(process, staff, goal, moments, themed):
    new = copy(process)
    monitoring_services.report_summary_save(process=process, year=2022, user=staff, summary_html="<p>Laatste.</p>")
    for status, day in (("sent_to_rvo", 1), ("for_adoption", 2), ("adopted", 16)):
        monitoring_services.report_transition(
            process=process, year=2022, user=staff, to_status=status, meeting_date=datetime.date(2023, 4, day)
        )
    [source] = Source.objects.filter(process=new).prefetch_related("themes")
    assert (source.title, source.kind, source.published_on) == (
        "Voortgangsrapportage 2022 VS 2019-2022",
        Source.Kind.PROGRESS,
        datetime.date(2023, 4, 16),
    )
    assert {theme.name for theme in source.themes.all()} == {"Woninginbraak", "High impact crimes"}


def test_the_long_list_shows_how_the_corresponding_goal_did(
    client, django_assert_max_num_queries, process, staff, secretary, goal, indicator, moments, measured, themed
):
    review = services.review_create(process=process, user=staff, kind="endterm", moment=moments[2])
    adopt(review, staff, "continue", "Blijft nodig.")
    new = copy(process)
    PriorityFactory(process=new, title=goal.priority.title, position=1)  # the same priority again
    by_theme = PriorityFactory(process=new, title="Veilig wonen", position=2)
    by_theme.themes.set([themed[0]])
    PriorityFactory(process=new, title="Drugs in het buitengebied", position=3)
    for position in range(4, 11):
        PriorityFactory(process=new, title=f"Kandidaat {position}", position=position)
    client.force_login(secretary)
    with django_assert_max_num_queries(40):
        page = client.get(reverse("priorities:longlist", kwargs={"slug": new.slug})).content.decode()
    assert "Hoe deed de vorige periode het? (VS 2019-2022)" in page
    assert page.count("In VS 2019-2022: Woninginbraken terugdringen") == 2  # same title, and a shared theme
    assert "op koers" in page  # the monitoring's last status (3,800 at the end of 2020)
    assert "endterm review: voortzetten – Blijft nodig." in page
    assert "geen doelstelling in de vorige periode" in page  # Drugs in het buitengebied
    assert Priority.objects.filter(process=new).count() == 10


def test_a_long_list_without_a_previous_period_has_no_panel(client, process, staff, priorities):
    client.force_login(staff)
    page = client.get(reverse("priorities:longlist", kwargs={"slug": process.slug})).content.decode()
    assert "Hoe deed de vorige periode het?" not in page
