"""The scan's API: every role reads, staff write, outsiders get 403, confidential sources for staff only; the
OpenAPI schema still generates."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from planning.models import Municipality
from scan.models import MunicipalPlan, PlanTheme, Source, Theme
from tests.scan.factories import (
    SourceFactory,
    fast_passwords_fixture,  # noqa: F401  (the fast_passwords fixture)
    name_theme,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]

READERS = ["staff", "administrator", "secretary", "bbg_member"]


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def sources(process):
    public = SourceFactory(process=process, title="Midterm review", reference="r", confidentiality="public")
    secret = SourceFactory(
        process=process, title="RIEC-fenomenen", kind="riec", reference="k", confidentiality="confidential"
    )
    return public, secret


def titles(response):
    return {row["title"] for row in response.json()["results"]}


@pytest.mark.parametrize("role", READERS)
def test_sources_api_hides_confidential_from_non_staff(api, users, role, process, sources):
    _public, secret = sources
    api.force_authenticate(users[role])
    staff = role in ("staff", "administrator")

    listed = api.get(reverse("source-list"), {"process": process.slug})
    assert listed.status_code == 200
    assert titles(listed) == ({"Midterm review", "RIEC-fenomenen"} if staff else {"Midterm review"})
    searched = api.get(reverse("source-list"), {"q": "RIEC", "kind": "riec"})
    assert titles(searched) == ({"RIEC-fenomenen"} if staff else set())
    detail = api.get(reverse("source-detail", args=[secret.pk]))
    assert detail.status_code == (200 if staff else 404)


@pytest.mark.parametrize("role", ["secretary", "bbg_member"])
def test_read_only_roles_cannot_write_through_the_api(api, users, role, process, sources):
    public, _ = sources
    api.force_authenticate(users[role])
    assert api.post(reverse("theme-list"), {"name": "Nieuw"}).status_code == 403
    assert api.patch(reverse("source-detail", args=[public.pk]), {"title": "x"}).status_code == 403
    assert (
        api.post(reverse("source-list"), {"process": process.slug, "title": "x", "reference": "y"}).status_code == 403
    )
    assert not Theme.objects.filter(name="Nieuw").exists()
    public.refresh_from_db()
    assert public.title == "Midterm review"


def test_outsider_and_anonymous_get_403(api, outsider, process):
    assert api.get(reverse("theme-list")).status_code == 403
    api.force_authenticate(outsider)
    for name in ("theme-list", "municipalplan-list", "source-list", "plantheme-list"):
        assert api.get(reverse(name)).status_code == 403, name


def test_staff_creates_theme_plan_and_plan_theme(api, staff, process):
    api.force_authenticate(staff)
    theme = api.post(reverse("theme-list"), {"name": "Veilige haven"}).json()
    arnhem = Municipality.objects.get(name="Arnhem")
    plan = api.post(
        reverse("municipalplan-list"),
        {
            "process": process.slug,
            "municipality": arnhem.pk,
            "title": "IVP",
            "check_status": "sent",
            "check_sent_on": "2018-02-01",
        },
        format="json",
    )
    assert plan.status_code == 201, plan.json()
    added = api.post(
        reverse("plantheme-list"),
        {"plan": plan.json()["id"], "theme": theme["id"], "wording": "Haven", "origin": "added"},
        format="json",
    )
    assert added.status_code == 201, added.json()
    stored = MunicipalPlan.objects.get(process=process, municipality=arnhem)
    assert stored.check_status == MunicipalPlan.CheckStatus.AMENDED
    detail = api.get(reverse("municipalplan-detail", args=[stored.pk])).json()
    assert detail["themes"][0]["theme_name"] == "Veilige haven"
    assert detail["themes"][0]["origin_display"] == "aangevuld door de gemeente"


def test_api_refuses_a_check_answered_before_it_was_sent(api, staff, process):
    api.force_authenticate(staff)
    response = api.post(
        reverse("municipalplan-list"),
        {
            "process": process.slug,
            "municipality": Municipality.objects.get(name="Zwolle").pk,
            "check_status": "answered",
            "check_sent_on": "2018-03-01",
            "check_answered_on": "2018-02-01",
        },
        format="json",
    )
    assert response.status_code == 400
    assert "niet zijn beantwoord vóór hij is verstuurd" in str(response.json())


def test_api_refuses_a_duplicate_theme_in_a_plan(api, staff, process):
    api.force_authenticate(staff)
    pt = name_theme(process, Municipality.objects.get(name="Ede"), Theme.objects.get(name="Drugs"))
    response = api.post(reverse("plantheme-list"), {"plan": pt.plan_id, "theme": pt.theme_id}, format="json")
    assert response.status_code == 400
    assert PlanTheme.objects.filter(plan=pt.plan).count() == 1


@pytest.mark.parametrize("role", READERS)
def test_every_role_reads_plans_and_shares(api, users, role, process):
    name_theme(process, Municipality.objects.get(name="Lingewaal"), Theme.objects.get(name="Drugs"))
    api.force_authenticate(users[role])
    plans = api.get(reverse("municipalplan-list"), {"process": process.slug})
    assert plans.json()["results"][0]["municipality_name"] == "Lingewaal"
    shares = api.get(reverse("scan-share-detail", args=[process.slug])).json()
    drugs = next(row for row in shares if row["theme_name"] == "Drugs")
    assert drugs["count"] == 1
    assert drugs["share_inhabitants"] == 0
    assert drugs["unknown_population"] == ["Lingewaal"]


def test_staff_creates_a_confidential_source_via_api(api, staff, process):
    api.force_authenticate(staff)
    response = api.post(
        reverse("source-list"),
        {
            "process": process.slug,
            "title": "Ondermijningsbeeld",
            "kind": "undermining",
            "reference": "kluis",
            "confidentiality": "confidential",
        },
        format="json",
    )
    assert response.status_code == 201
    assert Source.objects.get().confidentiality == "confidential"


def test_openapi_schema_generates(api, staff):
    api.force_authenticate(staff)
    response = api.get(reverse("api-schema"))
    assert response.status_code == 200
    text = response.content.decode()
    for path in ("/api/themes/", "/api/municipal-plans/", "/api/plan-themes/", "/api/sources/", "/api/scan-shares/"):
        assert path in text
