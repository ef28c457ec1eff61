"""The dashboard, the timeline and the conflict list of a process: who sees them, what they show, and a query
count that stays the same however big the planning is."""

import datetime
import re

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.dates import Precision
from planning import selectors
from planning.models import Body, Milestone
from tests.planning.factories import (
    AbsenceFactory,
    ActionFactory,
    BodyFactory,
    MembershipFactory,
    MilestoneFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2018, 6, 1)
PAGES = ["planning:dashboard", "planning:timeline", "planning:conflict_list"]


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2018, 6, 1, 12, 0, tzinfo=datetime.UTC), tick=False):
        yield


def build_planning(process, copies: int = 1) -> None:
    """``copies`` times a slice of the VS 2019-2022 planning, with its conflicts: the BBG of 7 June comes before
    the DVO of 20 June it depends on, and a mayor is absent at it; a scan is overdue, an action too."""
    scan, choice, top_five = process.phases.order_by("order")
    for number in range(copies):
        bbg_body = BodyFactory(kind=Body.Kind.STEERING_GROUP)
        mayor = PersonFactory(name=f"Burgemeester Van Veldhuizen {number}")
        MembershipFactory(person=mayor, body=bbg_body)
        AbsenceFactory(person=mayor, reason="vakantie")
        MilestoneFactory(
            process=process,
            phase=scan,
            title=f"Scan integrale veiligheidsplannen {number}",
            kind=Milestone.Kind.DELIVERABLE,
            starts_on=datetime.date(2018, 1, 1),
            ends_on=datetime.date(2018, 3, 31),
            precision=Precision.MONTHS,
        )
        MilestoneFactory(
            process=process,
            phase=scan,
            title=f"BBG strategie {number}",
            starts_on=datetime.date(2018, 1, 25),
            status=Milestone.Status.DONE,
        )
        dvo = MilestoneFactory(
            process=process, phase=choice, title=f"DVO IJSS {number}", starts_on=datetime.date(2018, 6, 20)
        )
        bbg = MilestoneFactory(
            process=process,
            phase=top_five,
            title=f"BBG bepaalt top vijf {number}",
            body=bbg_body,
            kind=Milestone.Kind.DECISION,
            starts_on=datetime.date(2018, 6, 7),
        )
        bbg.depends_on.add(dvo)
        MilestoneFactory(
            process=process,
            title=f"Extra BBG eind maart {number}",
            starts_on=datetime.date(2018, 9, 1),
            ends_on=datetime.date(2018, 9, 30),
            precision=Precision.MONTH,
            status=Milestone.Status.TENTATIVE,
        )
        ActionFactory(
            process=process, milestone=bbg, title=f"Informeren Bruls {number}", due_on=datetime.date(2018, 3, 31)
        )
        ActionFactory(process=process, title=f"Agenda BBG versturen {number}", due_on=datetime.date(2018, 6, 4))


# --- access ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_goes_to_the_login_page(client, process, name):
    url = reverse(name, kwargs={"slug": process.slug})

    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert "next=" in response.url


@pytest.mark.parametrize("name", PAGES)
def test_outsider_gets_403(client, outsider, process, name):
    client.force_login(outsider)

    assert client.get(reverse(name, kwargs={"slug": process.slug})).status_code == 403


@pytest.mark.parametrize("name", PAGES)
def test_unknown_process_is_404(client, staff, name):
    client.force_login(staff)

    assert client.get(reverse(name, kwargs={"slug": "bestaat-niet"})).status_code == 404


@pytest.mark.parametrize("role", ["staff", "secretary", "bbg_member", "administrator"])
@pytest.mark.parametrize("name", PAGES)
def test_every_role_reads_the_pages(client, users, process, role, name):
    build_planning(process)
    client.force_login(users[role])

    response = client.get(reverse(name, kwargs={"slug": process.slug}))

    assert response.status_code == 200
    assert "BBG bepaalt top vijf 0" in response.content.decode()


@pytest.mark.parametrize("role", ["secretary", "bbg_member"])
def test_read_only_roles_see_no_edit_or_copy_links(client, users, process, role):
    client.force_login(users[role])

    content = client.get(reverse("planning:dashboard", kwargs={"slug": process.slug})).content.decode()

    assert reverse("planning:process_update", kwargs={"slug": process.slug}) not in content
    assert reverse("planning:process_copy", kwargs={"slug": process.slug}) not in content


