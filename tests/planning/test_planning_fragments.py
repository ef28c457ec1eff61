"""The timeline's and the milestone list's cached fragments (core.fragments, planning.fragments): served from the
cache while the planning is unchanged, rendered afresh after any change to what they show and on a new day,
and kept per role, language and filter, so that a secretary is never served what was made for staff and English
never the Dutch copy."""

import datetime
import re

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from core.deflated import DeflatedHTML
from core.fragments import fragment_key
from planning.fragments import PLANNING_AREA, role_audience
from planning.models import Milestone
from planning.services import process_reschedule
from planning.services_schedule import milestone_save
from tests.planning.factories import AbsenceFactory, PersonFactory, PhaseFactory
from tests.planning.test_dashboard_views import build_planning

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2018, 6, 1)
DEPENDENCY = "BBG bepaalt top vijf 0 (7 juni 2018) hangt af van DVO IJSS 0, maar die is pas op 20 juni 2018."
MARKER = "<p>FRAGMENT MADE FOR ANOTHER READER</p>"

# Per page: its URL name and its fragment's name and parts (planning.views) for the whole, unfiltered page of a
# reader.
PAGES = {
    "timeline": (
        "planning:timeline",
        "planning-timeline-pieces",
        lambda process, _user: [process.pk, TODAY.isoformat(), "", ""],
    ),
    "milestones": (
        "planning:milestone_list",
        "planning-milestones-pieces",
        lambda process, user: [process.pk, TODAY.isoformat(), "", "", user.has_perm("planning.change_milestone")],
    ),
}


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def today():
    with time_machine.travel(datetime.datetime(2018, 6, 1, 12, 0, tzinfo=datetime.UTC), tick=False) as traveller:
        yield traveller


@pytest.fixture(params=sorted(PAGES))
def page_name(request):
    return request.param


def visit(client, process, page_name, **params) -> tuple[str, int]:
    url_name = PAGES[page_name][0]
    with CaptureQueriesContext(connection) as context:
        response = client.get(reverse(url_name, kwargs={"slug": process.slug}), params)
    assert response.status_code == 200
    return response.content.decode(), len(context.captured_queries)


