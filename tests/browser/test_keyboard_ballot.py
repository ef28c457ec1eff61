"""Issue 7, accessibility: the DVO choice by keyboard alone.

The GLM secretary gets from the process's overview to the ballot through the main menu (its first entry), ticks
seven priorities, gives them a place in the order of preference, says how the councils were involved, and submits,
with nothing but Tab, Shift+Tab, Space, Enter and the arrow keys. The skip link is the first Tab stop and moves
focus to the content, the live counter says "7 van 7 gekozen", and focus is visible at every step that is checked.
"""

import re

import pytest
from playwright.sync_api import expect

from planning.models import District
from tests.browser.axe import assert_no_serious_violations
from tests.voting.factories import RoundDeadlineFactory, RoundFactory, make_frozen_long_list
from voting.models import Ballot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# A short description of the focused element, for the messages of failed steps.
DESCRIBE_FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return 'body';
  const text = (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 40);
  return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.type ? '[' + el.type + ']' : ''} "${text}"`;
}"""

FOCUS_STYLE = """() => {
  const style = getComputedStyle(document.activeElement);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = !!style.boxShadow && style.boxShadow !== 'none';
  return {outline: outline ? `${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}` : '',
          shadow: shadow ? style.boxShadow : ''};
}"""


def focused(page) -> str:
    return page.evaluate(DESCRIBE_FOCUS)


def tab_to(page, target, *, key: str = "Tab", limit: int = 40) -> None:
    """Press Tab (or Shift+Tab) until ``target`` (a CSS selector or a locator) has focus; fail with the path taken."""
    locator = page.locator(target) if isinstance(target, str) else target
    path = []
    for _ in range(limit):
        page.keyboard.press(key)
        if locator.evaluate("element => element === document.activeElement"):
            return
        path.append(focused(page))
    raise AssertionError(f"{key} did not reach {target} in {limit} presses; focus went: {' > '.join(path)}")


def assert_focus_visible(page, step: str) -> None:
    style = page.evaluate(FOCUS_STYLE)
    assert style["outline"] or style["shadow"], f"{step}: no visible focus on {focused(page)}"


@pytest.fixture
def open_round(process):
    """The frozen long list of ten and an open round with a far deadline for every DVO."""
    priorities = make_frozen_long_list(process)
    voting_round = RoundFactory(process=process)
    for district in District.objects.all():
        RoundDeadlineFactory(round=voting_round, district=district)
    return priorities


def test_secretary_chooses_seven_with_the_keyboard_alone(page, login, process, open_round, secretary):
    priorities = open_round
    login(secretary)
    page.goto(f"/processen/{process.slug}/")

    # The skip link is the first Tab stop, and Enter on it moves focus to the content.
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Naar de inhoud")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    assert_focus_visible(page, "skip link")
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()

    # Back up into the main menu: the secretary's own DVO's choice is its first entry (issue 11).
    menu = page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Keuze DVO GLM")
    tab_to(page, menu, key="Shift+Tab")
    assert_focus_visible(page, "menu item")
    page.keyboard.press("Enter")
    ballot_url = f"/processen/{process.slug}/keuze/GLM/"
    expect(page).to_have_url(re.compile(rf"{ballot_url}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Keuze van DVO GLM (Gelderland-Midden)")

    counter = page.locator("#ballot-counter")
    expect(counter).to_have_attribute("aria-live", "polite")
    expect(counter).to_have_text("0 van 7 gekozen")
    submit = page.get_by_role("button", name="Keuze indienen")
    expect(submit).to_be_disabled()

    # Seven ticked with Space, each given its place with the arrow keys.
    for position in range(1, 8):
        priority = priorities[position - 1]
        tab_to(page, f"#choice-{priority.pk}")
        if position == 1:
            assert_focus_visible(page, "first checkbox")
        page.keyboard.press("Space")
        expect(page.get_by_label(f"{position}. {priority.title}")).to_be_checked()
        expect(counter).to_have_text(f"{position} van 7 gekozen")
        tab_to(page, f"#id_preference_{priority.pk}")
        if position == 1:
            assert_focus_visible(page, "preference")
        for _ in range(position):
            page.keyboard.press("ArrowDown")
        expect(page.locator(f"#id_preference_{priority.pk}")).to_have_value(str(position))
    expect(counter).to_have_text("7 van 7 gekozen")
    expect(page.locator("#ballot-hint")).to_have_text("Precies goed: u kunt de keuze indienen.")
    expect(submit).to_be_enabled()

    # The councils: Tab lands on the checked radio button ("onbekend"); the arrow keys move to "geïnformeerd".
    tab_to(page, "input[name=council_involvement]:checked")
    assert_focus_visible(page, "radio button")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    expect(page.get_by_label("geïnformeerd", exact=True)).to_be_checked()

    # Submit with Enter on the button.
    tab_to(page, "[data-ballot-submit]")
    assert_focus_visible(page, "submit button")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(rf"{ballot_url}bevestiging/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("De keuze van DVO GLM is opgeslagen")
    chosen = page.get_by_role("list", name="Gekozen prioriteiten").get_by_role("listitem")
    expect(chosen).to_have_count(7)
    ballot = Ballot.objects.get(round__process=process, district__code="GLM")
    assert ballot.council_involvement == Ballot.CouncilInvolvement.INFORMED
    assert sorted((choice.priority.position, choice.preference) for choice in ballot.choices.all()) == [
        (position, position) for position in range(1, 8)
    ]
    assert_no_serious_violations(page, "the confirmation of the ballot")
