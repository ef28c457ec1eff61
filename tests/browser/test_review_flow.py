"""Issue 14 in a real browser: staff write a goal's recommendation in the endterm review, see it with the
monitoring's value on the review's page, and the next period's long list shows how that goal did. axe checks the
review, the goal's form and the long list."""

import datetime
import os
import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from monitoring.models import Measurement, MeasurementMoment
from planning.services import process_copy
from reviews import services
from reviews.models import Review
from tests.browser.axe import assert_no_serious_violations
from tests.documents.factories import make_top_five
from tests.monitoring.factories import IndicatorFactory, adopted_goal
from tests.priorities.factories import PriorityFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("REVIEW_SCREENSHOTS", "")  # a folder outside the repo, to look at the pages


@pytest.fixture
def review(process, staff):
    priorities = make_top_five(process)
    goal = adopted_goal(process, priorities[0], title="Woninginbraken terugdringen")
    indicator = IndicatorFactory(goal=goal, name="Aangiften van woninginbraak", baseline=4200, target=3400)
    moment = MeasurementMoment.objects.create(process=process, measured_on=datetime.date(2021, 12, 31), label="2021")
    Measurement.objects.create(indicator=indicator, moment=moment, value=Decimal(3500), source="BVI")
    return services.review_create(process=process, user=staff, kind="endterm", light=True, moment=moment)


def shoot(page, name):
    if not SHOTS:
        return
    for width, height in ((1366, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1366, "height": 900})


def test_staff_recommend_in_the_review_and_the_next_long_list_shows_it(page, login, process, staff, review):
    login(staff)
    page.goto(review.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Endterm review light VS 2019-2022")
    expect(page.locator("body")).to_contain_text("3.500")
    assert_no_serious_violations(page, "review")
    page.get_by_role("link", name="‘Woninginbraken terugdringen’ bewerken").click()
    page.get_by_label("Aanbeveling voor de volgende strategie").select_option("continue")
    assert_no_serious_violations(page, "review goal form")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("Geef een reden bij de aanbeveling.")
    page.get_by_label("Reden van de aanbeveling").fill("Bijna behaald; de aanpak werkt.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("body")).to_contain_text("Voortzetten – Bijna behaald; de aanpak werkt.")
    shoot(page, "review-detail")

    for status, day in (("sent_to_rvo", 1), ("for_adoption", 2), ("adopted", 3)):
        services.review_transition(
            review=Review.objects.get(pk=review.pk),
            user=staff,
            to_status=status,
            meeting_date=datetime.date(2022, 11, day),
        )
    new = process_copy(
        source=process, title="VS 2023-2026", short_name="VS 2023-2026", slug="vs-2023-2026", shift_years=4
    )
    PriorityFactory(process=new, title=review.goals.get().goal.priority.title, position=1)
    page.goto(f"/processen/{new.slug}/lange-lijst/")
    panel = page.get_by_role("region", name=re.compile("Hoe deed de vorige periode het"))
    expect(panel).to_contain_text("In VS 2019-2022: Woninginbraken terugdringen")
    expect(panel).to_contain_text("endterm review light: voortzetten – Bijna behaald; de aanpak werkt.")
    assert_no_serious_violations(page, "long list")
    shoot(page, "longlist-panel")
    page.goto(f"/processen/{new.slug}/bronnen/")
    expect(page.locator("body")).to_contain_text("Endterm review light VS 2019-2022")
