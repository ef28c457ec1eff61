"""Issue 7, accessibility: axe-core (vendored, tests/browser/vendor/axe.min.js) on every main page, as the role that
uses it, with the real demo planning of 2018 loaded. No page may have a serious or critical WCAG 2.1 A/AA violation.

The demo is loaded once for the logged-in pages (transactional tests empty the database after each test), and
each role walks its pages in a browser context of its own. A failure lists every page's violations at once, so
one run shows all there is to fix.
"""

import pytest
from django.urls import Resolver404, resolve

from demo.loader import load_demo
from demo.planning import BBG_TOP_FIVE
from documents.models import Goal
from notifications.models import Notification
from planning.models import District, Milestone
from priorities.models import Priority
from scan.models import MunicipalPlan
from tests.browser.axe import BLOCKING_IMPACTS, blocking, describe, run_axe
from tests.planning.factories import StrategyProcessFactory
from tests.voting.factories import RoundDeadlineFactory, RoundFactory, make_frozen_long_list

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SLUG = "vs-2019-2022"
P = f"/processen/{SLUG}/"


@pytest.fixture
def demo():
    """The demo process of 2018 (planning, scan, long list, closed round, top five), its goals and document."""
    return load_demo(create_users=False).process


@pytest.fixture
def open_round():
    """A second process whose round is open, for the DVO secretary's ballot form."""
    process = StrategyProcessFactory(title="Veiligheidsstrategie toets", short_name="VS toets", slug="vs-toets")
    make_frozen_long_list(process)
    voting_round = RoundFactory(process=process)
    for district in District.objects.all():
        RoundDeadlineFactory(round=voting_round, district=district)
    return process


def new_page(browser, base_url):
    context = browser.new_context(locale="nl-NL", base_url=base_url)
    context.set_default_timeout(10_000)
    return context.new_page()


def logged_in_page(browser, base_url, user, password):
    """A page in a fresh browser context of its own, logged in through the real login form."""
    page = new_page(browser, base_url)
    page.goto("/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    assert "/account/inloggen/" not in page.url, f"{user.username} could not log in"
    return page


def check_pages(page, pages: list[tuple[str, str]], who: str) -> list[str]:
    """Visit each (label, url) and run axe; return a description of every page with a serious/critical violation."""
    problems = []
    for label, url in pages:
        response = page.goto(url)
        assert response is not None, f"{label} ({url}) gave no response"
        assert response.status < 500, f"{label} ({url}) answered {response.status}"
        violations = run_axe(page)
        for violation in violations:
            # Moderate and minor ones do not fail the test; they are printed for the record (pytest -s shows them).
            if violation["impact"] not in BLOCKING_IMPACTS:
                print(f"axe {violation['impact']}: {who}, {label}: {violation['id']} ({len(violation['nodes'])}x)")
        found = blocking(violations)
        if found:
            problems.append(f"{who}, {label} ({url}):\n{describe(found)}")
    return problems


def exists(url: str) -> bool:
    try:
        resolve(url.split("?")[0])
    except Resolver404:
        return False
    return True


def test_every_main_page_as_its_role_has_no_serious_violations(
    chromium_browser, live_server, password, staff, secretary, bbg_member, demo, open_round
):
    milestone = Milestone.objects.get(process=demo, title=BBG_TOP_FIVE)
    plan = MunicipalPlan.objects.filter(process=demo).order_by("municipality__name").first()
    priority = Priority.objects.filter(process=demo).order_by("position").first()
    goal = Goal.objects.filter(process=demo).order_by("position").first()
    Notification.objects.create(
        user=staff, title="Herinnering: DVO IJSS kiest 7 van de 10", message="De termijn verloopt over 7 dagen.",
        url=P,
    )  # fmt: skip
    walks = {
        staff: [
            ("home", "/"),
            ("dashboard", P),
            ("tijdlijn", P + "tijdlijn/"),
            ("mijlpalen", P + "mijlpalen/"),
            ("mijlpaal", P + f"mijlpalen/{milestone.pk}/"),
            ("mijlpaal bewerken", P + f"mijlpalen/{milestone.pk}/bewerken/"),
            ("acties", P + "acties/"),
            ("knelpunten", P + "knelpunten/"),
            ("agenda", "/agenda/"),
            ("scanmatrix", P + "scan/"),
            ("gemeenteplannen", P + "scan/gemeenten/"),
            ("gemeenteplan", P + f"scan/gemeenten/{plan.municipality_id}/"),
            ("bronnen", P + "bronnen/"),
            ("thema's", "/themas/"),
            ("lange lijst", P + "lange-lijst/"),
            ("prioriteit", P + f"lange-lijst/{priority.pk}/"),
            ("keuzeronde", P + "keuzeronde/"),
            ("uitslag", P + "uitslag/"),
            ("top vijf", P + "top-vijf/"),
            ("doelstellingen", P + "doelstellingen/"),
            ("doelstelling", P + f"doelstellingen/{goal.pk}/"),
            ("doelstelling bewerken", P + f"doelstellingen/{goal.pk}/bewerken/"),
            ("document", P + "document/"),
            ("vergelijken", P + "document/vergelijk/?a=0.1&b=0.3"),
            ("meldingen", "/meldingen/"),
            ("meldingvoorkeuren", "/meldingen/voorkeur/"),
            ("profiel", "/account/"),
        ],
        secretary: [
            ("home", "/"),
            ("keuze invullen", f"/processen/{open_round.slug}/keuze/GLM/"),
            ("voortgang", f"/processen/{open_round.slug}/keuzeronde/voortgang/"),
            ("keuze na de ronde", P + "keuze/GLM/"),
        ],
        bbg_member: [
            ("dashboard", P),
            ("uitslag", P + "uitslag/"),
            ("top vijf", P + "top-vijf/"),
        ],
    }
    problems = []
    for user, pages in walks.items():
        page = logged_in_page(chromium_browser, live_server.url, user, password)
        try:
            problems += check_pages(page, pages, who=user.get_role_display())
        finally:
            page.context.close()
    assert not problems, "axe found serious or critical violations:\n\n" + "\n\n".join(problems)


def test_public_pages_have_no_serious_violations(chromium_browser, live_server, db):
    pages = [
        ("inloggen", "/account/inloggen/"),
        ("wachtwoord vergeten", "/account/wachtwoord-vergeten/"),
        ("niet gevonden (404)", "/bestaat-niet/"),
    ]
    # The accessibility statement, once it is there.
    pages += [(label, url) for label, url in [("toegankelijkheidsverklaring", "/toegankelijkheid")] if exists(url)]
    page = new_page(chromium_browser, live_server.url)
    try:
        problems = check_pages(page, pages, who="niet ingelogd")
        # The check itself works on our pages, under our Content-Security-Policy: an image without a text is found.
        page.goto("/account/inloggen/")
        page.evaluate("document.querySelector('main').append(document.createElement('img'))")
        assert "image-alt" in {violation["id"] for violation in blocking(run_axe(page))}
    finally:
        page.context.close()
    assert not problems, "axe found serious or critical violations:\n\n" + "\n\n".join(problems)