def without_tokens(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def plant(page_name, process, user, language="nl") -> str:
    """Put MARKER in the cache as the fragment of the whole page for ``user``'s role and ``language``."""
    _url, name, parts = PAGES[page_name]
    with translation.override(language):
        key = fragment_key(name, areas=[PLANNING_AREA], audience=role_audience(user), parts=parts(process, user))
    cache.set(key, DeflatedHTML.of(MARKER))
    return key


def test_a_second_visit_is_served_from_the_cache_with_the_same_page(client, staff, process, today, page_name):
    build_planning(process)
    client.force_login(staff)
    first, rendered = visit(client, process, page_name)
    second, cached = visit(client, process, page_name)
    assert cached < rendered  # the milestones, dependencies, absences and memberships are not read again
    assert without_tokens(second) == without_tokens(first)
    assert "DVO IJSS 0 (20 juni 2018)" in second if page_name == "timeline" else "DVO IJSS 0" in second


def test_a_secretary_is_never_served_the_fragment_made_for_staff(client, staff, secretary, process, today, page_name):
    build_planning(process)
    plant(page_name, process, staff)
    client.force_login(staff)
    assert MARKER in visit(client, process, page_name)[0]  # the planted key is the one staff's page reads
    client.force_login(secretary)
    html, _queries = visit(client, process, page_name)
    assert MARKER not in html
    assert DEPENDENCY in html  # the secretary's own fragment, rendered for the secretary


def test_staff_are_never_served_the_fragment_made_for_a_bbg_member(
    client, staff, bbg_member, process, today, page_name
):
    build_planning(process)
    plant(page_name, process, bbg_member)
    client.force_login(staff)
    html, _queries = visit(client, process, page_name)
    assert MARKER not in html
    assert DEPENDENCY in html


def test_english_is_never_served_the_dutch_fragment(client, staff, process, today, page_name):
    build_planning(process)
    plant(page_name, process, staff, language="nl")
    client.force_login(staff)
    client.cookies["django_language"] = "en"
    html, _queries = visit(client, process, page_name)
    assert MARKER not in html
    assert "BBG bepaalt top vijf 0" in html
    assert "Zonder fase" not in html  # the phase-less group under its English name
    assert "Without phase" in html


def test_a_filtered_page_has_its_own_fragment(client, staff, process, today, page_name):
    build_planning(process)
    top_five = process.phases.order_by("order").last()
    client.force_login(staff)
    whole, _queries = visit(client, process, page_name)
    assert "Scan integrale veiligheidsplannen 0" in whole
    filtered, _queries = visit(client, process, page_name, fase=str(top_five.pk))
    assert "BBG bepaalt top vijf 0" in filtered
    assert "Scan integrale veiligheidsplannen 0" not in filtered
    assert "Scan integrale veiligheidsplannen 0" in visit(client, process, page_name)[0]


def test_moving_the_bbg_after_the_dvo_shows_at_once(client, staff, process, today, page_name):
    build_planning(process)
    client.force_login(staff)
    assert DEPENDENCY in visit(client, process, page_name)[0]
    bbg = Milestone.objects.get(title="BBG bepaalt top vijf 0")
    bbg.starts_on = bbg.ends_on = datetime.date(2018, 7, 5)
    bbg.save()
    html, _queries = visit(client, process, page_name)
    assert "hangt af van" not in html
    assert "5 juli 2018" in html


def test_rescheduling_the_whole_process_shows_at_once(client, staff, process, today, page_name):
    build_planning(process)
    client.force_login(staff)
    assert "20 juni 2018" in visit(client, process, page_name)[0]
    process_reschedule(process=process, days=7)  # bulk updates: no save() signals
    html, _queries = visit(client, process, page_name)
    assert "27 juni 2018" in html
    assert "20 juni 2018" not in html


def test_a_dependency_added_through_the_service_shows_at_once(client, staff, process, today, page_name):
    build_planning(process)
    client.force_login(staff)
    visit(client, process, page_name)
    scan = Milestone.objects.get(title="Scan integrale veiligheidsplannen 0")
    dvo = Milestone.objects.get(title="DVO IJSS 0")
    milestone_save(milestone=scan, depends_on=[dvo])
    html, _queries = visit(client, process, page_name)
    assert "Scan integrale veiligheidsplannen 0 (januari - maart 2018) hangt af van DVO IJSS 0" in html


def test_a_new_absence_shows_at_once(client, staff, process, today, page_name):
    build_planning(process)
    client.force_login(staff)
    visit(client, process, page_name)
    bbg = Milestone.objects.get(title="BBG bepaalt top vijf 0")
    person = PersonFactory(name="Burgemeester Nieuw")
    person.bodies.add(bbg.body)
    AbsenceFactory(person=person, reason="ziek")
    html, _queries = visit(client, process, page_name)
    assert "Burgemeester Nieuw" in html
    assert "ziek" not in html  # the reason stays out of every role's fragment


def test_a_milestone_marked_done_shows_at_once(client, staff, process, today, page_name):
    build_planning(process)
    client.force_login(staff)
    assert "gereed" in visit(client, process, page_name)[0]
    bbg = Milestone.objects.get(title="BBG bepaalt top vijf 0")
    bbg.status = Milestone.Status.DONE
    bbg.save()
    html, _queries = visit(client, process, page_name)
    assert DEPENDENCY not in html  # a done milestone raises no conflict
    row = html[html.index(reverse("planning:milestone_detail", kwargs={"slug": process.slug, "pk": bbg.pk})) :]
    assert "gereed" in row[: row.index("</tr>" if page_name == "milestones" else "</li>")]


def test_a_deleted_milestone_is_gone_at_once(client, staff, process, today, page_name):
    build_planning(process)
    client.force_login(staff)
    assert "BBG strategie 0" in visit(client, process, page_name)[0]
    Milestone.objects.get(title="BBG strategie 0").delete()
    assert "BBG strategie 0" not in visit(client, process, page_name)[0]


def test_a_new_day_renders_what_runs_late_again(client, staff, process, today, page_name):
    build_planning(process)
    client.force_login(staff)
    html, _queries = visit(client, process, page_name)
    late = "BBG bepaalt top vijf 0 had uiterlijk 7 juni 2018 klaar moeten zijn"
    assert late not in html
    today.move_to(datetime.datetime(2018, 6, 10, 12, 0, tzinfo=datetime.UTC))
    client.force_login(staff)
    html, _queries = visit(client, process, page_name)
    assert late in html


def test_an_unknown_timeline_filter_is_not_cached(client, staff, process, today):
    """A filter value is free input: only the phases and bodies of the process have a fragment, so nobody fills
    the cache with copies of an empty timeline."""
    build_planning(process)
    client.force_login(staff)
    visit(client, process, "timeline")  # the process is then read from the worker's memo (core.rows) each time
    for params in ({"fase": "onzin"}, {"fase": "999999"}, {"orgaan": "007"}):
        _html, rendered = visit(client, process, "timeline", **params)
        _html, again = visit(client, process, "timeline", **params)
        assert again == rendered  # rendered again, not from the cache
    top_five = process.phases.order_by("order").last()
    _html, rendered = visit(client, process, "timeline", fase=str(top_five.pk))
    _html, cached = visit(client, process, "timeline", fase=str(top_five.pk))
    assert cached < rendered


def test_the_milestone_heading_in_the_cached_piece_keeps_the_button_for_staff_only(
    client, staff, secretary, process, today
):
    build_planning(process)
    add = reverse("planning:milestone_create", kwargs={"slug": process.slug})
    client.force_login(staff)
    assert f'href="{add}"' in visit(client, process, "milestones")[0]
    client.force_login(secretary)
    html, _queries = visit(client, process, "milestones")
    assert f'href="{add}"' not in html
    assert 'name="fase"' in html  # the filter is there for every reader
    top_five = process.phases.order_by("order").last()
    filtered, _queries = visit(client, process, "milestones", fase=str(top_five.pk), status="done")
    assert f'<option value="{top_five.pk}" selected>' in filtered
    assert '<option value="done" selected>' in filtered
    assert "Filter wissen" in filtered


def test_a_new_phase_shows_in_the_milestone_filter_at_once(client, staff, process, today):
    build_planning(process)
    client.force_login(staff)
    assert "Evaluatie van de strategie" not in visit(client, process, "milestones")[0]
    PhaseFactory(process=process, name="Evaluatie van de strategie", order=9)
    assert "Evaluatie van de strategie" in visit(client, process, "milestones")[0]
