"""The timeline's planning problems: dependency arrows (data for static/js/timeline.js and the same in words),
conflicts with their reason, the filter by phase and body, the print button, the table version with the
dependencies, and a query count that stays flat with the filter."""

import datetime
import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from planning.fragments import planning_changed
from planning.models import Milestone
from tests.planning.test_dashboard_views import build_planning

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2018, 6, 1, 12, 0, tzinfo=datetime.UTC), tick=False):
        yield


def timeline_page(client, process, **params):
    response = client.get(reverse("planning:timeline", kwargs={"slug": process.slug}), params)
    assert response.status_code == 200
    return response, response.content.decode()


def group_names(html: str) -> list[str]:
    return re.findall(r'<h2 class="timeline-group-title h6" id="[^"]+">([^<]+)</h2>', html)


def bar_titles(html: str) -> list[str]:
    """The milestones with a bar in the chart, in order (the label's link of each row)."""
    return re.findall(r'<div class="timeline-label"><a href="[^"]+"[^>]*>([^<]+)</a>', html)


def test_the_bbg_row_names_the_dvo_it_depends_on_and_marks_it_late(client, staff, process):
    build_planning(process)
    bbg = Milestone.objects.get(title="BBG bepaalt top vijf 0")
    dvo = Milestone.objects.get(title="DVO IJSS 0")
    client.force_login(staff)

    _response, html = timeline_page(client, process)

    row = html[html.index(f'data-milestone="{bbg.pk}"') :]
    row = row[: row.index('<li class="timeline-row', 1)] if '<li class="timeline-row' in row[1:] else row
    assert f'data-depends-on="{dvo.pk}"' in html
    assert f'data-late="{dvo.pk}"' in html  # the DVO of 20 June ends after the BBG of 7 June: a red arrow
    assert "Hangt af van: DVO IJSS 0" in row
    assert "knelpunten: volgorde, afwezigheid" in row  # the reasons in words, each once
    assert "hangt af van DVO IJSS 0, maar die is pas op 20 juni 2018" in row  # the message under "Waarom?"
    assert 'class="timeline-arrows"' in html
    assert "js/timeline.js" in html


def test_a_milestone_without_dependencies_has_no_arrow_data(client, staff, process):
    build_planning(process)
    scan = Milestone.objects.get(title="Scan integrale veiligheidsplannen 0")
    client.force_login(staff)

    _response, html = timeline_page(client, process)

    row = html[html.index(f'data-milestone="{scan.pk}"') :]
    assert "data-depends-on" not in row[: row.index(">")]


def test_the_table_version_lists_the_dependencies_with_their_dates(client, staff, process):
    build_planning(process)
    client.force_login(staff)

    _response, html = timeline_page(client, process)

    table = html[html.index('id="timeline-table-heading"') :]
    assert '<th scope="col">Hangt af van</th>' in table
    assert "DVO IJSS 0 (20 juni 2018)" in table


def test_filter_by_phase_keeps_that_phase_and_the_whole_planning_axis(client, staff, process):
    build_planning(process)
    top_five = process.phases.order_by("order").last()
    client.force_login(staff)

    _response, html = timeline_page(client, process, fase=str(top_five.pk))

    assert group_names(html) == ["Top vijf BBG"]
    assert bar_titles(html) == ["BBG bepaalt top vijf 0"]
    assert "Scan integrale veiligheidsplannen 0" not in html
    assert "De planning loopt over januari - september 2018." in html  # the axis of the whole planning
    assert "1 mijlpaal getoond; de knelpunten gelden voor de hele planning." in html
    assert f'<option value="{top_five.pk}" selected>' in html
    assert "Hangt af van: DVO IJSS 0" in html  # the dependency is still named though its phase is filtered out


def test_filter_by_body_keeps_its_milestones(client, staff, process):
    build_planning(process)
    bbg = Milestone.objects.get(title="BBG bepaalt top vijf 0")
    client.force_login(staff)

    _response, html = timeline_page(client, process, orgaan=str(bbg.body_id))

    assert bar_titles(html) == ["BBG bepaalt top vijf 0"]
    assert f'<option value="{bbg.body_id}" selected>' in html
    assert "Alles tonen" in html


def test_an_unknown_filter_value_shows_no_bars_and_no_error(client, staff, process):
    build_planning(process)
    client.force_login(staff)

    _response, html = timeline_page(client, process, fase="onzin", orgaan="x" * 500)

    assert bar_titles(html) == []
    assert "0 mijlpalen getoond" in html


def test_the_timeline_has_a_print_button_and_print_styles(client, staff, process):
    build_planning(process)
    client.force_login(staff)

    _response, html = timeline_page(client, process)

    assert "data-print" in html
    assert "Afdrukken" in html


@pytest.mark.parametrize("params", [{}, {"fase": "1"}])
def test_query_count_is_flat_with_ten_times_the_planning(client, staff, process, params):
    """Flat on the first visit after a change (the fragment rendered) and on the next ones (from the cache)."""
    build_planning(process)
    client.force_login(staff)
    timeline_page(client, process, **params)

    def queries() -> tuple[int, int]:
        planning_changed()
        with CaptureQueriesContext(connection) as rendered:
            timeline_page(client, process, **params)
        with CaptureQueriesContext(connection) as cached:
            timeline_page(client, process, **params)
        return len(rendered.captured_queries), len(cached.captured_queries)

    small = queries()
    build_planning(process, copies=9)
    assert queries() == small
