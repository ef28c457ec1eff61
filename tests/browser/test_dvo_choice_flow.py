"""Issue 4 in a real browser: a DVO secretary is refused eight and submits seven, with a receipt; the BBG sees only
progress until the round is closed and the ranking after; staff record the top five and must justify passing over
a higher-ranked priority."""

import datetime
import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from decisions.models import BbgDecision
from planning.models import District
from tests.voting.factories import RoundDeadlineFactory, RoundFactory, make_frozen_long_list
from tests.voting.result_factories import cast
from voting.models import Ballot, Round

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def priorities(process):
    """The frozen long list of ten, by position 1..10."""
    return {priority.position: priority for priority in make_frozen_long_list(process)}


@pytest.fixture
def voting_round(process, priorities):
    """An open round with a far deadline for every DVO."""
    round = RoundFactory(process=process)
    for district in District.objects.all():
        RoundDeadlineFactory(round=round, district=district)
    return round


def switch_user(page, login, user):
    page.context.clear_cookies()
    login(user)


def test_secretary_is_refused_eight_submits_seven_gets_a_receipt_and_cannot_open_another_dvo(
    page, login, process, priorities, voting_round, secretary, other_secretary
):
    ballot_url = f"/processen/{process.slug}/keuze/GLM/"
    login(secretary)
    page.goto(ballot_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Keuze van DVO GLM (Gelderland-Midden)")
    counter = page.locator("#ballot-counter")
    hint = page.locator("#ballot-hint")
    submit = page.get_by_role("button", name="Keuze indienen")
    expect(counter).to_have_text("0 van 7 gekozen")
    expect(submit).to_be_disabled()

    # Eight ticked: the live counter says so and the button stays disabled.
    for position in range(1, 9):
        page.get_by_label(f"{position}. {priorities[position].title}").check()
    expect(counter).to_have_text("8 van 7 gekozen")
    expect(hint).to_have_text("U hebt er 1 te veel gekozen; haal er 1 weg.")
    expect(submit).to_be_disabled()

    # Enabling the button by hand does not get eight past the page's own check...
    page.evaluate(
        "const button = document.querySelector('[data-ballot-submit]');"
        "button.removeAttribute('disabled'); button.removeAttribute('aria-disabled');"
    )
    submit.click()
    expect(counter).to_be_focused()
    expect(page).to_have_url(re.compile(rf"{ballot_url}$"))
    # ...and sending the form around that check is refused by the server, which stores nothing.
    page.evaluate("HTMLFormElement.prototype.submit.call(document.querySelector('[data-ballot-form]'))")
    errors = page.locator("#ballot-errors")
    expect(errors).to_contain_text("De keuze is niet opgeslagen")
    expect(errors).to_contain_text("Kies precies 7 prioriteiten; u hebt er 8 gekozen.")
    expect(errors).to_be_focused()
    assert not Ballot.objects.exists()
    assert mail.outbox == []

    # The eight are still ticked; one less makes seven, and the page lets it go.
    expect(counter).to_have_text("8 van 7 gekozen")
    page.get_by_label(f"8. {priorities[8].title}").uncheck()
    expect(counter).to_have_text("7 van 7 gekozen")
    expect(hint).to_have_text("Precies goed: u kunt de keuze indienen.")
    page.get_by_label("geïnformeerd", exact=True).check()
    page.get_by_label("Opmerking bij de keuze als geheel").fill("Besproken in de DVO van 4 april 2018.")
    expect(submit).to_be_enabled()
    submit.click()

    # The confirmation with the seven and the receipt.
    expect(page).to_have_url(re.compile(rf"{ballot_url}bevestiging/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("De keuze van DVO GLM is opgeslagen")
    expect(page.get_by_role("alert")).to_contain_text(
        "Een ontvangstbevestiging wordt gemaild naar secretaris-glm@example.org."
    )
    chosen = page.get_by_role("list", name="Gekozen prioriteiten").get_by_role("listitem")
    expect(chosen).to_have_text([priorities[position].title for position in range(1, 8)])
    ballot = Ballot.objects.get(round=voting_round, district__code="GLM")
    assert sorted(choice.priority.position for choice in ballot.choices.all()) == [1, 2, 3, 4, 5, 6, 7]
    assert ballot.submitted_by == secretary
    assert not ballot.entered_by_staff
    receipts = [message for message in mail.outbox if "secretaris-glm@example.org" in message.to]
    assert len(receipts) == 1
    assert receipts[0].subject == "Ontvangstbevestiging: keuze van DVO GLM voor VS 2019-2022"
    for position in range(1, 8):
        assert priorities[position].title in receipts[0].body
    assert priorities[8].title not in receipts[0].body

    # Another DVO's ballot does not exist for this secretary, and the other secretary cannot see GLM's.
    response = page.goto(f"/processen/{process.slug}/keuze/TWN/")
    assert response.status == 404
    expect(page.get_by_role("heading", name=re.compile("DVO TWN"))).to_have_count(0)
    switch_user(page, login, other_secretary)
    for suffix in ("", "bevestiging/"):
        response = page.goto(f"{ballot_url}{suffix}")
        assert response.status == 404
        expect(page.locator("body")).not_to_contain_text(priorities[1].title)


def test_bbg_sees_progress_then_the_ranking_and_staff_must_justify_passing_over_a_higher_priority(
    page, login, process, priorities, voting_round, districts, staff, bbg_member
):
    results_url = f"/processen/{process.slug}/uitslag/"

    def choose(code, positions):
        cast(voting_round, districts[code], [priorities[position] for position in positions])

    # All five choose 1-4; then 5 by four DVOs, 6 by three, 7-10 by two each: place 5 and 6 are certain.
    choose("GLM", [1, 2, 3, 4, 5, 6, 7])

    # Before closing the BBG sees how many DVOs have chosen, nothing of what they chose.
    login(bbg_member)
    page.goto(results_url)
    expect(page.get_by_role("status")).to_contain_text("De uitslag is nog niet openbaar.")
    expect(page.locator("#results-progress")).to_have_text("1 van 5 DVO's hebben gekozen")
    expect(page.get_by_role("table")).to_have_count(0)
    for priority in priorities.values():
        expect(page.locator("main")).not_to_contain_text(priority.title)
    assert page.request.get(f"{results_url}excel/").status == 403

    choose("GLZ", [1, 2, 3, 4, 5, 6, 8])
    choose("TWN", [1, 2, 3, 4, 5, 6, 9])
    choose("IJSS", [1, 2, 3, 4, 5, 7, 10])
    choose("NOG", [1, 2, 3, 4, 8, 9, 10])

    # Staff close the round on the round's page.
    switch_user(page, login, staff)
    page.goto(f"/processen/{process.slug}/keuzeronde/")
    expect(page.locator("main")).to_contain_text("5 van 5 DVO's hebben gekozen")
    page.get_by_role("button", name="Ronde sluiten").click()
    expect(page.get_by_role("alert")).to_contain_text("De keuzeronde is gesloten; alle keuzes liggen vast.")
    voting_round.refresh_from_db()
    assert voting_round.status == Round.Status.CLOSED

    # After closing the BBG sees the ranking, with the tie-break rule written out.
    switch_user(page, login, bbg_member)
    page.goto(results_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Uitslag van de keuze van de DVO's")
    expect(page.locator("#tie-break-rule")).to_contain_text("Volgorde: (1) meer DVO's die de prioriteit kozen")
    ranking = page.get_by_role("table", name=re.compile("^Rangorde van de prioriteiten"))
    rows = ranking.locator("tbody tr")
    expect(rows).to_have_count(10)
    expect(rows.nth(4).get_by_role("rowheader")).to_contain_text(priorities[5].title)
    expect(rows.nth(4).get_by_role("cell").first).to_have_text("5")
    expect(rows.nth(4)).to_contain_text("4 van 5")
    expect(rows.nth(5).get_by_role("rowheader")).to_contain_text(priorities[6].title)
    expect(rows.nth(5)).to_contain_text("3 van 5")
    expect(page.get_by_role("link", name="Besluit van de BBG vastleggen")).to_have_count(0)

    # Staff record a top five that passes over number 5 for number 6: a justification is demanded.
    switch_user(page, login, staff)
    page.goto(results_url)
    page.get_by_role("link", name="Besluit van de BBG vastleggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Besluit van de BBG vastleggen")
    page.get_by_label("Datum besluit").fill("2018-07-05")
    for place, position in enumerate([1, 2, 3, 4, 6], start=1):
        page.get_by_label(f"Prioriteit op plaats {place}").select_option(value=str(priorities[position].pk))
        page.get_by_label(f"Ambitie bij plaats {place}").fill(f"Ambitie voor {priorities[position].title}")
    page.get_by_role("button", name="Besluit vastleggen").click()

    passed_over = (
        f"‘{priorities[5].title}’ staat op plaats 5 van de uitslag, hoger dan een gekozen prioriteit, maar is niet "
        "gekozen. Geef aan waarom de BBG deze prioriteit passeert."
    )
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Het besluit is niet opgeslagen.")
    expect(summary).to_contain_text(passed_over)
    assert not BbgDecision.objects.exists()

    justification = page.get_by_label(f"Waarom gepasseerd: 5. {priorities[5].title}")
    justification.fill("Wordt al opgepakt in het RIEC-programma.")
    expect(page.get_by_label("Prioriteit op plaats 5")).to_have_value(str(priorities[6].pk))
    page.get_by_role("button", name="Besluit vastleggen").click()

    expect(page).to_have_url(re.compile(r"/top-vijf/$"))
    expect(page.get_by_role("alert")).to_contain_text("Het besluit van de BBG is vastgelegd.")
    top_five = page.get_by_role("table", name="De top vijf van de BBG met de ambitie per prioriteit")
    expect(top_five.get_by_role("rowheader")).to_have_text([priorities[p].title for p in (1, 2, 3, 4, 6)])
    passed = page.get_by_role("table", name=re.compile("^Gepasseerde prioriteiten"))
    expect(passed.get_by_role("row").filter(has_text=priorities[5].title)).to_contain_text(
        "Wordt al opgepakt in het RIEC-programma."
    )
    decision = BbgDecision.objects.get(round=voting_round)
    assert decision.decided_on == datetime.date(2018, 7, 5)
    assert [item.priority.position for item in decision.chosen.order_by("position")] == [1, 2, 3, 4, 6]
    assert [(item.priority.position, item.justification) for item in decision.passed_over.all()] == [
        (5, "Wordt al opgepakt in het RIEC-programma.")
    ]
