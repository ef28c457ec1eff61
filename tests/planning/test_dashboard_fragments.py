"""The dashboard's cached conflicts and phase progress (core.fragments, planning.fragments): served from the cache
while the planning is unchanged, computed afresh after any change to what they are made of and on a new day,
and kept per role, so that a secretary is never served what was made for staff."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.rows import forget_rows
from planning.models import Milestone
from tests.planning.factories import AbsenceFactory, PersonFactory
from tests.planning.test_dashboard_views import build_planning

pytestmark = pytest.mark.django_db

DEPENDENCY = "BBG bepaalt top vijf 0 (7 juni 2018) hangt af van DVO IJSS 0, maar die is pas op 20 juni 2018."


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def today():
    with time_machine.travel(datetime.datetime(2018, 6, 1, 12, 0, tzinfo=datetime.UTC), tick=False) as traveller:
        yield traveller


def dashboard(client, process) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as context:
        response = client.get(reverse("planning:dashboard", kwargs={"slug": process.slug}))
    assert response.status_code == 200
    return response.content.decode(), len(context.captured_queries)


def test_a_second_visit_skips_the_conflict_and_phase_queries(client, staff, process, today):
    build_planning(process)
    client.force_login(staff)
    first, computed = dashboard(client, process)
    second, cached = dashboard(client, process)
    assert cached < computed
    assert DEPENDENCY in first
    assert DEPENDENCY in second
    assert "1 van 2" in second  # the phase progress, from the cache


def test_a_secretary_after_staff_gets_conflicts_made_for_the_secretary(client, staff, secretary, process, today):
    build_planning(process)
    client.force_login(staff)
    _html, staff_computed = dashboard(client, process)
    _html, staff_cached = dashboard(client, process)
    client.force_login(secretary)
    forget_rows()  # both first visits read the process from the database (core.rows), as the staff's did
    html, secretary_first = dashboard(client, process)
    _html, secretary_cached = dashboard(client, process)
    # The secretary's first visit computes the conflicts again (its own fragment), the second uses it.
    assert secretary_first - secretary_cached == staff_computed - staff_cached
    assert DEPENDENCY in html


def test_moving_the_bbg_shows_at_once(client, staff, process, today):
    build_planning(process)
    client.force_login(staff)
    assert DEPENDENCY in dashboard(client, process)[0]
    bbg = Milestone.objects.get(title="BBG bepaalt top vijf 0")
    bbg.starts_on = bbg.ends_on = datetime.date(2018, 7, 5)
    bbg.save()
    html, _queries = dashboard(client, process)
    assert "hangt af van" not in html
    assert "Geen planningsproblemen." in html


def test_removing_a_dependency_shows_at_once(client, staff, process, today):
    build_planning(process)
    client.force_login(staff)
    dashboard(client, process)
    Milestone.objects.get(title="BBG bepaalt top vijf 0").depends_on.clear()
    assert "hangt af van" not in dashboard(client, process)[0]


def test_a_new_absence_shows_at_once(client, staff, process, today):
    build_planning(process)
    client.force_login(staff)
    dashboard(client, process)
    bbg = Milestone.objects.get(title="BBG bepaalt top vijf 0")
    person = PersonFactory(name="Burgemeester Nieuw")
    person.bodies.add(bbg.body)  # a membership through the m2m: post_save of Membership
    AbsenceFactory(person=person, reason="ziek")
    assert "Burgemeester Nieuw" in dashboard(client, process)[0]


def test_a_milestone_marked_done_moves_the_phase_progress(client, staff, process, today):
    build_planning(process)
    client.force_login(staff)
    assert "0 van 1" in dashboard(client, process)[0]
    dvo = Milestone.objects.get(title="DVO IJSS 0")
    dvo.status = Milestone.Status.DONE
    dvo.save()
    assert "1 van 1" in dashboard(client, process)[0]


def test_a_new_day_computes_what_runs_late_again(client, staff, process, today):
    build_planning(process)
    client.force_login(staff)
    html, _queries = dashboard(client, process)
    assert "Over tijd (2)" in html
    today.move_to(datetime.datetime(2018, 6, 10, 12, 0, tzinfo=datetime.UTC))
    client.force_login(staff)
    html, _queries = dashboard(client, process)
    assert "stand van zaken op 10 juni 2018" in html
    assert "Over tijd (2)" not in html  # the BBG of 7 June and the action of 4 June are late now as well