def test_staff_see_edit_and_copy_links(client, staff, process):
    client.force_login(staff)

    content = client.get(reverse("planning:dashboard", kwargs={"slug": process.slug})).content.decode()

    assert reverse("planning:process_update", kwargs={"slug": process.slug}) in content
    assert reverse("planning:process_copy", kwargs={"slug": process.slug}) in content


# --- dashboard ---------------------------------------------------------------------------------------------


def test_dashboard_shows_phase_progress_next_and_conflicts(client, staff, process):
    build_planning(process)
    client.force_login(staff)

    response = client.get(reverse("planning:dashboard", kwargs={"slug": process.slug}))
    content = response.content.decode()

    assert response.context["process"] == process
    progress = {phase.name: (phase.done, phase.total) for phase in response.context["phases"]}
    assert progress == {
        "Scan en lange lijst": (1, 2),
        "Keuze DVO's": (0, 1),
        "Top vijf BBG": (0, 1),
        "Zonder fase": (0, 1),
    }
    assert "1 van 2" in content
    assert "50%" in content
    assert "stand van zaken op 1 juni 2018" in content
    # Next and due within 30 days: the BBG of 7 June, the DVO of 20 June, an action due 4 June; September later.
    upcoming = response.context["upcoming"]
    assert [m.title for m in upcoming.due_milestones] == ["BBG bepaalt top vijf 0", "DVO IJSS 0"]
    assert [a.title for a in upcoming.due_actions] == ["Agenda BBG versturen 0"]
    assert [m.title for m in upcoming.later_milestones] == ["Extra BBG eind maart 0"]
    assert "uiterlijk 4 juni 2018" in content
    assert "tot en met 1 juli 2018" in content
    # The conflicts, split into planning problems and what runs late.
    assert [c.kind for c in response.context["planning_problems"]] == ["dependency", "absence"]
    assert [c.kind for c in response.context["overdue"]] == ["overdue_milestone", "overdue_action"]
    assert "BBG bepaalt top vijf 0 (7 juni 2018) hangt af van DVO IJSS 0, maar die is pas op 20 juni 2018." in content
    assert "Burgemeester Van Veldhuizen 0" in content
    assert "is afwezig op 7 juni 2018." in content
    assert "vakantie" not in content  # the reason only where absences are shown (programme staff)
    assert "Actie &#x27;Informeren Bruls 0&#x27; had uiterlijk 31 maart 2018 gedaan moeten zijn." in content
    assert "Planningsproblemen (2)" in content
    assert "Over tijd (2)" in content


def test_dashboard_links_a_conflict_to_its_milestone(client, staff, process):
    build_planning(process)
    client.force_login(staff)
    bbg = Milestone.objects.get(title="BBG bepaalt top vijf 0")

    content = client.get(reverse("planning:dashboard", kwargs={"slug": process.slug})).content.decode()

    assert reverse("planning:milestone_detail", kwargs={"slug": process.slug, "pk": bbg.pk}) in content


def test_dashboard_of_an_empty_process_says_so(client, staff, process):
    client.force_login(staff)

    content = client.get(reverse("planning:dashboard", kwargs={"slug": process.slug})).content.decode()

    assert "Geen planningsproblemen." in content
    assert "Niets over tijd." in content
    assert "nog geen mijlpalen" in content


def test_the_conflict_disappears_when_the_bbg_moves_after_the_dvos(client, staff, process):
    build_planning(process)
    client.force_login(staff)
    bbg = Milestone.objects.get(title="BBG bepaalt top vijf 0")
    bbg.starts_on = bbg.ends_on = datetime.date(2018, 7, 5)
    bbg.save()

    content = client.get(reverse("planning:dashboard", kwargs={"slug": process.slug})).content.decode()

    assert "hangt af van" not in content
    assert "is afwezig" not in content
    assert "Geen planningsproblemen." in content


# --- conflict list -----------------------------------------------------------------------------------------


def test_conflict_list_shows_every_conflict_with_links(client, bbg_member, process):
    build_planning(process)
    client.force_login(bbg_member)
    scan = Milestone.objects.get(title="Scan integrale veiligheidsplannen 0")
    action = process.actions.get(title="Informeren Bruls 0")

    response = client.get(reverse("planning:conflict_list", kwargs={"slug": process.slug}))
    content = response.content.decode()

    assert len(response.context["planning_problems"]) == 2
    assert len(response.context["overdue"]) == 2
    assert "Scan integrale veiligheidsplannen 0 had uiterlijk 31 maart 2018 klaar moeten zijn" in content
    assert reverse("planning:milestone_detail", kwargs={"slug": process.slug, "pk": scan.pk}) in content
    assert reverse("planning:action_detail", kwargs={"slug": process.slug, "pk": action.pk}) in content
    assert "uiterlijk 31 maart 2018" in content
    assert '<th scope="col">Knelpunt</th>' in content


