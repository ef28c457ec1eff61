"""Issue 2 in a real browser: staff find the 7 June BBG conflict and solve it by moving the meeting. The historic
VS 2019-2022 is complete (its top five was decided at the July BBG), so the problems are those of its copy in the
cycle of today (demo/today.py): the top-five BBG before DVO IJSS and NOG, and Van Veldhuizen away."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from core.dates import format_date
from demo.loader import load_demo
from demo.planning import BBG_TOP_FIVE, dvo_title
from demo.today import current_slug
from planning.models import Milestone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_see_the_7_june_conflict_and_move_the_bbg_to_solve_it(page, login, staff):
    load_demo(create_users=False)
    slug = current_slug(timezone.localdate())
    bbg = Milestone.objects.get(process__slug=slug, title=BBG_TOP_FIVE)
    ijss = Milestone.objects.get(process__slug=slug, title=dvo_title("IJSS"))
    nog = Milestone.objects.get(process__slug=slug, title=dvo_title("NOG"))
    after_nog = nog.ends_on + datetime.timedelta(days=1)

    login(staff)
    page.goto(f"/processen/{slug}/")
    conflicts = page.locator("section", has=page.get_by_role("heading", name="Open knelpunten"))
    expect(conflicts).to_contain_text(f"maar die is pas op {ijss.when_display}")
    expect(conflicts).to_contain_text(f"maar die is pas op {nog.when_display}")
    expect(conflicts).to_contain_text("Onno van Veldhuizen")

    page.goto(f"/processen/{slug}/tijdlijn/")
    expect(page.locator("main")).to_contain_text(BBG_TOP_FIVE)
    expect(page.locator("main")).to_contain_text(bbg.when_display)

    page.goto(bbg.get_absolute_url())
    expect(page.locator("main")).to_contain_text("Onno van Veldhuizen")
    page.get_by_role("link", name="Bewerken").click()
    when = page.get_by_label("Datum of periode")
    expect(when).to_have_value(bbg.when_display)
    when.fill(format_date(after_nog))
    page.get_by_role("button", name="Opslaan").click()
    expect(page).to_have_url(re.compile(rf"/mijlpalen/{bbg.pk}/$"))
    expect(page.locator("main")).to_contain_text(format_date(after_nog))

    page.goto(f"/processen/{slug}/")
    conflicts = page.locator("section", has=page.get_by_role("heading", name="Open knelpunten"))
    expect(conflicts).not_to_contain_text(f"maar die is pas op {ijss.when_display}")
    expect(conflicts).not_to_contain_text(f"maar die is pas op {nog.when_display}")
    expect(conflicts).not_to_contain_text("Onno van Veldhuizen")
    bbg.refresh_from_db()
    assert (bbg.starts_on, bbg.precision) == (after_nog, "day")


def test_the_historic_cycle_has_no_open_problems(page, login, staff):
    load_demo(create_users=False)
    login(staff)
    page.goto("/processen/vs-2019-2022/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Overzicht VS 2019-2022")
    expect(page.locator("main")).to_contain_text("stand van zaken op 30 april 2023")
    expect(page.locator("main")).to_contain_text("Niets over tijd.")
