"""Issue 6 in a real browser: a user sees the unread count in the menu (and a screen reader hears it), opens the
notifications, marks one and then all as read, and chooses the daily digest for reminders by email."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from notifications.models import NotificationPreference
from tests.notifications.factories import NotificationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _patient_expect():
    """As patient as the page's own timeout: a loaded CI machine renders some pages in more than 5 s."""
    expect.set_options(timeout=10_000)
    yield
    expect.set_options(timeout=5_000)


@pytest.fixture
def notifications(secretary):
    """Two unread notifications and one read one for the secretary, and one unread for someone else."""
    return {
        "read": NotificationFactory(user=secretary, title="Mijlpaal 'Scan' is bereikt", read_at=timezone.now()),
        "milestone": NotificationFactory(user=secretary, title="Mijlpaal 'Keuze DVO's' over 7 dagen"),
        "ballot": NotificationFactory(user=secretary, title="De keuze van DVO GLM is nog niet ingediend"),
        "other": NotificationFactory(title="Melding van een ander"),
    }


def test_user_sees_the_unread_count_marks_read_and_chooses_the_daily_digest(page, login, secretary, notifications):
    login(secretary)
    nav_link = page.locator("#nav-notifications")
    expect(nav_link).to_have_text("Meldingen (2), 2 ongelezen meldingen")
    expect(nav_link.locator("[aria-hidden=true]")).to_have_text("(2)")
    expect(nav_link.locator(".visually-hidden")).to_have_text(", 2 ongelezen meldingen")
    expect(page.get_by_role("link", name=re.compile(r"^Meldingen\s*, 2 ongelezen meldingen$"))).to_be_visible()

    nav_link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Meldingen")
    expect(page.locator("#unread-count")).to_have_text("2 ongelezen meldingen")
    expect(page.locator("main")).to_contain_text("Herinneringen per e-mail: Elke herinnering per e-mail.")
    items = page.get_by_role("list", name="Meldingen").get_by_role("listitem")
    expect(items).to_have_count(3)
    expect(page.locator("main")).not_to_contain_text("Melding van een ander")
    mark_buttons = page.get_by_role("button", name=re.compile("^Markeer als gelezen"))
    expect(mark_buttons).to_have_count(2)

    # One read: the count drops in the page and in the menu.
    # Chromium puts a space before the visually hidden part of a name ("gelezen : ..."), hence the patterns.
    title = re.escape(notifications["milestone"].title)
    page.get_by_role("button", name=re.compile(rf"^Markeer als gelezen\s*: {title}$")).click()
    expect(page.locator("#unread-count")).to_have_text("1 ongelezen melding")
    expect(nav_link).to_have_text("Meldingen (1), 1 ongelezen melding")
    expect(mark_buttons).to_have_count(1)
    notifications["milestone"].refresh_from_db()
    notifications["ballot"].refresh_from_db()
    assert notifications["milestone"].is_read
    assert not notifications["ballot"].is_read

    # All read: no count left in the menu, and nothing left to mark.
    page.get_by_role("button", name="Alles als gelezen markeren").click()
    expect(page.get_by_role("alert")).to_have_text("Alle meldingen zijn als gelezen gemarkeerd.")
    expect(page.locator("#unread-count")).to_have_text("0 ongelezen meldingen")
    expect(nav_link).to_have_text("Meldingen")
    expect(mark_buttons).to_have_count(0)
    expect(page.get_by_role("button", name="Alles als gelezen markeren")).to_have_count(0)
    assert not secretary.notifications.filter(read_at__isnull=True).exists()
    notifications["other"].refresh_from_db()
    assert not notifications["other"].is_read

    # The preference: the daily digest, saved and shown checked again.
    page.get_by_role("link", name="Voorkeur wijzigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Voorkeur voor herinneringen")
    choice = page.get_by_role("group", name="Hoe wilt u herinneringen ontvangen?")
    expect(choice.get_by_label("Elke herinnering per e-mail")).to_be_checked()
    choice.get_by_label("Eén dagelijks overzicht per e-mail").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_have_text("Uw voorkeur is opgeslagen.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Meldingen")
    expect(page.locator("main")).to_contain_text("Herinneringen per e-mail: Eén dagelijks overzicht per e-mail.")
    assert NotificationPreference.objects.get(user=secretary).delivery == NotificationPreference.Delivery.DIGEST

    page.get_by_role("link", name="Voorkeur wijzigen").click()
    page.reload()
    choice = page.get_by_role("group", name="Hoe wilt u herinneringen ontvangen?")
    expect(choice.get_by_label("Eén dagelijks overzicht per e-mail")).to_be_checked()
    expect(choice.get_by_label("Elke herinnering per e-mail")).not_to_be_checked()