# --- timeline ----------------------------------------------------------------------------------------------


def test_timeline_places_bars_by_phase_on_the_span_with_a_today_line(client, staff, process):
    build_planning(process)
    client.force_login(staff)

    response = client.get(reverse("planning:timeline", kwargs={"slug": process.slug}))
    content = response.content.decode()
    timeline = selectors.process_timeline(process, today=datetime.date(2018, 6, 1))  # what the page drew

    assert (timeline.starts_on, timeline.ends_on) == (datetime.date(2018, 1, 1), datetime.date(2018, 9, 30))
    assert [month.long_label for month in timeline.months][:2] == ["januari 2018", "februari 2018"]
    assert len(timeline.months) == 9
    assert [group.name for group in timeline.groups] == [
        "Scan en lange lijst",
        "Keuze DVO's",
        "Top vijf BBG",
        "Zonder fase",
    ]
    scan_bar = timeline.groups[0].bars[0]
    assert scan_bar.left == "0.000"
    assert scan_bar.width == f"{100 * 90 / 273:.3f}"  # 1 January - 31 March of 273 days
    assert timeline.today_left == f"{100 * 151 / 273:.3f}"  # 1 June is day 152
    assert re.findall(r'<h2 class="timeline-group-title h6" id="[^"]+">([^<]+)</h2>', content) == [
        "Scan en lange lijst",
        "Keuze DVO&#x27;s",
        "Top vijf BBG",
        "Zonder fase",
    ]
    assert re.search(
        rf'class="timeline-bar timeline-bar--planned[^"]*" style="left: 0.000%; width: {scan_bar.width}%"', content
    )
    assert "De lijn 'vandaag' staat op 1 juni 2018." in content
    assert f'class="timeline-today" style="left: {timeline.today_left}%"' in content
    assert "De planning loopt over januari - september 2018." in content


def test_timeline_marks_tentative_and_conflicting_bars_in_text_too(client, staff, process):
    build_planning(process)
    client.force_login(staff)

    content = client.get(reverse("planning:timeline", kwargs={"slug": process.slug})).content.decode()

    assert "timeline-bar--tentative" in content
    assert "onder voorbehoud" in content
    assert "timeline-bar--conflict" in content
    assert "2 knelpunten" in content  # the BBG: order and absence
    # Text alternative: the date in words inside every bar, and the table.
    assert '<span class="visually-hidden">7 juni 2018</span>' in content
    assert "De tijdlijn als tabel" in content


def test_timeline_says_when_today_is_outside_the_span(client, staff, process):
    MilestoneFactory(process=process, title="Concept MJB naar de minister", starts_on=datetime.date(2019, 1, 15))
    client.force_login(staff)

    response = client.get(reverse("planning:timeline", kwargs={"slug": process.slug}))

    assert "Vandaag (1 juni 2018) valt buiten de tijdlijn." in response.content.decode()
    assert 'class="timeline-today"' not in response.content.decode()


def test_timeline_of_an_empty_process(client, staff, process):
    client.force_login(staff)

    content = client.get(reverse("planning:timeline", kwargs={"slug": process.slug})).content.decode()

    assert "Dit proces heeft nog geen mijlpalen." in content


def test_timeline_has_print_styles(client, staff, process):
    build_planning(process)
    client.force_login(staff)

    content = client.get(reverse("planning:timeline", kwargs={"slug": process.slug})).content.decode()

    assert "css/timeline.css" in content
    from django.contrib.staticfiles import finders

    with open(finders.find("css/timeline.css"), encoding="utf-8") as css:
        assert "@media print" in css.read()


# --- queries -----------------------------------------------------------------------------------------------


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", PAGES)
def test_the_query_count_is_the_same_at_1x_and_10x_milestones(client, staff, process, name):
    url = reverse(name, kwargs={"slug": process.slug})
    client.force_login(staff)
    build_planning(process, copies=1)
    client.get(url)  # warm up: sessions, content types
    cache.clear()  # the dashboard's cached conflicts and phases (core.fragments): count the computing path
    client.force_login(staff)
    once = count_queries(client, url)

    build_planning(process, copies=9)
    assert process.milestones.count() == 50
    cache.clear()
    client.force_login(staff)
    tenfold = count_queries(client, url)

    assert once == tenfold
