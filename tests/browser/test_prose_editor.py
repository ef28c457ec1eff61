"""Issue 11, the rich-text editor: staff write a paragraph with a list and a table in the nota's prose with the
editor's menu and keyboard alone (no HTML typed), save it, freeze a version and find every part in its PDF."""

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from documents.models import Document
from documents.services import document_start
from tests.browser.axe import blocking, describe, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _patient_expect():
    expect.set_options(timeout=10_000)
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


def editor(page, label):
    """The editable area of a prose field: a textbox named by the field's label."""
    return page.get_by_role("textbox", name=label, exact=True)


def menu_button(page, label, name):
    return page.get_by_role("toolbar", name=label, exact=True).get_by_role("button", name=name, exact=True)


def test_staff_write_a_paragraph_a_list_and_a_table_and_find_them_in_the_pdf(
    page, login, process, staff, private_storage
):
    document_start(process=process, user=staff)
    login(staff)
    page.goto(f"/processen/{process.slug}/document/bewerken/")
    label = "Afspraken met het OM"
    area = editor(page, label)
    expect(area).to_be_visible()
    # The textarea the form posts is hidden behind the editor; the label leads to the editable area.
    page.get_by_text(label, exact=True).click()
    expect(area).to_be_focused()
    page.keyboard.press("Control+a")
    page.keyboard.type("Het OM zet in op de aanpak van ondermijning.")
    page.keyboard.press("Enter")
    menu_button(page, label, "Opsomming").click()
    page.keyboard.type("Drugscriminaliteit")
    page.keyboard.press("Enter")
    page.keyboard.type("Witwassen")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # out of the list
    menu_button(page, label, "Tabel invoegen").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Rijen").fill("2")
    dialog.get_by_label("Kolommen").fill("2")
    dialog.get_by_role("button", name="Tabel invoegen").click()
    for number, text in enumerate(("Afspraak", "Zaken per jaar", "Ondermijning", "120")):
        if number:
            page.keyboard.press("Tab")  # to the next cell (a Tab in the last cell would add a row)
        page.keyboard.type(text)
    expect(area.locator("li")).to_have_text(["Drugscriminaliteit", "Witwassen"])
    expect(area.locator("td")).to_have_count(4)

    violations = blocking(run_axe(page))
    assert not violations, describe(violations)

    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("De teksten van het concept zijn opgeslagen.")
    stored = Document.objects.get(process=process).mjb_om_html
    # Stored as the sanitiser keeps it: the editor's paragraphs inside list items and cells unwrapped.
    assert stored.startswith(
        "<p>Het OM zet in op de aanpak van ondermijning.</p><ul><li>Drugscriminaliteit</li><li>Witwassen</li></ul>"
    )
    assert "<table><tbody><tr><td>Afspraak</td><td>Zaken per jaar</td></tr><tr><td>Ondermijning</td>" in stored

    # The stored prose comes back into the editor as it was written.
    page.get_by_role("link", name="Teksten bewerken").click()
    expect(editor(page, label).locator("li")).to_have_text(["Drugscriminaliteit", "Witwassen"])
    expect(editor(page, label).locator("td")).to_have_text(["Afspraak", "Zaken per jaar", "Ondermijning", "120"])
    page.get_by_role("link", name="Annuleren").click()

    page.get_by_label("Toelichting bij deze versie").fill("Met de afspraken met het OM.")
    page.get_by_role("button", name="Concept vastleggen als versie 0.1").click()
    expect(page.get_by_role("alert")).to_contain_text("Versie 0.1 is vastgelegd.")
    with page.expect_download(timeout=60_000) as download_info:
        page.get_by_role("link", name="PDF versie 0.1", exact=True).click(timeout=60_000)
    with open(download_info.value.path(), "rb") as pdf:
        reader = PdfReader(io.BytesIO(pdf.read()))
    text = " ".join(" ".join(page_.extract_text() for page_ in reader.pages).split())
    assert "Het OM zet in op de aanpak van ondermijning." in text
    assert re.search(r"Drugscriminaliteit .{0,3}Witwassen", text)
    assert re.search(r"Afspraak Zaken per jaar Ondermijning 120", text)
