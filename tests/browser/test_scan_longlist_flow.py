"""Issue 3 in a real browser: staff add a theme to a municipality's plan on the scan matrix, see the counts
change, make the tenth priority of the long list from that theme, and are refused an eleventh."""

import re

import pytest
from playwright.sync_api import expect

from planning.models import Municipality
from priorities.models import MAX_PRIORITIES, Priority
from scan.models import PlanTheme
from tests.priorities.factories import PriorityFactory
from tests.scan.factories import ThemeFactory, name_theme

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FULL_LIST = "De lange lijst heeft al 10 prioriteiten, het maximum."


def theme_row(page, name):
    """The theme's row in the table 'Per thema' of the scan matrix."""
    return page.locator("#theme-shares tbody tr").filter(has=page.get_by_role("rowheader", name=name, exact=True))


def test_staff_add_a_theme_see_the_counts_change_make_the_tenth_priority_and_are_refused_an_eleventh(
    page, login, staff, process
):
    cybercrime = ThemeFactory(name="Cybercrime")
    ThemeFactory(name="Ondermijning")
    for name in ("Deventer", "Zwolle"):
        name_theme(process, Municipality.objects.get(name=name), cybercrime, wording="Aanpak cybercrime")
    for position in range(1, MAX_PRIORITIES):
        PriorityFactory(process=process, title=f"Bestaande prioriteit {position}", position=position)
    matrix_url = f"/processen/{process.slug}/scan/"
    longlist_url = f"/processen/{process.slug}/lange-lijst/"

    login(staff)

    # The scan matrix: two municipalities name cybercrime.
    page.goto(matrix_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Scan van de veiligheidsplannen")
    expect(theme_row(page, "Cybercrime").locator("td.count")).to_have_text("2")
    apeldoorn = page.get_by_role("row").filter(has=page.get_by_role("link", name="Apeldoorn", exact=True))
    expect(apeldoorn).to_contain_text("niet genoemd")

    # Add it to Apeldoorn's plan through the form on the matrix.
    form = page.get_by_role("form", name="Thema toevoegen aan een plan")
    form.get_by_label("Gemeente").select_option(label="Apeldoorn")
    form.get_by_label("Thema").select_option(label="Cybercrime")
    form.get_by_label("Formulering in het plan").fill("Digitale criminaliteit en cybercrime")
    form.get_by_role("button", name="Toevoegen").click()

    expect(page).to_have_url(re.compile(r"/scan/$"))
    expect(page.get_by_role("alert")).to_contain_text("'Cybercrime' is toegevoegd aan het plan van Apeldoorn.")
    expect(theme_row(page, "Cybercrime").locator("td.count")).to_have_text("3")
    expect(theme_row(page, "Ondermijning").locator("td.count")).to_have_text("0")
    expect(apeldoorn).to_contain_text("Apeldoorn noemt Cybercrime: Digitale criminaliteit en cybercrime")
    assert PlanTheme.objects.filter(
        plan__process=process, plan__municipality__name="Apeldoorn", theme=cybercrime
    ).exists()

    # A second staff member (another tab) opens the form for a new priority while the list still has nine.
    late_page = page.context.new_page()
    late_page.goto(longlist_url)
    late_page.get_by_role("link", name="Nieuwe prioriteit").click()
    expect(late_page.get_by_role("heading", level=1)).to_have_text("Nieuwe prioriteit")

    # The tenth priority, from the theme.
    page.goto(longlist_url)
    expect(page.locator("main")).to_contain_text("9 prioriteiten van maximaal 10.")
    page.get_by_role("link", name="Nieuwe prioriteit").click()
    page.get_by_label("Titel").fill("Cybercrime")
    page.get_by_label("Omschrijving").fill("Gezamenlijke aanpak van digitale criminaliteit.")
    page.get_by_role("checkbox", name="Cybercrime", exact=True).check()
    page.get_by_role("button", name="Opslaan").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Cybercrime")
    expect(page.get_by_role("alert")).to_contain_text("Prioriteit 'Cybercrime' staat op de lange lijst.")
    evidence = page.locator("section", has=page.get_by_role("heading", name="Onderbouwing"))
    cybercrime_row = evidence.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Cybercrime"))
    expect(cybercrime_row.get_by_role("cell").first).to_have_text("3")  # municipalities naming it
    assert list(Priority.objects.get(process=process, title="Cybercrime").themes.all()) == [cybercrime]

    # The list is full: no button, and the page says so.
    page.goto(longlist_url)
    expect(page.locator("main")).to_contain_text("10 prioriteiten van maximaal 10.")
    expect(page.locator("main")).to_contain_text("De lijst is vol (10 prioriteiten)")
    expect(page.get_by_role("link", name="Nieuwe prioriteit")).to_have_count(0)

    # Typing the address of the form sends staff back to the list with the reason.
    page.goto(f"{longlist_url}nieuw/")
    expect(page).to_have_url(re.compile(r"/lange-lijst/$"))
    expect(page.get_by_role("alert")).to_contain_text(FULL_LIST)

    # The form opened before the list was full is refused by the server when it is sent.
    late_page.get_by_label("Titel").fill("Mensenhandel")
    late_page.get_by_role("button", name="Opslaan").click()
    expect(late_page.get_by_role("heading", level=1)).to_have_text("Nieuwe prioriteit")
    expect(late_page.locator("main")).to_contain_text(FULL_LIST)
    assert Priority.objects.filter(process=process).count() == MAX_PRIORITIES
    assert not Priority.objects.filter(title="Mensenhandel").exists()
