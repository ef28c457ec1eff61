"""A closed past process is read as of its own last date: its dashboard says "stand van zaken op <that date>"
(its results PDF: tests/voting/test_results_reading_date.py), and a running process is read as of today."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from planning.models import Milestone
from planning.selectors import is_past, reading_date
from tests.planning.factories import MilestoneFactory

TODAY = datetime.date(2026, 12, 1)


@pytest.fixture
def past_planning(process):
    """VS 2019-2022's planning ends 30 April 2019 (a cancelled meeting later does not count)."""
    MilestoneFactory(process=process, title="DVO GLM", starts_on=datetime.date(2018, 4, 4), status="done")
    MilestoneFactory(
        process=process,
        title="MJB vastgesteld",
        starts_on=datetime.date(2019, 4, 1),
        ends_on=datetime.date(2019, 4, 30),
        precision="month",
        status="done",
    )
    MilestoneFactory(process=process, title="Vervallen", starts_on=datetime.date(2019, 6, 1), status="cancelled")
    return process


def test_a_running_process_is_read_as_of_today(process):
    today = datetime.date(2021, 5, 1)
    assert not is_past(process, today=today)
    assert reading_date(process, today=today) == today


def test_a_past_process_is_read_as_of_its_last_milestone(past_planning):
    assert is_past(past_planning, today=TODAY)
    assert reading_date(past_planning, today=TODAY) == datetime.date(2019, 4, 30)


def test_a_past_process_without_planning_is_read_as_of_the_end_of_its_period(process):
    assert reading_date(process, today=TODAY) == datetime.date(2022, 12, 31)


@time_machine.travel(datetime.datetime(2026, 12, 1, 9, 0, tzinfo=datetime.UTC), tick=False)
def test_staff_see_the_past_dashboard_as_of_its_own_date_with_nothing_overdue(client, staff, past_planning):
    client.force_login(staff)
    content = client.get(reverse("planning:dashboard", kwargs={"slug": past_planning.slug})).content.decode()
    assert "stand van zaken op 30 april 2019" in content
    assert "1 december 2026" not in content
    assert "Niets over tijd." in content


@time_machine.travel(datetime.datetime(2026, 12, 1, 9, 0, tzinfo=datetime.UTC), tick=False)
def test_the_home_page_counts_no_overdue_milestones_for_a_completed_past_process(client, staff, past_planning):
    client.force_login(staff)
    content = client.get(reverse("planning:home")).content.decode()
    assert "over tijd" not in content.split("VS 2019-2022", 1)[1].split("</tr>", 1)[0]
    assert Milestone.objects.filter(process=past_planning, status__in=Milestone.OPEN_STATUSES).count() == 0


@time_machine.travel(datetime.datetime(2026, 12, 1, 9, 0, tzinfo=datetime.UTC), tick=False)
def test_the_cached_reading_date_moves_at_once_with_the_planning(client, staff, secretary, past_planning):
    """The dashboard reads a past cycle's date from the cache (planning-reading-date); a milestone moved later
    shows at once, for every role."""
    for user in (staff, secretary):
        client.force_login(user)
        url = reverse("planning:dashboard", kwargs={"slug": past_planning.slug})
        assert "stand van zaken op 30 april 2019" in client.get(url).content.decode()
    last = Milestone.objects.get(process=past_planning, title="MJB vastgesteld")
    last.ends_on = datetime.date(2019, 5, 31)
    last.save()
    for user in (staff, secretary):
        client.force_login(user)
        assert "stand van zaken op 31 mei 2019" in client.get(url).content.decode()
