"""The progress report's workflow in a real browser: staff write the 2019 summary, are refused a step without the
meeting's date (the Dutch message on the form), offer the report to the RVO, and download the .docx, which holds the
summary and the goal. axe checks the report page and the step's form."""

import datetime
import io
import re

import pytest
from docx import Document as DocxDocument
from playwright.sync_api import expect

from monitoring.models import MeasurementMoment, ProgressReport
from tests.browser.axe import blocking, describe, run_axe
from tests.documents.factories import make_top_five
from tests.monitoring.factories import IndicatorFactory, adopted_goal

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_offer_the_report_to_the_rvo_and_download_it_as_docx(page, login, live_server, process, staff):
    goal = adopted_goal(process, make_top_five(process)[0], title="Woninginbraken terugdringen")
    IndicatorFactory(goal=goal, name="Aangiften van woninginbraak", baseline=4200, target=3400)
    MeasurementMoment.objects.create(process=process, measured_on=datetime.date(2019, 12, 31), label="Peildatum 2019")
    ProgressReport.objects.create(process=process, year=2019, summary_html="<p>Een goed eerste jaar.</p>")
    login(staff)
    page.goto(f"/processen/{process.slug}/monitoring/voortgangsrapportage/2019/")
    violations = blocking(run_axe(page))
    assert not violations, describe(violations)

    page.get_by_role("link", name="Aanbieden aan het RVO").click()
    page.get_by_role("button", name="Aanbieden aan het RVO").click()
    expect(page.locator(".alert-danger")).to_contain_text("Vul de datum van de vergadering in.")
    violations = blocking(run_axe(page))
    assert not violations, describe(violations)
    page.get_by_label("Datum van het RVO").fill("12-03-2020")
    page.get_by_label("Toelichting").fill("Met de cijfers van de partners")
    page.get_by_role("button", name="Aanbieden aan het RVO").click()
    expect(page.locator("body")).to_contain_text("aangeboden aan het RVO")
    expect(page.get_by_role("link", name="Ter vaststelling naar het Bestuurscollege")).to_be_visible()
    assert ProgressReport.objects.get(process=process, year=2019).status == "sent_to_rvo"

    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Word-bestand")).click()
    download = download_info.value
    assert download.suggested_filename == f"voortgangsrapportage-{process.slug}-2019.docx"
    with open(download.path(), "rb") as file:
        document = DocxDocument(io.BytesIO(file.read()))
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert "Een goed eerste jaar." in texts
    assert "Woninginbraken terugdringen" in texts
