"""Issue 11, the navigation: at 1024, 1366 and 1920 px every main page of the demo fits the window for every role
(no sideways scroll, the account's links and the language switch on screen), the menu is grouped by what the role
does, the current page is marked, the groups open with the keyboard, and at 390 and 320 px one button opens it."""

import pytest
from playwright.sync_api import expect

from demo.loader import load_demo
from documents.models import Goal
from planning.models import Milestone
from priorities.models import Priority
from scan.models import MunicipalPlan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SLUG = "vs-2019-2022"
P = f"/processen/{SLUG}/"
WIDTHS = (1024, 1366, 1920)


@pytest.fixture
def demo():
    return load_demo(create_users=False).process


def main_pages(process) -> list[str]:
    milestone = Milestone.objects.filter(process=process).order_by("pk").first()
    plan = MunicipalPlan.objects.filter(process=process).order_by("municipality__name").first()
    priority = Priority.objects.filter(process=process).order_by("position").first()
    goal = Goal.objects.filter(process=process).order_by("position").first()
    return [
        "/", P, P + "tijdlijn/", P + "mijlpalen/", P + f"mijlpalen/{milestone.pk}/", P + "acties/", P + "knelpunten/",
        "/agenda/", P + "scan/", P + "scan/gemeenten/", P + f"scan/gemeenten/{plan.municipality_id}/", P + "bronnen/",
        P + "lange-lijst/", P + f"lange-lijst/{priority.pk}/", P + "keuzeronde/voortgang/", P + "uitslag/",
        P + "top-vijf/", P + "doelstellingen/", P + f"doelstellingen/{goal.pk}/", P + "document/", "/meldingen/",
    ]  # fmt: skip


def log_in(browser, base_url, user, password, width):
    context = browser.new_context(locale="nl-NL", base_url=base_url, viewport={"width": width, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto("/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    return page


def overflow(page) -> str:
    """Why the page does not fit its window, or "" when it does."""
    return page.evaluate(
        """() => {
          const width = document.documentElement.clientWidth;
          const scroll = document.documentElement.scrollWidth;
          if (scroll > width) return `page ${scroll} > ${width}`;
          for (const el of document.querySelectorAll('.account-nav :is(a, button, select)')) {
            const box = el.getBoundingClientRect();
            if (box.right > width || box.left < 0) return `${el.textContent.trim() || el.id} at ${box.right}`;
          }
          return '';
        }"""
    )


def process_menu(page) -> list[str]:
    """The process menu's top-level entries, in order."""
    return [text.strip() for text in page.locator(".process-nav > li > :is(a, button)").all_inner_texts()]


def test_every_main_page_fits_1024_1366_and_1920_for_every_role(
    chromium_browser, live_server, password, staff, secretary, bbg_member, demo
):
    pages = main_pages(demo)
    problems = []
    for user in (staff, secretary, bbg_member):
        page = log_in(chromium_browser, live_server.url, user, password, WIDTHS[0])
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            for url in pages:
                response = page.goto(url)
                assert response.status == 200, f"{user.username} {url}: {response.status}"
                if why := overflow(page):
                    problems.append(f"{user.username} at {width} px, {url}: {why}")
        page.context.close()
    assert not problems, "\n".join(problems)


def test_the_menu_is_grouped_by_what_each_role_does(chromium_browser, live_server, password, staff, secretary,
                                                    bbg_member, demo):  # fmt: skip
    menus = {}
    for user in (staff, secretary, bbg_member):
        page = log_in(chromium_browser, live_server.url, user, password, 1366)
        page.goto(P)
        menus[user.username] = process_menu(page)
        if user == secretary:
            # The secretary's own DVO's choice comes first and leads to the ballot of GLM.
            page.get_by_role("link", name="Keuze DVO GLM").click()
            assert page.url.endswith(P + "keuze/GLM/")
            expect(page.locator(".process-nav a[aria-current=page]")).to_have_text("Keuze DVO GLM")
        page.context.close()
    assert menus["staf"] == ["Overzicht", "Planning", "Scan", "Lange lijst", "Keuze DVO's", "Top vijf BBG",
                             "Doelstellingen", "Document", "Consultatie", "Voorstel", "Monitoring",
                             "Reviews", "Alle processen"]  # fmt: skip
    assert menus["secretaris-glm"][0] == "Keuze DVO GLM"
    assert "Keuze DVO's" not in menus["secretaris-glm"]
    # A BBG member: the result, the decision and the document first; no round to run, no ballot.
    assert menus["bbg-lid"][:5] == ["Overzicht", "Uitslag", "Top vijf BBG", "Document", "Doelstellingen"]
    assert not any("Keuze" in entry for entry in menus["bbg-lid"])


def test_the_menu_works_by_keyboard_and_marks_the_current_page(chromium_browser, live_server, password, staff, demo):
    page = log_in(chromium_browser, live_server.url, staff, password, 1366)
    page.goto(P + "tijdlijn/")
    planning = page.locator(".process-nav").get_by_role("button", name="Planning")
    expect(planning).to_have_class("nav-link dropdown-toggle active")
    planning.focus()
    page.keyboard.press("Enter")
    expect(planning).to_have_attribute("aria-expanded", "true")
    current = page.locator(".process-nav .dropdown-menu a[aria-current=page]")
    expect(current).to_have_text("Tijdlijn")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("link", name="Mijlpalen")).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{P}mijlpalen/")
    # Tabbing to the language switch does not shift the page.
    page.locator("#language-select").focus()
    assert page.evaluate("window.scrollX") == 0
    assert overflow(page) == ""


@pytest.mark.parametrize("width", [390, 320])
def test_on_a_phone_one_button_opens_the_menu(chromium_browser, live_server, password, secretary, demo, width):
    page = log_in(chromium_browser, live_server.url, secretary, password, width)
    page.goto(P)
    choice = page.get_by_role("link", name="Keuze DVO GLM")
    expect(choice).to_be_hidden()
    page.get_by_role("button", name="Menu openen").click()
    expect(choice).to_be_visible()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
    assert overflow(page) == ""
