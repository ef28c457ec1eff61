"""Issue 7, the whole process end to end in a real browser, on an empty database (only the reference data and the
theme catalogue of the migrations): the 2018 process of the Veiligheidsstrategie 2019-2022 as the planning note and
the demo describe it.

Staff start the process and plan it, scan two municipal plans and a source, build the long list of ten, record the
BBG's consent and send the list to the partners; staff open the round, the five DVO secretaries each choose seven in
their own browser; staff close the round, a BBG member reads the ranking, staff record and confirm the BBG's top five
with ambitions, write a SMART goal per priority, put them forward and move the document to adopted; the BBG member
downloads the PDF of version 1.0 and finds the five priorities and the goals in it.

Everything goes through the pages; the database is only read, to check what the pages stored.
"""

import datetime
import io
import re
from contextlib import contextmanager

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from accounts.models import Role
from decisions.models import BbgDecision
from demo.decisions import PASSED_OVER, TOP_FIVE
from demo.planning import BBG_TOP_FIVE, DVO_MEETINGS, LONG_LIST_CONSENT, dvo_title
from demo.priorities import PRIORITIES
from demo.voting import BALLOTS, CYBER, HIC, MENS, ONDERMIJNING, RADIC, VERWARD, WOON
from documents.models import Document, Goal
from planning.models import District, Milestone, StrategyProcess
from priorities.models import LongList, Priority, Urgency
from scan.models import MunicipalPlan, Source
from tests.accounts.factories import PASSWORD, UserFactory
from voting.models import Ballot, Round

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SLUG = "vs-2019-2022"
PROCESS_URL = f"/processen/{SLUG}/"
STEP_TIMEOUT = 20_000  # ms, per action and expectation: generous, the run as a whole stays well under 3 minutes
PDF_TIMEOUT = 90_000  # the first rendering of the document happens inline (Celery eager)

SOURCE_TITLE = "Nationaal Dreigingsbeeld 2017"
SOURCE_LABEL = f"{SOURCE_TITLE} (openbaar)"  # as the priority form lists it

PLANS = {
    # municipality: plan title, [(theme, wording in the plan)] - the first through the plan form, the rest through
    # the "add a theme" form on the plan's page
    "Arnhem": (
        "Integraal Veiligheidsplan Arnhem 2019-2022",
        [
            ("Ondermijning", "Ondermijning en georganiseerde misdaad aanpakken"),
            ("Personen met verward gedrag", "Zorg en veiligheid rond verwarde personen"),
        ],
    ),
    "Enschede": (
        "Integraal Veiligheidsplan Enschede 2019-2022",
        [
            ("Mensenhandel", "Uitbuiting van arbeidsmigranten in de grensregio"),
            ("Ondermijning", "Drugscriminaliteit in het buitengebied"),
        ],
    ),
}

# The goals, one per priority of the top five; the first is saved once without its baseline (not yet SMART).
GOALS = {
    ONDERMIJNING: {
        "title": "Elke gemeente een ondermijningsbeeld met plan van aanpak",
        "description": "Elke gemeente heeft een actueel ondermijningsbeeld en een integraal plan van aanpak.",
        "indicator": "Gemeenten met een actueel ondermijningsbeeld en plan van aanpak",
        "baseline": "31 van de 78 gemeenten",
        "target": "78 van de 78 gemeenten",
        "owner": "RIEC",
        "role": ("gemeenten", "Stellen het beeld en het plan van aanpak vast"),
    },
    VERWARD: {
        "title": "Sluitende aanpak voor personen met verward gedrag",
        "description": "Personen met verward gedrag krijgen op tijd passende zorg, zonder onnodige politie-inzet.",
        "indicator": "Meldingen van verward gedrag (E33) die leiden tot politie-inzet",
        "baseline": "100 (index)",
        "target": "85 (index)",
        "owner": "gemeenten",
        "role": ("zorg", "Zorgt voor een sluitende aanpak en 24-uursbereikbaarheid"),
    },
    CYBER: {
        "title": "Weerbaar tegen cybercrime",
        "description": "Inwoners en ondernemers zijn weerbaarder tegen cybercrime en meer aangiften worden opgelost.",
        "indicator": "Opgehelderde aangiften van cybercrime",
        "baseline": "9%",
        "target": "15%",
        "owner": "politie",
        "role": ("gemeenten", "Organiseren voorlichting aan inwoners en ondernemers"),
    },
    HIC: {
        "title": "High impact crimes niet boven het niveau van 2018",
        "description": "De daling van woninginbraken, overvallen en straatroven wordt vastgehouden.",
        "indicator": "Geregistreerde high impact crimes per jaar",
        "baseline": "12.400",
        "target": "hoogstens 12.400",
        "owner": "politie",
        "role": ("gemeenten", "Zetten in op preventie en de persoonsgerichte aanpak"),
    },
    MENS: {
        "title": "Een aanspreekpunt mensenhandel in elke gemeente",
        "description": "Elke gemeente heeft een aanspreekpunt mensenhandel en getrainde toezichthouders.",
        "indicator": "Gemeenten met een aanspreekpunt mensenhandel",
        "baseline": "22 van de 78 gemeenten",
        "target": "78 van de 78 gemeenten",
        "owner": "gemeenten",
        "role": ("politie", "Levert signalen en rechercheert"),
    },
}


