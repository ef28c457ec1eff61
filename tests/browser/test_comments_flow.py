"""Issue 16 in a real browser: a DVO secretary comments on a draft goal and mentions a staff member, who finds the
notification in the portal, and an email in the outbox; both pages pass axe."""

import os
import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from comments.models import Comment
from documents.models import Goal
from priorities.models import LongList
from tests.browser.axe import assert_no_serious_violations
from tests.documents.factories import GoalFactory
from tests.priorities.factories import PriorityFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Screenshots for a person to look at, only where asked for (never into the repository).
SCREENSHOTS = os.environ.get("VS_SCREENSHOTS", "")


def screenshot(page, name: str) -> None:
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


@pytest.fixture(autouse=True)
def _patient_expect():
    expect.set_options(timeout=20_000)
    yield
    expect.set_options(timeout=5_000)


@pytest.fixture
def goal(process):
    LongList.objects.create(process=process)
    priority = PriorityFactory(process=process, title="Woninginbraak", position=1)
    return GoalFactory(process=process, priority=priority, title="Minder woninginbraken", status=Goal.Status.CONCEPT)


def test_secretary_mentions_staff_on_a_draft_goal_and_staff_is_notified(page, login, secretary, staff, goal):
    page.set_default_timeout(30_000)
    login(secretary)
    page.goto(f"/processen/{goal.process.slug}/doelstellingen/")
    # The goals' list counts the open threads per goal; none yet.
    page.get_by_role("link", name=re.compile(r"^Reageren\s*– Minder woninginbraken$")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reacties op ‘Minder woninginbraken’")
    expect(page.locator("main")).to_contain_text("Nog geen reacties.")

    editor = page.locator('.ProseMirror[aria-label^="Uw reactie"]')
    expect(editor).to_be_visible(timeout=30_000)
    editor.click()
    page.keyboard.type("Kunnen we de nulmeting per district zien, @staf?")
    assert_no_serious_violations(page, "reacties op een doelstelling, leeg")
    page.get_by_role("button", name="Reactie plaatsen").click()

    expect(page.get_by_role("alert")).to_contain_text("Uw reactie is geplaatst.")
    thread = page.get_by_role("region", name=re.compile("^Discussie 1"))
    expect(thread).to_contain_text("Kunnen we de nulmeting per district zien, @staf?")
    expect(thread).to_contain_text("Genoemd: " + str(staff))
    assert_no_serious_violations(page, "reacties op een doelstelling, met een discussie")
    page.set_viewport_size({"width": 1366, "height": 900})
    screenshot(page, "goal-comments-1366")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "goal-comments-390")
    page.set_viewport_size({"width": 1366, "height": 900})

    comment = Comment.objects.get()
    assert comment.author == secretary
    assert list(comment.mentions.all()) == [staff]
    # The email went through the notifications' queue (eager here), to the staff member only.
    [message] = [message for message in mail.outbox if staff.email in message.to]
    assert "noemde u in een reactie op de doelstelling ‘Minder woninginbraken’" in message.subject
    assert "Kunnen we de nulmeting per district zien" in message.body
    assert f"#reactie-{comment.pk}" in message.body
    assert not [message for message in mail.outbox if secretary.email in message.to]

    # The goals' list now shows one open thread.
    page.goto(f"/processen/{goal.process.slug}/doelstellingen/")
    expect(page.get_by_role("link", name=re.compile(r"^1 open\s*discussie\s*– Minder woninginbraken$"))).to_be_visible()

    page.get_by_role("button", name="Uitloggen").click()
    login(staff)
    page.goto("/meldingen/")
    notification = page.get_by_role("list", name="Meldingen").get_by_role("listitem")
    expect(notification).to_have_count(1)
    expect(notification).to_contain_text("noemde u in een reactie op de doelstelling ‘Minder woninginbraken’")
    expect(notification).to_contain_text("Kunnen we de nulmeting per district zien")
    assert_no_serious_violations(page, "meldingen van de genoemde programmastaf")
    screenshot(page, "staff-notifications-1366")

    # The staff member follows the link to the thread and resolves it.
    page.goto(comment.get_absolute_url())
    page.get_by_role("button", name=re.compile(r"^Afhandelen")).click()
    expect(page.get_by_role("alert")).to_contain_text("De discussie is afgehandeld.")
    comment.refresh_from_db()
    assert comment.is_resolved
