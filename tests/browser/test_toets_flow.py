"""Issue 16's ambtelijke toets in a real browser: the contact of Arnhem logs in, lands on their toets, sees the plan
as scanned, proposes one added theme and one changed wording; staff accept the one and reject the other with a
reason beside the scan; the scan and its history reflect it and the toets is processed. axe on both pages."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import Role
from partners.models import CheckRequest, MunicipalContact
from partners.services import check_request_send
from planning.models import Municipality
from scan.models import PlanTheme, Theme
from tests.accounts.factories import UserFactory
from tests.browser.axe import assert_no_serious_violations
from tests.scan.factories import MunicipalPlanFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _patient_expect():
    expect.set_options(timeout=10_000)
    yield
    expect.set_options(timeout=5_000)


def test_contact_proposes_and_staff_accept_one_and_reject_the_other(page, login, staff, process):
    arnhem = Municipality.objects.get(name="Arnhem")
    contact = UserFactory(username="contact-arnhem", role=Role.MUNICIPAL_CONTACT, first_name="Anna", last_name="Bos")
    MunicipalContact.objects.create(user=contact).municipalities.set([arnhem])
    kept, changed, added = Theme.objects.order_by("name")[:3]
    plan = MunicipalPlanFactory(process=process, municipality=arnhem)
    PlanTheme.objects.create(plan=plan, theme=kept, wording="Zoals gelezen")
    PlanTheme.objects.create(plan=plan, theme=changed, wording="Oude formulering")
    check = check_request_send(plan=plan, deadline=timezone.localdate() + datetime.timedelta(days=14), user=staff)

    page.set_viewport_size({"width": 1366, "height": 900})
    login(contact)
    expect(page.get_by_role("heading", level=1)).to_have_text("Ambtelijke toets")
    page.get_by_role("link", name="Arnhem").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ambtelijke toets Arnhem")
    expect(page.locator("main")).to_contain_text("Oude formulering")
    assert_no_serious_violations(page, "toets, contact")
    page.get_by_label("Niet helemaal").check()
    first = page.get_by_role("group", name="Voorstel 1")
    first.get_by_label("Voorstel").select_option("add")
    first.get_by_label("Thema").select_option(label=added.name)
    first.get_by_label("Formulering in uw plan").fill("Staat in hoofdstuk 3")
    second = page.get_by_role("group", name="Voorstel 2")
    second.get_by_label("Voorstel").select_option("change")
    second.get_by_label("Thema").select_option(label=changed.name)
    second.get_by_label("Formulering in uw plan").fill("Nieuwe formulering")
    page.get_by_role("button", name="Antwoord versturen").click()
    expect(page.get_by_role("alert")).to_have_text("Dank u wel: uw antwoord is ontvangen.")
    expect(page.locator("#check-status")).to_have_text("beantwoord")

    page.get_by_role("button", name="Uitloggen").first.click()
    login(staff)
    page.goto(f"/processen/{process.slug}/toetsen/")
    expect(page.locator("#check-counts")).to_contain_text("beantwoord, te verwerken: 1")
    page.get_by_role("link", name="Arnhem").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Toets Arnhem verwerken")
    assert_no_serious_violations(page, "toets, staff")
    page.get_by_label(f"Reden (voorstel over {added.name})").fill("Klopt, staat in het plan")
    page.get_by_role("button", name=re.compile(rf"^Overnemen\s*: {re.escape(added.name)}$")).click()
    expect(page.get_by_role("alert")).to_contain_text("is vastgelegd")
    page.get_by_label(f"Reden (voorstel over {changed.name})").fill("De scan volgt de letterlijke tekst")
    page.get_by_role("button", name=re.compile(rf"^Niet overnemen\s*: {re.escape(changed.name)}$")).click()
    expect(page.locator("#check-status")).to_have_text("verwerkt")
    expect(page.locator("main")).to_contain_text("Staat in hoofdstuk 3")

    check.refresh_from_db()
    assert check.status == CheckRequest.Status.PROCESSED
    new_theme = PlanTheme.objects.get(plan=plan, theme=added)
    assert new_theme.origin == PlanTheme.Origin.ADDED
    assert new_theme.history.get().history_user == staff
    assert PlanTheme.objects.get(plan=plan, theme=changed).wording == "Oude formulering"
    page.get_by_role("link", name="Het plan in de scan").click()
    expect(page.locator("main")).to_contain_text("Staat in hoofdstuk 3")
