"""Issue 14 in a real browser: a goal owner's contact (the GLM secretary) enters the 2019 values of their two goals,
the first with a refused percentage of 140 fixed on the form, and downloads the progress report of 2019, whose text
(read back from the PDF) holds every goal's value and status. axe checks the values form."""

import datetime
import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from monitoring.models import Measurement, MeasurementMoment, Unit
from tests.browser.axe import blocking, describe, run_axe
from tests.documents.factories import make_top_five
from tests.monitoring.factories import IndicatorFactory, adopted_goal, contact
from vs_portal.celery import app

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def private_storage(settings, tmp_path):
    root = tmp_path / "private"
    root.mkdir()
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": root}},
    }
    return root


@pytest.fixture
def eager():
    """The report renders in this process (no worker in this test); the page still waits for it as for a worker."""
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture
def goals(process, secretary):
    priorities = make_top_five(process)
    burglary = adopted_goal(process, priorities[0], title="Woninginbraken terugdringen")
    IndicatorFactory(goal=burglary, name="Aangiften van woninginbraak", baseline=4200, target=3400)
    cyber = adopted_goal(process, priorities[1], title="Cybercrime beter opgehelderd")
    IndicatorFactory(goal=cyber, name="Opgehelderde aangiften cybercrime", unit=Unit.PERCENTAGE, baseline=9, target=15)
    for year in range(2019, 2023):
        MeasurementMoment.objects.create(
            process=process, measured_on=datetime.date(year, 12, 31), label=f"Peildatum {year}"
        )
    contact(burglary, secretary)
    contact(cyber, secretary)
    return burglary, cyber


def enter(page, goal_title, value, source):
    page.get_by_role("link", name="Monitoring", exact=True).first.click()
    page.get_by_role("link", name=goal_title).first.click()
    page.get_by_role("link", name="Waarden en toelichting Peildatum 2019").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(goal_title)
    page.get_by_label(re.compile(r"^Waarde ")).fill(value)
    page.get_by_label(re.compile(r"^Bron van het cijfer ")).fill(source)
    page.get_by_label("Toelichting van de eigenaar").fill(f"Toelichting bij {goal_title}.")
    page.get_by_role("button", name="Opslaan").click()


def test_a_goal_owner_enters_the_years_values_and_downloads_the_report(
    page, login, live_server, process, secretary, goals, private_storage, eager
):
    login(secretary)
    page.goto(f"/processen/{process.slug}/")
    enter(page, "Cybercrime beter opgehelderd", "140", "Politie BVI")
    expect(page.get_by_role("alert")).to_contain_text("Een percentage ligt tussen 0 en 100")
    assert not Measurement.objects.exists()
    violations = blocking(run_axe(page))
    assert not violations, describe(violations)
    page.get_by_label(re.compile(r"^Waarde ")).fill("10,5")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status").or_(page.locator(".alert-success"))).to_contain_text("opgeslagen")
    enter(page, "Woninginbraken terugdringen", "4.000", "Politie BVI")
    expect(page.locator("body")).to_contain_text("opgeslagen")
    assert Measurement.objects.count() == 2

    page.get_by_role("link", name="Monitoring", exact=True).first.click()
    page.get_by_role("link", name="Rapportage 2019").click()
    with page.expect_download(timeout=90_000) as download_info:
        page.get_by_role("link", name="PDF downloaden").click()
    download = download_info.value
    assert download.suggested_filename == f"voortgangsrapportage-{process.slug}-2019.pdf"
    with open(download.path(), "rb") as pdf:
        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read())).pages)
    text = re.sub(r"\s+", " ", text)
    for words in (
        "Woninginbraken terugdringen",
        "4.000",
        "op koers",
        "Cybercrime beter opgehelderd",
        "10,5%",
        "achter",
    ):
        assert words in text, words
