"""Issue 11 in a real browser: the secretary of GLM logs in to the demo that lives today, sees the prompt on the start
page and submits seven from it in a few clicks; the ballot form shows rank and remark only for ticked priorities,
checks the ranks live and naming the priority, and an unticked priority keeps no rank."""

import re

import pytest
from playwright.sync_api import expect

from demo.loader import load_demo
from voting.models import Ballot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_secretary_sees_the_prompt_and_submits_seven_with_the_order_checked_live(page, login, live_server, secretary):
    load_demo(create_users=False)
    login(secretary)
    page.goto("/")
    prompt = page.locator(".todo").filter(has_text="Uw DVO moet nog kiezen – uiterlijk")
    expect(prompt).to_be_visible()
    prompt.get_by_role("link", name=re.compile("^Keuze invullen")).click()
    expect(page).to_have_url(re.compile(r"/keuze/GLM/$"))

    boxes = page.locator("[data-ballot-choice]")
    first_extra = page.locator("[data-ballot-extra]").first
    expect(first_extra).to_be_hidden()  # no rank or remark for what is not ticked
    for index in range(7):
        boxes.nth(index).check()
    expect(first_extra).to_be_visible()
    counter, hint = page.locator("#ballot-counter"), page.locator("#ballot-hint")
    submit = page.locator("[data-ballot-submit]")
    expect(counter).to_have_text("7 van 7 gekozen")
    expect(hint).to_have_text("Precies goed: u kunt de keuze indienen.")

    # One rank given: the live check names the six still without one, and the button waits.
    selects = page.locator("[data-ballot-preference]")
    selects.nth(0).select_option("1")
    expect(hint).to_contain_text("Geef ook “")
    expect(hint).to_contain_text(boxes.nth(1).get_attribute("data-title"))
    expect(submit).to_be_disabled()
    # The same place twice is named as well.
    selects.nth(1).select_option("1")
    expect(hint).to_contain_text("Plaats 1 staat bij meer dan één prioriteit")
    # Unticking a ranked priority clears its rank; ticking another shows its own fields, empty.
    boxes.nth(1).uncheck()
    expect(page.locator("[data-ballot-extra]").nth(1)).to_be_hidden()
    assert selects.nth(1).input_value() == ""
    boxes.nth(7).check()
    selects.nth(0).select_option("")  # no order at all
    expect(hint).to_have_text("Precies goed: u kunt de keuze indienen.")
    page.get_by_label("geïnformeerd", exact=True).check()
    expect(submit).to_be_enabled()
    submit.click()
    expect(page).to_have_url(re.compile(r"/keuze/GLM/bevestiging/$"))
    ballot = Ballot.objects.get(round__process__slug__startswith="vs-20", district__code="GLM",
                                round__status="open")  # fmt: skip
    assert ballot.choices.count() == 7
    assert not ballot.choices.filter(preference__isnull=False).exists()
