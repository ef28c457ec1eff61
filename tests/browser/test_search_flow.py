"""Issue 16's search in a real browser: staff search from the top bar for a word that only a confidential source
holds and find it; a DVO secretary searching the same word finds nothing (not even a count), and finds a public
source's word. The search page has no serious accessibility violations."""

import pytest
from playwright.sync_api import expect

from scan.models import Source
from tests.browser.axe import assert_no_serious_violations
from tests.scan.factories import SourceFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _patient_expect():
    expect.set_options(timeout=10_000)
    yield
    expect.set_options(timeout=5_000)


@pytest.fixture
def sources(process):
    SourceFactory(
        process=process,
        title="Ondermijningsbeeld Oost-Nederland",
        notes="Synthetische drugslabs in het buitengebied",
        confidentiality=Source.Confidentiality.CONFIDENTIAL,
    )
    SourceFactory(
        process=process,
        title="Nationaal Dreigingsbeeld 2017",
        notes="Cybercriminaliteit neemt toe",
        confidentiality=Source.Confidentiality.PUBLIC,
    )


def search_from_the_top_bar(page, text):
    page.get_by_role("searchbox", name="Zoeken in het portaal").fill(text)
    page.get_by_role("searchbox", name="Zoeken in het portaal").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Zoeken")


def test_staff_find_a_confidential_source_and_a_secretary_does_not(page, login, staff, secretary, sources):
    page.set_viewport_size({"width": 1366, "height": 900})
    login(staff)
    search_from_the_top_bar(page, "drugslabs")
    expect(page.locator("#search-summary")).to_have_text("1 resultaat voor ‘drugslabs’")
    result = page.locator(".search-results li")
    expect(result).to_have_count(1)
    expect(result.get_by_role("link")).to_have_text("Ondermijningsbeeld Oost-Nederland")
    expect(result.locator("mark")).to_have_text("drugslabs")
    assert_no_serious_violations(page, "search page, staff")
    result.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ondermijningsbeeld Oost-Nederland")

    page.get_by_role("button", name="Uitloggen").first.click()
    login(secretary)
    search_from_the_top_bar(page, "drugslabs")
    expect(page.locator("#search-summary")).to_have_text("0 resultaten voor ‘drugslabs’")
    expect(page.locator("main")).not_to_contain_text("Ondermijningsbeeld")
    expect(page.get_by_role("navigation", name="Resultaten per soort")).to_have_count(0)

    search_from_the_top_bar(page, "cybercriminaliteit")
    expect(page.locator("#search-summary")).to_have_text("1 resultaat voor ‘cybercriminaliteit’")
    expect(page.locator(".search-results").get_by_role("link")).to_have_text("Nationaal Dreigingsbeeld 2017")
    assert_no_serious_violations(page, "search page, secretary")
