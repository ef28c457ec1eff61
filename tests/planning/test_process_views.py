"""The list of processes, and starting, editing and copying a process: who may, what it shows, what it saves."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from planning.models import Milestone, StrategyProcess
from tests.planning.factories import MilestoneFactory, StrategyProcessFactory
from tests.planning.test_dashboard_views import build_planning

pytestmark = pytest.mark.django_db

READ_ONLY = ["secretary", "bbg_member"]
WRITERS = ["staff", "administrator"]


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2018, 6, 1, 12, 0, tzinfo=datetime.UTC), tick=False):
        yield


def new_process_data(**overrides):
    return {
        "title": "Veiligheidsstrategie 2023-2026",
        "short_name": "VS 2023-2026",
        "slug": "vs-2023-2026",
        "period_start_year": "2023",
        "period_end_year": "2026",
        "predecessor": "",
        "description": "De volgende strategie.",
        **overrides,
    }


def write_urls(process):
    return [
        reverse("planning:process_create"),
        reverse("planning:process_update", kwargs={"slug": process.slug}),
        reverse("planning:process_copy", kwargs={"slug": process.slug}),
    ]


# --- access ------------------------------------------------------------------------------------------------


def test_anonymous_goes_to_the_login_page(client, process):
    for url in [reverse("planning:home"), *write_urls(process)]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("login"))


def test_outsider_gets_403_everywhere(client, outsider, process):
    client.force_login(outsider)

    for url in [reverse("planning:home"), *write_urls(process)]:
        assert client.get(url).status_code == 403, url
        assert client.post(url, new_process_data()).status_code == 403, url


@pytest.mark.parametrize("role", READ_ONLY)
def test_read_only_roles_see_the_list_but_cannot_create_edit_or_copy(client, users, process, role):
    client.force_login(users[role])

    home = client.get(reverse("planning:home"))
    assert home.status_code == 200
    assert "VS 2019-2022" in home.content.decode()
    assert "Nieuw proces" not in home.content.decode()

    for url in write_urls(process):
        assert client.get(url).status_code == 403, url
        assert client.post(url, new_process_data(shift_years="4")).status_code == 403, url
    assert StrategyProcess.objects.count() == 1
    process.refresh_from_db()
    assert process.title == "Veiligheidsstrategie 2019-2022"


@pytest.mark.parametrize("role", WRITERS)
def test_staff_reach_every_page(client, users, process, role):
    client.force_login(users[role])

    assert "Nieuw proces" in client.get(reverse("planning:home")).content.decode()
    for url in write_urls(process):
        assert client.get(url).status_code == 200, url


def test_unknown_process_is_404_for_staff(client, staff):
    client.force_login(staff)

    for name in ["planning:process_update", "planning:process_copy"]:
        assert client.get(reverse(name, kwargs={"slug": "bestaat-niet"})).status_code == 404


# --- home --------------------------------------------------------------------------------------------------


def test_home_lists_processes_newest_first_with_a_short_status(client, bbg_member, process):
    old = StrategyProcessFactory(
        title="Veiligheidsstrategie 2015-2018", short_name="VS 2015-2018", period_start_year=2015, period_end_year=2018
    )
    process.predecessor = old
    process.save()
    build_planning(process)
    client.force_login(bbg_member)

    response = client.get(reverse("planning:home"))
    content = response.content.decode()

    assert [p.short_name for p in response.context["processes"]] == ["VS 2019-2022", "VS 2015-2018"]
    assert content.index("VS 2019-2022") < content.index("VS 2015-2018")
    assert "1 van 5 mijlpalen gereed (20%)" in content
    assert 'BBG bepaalt top vijf 0 <span class="text-body-secondary">(7 juni 2018)</span>' in content
    assert "1 mijlpaal over tijd" in content
    assert "vervolg op VS 2015-2018" in content
    assert reverse("planning:dashboard", kwargs={"slug": process.slug}) in content
    assert "Nog geen mijlpalen" in content  # the old process


# --- create ------------------------------------------------------------------------------------------------


def test_staff_create_a_process_with_the_standard_phases(client, staff, process):
    client.force_login(staff)

    response = client.post(reverse("planning:process_create"), new_process_data(predecessor=str(process.pk)))

    new = StrategyProcess.objects.get(slug="vs-2023-2026")
    assert response.status_code == 302
    assert response.url == reverse("planning:dashboard", kwargs={"slug": "vs-2023-2026"})
    assert (new.title, new.period_start_year, new.period_end_year) == ("Veiligheidsstrategie 2023-2026", 2023, 2026)
    assert new.predecessor == process
    assert new.phases.count() == 7
    followed = client.get(response.url)
    assert "Proces VS 2023-2026 is aangemaakt, met de standaardfasen." in followed.content.decode()


def test_create_form_has_labels_and_dutch_field_names(client, staff):
    client.force_login(staff)

    content = client.get(reverse("planning:process_create")).content.decode()

    for label in ["Titel", "Korte naam", "Adresnaam", "Eerste jaar van de periode", "Laatste jaar van de periode"]:
        assert f"{label}" in content
    assert 'for="id_slug"' in content
    assert 'id="id_slug"' in content
    assert 'name="csrfmiddlewaretoken"' in content


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"slug": "vs-2019-2022"},
            "slug",
            "De adresnaam 'vs-2019-2022' is al in gebruik bij 'Veiligheidsstrategie 2019-2022'. Kies een andere.",
        ),
        (
            {"short_name": "vs 2019-2022"},
            "short_name",
            "De korte naam 'vs 2019-2022' is al in gebruik bij 'Veiligheidsstrategie 2019-2022'. Kies een andere.",
        ),
        (
            {"period_end_year": "2022"},
            "period_end_year",
            "Het laatste jaar (2022) mag niet vóór het eerste jaar (2023) liggen.",
        ),
        ({"slug": "VS 2023"}, "slug", "Gebruik alleen kleine letters, cijfers, streepjes en liggende streepjes."),
        ({"period_start_year": "1990"}, "period_start_year", "Kies een jaar vanaf 2000."),
        ({"title": ""}, "title", "Dit veld is vereist."),
    ],
)
def test_create_refuses_bad_input_with_a_clear_dutch_message(client, staff, process, overrides, field, message):
    client.force_login(staff)

    response = client.post(reverse("planning:process_create"), new_process_data(**overrides))

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert StrategyProcess.objects.count() == 1


# --- update ------------------------------------------------------------------------------------------------


def test_staff_edit_a_process(client, staff, process):
    client.force_login(staff)
    url = reverse("planning:process_update", kwargs={"slug": process.slug})

    form = client.get(url)
    assert 'value="Veiligheidsstrategie 2019-2022"' in form.content.decode()
    response = client.post(
        url,
        new_process_data(
            title="VS 2019-2022 (herzien)",
            short_name="VS 2019-2022",
            slug="vs-2019-2022",
            period_start_year="2019",
            period_end_year="2022",
        ),
    )

    assert response.status_code == 302
    process.refresh_from_db()
    assert process.title == "VS 2019-2022 (herzien)"
    assert process.history.count() == 2


def test_a_process_cannot_be_its_own_predecessor(client, staff, process):
    client.force_login(staff)

    response = client.get(reverse("planning:process_update", kwargs={"slug": process.slug}))

    assert process not in response.context["form"].fields["predecessor"].queryset


# --- copy --------------------------------------------------------------------------------------------------


def test_copy_form_suggests_names_four_years_later(client, staff, process):
    build_planning(process)
    client.force_login(staff)

    response = client.get(reverse("planning:process_copy", kwargs={"slug": process.slug}))
    content = response.content.decode()

    assert response.context["form"].initial == {
        "title": "Veiligheidsstrategie 2023-2026",
        "short_name": "VS 2023-2026",
        "slug": "vs-2023-2026",
        "shift_years": 4,
    }
    assert "Aantal jaren verschuiven" in content
    assert "3 fasen, 5 mijlpalen met hun afhankelijkheden en 2 acties" in content


def test_staff_copy_a_process_shifted_by_years(client, staff, process):
    build_planning(process)
    client.force_login(staff)

    response = client.post(
        reverse("planning:process_copy", kwargs={"slug": process.slug}),
        {
            "title": "Veiligheidsstrategie 2023-2026",
            "short_name": "VS 2023-2026",
            "slug": "vs-2023-2026",
            "shift_years": "4",
        },
    )

    new = StrategyProcess.objects.get(slug="vs-2023-2026")
    assert response.url == reverse("planning:dashboard", kwargs={"slug": "vs-2023-2026"})
    assert new.predecessor == process
    assert new.period_display == "2023-2026"
    bbg = Milestone.objects.get(process=new, title="BBG bepaalt top vijf 0")
    assert bbg.when_display == "7 juni 2022"
    assert [m.title for m in bbg.depends_on.all()] == ["DVO IJSS 0"]
    assert (
        "Proces VS 2023-2026 is aangemaakt als kopie van VS 2019-2022, 4 jaar later."
        in client.get(response.url).content.decode()
    )


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"shift_years": "0"}, "shift_years", "Verschuif de planning minstens één jaar."),
        ({"shift_years": "21"}, "shift_years", "Verschuif de planning hoogstens 20 jaar."),
        ({"shift_years": "twee"}, "shift_years", "Vul een heel aantal jaren in."),
        (
            {"slug": "vs-2019-2022"},
            "slug",
            "De adresnaam 'vs-2019-2022' is al in gebruik bij 'Veiligheidsstrategie 2019-2022'. Kies een andere.",
        ),
    ],
)
def test_copy_refuses_bad_input_with_a_clear_dutch_message(client, staff, process, overrides, field, message):
    client.force_login(staff)
    data = {"title": "Nieuw", "short_name": "VS nieuw", "slug": "vs-nieuw", "shift_years": "4", **overrides}

    response = client.post(reverse("planning:process_copy", kwargs={"slug": process.slug}), data)

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert StrategyProcess.objects.count() == 1


# --- queries -----------------------------------------------------------------------------------------------


def test_home_query_count_is_the_same_at_1x_and_10x_milestones(client, staff, process):
    client.force_login(staff)
    url = reverse("planning:home")
    build_planning(process, copies=1)
    MilestoneFactory(process=StrategyProcessFactory(), starts_on=datetime.date(2018, 7, 1))
    client.get(url)

    with CaptureQueriesContext(connection) as once:
        client.get(url)
    build_planning(process, copies=9)
    with CaptureQueriesContext(connection) as tenfold:
        response = client.get(url)

    assert "10 van 50 mijlpalen gereed (20%)" in response.content.decode()
    assert len(once) == len(tenfold)
