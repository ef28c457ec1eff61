import datetime

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar

from core.dates import Precision
from planning.models import Body, Milestone
from tests.planning.factories import BodyFactory, MilestoneFactory, StrategyProcessFactory


def feed_path(user, process):
    return reverse("planning:calendar_feed", kwargs={"token": user.calendar_token, "slug": process.slug})


def parse(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events_by_uid(calendar: Calendar) -> dict:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture
def planning(process):
    bbg_body = Body.objects.get(short_name="BBG")  # from the reference data
    dvo = MilestoneFactory(process=process, title="DVO GLM", starts_on=datetime.date(2018, 4, 4))
    bbg = MilestoneFactory(
        process=process,
        phase=process.phases.get(order=3),
        body=bbg_body,
        title="BBG top vijf",
        kind=Milestone.Kind.DECISION,
        starts_on=datetime.date(2018, 6, 7),
        status=Milestone.Status.TENTATIVE,
        description="Kijken of nog een BBG mogelijk is.",
    )
    goals = MilestoneFactory(
        process=process,
        title="Concept doelstellingen uitwerken",
        kind=Milestone.Kind.DELIVERABLE,
        starts_on=datetime.date(2018, 7, 1),
        ends_on=datetime.date(2018, 8, 31),
        precision=Precision.MONTHS,
        status=Milestone.Status.DONE,
    )
    cancelled = MilestoneFactory(
        process=process, title="Extra BBG", starts_on=datetime.date(2018, 7, 12), status=Milestone.Status.CANCELLED
    )
    MilestoneFactory(process=StrategyProcessFactory(), title="Ander proces")
    return {"dvo": dvo, "bbg": bbg, "goals": goals, "cancelled": cancelled}


# --- The feed ---------------------------------------------------------------------------------------------------


def test_feed_has_one_all_day_event_per_milestone(client, staff, process, planning):
    calendar = parse(client.get(feed_path(staff, process)))

    assert str(calendar["X-WR-CALNAME"]) == "Veiligheidsstrategie 2019-2022"
    assert str(calendar["VERSION"]) == "2.0"
    assert b"X-PUBLISHED-TTL:PT4H" in calendar.to_ical()
    events = events_by_uid(calendar)
    assert set(events) == {
        f"milestone-{planning['dvo'].pk}@vs-portaal",
        f"milestone-{planning['bbg'].pk}@vs-portaal",
        f"milestone-{planning['goals'].pk}@vs-portaal",
    }
    dvo = events[f"milestone-{planning['dvo'].pk}@vs-portaal"]
    assert str(dvo["SUMMARY"]) == "DVO GLM"
    assert str(dvo["STATUS"]) == "CONFIRMED"
    # All-day events: plain dates, and the end is the day after (exclusive).
    assert dvo.decoded("DTSTART") == datetime.date(2018, 4, 4)
    assert dvo.decoded("DTEND") == datetime.date(2018, 4, 5)
    assert not isinstance(dvo.decoded("DTSTART"), datetime.datetime)
    assert dvo["DTSTART"].params.get("VALUE") == "DATE"


def test_a_period_spans_its_whole_months(client, staff, process, planning):
    events = events_by_uid(parse(client.get(feed_path(staff, process))))

    goals = events[f"milestone-{planning['goals'].pk}@vs-portaal"]
    assert goals.decoded("DTSTART") == datetime.date(2018, 7, 1)
    assert goals.decoded("DTEND") == datetime.date(2018, 9, 1)
    assert "Wanneer: juli - augustus 2018" in str(goals["DESCRIPTION"])
    assert str(goals["STATUS"]) == "CONFIRMED"


def test_a_tentative_milestone_says_so(client, staff, process, planning):
    events = events_by_uid(parse(client.get(feed_path(staff, process))))

    bbg = events[f"milestone-{planning['bbg'].pk}@vs-portaal"]
    assert str(bbg["SUMMARY"]) == "BBG top vijf (onder voorbehoud)"
    assert str(bbg["STATUS"]) == "TENTATIVE"
    description = str(bbg["DESCRIPTION"])
    assert "Wanneer: 7 juni 2018" in description
    assert "Gremium: BBG (Bestuurlijke Begeleidingsgroep VNONL)" in description
    assert "Fase: Top vijf BBG" in description
    assert "Kijken of nog een BBG mogelijk is." in description
    assert str(bbg["URL"]) == f"{settings.SITE_URL}/processen/{process.slug}/mijlpalen/{planning['bbg'].pk}/"
    assert bbg.decoded("LAST-MODIFIED") == planning["bbg"].updated_at.replace(microsecond=0)


def test_cancelled_milestones_are_left_out(client, staff, process, planning):
    summaries = [str(event["SUMMARY"]) for event in parse(client.get(feed_path(staff, process))).walk("VEVENT")]

    assert "Extra BBG" not in summaries
    assert "Ander proces" not in summaries


def test_the_uid_stays_when_a_milestone_moves(client, staff, process, planning):
    before = events_by_uid(parse(client.get(feed_path(staff, process))))
    planning["bbg"].starts_on = planning["bbg"].ends_on = datetime.date(2018, 7, 5)
    planning["bbg"].save()

    after = events_by_uid(parse(client.get(feed_path(staff, process))))

    assert set(after) == set(before)
    assert after[f"milestone-{planning['bbg'].pk}@vs-portaal"].decoded("DTSTART") == datetime.date(2018, 7, 5)


@pytest.mark.parametrize("role", ["staff", "secretary", "bbg_member", "administrator"])
def test_every_role_has_a_working_feed(role, client, users, process, planning):
    calendar = parse(client.get(feed_path(users[role], process)))

    assert len(calendar.walk("VEVENT")) == 3


def test_the_feed_needs_no_login(client, staff, process, planning):
    client.logout()

    assert parse(client.get(feed_path(staff, process)))


def test_a_wrong_token_gets_404(client, process, planning):
    response = client.get(reverse("planning:calendar_feed", kwargs={"token": "verzonnen", "slug": process.slug}))

    assert response.status_code == 404
    assert b"BEGIN:VCALENDAR" not in response.content


def test_an_unknown_process_gets_404(client, staff, planning):
    response = client.get(reverse("planning:calendar_feed", kwargs={"token": staff.calendar_token, "slug": "nee"}))

    assert response.status_code == 404


def test_an_outsiders_token_gets_404(client, outsider, process, planning):
    assert client.get(feed_path(outsider, process)).status_code == 404


def test_an_inactive_users_token_gets_404(client, staff, process, planning):
    staff.is_active = False
    staff.save()

    assert client.get(feed_path(staff, process)).status_code == 404


def test_a_user_who_lost_their_role_gets_404(client, bbg_member, process, planning):
    path = feed_path(bbg_member, process)
    bbg_member.role = ""
    bbg_member.save()

    assert client.get(path).status_code == 404


def test_feed_query_count_does_not_grow(client, staff, process):
    body = BodyFactory()
    phase = process.phases.first()

    def fill(count):
        for _ in range(count):
            MilestoneFactory(process=process, body=body, phase=phase)
            MilestoneFactory(process=process, status=Milestone.Status.TENTATIVE)

    def measure():
        with CaptureQueriesContext(connection) as queries:
            calendar = parse(client.get(feed_path(staff, process)))
        return len(queries), len(calendar.walk("VEVENT"))

    fill(1)
    small, small_events = measure()
    fill(9)
    large, large_events = measure()

    assert (small_events, large_events) == (2, 20)
    assert large == small


# --- The page and renewing the token ----------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["staff", "secretary", "bbg_member", "administrator"])
def test_calendar_page_shows_the_users_absolute_feed_url(role, client, users, process):
    user = users[role]
    client.force_login(user)

    response = client.get(reverse("planning:calendar"))

    assert response.status_code == 200
    html = response.content.decode()
    assert f'value="{settings.SITE_URL}{feed_path(user, process)}"' in html
    assert "Abonneren in Outlook" in html
    assert f'action="{reverse("planning:calendar_renew")}"' in html
    assert "Agendalink vernieuwen" in html


def test_calendar_page_sends_anonymous_to_login(client):
    response = client.get(reverse("planning:calendar"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_calendar_page_refuses_an_outsider(client, outsider, process):
    client.force_login(outsider)

    response = client.get(reverse("planning:calendar"))

    assert response.status_code == 403
    assert outsider.calendar_token not in response.content.decode()


def test_renewing_makes_the_old_link_404_and_the_new_one_work(client, secretary, process, planning):
    old_path = feed_path(secretary, process)
    assert client.get(old_path).status_code == 200
    client.force_login(secretary)

    response = client.post(reverse("planning:calendar_renew"), follow=True)

    secretary.refresh_from_db()
    new_path = feed_path(secretary, process)
    assert new_path != old_path
    assert response.redirect_chain == [(reverse("planning:calendar"), 302)]
    html = response.content.decode()
    assert "Uw agendalink is vernieuwd; de oude link werkt niet meer." in html
    assert new_path in html
    assert old_path not in html
    assert client.get(old_path).status_code == 404
    assert len(parse(client.get(new_path)).walk("VEVENT")) == 3


def test_renewing_needs_post(client, staff):
    client.force_login(staff)
    token = staff.calendar_token

    response = client.get(reverse("planning:calendar_renew"))

    assert response.status_code == 405
    staff.refresh_from_db()
    assert staff.calendar_token == token


def test_renewing_refuses_anonymous_and_outsiders(client, outsider):
    token = outsider.calendar_token

    anonymous = client.post(reverse("planning:calendar_renew"))
    client.force_login(outsider)
    refused = client.post(reverse("planning:calendar_renew"))

    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("login"))
    assert refused.status_code == 403
    outsider.refresh_from_db()
    assert outsider.calendar_token == token
