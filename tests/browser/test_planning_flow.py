"""Issue 2 in a real browser: staff find the 7 June BBG conflict and solve it by moving the meeting."""

import re

import pytest
from playwright.sync_api import expect

from demo.loader import load_demo
from demo.planning import BBG_TOP_FIVE
from planning.models import Milestone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_see_the_7_june_conflict_and_move_the_bbg_to_solve_it(page, login, staff):
    load_demo(create_users=False)
    bbg = Milestone.objects.get(process__slug="vs-2019-2022", title=BBG_TOP_FIVE)

    login(staff)
    page.goto("/processen/vs-2019-2022/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Overzicht VS 2019-2022")
    conflicts = page.locator("section", has=page.get_by_role("heading", name="Open knelpunten"))
    expect(conflicts).to_contain_text("maar die is pas op 20 juni 2018")  # DVO IJSS
    expect(conflicts).to_contain_text("maar die is pas op 28 juni 2018")  # DVO NOG
    expect(conflicts).to_contain_text("Onno van Veldhuizen")

    page.goto("/processen/vs-2019-2022/tijdlijn/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Tijdlijn VS 2019-2022")
    expect(page.locator("main")).to_contain_text(BBG_TOP_FIVE)
    expect(page.locator("main")).to_contain_text("7 juni 2018")

    page.goto(bbg.get_absolute_url())
    expect(page.locator("main")).to_contain_text("Onno van Veldhuizen")
    page.get_by_role("link", name="Bewerken").click()
    when = page.get_by_label("Datum of periode")
    expect(when).to_have_value("7 juni 2018")
    when.fill("5 juli 2018")
    page.get_by_role("button", name="Opslaan").click()
    expect(page).to_have_url(re.compile(rf"/mijlpalen/{bbg.pk}/$"))
    expect(page.locator("main")).to_contain_text("5 juli 2018")

    page.goto("/processen/vs-2019-2022/")
    conflicts = page.locator("section", has=page.get_by_role("heading", name="Open knelpunten"))
    expect(conflicts).not_to_contain_text("maar die is pas op 20 juni 2018")
    expect(conflicts).not_to_contain_text("maar die is pas op 28 juni 2018")
    expect(conflicts).not_to_contain_text("Onno van Veldhuizen")
    bbg.refresh_from_db()
    assert (bbg.starts_on.isoformat(), bbg.precision) == ("2018-07-05", "day")