# --- Helpers ------------------------------------------------------------------------------------------------------


def process_menu(page, name):
    """A link of the main menu that leads to a page of the process. On the goals' and the document's pages the
    menu lists "Doelstellingen" and "Document" twice (templates/documents/*.html add them to base.html's own), hence
    the first of them."""
    return main_menu(page).get_by_role("link", name=name, exact=True).first


def main_menu(page):
    return page.get_by_role("navigation", name="Hoofdmenu")


def menu(page, group, item):
    """Open a dropdown of the main menu and follow one of its items."""
    main_menu(page).get_by_role("button", name=group, exact=True).click()
    main_menu(page).get_by_role("link", name=item, exact=True).click()


def heading(page):
    return page.get_by_role("heading", level=1)


def alert(page):
    return page.get_by_role("alert")


def log_in(page, user):
    page.goto("/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page).not_to_have_url(re.compile(r"/account/inloggen/"))


@contextmanager
def browser_of(chromium_browser, live_server, user):
    """A fresh browser context (own cookies) with ``user`` logged in through the login form."""
    context = chromium_browser.new_context(locale="nl-NL", base_url=live_server.url, accept_downloads=True)
    context.set_default_timeout(STEP_TIMEOUT)
    try:
        page = context.new_page()
        log_in(page, user)
        yield page
    finally:
        context.close()


def select_option_starting_with(select, text):
    """Select the option whose label is ``text`` after a rank ("3. Cybercrime"); the rank is the tally's."""
    option = select.locator("option").filter(has_text=re.compile(rf"^\d+\. {re.escape(text)}$"))
    expect(option).to_have_count(1)
    select.select_option(value=option.get_attribute("value"))


def take_document_step(page, step, date_label, date):
    page.get_by_role("link", name=step, exact=True).click()
    expect(heading(page)).to_have_text(step)
    page.get_by_label(date_label, exact=True).fill(date)
    page.get_by_role("button", name=step, exact=True).click()
    expect(page).to_have_url(re.compile(r"/document/$"))


@pytest.fixture
def private_storage(settings, tmp_path):
    """Uploaded and rendered files go to a temporary folder, not to the developer's var/private."""
    root = tmp_path / "private"
    root.mkdir()
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": root}},
    }
    return root


@pytest.fixture
def people(db):
    districts = {district.code: district for district in District.objects.all()}
    return {
        "staff": UserFactory(username="staf", role=Role.STAFF),
        "bbg": UserFactory(username="bbg-lid", role=Role.BBG_MEMBER),
        "secretaries": {
            code: UserFactory(username=f"secretaris-{code.lower()}", role=Role.DVO_SECRETARY, district=districts[code])
            for code, _day in DVO_MEETINGS
        },
    }


# --- The test -----------------------------------------------------------------------------------------------------


