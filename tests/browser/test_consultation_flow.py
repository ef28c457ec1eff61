"""Issue 15 in a real browser: staff register a council's response on the consultation's overview, find it counted
and no longer missing, freeze the next version of the document and find the response's summary in that version's
PDF (the generated chapter "Consultatie gemeenteraden"); the pages pass axe."""

import datetime
import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from consultation.models import CouncilEntry
from consultation.services import round_create
from documents.services import version_create
from tests.browser.axe import assert_no_serious_violations
from tests.documents.factories import make_document

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SUMMARY = "De raad van Arnhem vraagt om zichtbare wijkagenten in elke wijk."


@pytest.fixture(autouse=True)
def _patient_expect():
    expect.set_options(timeout=15_000)
    yield
    expect.set_options(timeout=5_000)


@pytest.fixture
def private_storage(settings, tmp_path):
    root = tmp_path / "private"
    root.mkdir()
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": root}},
    }
    return root


def test_staff_register_a_response_and_find_it_in_the_next_versions_pdf(page, login, process, staff, private_storage):
    version = version_create(document=make_document(process), user=staff, today=datetime.date(2019, 2, 20))
    consultation = round_create(
        version=version, sent_on=datetime.date(2019, 3, 1), deadline=datetime.date(2019, 4, 12), user=staff
    )
    page.set_default_timeout(30_000)  # a shared, loaded machine
    login(staff)
    page.goto(f"/processen/{process.slug}/consultatie/")
    page.get_by_role("link", name="Versie 0.1", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Consultatie over versie 0.1")
    expect(page.get_by_text("Het VS-deel ligt niet voor consultatie", exact=False)).to_be_visible()
    assert_no_serious_violations(page, "consultation overview")

    page.get_by_role("link", name="Reactie Arnhem registreren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reactie van de raad van Arnhem")
    page.locator("#id_status").select_option(label="reactie ontvangen")
    page.locator("#id_received_on").fill("2019-04-02")
    page.locator("#id_scope").select_option(label="alleen het politiedeel (MJB)")
    page.locator("#id_summary").fill(SUMMARY)
    # Without a text or a motion the response is refused with a Dutch message.
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Een ontvangen reactie heeft een tekst of een bijgevoegde motie of brief.")).to_be_visible()
    assert_no_serious_violations(page, "entry form with an error")
    page.locator("#id_response_html").fill("<p>Meer blauw op straat, ook 's avonds.</p>")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("De reactie van Arnhem is vastgelegd.")

    glm = page.get_by_role("region", name=re.compile("^GLM"))
    expect(glm.get_by_role("row", name=re.compile("^Arnhem"))).to_contain_text("reactie ontvangen")
    expect(glm.get_by_text("Nog zonder reactie:")).not_to_contain_text("Arnhem")
    entry = consultation.entries.get(municipality__name="Arnhem")
    assert (entry.status, entry.summary) == (CouncilEntry.Status.RECEIVED, SUMMARY)

    # The next version holds the chapter; its PDF shows the summary.
    page.goto(f"/processen/{process.slug}/document/")
    page.get_by_role("button", name="Concept vastleggen als versie 0.2").click()
    expect(page.get_by_role("alert")).to_contain_text("Versie 0.2 is vastgelegd.")
    with page.expect_download(timeout=90_000) as download_info:
        page.get_by_role("link", name="PDF versie 0.2", exact=True).click(timeout=90_000)
    with open(download_info.value.path(), "rb") as pdf:
        reader = PdfReader(io.BytesIO(pdf.read()))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Consultatie gemeenteraden" in text
    assert SUMMARY in text
