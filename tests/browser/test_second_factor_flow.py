"""Two factors in a real browser: a staff member must set up an authenticator app, scans (here: reads) the
secret, enters the code computed from it, makes backup codes, and at the next login gives a backup code. axe finds
no serious or critical violation on the set-up and second-step pages."""

from base64 import b32decode

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect

from tests.browser.axe import blocking, describe, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _required(settings):
    settings.TWO_FACTOR_REQUIRED = True
    expect.set_options(timeout=10_000)
    yield
    expect.set_options(timeout=5_000)


def assert_accessible(page):
    violations = blocking(run_axe(page))
    assert not violations, describe(violations)


def test_staff_sets_up_the_app_makes_backup_codes_and_logs_in_with_one(page, login, staff, password):
    login(staff)

    # Every page leads to the set-up first.
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie instellen")
    expect(page.locator("main")).to_contain_text("Voor uw rol is tweestapsverificatie verplicht")
    assert_accessible(page)
    page.get_by_role("button", name="Volgende").click()

    expect(page.get_by_role("img", name="QR-code voor uw authenticator-app")).to_be_visible()
    secret = page.locator("main code").inner_text().strip()
    code = f"{TOTP(b32decode(secret)).token():06d}"
    assert_accessible(page)
    page.get_by_label("Code uit de app").fill(code)
    page.get_by_role("button", name="Volgende").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie ingesteld")
    page.get_by_role("link", name="Back-upcodes aanmaken").click()
    page.get_by_role("button", name="Nieuwe back-upcodes maken").click()
    codes = page.get_by_role("list", name="Uw back-upcodes").get_by_role("listitem")
    expect(codes).to_have_count(10)
    backup_code = codes.first.inner_text().strip()

    page.get_by_role("button", name="Uitloggen").first.click()
    login(staff)
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweede stap")
    assert_accessible(page)
    page.get_by_label("Code").fill("123456")
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.locator("main")).to_contain_text("Deze code klopt niet of is verlopen")
    # django-otp throttles a device after a wrong code (1 s, doubling); a person takes longer than that to retype.
    page.wait_for_timeout(1500)
    page.get_by_label("Code").fill(backup_code)
    page.get_by_role("button", name="Bevestigen").click()

    expect(page.get_by_role("button", name="Uitloggen").first).to_be_visible()
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Tweede stap")