def test_the_2018_process_from_an_empty_database_to_the_adopted_document(
    page, login, people, chromium_browser, live_server, private_storage
):
    assert not StrategyProcess.objects.exists()
    page.context.set_default_timeout(STEP_TIMEOUT)
    staff, bbg_member = people["staff"], people["bbg"]
    positions = {data["title"]: number for number, data in enumerate(PRIORITIES, start=1)}

    # --- 1. Staff start the process ---------------------------------------------------------------------------
    login(staff)
    page.goto("/")
    page.get_by_role("link", name="Nieuw proces").click()
    expect(heading(page)).to_have_text("Nieuw proces")
    page.get_by_label("Titel").fill("Veiligheidsstrategie 2019-2022")
    page.get_by_label("Korte naam").fill("VS 2019-2022")
    page.get_by_label("Adresnaam").fill(SLUG)
    page.get_by_label("Eerste jaar van de periode").fill("2019")
    page.get_by_label("Laatste jaar van de periode").fill("2022")
    page.get_by_label("Omschrijving").fill("De gezamenlijke beleidsdoelstellingen voor het MJB 2019-2022.")
    page.get_by_role("button", name="Opslaan").click()
    expect(alert(page)).to_contain_text("Proces VS 2019-2022 is aangemaakt, met de standaardfasen.")
    expect(heading(page)).to_contain_text("Overzicht VS 2019-2022")

    # --- 2. Its planning: the BBG's consent, the five DVO meetings and the BBG of the top five ------------------
    milestones = [
        (LONG_LIST_CONSENT, "29 maart 2018", "Scan en lange lijst", "besluit", "BBG"),
        *[(dvo_title(code), day, "Keuze DVO's", "vergadering", f"DVO {code}") for code, day in DVO_MEETINGS],
        (BBG_TOP_FIVE, "5 juli 2018", "Top vijf BBG", "besluit", "BBG"),
    ]
    menu(page, "Planning", "Mijlpalen")
    for title, when, phase, kind, body in milestones:
        page.get_by_role("link", name="Mijlpaal toevoegen").click()
        page.get_by_label("Titel").fill(title)
        page.get_by_label("Datum of periode").fill(when)
        page.get_by_label("Fase").select_option(label=phase)
        page.get_by_label("Soort").select_option(label=kind)
        page.get_by_label("Gremium").select_option(label=body)
        page.get_by_role("button", name="Opslaan").click()
        expect(alert(page)).to_contain_text(f"Mijlpaal '{title}' is toegevoegd.")
        expect(page.locator("main")).to_contain_text(when)
        menu(page, "Planning", "Mijlpalen")
    assert Milestone.objects.filter(process__slug=SLUG).count() == 7

    # --- 3. The scan: two municipal plans with their themes, and a source ---------------------------------------
    for municipality, (plan_title, themes) in PLANS.items():
        menu(page, "Scan", "Gemeenteplannen")
        page.get_by_role("link", name=municipality, exact=True).click()
        expect(heading(page)).to_have_text(f"Integraal veiligheidsplan van {municipality}")
        page.get_by_role("link", name="Plan bewerken").click()
        page.get_by_label("Titel").fill(plan_title)
        page.get_by_label("Eerste jaar").fill("2019")
        page.get_by_label("Laatste jaar").fill("2022")
        page.get_by_label("Ambtelijke toets").select_option(label="beantwoord")
        page.get_by_label("Toets verstuurd op").fill("2018-02-05")
        page.get_by_label("Toets beantwoord op").fill("2018-02-26")
        (first_theme, first_wording), *more = themes
        page.get_by_label("Thema", exact=True).select_option(label=first_theme)
        page.get_by_label("Formulering in het plan", exact=True).fill(first_wording)
        page.get_by_role("button", name="Opslaan").click()
        expect(alert(page)).to_contain_text(f"Het plan van {municipality} is opgeslagen.")
        add = page.get_by_role("form", name="Thema toevoegen aan een plan")
        for theme, wording in more:
            add.get_by_label("Thema").select_option(label=theme)
            add.get_by_label("Formulering in het plan").fill(wording)
            add.get_by_role("button", name="Toevoegen").click()
            expect(alert(page)).to_contain_text(f"'{theme}' is toegevoegd aan het plan van {municipality}.")
        plan_themes = page.locator("#plan-themes").get_by_role("rowheader")
        expect(plan_themes).to_have_count(len(themes))
    assert MunicipalPlan.objects.filter(process__slug=SLUG).count() == 2

    menu(page, "Scan", "Scanmatrix")
    ondermijning = page.locator("#theme-shares tbody tr").filter(
        has=page.get_by_role("rowheader", name="Ondermijning", exact=True)
    )
    expect(ondermijning.locator("td.count")).to_have_text("2")

    menu(page, "Scan", "Bronnen")
    page.get_by_role("link", name="Nieuwe bron").click()
    page.get_by_label("Titel").fill(SOURCE_TITLE)
    page.get_by_label("Soort").select_option(label="dreigingsbeeld")
    page.get_by_label("Datum").fill("2017-11-01")
    page.get_by_label("Eigenaar").fill("Nationale Politie")
    page.get_by_label("Vindplaats").fill(
        "https://www.politie.nl/binaries/content/assets/politie/nationaal-dreigingsbeeld-2017.pdf"
    )
    page.get_by_role("checkbox", name="Ondermijning", exact=True).check()
    page.get_by_role("checkbox", name="Cybercrime", exact=True).check()
    page.get_by_label("Vertrouwelijkheid").select_option(label="openbaar")
    page.get_by_role("button", name="Opslaan").click()
    expect(alert(page)).to_contain_text(f"Bron '{SOURCE_TITLE}' is opgeslagen.")
    assert Source.objects.filter(process__slug=SLUG, title=SOURCE_TITLE).exists()

    # --- 4. The long list of ten -----------------------------------------------------------------------------
    main_menu(page).get_by_role("link", name="Lange lijst", exact=True).click()
    expect(page.locator("main")).to_contain_text("Er staan nog geen prioriteiten op de lange lijst.")
    for data in PRIORITIES:
        page.get_by_role("link", name="Nieuwe prioriteit").click()
        page.get_by_label("Titel").fill(data["title"])
        page.get_by_label("Omschrijving").fill(data["description"])
        page.get_by_label("gewenst" if data["urgency"] == Urgency.DESIRED else "urgent", exact=True).check()
        for theme in data["themes"]:
            page.get_by_role("checkbox", name=theme, exact=True).check()
        if SOURCE_TITLE in data.get("sources", []):
            page.get_by_role("checkbox", name=SOURCE_LABEL, exact=True).check()
        page.get_by_role("button", name="Opslaan").click()
        expect(alert(page)).to_contain_text(f"Prioriteit '{data['title']}' staat op de lange lijst.")
        main_menu(page).get_by_role("link", name="Lange lijst", exact=True).click()
    expect(page.locator("main")).to_contain_text("10 prioriteiten van maximaal 10.")
    expect(page.get_by_role("link", name="Nieuwe prioriteit")).to_have_count(0)
    assert [p.title for p in Priority.objects.filter(process__slug=SLUG).order_by("position")] == [
        data["title"] for data in PRIORITIES
    ]

    # --- 5. The BBG consents (recorded by staff) and the list goes to the partners ----------------------------
    page.get_by_role("link", name="Vaststellen (instemming BBG)").click()
    page.get_by_label("Vastgesteld door de BBG op").fill("2018-03-29")
    page.get_by_label("In de vergadering").select_option(label=f"29 maart 2018: {LONG_LIST_CONSENT}")
    page.get_by_role("button", name="Vaststellen").click()
    expect(page.locator("main")).to_contain_text("vastgesteld op 29 maart 2018")
    page.get_by_role("link", name="Naar de partners gestuurd").click()
    page.get_by_label("Naar de partners gestuurd op").fill("2018-03-30")
    page.get_by_role("button", name="Vastleggen als verstuurd").click()
    expect(page.locator("main")).to_contain_text("naar de partners gestuurd op 30 maart 2018")
    assert LongList.objects.get(process__slug=SLUG).status == LongList.Status.SENT

    # --- 6. Staff create the round, give the DVOs time, and open it ------------------------------------------
    menu(page, "Keuze DVO's", "Keuzeronde")
    page.get_by_role("button", name="Keuzeronde aanmaken").click()
    expect(alert(page)).to_contain_text("De keuzeronde is aangemaakt.")
    # The round takes each DVO's deadline from its meeting in the planning: the end of that day in 2018. This test
    # runs years later, so staff move every deadline to a day ahead, as they would for a DVO whose meeting moved.
    later = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()  # as the date picker sends it
    for code, day in DVO_MEETINGS:
        row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=re.compile(rf"^{code} ")))
        expect(row).to_contain_text(day)  # the meeting from the planning
        page.get_by_role("link", name=f"Termijn {code}", exact=True).click()
        page.get_by_label("Dag").fill(later)
        page.get_by_role("button", name="Opslaan").click()
        expect(alert(page)).to_contain_text(f"De termijn van DVO {code} is opgeslagen.")
    page.get_by_role("button", name="Ronde openen").click()
    expect(alert(page)).to_contain_text("De keuzeronde is open; de DVO's kunnen kiezen.")

    # --- 7. Each DVO secretary, in their own browser, chooses seven ------------------------------------------
    for code, _day in DVO_MEETINGS:
        ballot = BALLOTS[code]
        with browser_of(chromium_browser, live_server, people["secretaries"][code]) as dvo:
            dvo.goto(PROCESS_URL)
            main_menu(dvo).get_by_role("link", name=f"Keuze DVO {code}", exact=True).click()  # their own DVO first
            expect(heading(dvo)).to_contain_text(f"Keuze van DVO {code} (")
            submit = dvo.get_by_role("button", name="Keuze indienen")
            for place, title in enumerate(ballot["choices"], start=1):
                choice = dvo.get_by_label(f"{positions[title]}. {title}", exact=True)
                choice.check()
                card = dvo.locator(".card").filter(has=choice)  # the priority's own order and remark fields
                if ballot["ordered"]:
                    card.get_by_label("Plaats in de volgorde van voorkeur").select_option(str(place))
                if title in ballot["remarks"]:
                    card.get_by_label("Opmerking bij deze keuze").fill(ballot["remarks"][title])
            expect(dvo.locator("#ballot-counter")).to_have_text("7 van 7 gekozen")
            involvement = {"involved": "betrokken", "informed": "geïnformeerd", "not_yet": "nog niet"}
            dvo.get_by_label(involvement[ballot["council"]], exact=True).check()
            dvo.get_by_label("Hoe zijn de gemeenteraden betrokken of geïnformeerd?").fill(ballot["council_note"])
            if ballot["remark"]:
                dvo.get_by_label("Opmerking bij de keuze als geheel").fill(ballot["remark"])
            expect(submit).to_be_enabled()
            submit.click()
            expect(heading(dvo)).to_have_text(f"De keuze van DVO {code} is opgeslagen")
            chosen = dvo.get_by_role("list", name="Gekozen prioriteiten").get_by_role("listitem")
            expect(chosen).to_have_count(7)
        stored = Ballot.objects.get(round__process__slug=SLUG, district__code=code)
        assert stored.submitted_by == people["secretaries"][code]
        assert not stored.entered_by_staff
        assert sorted(choice.priority.title for choice in stored.choices.all()) == sorted(ballot["choices"])

    # --- 8. Staff close the round --------------------------------------------------------------------------
    page.reload()  # staff are still on the round's page
    expect(page.locator("main")).to_contain_text("5 van 5 DVO's hebben gekozen")
    page.get_by_role("button", name="Ronde sluiten").click()
    expect(alert(page)).to_contain_text("De keuzeronde is gesloten; alle keuzes liggen vast.")
    assert Round.objects.get(process__slug=SLUG).status == Round.Status.CLOSED

    # --- 9. A BBG member reads the ranking ---------------------------------------------------------------------
    with browser_of(chromium_browser, live_server, bbg_member) as bbg:
        bbg.goto(PROCESS_URL)
        process_menu(bbg, "Uitslag").click()
        expect(heading(bbg)).to_have_text("Uitslag van de keuze van de DVO's")
        rows = bbg.get_by_role("table", name=re.compile("^Rangorde van de prioriteiten")).locator("tbody tr")
        expect(rows).to_have_count(10)
        # Four priorities were chosen by all five DVOs; juvenile crime by four.
        for index in range(4):
            expect(rows.nth(index)).to_contain_text("5 van 5")
        expect(rows.nth(4).get_by_role("rowheader")).to_contain_text("Jeugdcriminaliteit en jeugdoverlast")
        expect(rows.nth(4)).to_contain_text("4 van 5")
        top_four = {
            re.sub(r" \(nr\. \d+ .*\)$", "", rows.nth(i).get_by_role("rowheader").inner_text()) for i in range(4)
        }
        assert top_four == {ONDERMIJNING, VERWARD, CYBER, HIC}
        expect(bbg.get_by_role("link", name="Besluit van de BBG vastleggen")).to_have_count(0)

    # --- 10. Staff record the BBG's top five with ambitions and why it passed over higher ones; then confirm ----
    menu(page, "Keuze DVO's", "Uitslag")
    page.get_by_role("link", name="Besluit van de BBG vastleggen").click()
    expect(heading(page)).to_have_text("Besluit van de BBG vastleggen")
    page.get_by_label("BBG-vergadering").select_option(label=f"5 juli 2018: {BBG_TOP_FIVE}")
    for place, (title, ambition) in enumerate(TOP_FIVE, start=1):
        select_option_starting_with(page.get_by_label(f"Prioriteit op plaats {place}", exact=True), title)
        page.get_by_label(f"Ambitie bij plaats {place}", exact=True).fill(ambition)
    for title, why in PASSED_OVER.items():  # only those ranked above a chosen one are kept
        # (A regular expression is matched against the label's raw text, surrounding white space included.)
        page.get_by_label(re.compile(rf"^\s*Waarom gepasseerd: \d+\. {re.escape(title)}\s*$")).fill(why)
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(alert(page)).to_contain_text("Het besluit van de BBG is vastgelegd.")
    top_five = page.get_by_role("table", name="De top vijf van de BBG met de ambitie per prioriteit")
    expect(top_five.get_by_role("rowheader")).to_have_text([title for title, _ambition in TOP_FIVE])
    passed = page.get_by_role("table", name=re.compile("^Gepasseerde prioriteiten"))
    expect(passed).to_contain_text("Jeugdcriminaliteit en jeugdoverlast")
    expect(passed).not_to_contain_text(RADIC)
    expect(passed).not_to_contain_text(WOON)
    page.get_by_role("link", name="Besluit bevestigen").click()
    page.get_by_role("button", name="Bevestigen en vastzetten").click()
    expect(alert(page)).to_contain_text("Het besluit van de BBG is bevestigd en staat nu vast.")
    decision = BbgDecision.objects.get(round__process__slug=SLUG)
    assert decision.is_confirmed
    assert decision.decided_on == datetime.date(2018, 7, 5)
    assert [item.priority.title for item in decision.chosen.order_by("position")] == [t for t, _a in TOP_FIVE]
    assert Milestone.objects.get(process__slug=SLUG, title=BBG_TOP_FIVE).status == Milestone.Status.DONE
    passed_over = {item.priority.title: item.justification for item in decision.passed_over.all()}
    assert "Jeugdcriminaliteit en jeugdoverlast" in passed_over
    assert set(passed_over) <= set(PASSED_OVER) - {RADIC, WOON}
    assert all(passed_over[title] == PASSED_OVER[title] for title in passed_over)

    # --- 11. The goals, written until SMART and put forward to the RVO ------------------------------------------
    for number, (priority_title, goal) in enumerate(GOALS.items()):
        process_menu(page, "Doelstellingen").click()
        page.get_by_role("link", name="Nieuwe doelstelling").click()
        expect(heading(page)).to_have_text("Nieuwe doelstelling")
        page.get_by_label("Prioriteit", exact=True).select_option(label=priority_title)
        page.get_by_label("Titel", exact=True).fill(goal["title"])
        page.get_by_label("Specifieke omschrijving", exact=True).fill(goal["description"])
        page.get_by_label("Indicator", exact=True).fill(goal["indicator"])
        first = number == 0
        if not first:
            page.get_by_label("Nulmeting (waarde)", exact=True).fill(goal["baseline"])
            page.get_by_label("Datum nulmeting", exact=True).fill("2018-01-01")
        page.get_by_label("Streefwaarde", exact=True).fill(goal["target"])
        page.get_by_label("Datum streefwaarde", exact=True).fill("2022-12-31")
        page.get_by_label("Eigenaar", exact=True).select_option(label=goal["owner"])
        partner, role = goal["role"]
        page.get_by_label("Partner 1", exact=True).select_option(label=partner)
        page.get_by_label("Rol 1", exact=True).fill(role)
        page.get_by_label("urgent", exact=True).check()
        page.get_by_label("Uiterste datum", exact=True).fill("2022-12-31")
        page.get_by_role("button", name="Opslaan").click()
        if first:
            # Without a baseline the goal is saved but not SMART; staff complete it.
            expect(alert(page)).to_contain_text(
                f"Doelstelling '{goal['title']}' is opgeslagen, maar is nog niet SMART (2 punten)."
            )
            page.get_by_role("link", name="Wijzigen", exact=True).click()
            page.get_by_label("Nulmeting (waarde)", exact=True).fill(goal["baseline"])
            page.get_by_label("Datum nulmeting", exact=True).fill("2018-01-01")
            page.get_by_role("button", name="Opslaan").click()
        expect(alert(page)).to_contain_text(f"Doelstelling '{goal['title']}' is opgeslagen en is SMART.")
        page.get_by_role("link", name="Naar het RVO", exact=True).click()
        page.get_by_label("Naar het RVO op", exact=True).fill("2018-09-03")
        page.get_by_role("button", name="Naar het RVO", exact=True).click()
        expect(alert(page)).to_contain_text(f"Doelstelling '{goal['title']}' is naar het RVO gestuurd.")
    goals = Goal.objects.filter(process__slug=SLUG)
    assert sorted(goals.values_list("priority__title", flat=True)) == sorted(GOALS)
    assert set(goals.values_list("status", flat=True)) == {Goal.Status.TO_RVO}

    # --- 12. The document, from concept to adopted ----------------------------------------------------------
    process_menu(page, "Document").click()
    page.get_by_role("button", name="Document starten").click()
    expect(alert(page)).to_contain_text("Het document is aangemaakt")
    take_document_step(page, "Naar het RVO sturen", "Datum van het RVO", "2018-09-13")
    expect(alert(page)).to_contain_text("Het document is nu: naar het RVO gestuurd.")
    take_document_step(page, "Ter vaststelling naar het Bestuurscollege", "Datum van het Bestuurscollege", "2018-10-04")
    take_document_step(page, "Vastgesteld door het Bestuurscollege", "Datum van vaststelling", "2018-11-01")
    expect(alert(page)).to_have_text("Het document is nu: vastgesteld. Versie 1.0 is vastgelegd.")
    document = Document.objects.get(process__slug=SLUG)
    assert document.status == Document.Status.ADOPTED
    assert document.adopted_on == datetime.date(2018, 11, 1)
    assert set(goals.values_list("status", flat=True)) == {Goal.Status.ADOPTED}

    # --- 13. The BBG member downloads the adopted document as PDF -------------------------------------------
    with browser_of(chromium_browser, live_server, bbg_member) as bbg:
        bbg.goto(PROCESS_URL)
        process_menu(bbg, "Document").click()
        with bbg.expect_download(timeout=PDF_TIMEOUT) as download_info:
            bbg.get_by_role("link", name="PDF versie 1.0", exact=True).click()
        download = download_info.value
        assert re.search(r"^veiligheidsstrategie-.*-versie-1-?0\.pdf$", download.suggested_filename)
        with open(download.path(), "rb") as pdf:
            reader = PdfReader(io.BytesIO(pdf.read()))
    text = " ".join(" ".join(pdf_page.extract_text().split()) for pdf_page in reader.pages)
    for title, _ambition in TOP_FIVE:
        assert title in text, f"priority {title!r} not in the PDF"
    for goal in GOALS.values():
        assert goal["title"] in text, f"goal {goal['title']!r} not in the PDF"
