"""Issue 11 in a real browser: the timeline draws the 7 June BBG's dependencies (red where the DVO meets too late)
with its conflicts' reasons, the filter keeps the arrows of what it shows; the scan's heat map shows the legend's
colours (Bootstrap's table background no longer paints over them)."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from demo.loader import load_demo
from demo.planning import BBG_TOP_FIVE, dvo_title
from demo.today import current_slug
from planning.models import Milestone
from tests.browser.axe import blocking, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_timeline_draws_the_7_june_dependency(page, login, staff):
    # The historic 7 June BBG is done (the July BBG decided); its copy in the cycle of today still lies before
    # DVO IJSS (demo/today.py).
    load_demo(create_users=False)
    slug = current_slug(timezone.localdate())
    bbg = Milestone.objects.get(process__slug=slug, title=BBG_TOP_FIVE)
    ijss = Milestone.objects.get(process__slug=slug, title=dvo_title("IJSS"))
    glm = Milestone.objects.get(process__slug=slug, title=dvo_title("GLM"))

    login(staff)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"/processen/{slug}/tijdlijn/")

    late = page.locator(f'path.timeline-arrow--conflict[data-from="{ijss.pk}"][data-to="{bbg.pk}"]')
    expect(late).to_have_count(1)  # DVO IJSS meets after the top-five BBG: a red arrow
    on_time = page.locator(f'path.timeline-arrow[data-from="{glm.pk}"][data-to="{bbg.pk}"]')
    expect(on_time).to_have_count(1)
    assert "timeline-arrow--conflict" not in on_time.get_attribute("class")  # GLM meets in time
    # The arrow runs from the end of the DVO's bar (left) to the start of the BBG's bar (right).
    box = late.bounding_box()
    assert box is not None
    assert box["width"] > 0
    row = page.locator(f'[data-milestone="{bbg.pk}"]')
    expect(row).to_contain_text("Hangt af van:")
    expect(row).to_contain_text("volgorde")  # the reason in words

    assert blocking(run_axe(page)) == []

    # Filtered on the BBG's phase, the DVO meetings are not drawn, but still named beside the bar.
    page.get_by_label("Fase", exact=True).select_option(label=bbg.phase.name)
    page.get_by_role("button", name="Filteren").click()
    expect(page.locator(f'[data-milestone="{ijss.pk}"]')).to_have_count(0)
    expect(page.locator(f'path[data-from="{ijss.pk}"]')).to_have_count(0)
    expect(page.locator(f'[data-milestone="{bbg.pk}"]')).to_contain_text(dvo_title("IJSS"))


def test_the_heat_map_shows_the_legends_colours(page, login, staff):
    load_demo(create_users=False)
    login(staff)
    page.goto("/processen/vs-2019-2022/scan/")

    colours = page.evaluate(
        """() => {
            const out = {};
            for (let level = 0; level <= 4; level++) {
                const cell = document.querySelector(`#heat-map td.heat-${level}`);
                const swatch = document.querySelector(`p span.heat-${level}`);
                out[level] = [cell && getComputedStyle(cell).backgroundColor, getComputedStyle(swatch).backgroundColor];
            }
            return out;
        }"""
    )
    seen = {level: cell for level, (cell, _swatch) in colours.items() if cell}
    assert len(seen) >= 3, colours  # the demo has cells of several levels
    for level, (cell, swatch) in colours.items():
        if cell:
            assert cell == swatch, (level, colours)
    assert len(set(seen.values())) == len(seen)  # each level its own colour, not the table's white
