"""Districts and municipalities with their population, and a process copied a number of years later, through the
API."""

import datetime

import pytest
from django.urls import reverse

from planning.models import District, Milestone, Municipality, StrategyProcess
from tests.api_errors import codes_of, errors_of
from tests.planning.factories import MilestoneFactory

pytestmark = pytest.mark.django_db


def test_districts_with_their_population(client, secretary, django_assert_max_num_queries):
    client.force_login(secretary)
    with django_assert_max_num_queries(8):
        rows = client.get(reverse("district-list")).json()
    assert [row["code"] for row in rows] == list(
        District.objects.order_by("order", "code").values_list("code", flat=True)
    )
    glm = next(row for row in rows if row["code"] == "GLM")
    municipalities = Municipality.objects.filter(district__code="GLM")
    assert glm["population"] == sum(m.population for m in municipalities if m.population is not None)
    assert glm["population"] > 100_000
    assert sorted(m["name"] for m in glm["municipalities"]) == sorted(m.name for m in municipalities)
    detail = client.get(reverse("district-detail", kwargs={"district": "GLM"})).json()
    assert detail["population"] == glm["population"]


def test_an_unknown_population_is_counted_apart(client, bbg_member):
    arnhem = Municipality.objects.get(name="Arnhem")
    known = arnhem.population
    arnhem.population = None
    arnhem.save()
    client.force_login(bbg_member)
    row = client.get(reverse("district-detail", kwargs={"district": arnhem.district.code})).json()
    assert row["population_unknown"] == 1
    others = Municipality.objects.filter(district=arnhem.district, population__isnull=False)
    assert row["population"] == sum(m.population for m in others)
    assert known not in (None, 0)


def test_municipalities_filtered_by_district(client, staff):
    client.force_login(staff)
    rows = client.get(reverse("municipality-list"), {"district": "twn", "limit": 500}).json()["results"]
    assert rows
    assert {row["district"] for row in rows} == {"TWN"}
    enschede = next(row for row in rows if row["name"] == "Enschede")
    assert enschede["population"] == Municipality.objects.get(name="Enschede").population
    assert enschede["population_date"] == "2018-01-01"


def test_reference_data_is_read_only(client, staff):
    client.force_login(staff)
    response = client.post(reverse("municipality-list"), {"name": "Nieuw"}, content_type="application/json")
    assert response.status_code == 405
    assert codes_of(response) == ["method_not_allowed"]


def test_outsider_sees_no_reference_data(client, outsider):
    client.force_login(outsider)
    assert client.get(reverse("district-list")).status_code == 403


COPY = {
    "title": "Veiligheidsstrategie 2023-2026",
    "short_name": "VS 2023-2026",
    "slug": "vs-2023-2026",
    "shift_years": 4,
}


def test_staff_copy_a_process_four_years_later(client, process, staff):
    milestone = MilestoneFactory(
        process=process, starts_on=datetime.date(2018, 6, 7), ends_on=datetime.date(2018, 6, 7), precision="day"
    )
    client.force_login(staff)
    response = client.post(
        reverse("process-copy", kwargs={"slug": process.slug}), COPY, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["slug"] == "vs-2023-2026"
    assert data["predecessor"] == process.slug
    assert data["period_start_year"] == process.period_start_year + 4
    assert data["html_url"] == "http://testserver" + StrategyProcess.objects.get(slug="vs-2023-2026").get_absolute_url()
    copy = Milestone.objects.get(process__slug="vs-2023-2026", title=milestone.title)
    assert copy.starts_on == datetime.date(2022, 6, 7)


def test_a_copy_with_a_taken_slug_is_refused(client, process, staff):
    client.force_login(staff)
    response = client.post(
        reverse("process-copy", kwargs={"slug": process.slug}),
        {**COPY, "slug": process.slug},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "slug" in {error["field"] for error in errors_of(response)}
    assert StrategyProcess.objects.count() == 1


@pytest.mark.parametrize("years", [0, 21, "vier"])
def test_a_copy_shift_out_of_range_is_refused(client, process, staff, years):
    client.force_login(staff)
    response = client.post(
        reverse("process-copy", kwargs={"slug": process.slug}),
        {**COPY, "shift_years": years},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert [error["field"] for error in errors_of(response)] == ["shift_years"]
    assert StrategyProcess.objects.count() == 1


@pytest.mark.parametrize("role", ["secretary", "bbg_member"])
def test_only_staff_copy(client, process, users, role):
    client.force_login(users[role])
    response = client.post(
        reverse("process-copy", kwargs={"slug": process.slug}), COPY, content_type="application/json"
    )
    assert response.status_code == 403
    assert StrategyProcess.objects.count() == 1
