"""Issue 11, the look: the NL Design System theme (static/css/theme.css on the vendored voorbeeld tokens) reaches the
main pages of staff and a DVO secretary at 1366 and 390 px: the tokens' font served from this site, dark text on
white, the tokens' blue for links and buttons, no sideways scroll, axe at 0 serious/critical.

With SCREENSHOT_DIR set, the test also saves each page as <who>-<page>-<width>.png there, and the README's three at
1366 px (start-secretaris, keuze-dvo, overzicht-staf) under their own names: `make screenshots` writes those to
docs/screenshots/."""

import os
from pathlib import Path

import pytest
from django.utils import timezone

from demo.loader import load_demo
from demo.today import current_slug
from tests.browser.axe import blocking, describe, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HISTORIC = "/processen/vs-2019-2022/"
WIDTHS = (1366, 390)
# The pages of the README, taken at 1366 px of the window's height (what a laptop shows without scrolling).
README_SHOTS = {("secretaris", "start"): "start-secretaris", ("secretaris", "keuze"): "keuze-dvo",
                ("staf", "overzicht"): "overzicht-staf"}  # fmt: skip


def pages(current: str) -> list[tuple[str, str]]:
    return [
        ("start", "/"),
        ("overzicht", current),
        ("keuze", current + "keuze/GLM/"),
        ("scan", HISTORIC + "scan/"),
        ("document", HISTORIC + "document/"),
    ]


def look(page) -> dict:
    """What the theme decides, as the browser computed it."""
    return page.evaluate(
        """async () => {
          await document.fonts.ready;
          const style = (selector) => {
            const el = document.querySelector(selector);
            return el && getComputedStyle(el);
          };
          const noto = [...document.fonts].filter(
            (face) => face.family.replace(/"/g, '') === 'Noto Sans' && face.status === 'loaded'
          );
          return {
            font: getComputedStyle(document.body).fontFamily,
            notoLoaded: noto.length,
            color: getComputedStyle(document.body).color,
            background: getComputedStyle(document.body).backgroundColor,
            link: style('main a:not(.btn)') && style('main a:not(.btn)').color,
            primary: style('.btn-primary:not(:disabled)') && style('.btn-primary:not(:disabled)').backgroundColor,
            menu: style('.site-nav').backgroundColor,
            overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          };
        }"""
    )


def test_the_theme_reaches_staff_and_secretary_pages_at_1366_and_390(chromium_browser, live_server, password, staff,
                                                                     secretary):  # fmt: skip
    load_demo(create_users=False)
    current = f"/processen/{current_slug(timezone.localdate())}/"
    folder = Path(os.environ["SCREENSHOT_DIR"]) if os.environ.get("SCREENSHOT_DIR") else None
    if folder:
        folder.mkdir(parents=True, exist_ok=True)
    problems = []
    for who, user in (("staf", staff), ("secretaris", secretary)):
        context = chromium_browser.new_context(locale="nl-NL", base_url=live_server.url,
                                               viewport={"width": WIDTHS[0], "height": 800})  # fmt: skip
        context.set_default_timeout(30_000)  # the five pages twice, on a shared machine
        page = context.new_page()
        page.goto("/account/inloggen/")
        page.get_by_label("Gebruikersnaam").fill(user.username)
        page.get_by_label("Wachtwoord").fill(password)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_load_state()
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            for name, url in pages(current):
                response = page.goto(url)
                assert response.status == 200, f"{who} {url}: {response.status}"
                seen = look(page)
                where = f"{who}, {name} at {width} px"
                if not seen["font"].startswith('"Noto Sans"') or not seen["notoLoaded"]:
                    problems.append(f"{where}: font {seen['font']}, {seen['notoLoaded']} Noto Sans faces loaded")
                if (seen["color"], seen["background"]) != ("rgb(0, 26, 64)", "rgb(255, 255, 255)"):
                    problems.append(f"{where}: text {seen['color']} on {seen['background']}")
                if seen["link"] not in (None, "rgb(0, 86, 139)"):
                    problems.append(f"{where}: link {seen['link']}")
                if seen["primary"] not in (None, "rgb(0, 86, 139)"):
                    problems.append(f"{where}: primary button {seen['primary']}")
                if seen["menu"] != "rgb(0, 62, 101)":
                    problems.append(f"{where}: menu {seen['menu']}")
                if seen["overflow"] > 0:
                    problems.append(f"{where}: {seen['overflow']} px wider than the window")
                if found := blocking(run_axe(page)):
                    problems.append(f"{where}:\n{describe(found)}")
                if folder:
                    page.screenshot(path=folder / f"{who}-{name}-{width}.png", full_page=True)
                    if width == 1366 and (readme := README_SHOTS.get((who, name))):
                        page.screenshot(path=folder / f"{readme}-1366.png")
        context.close()
    assert not problems, "\n".join(problems)
