import datetime

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from planning.models import Municipality
from priorities import services
from priorities.models import CriterionAssessment, LongList, Priority
from scan.models import Source
from tests.api_errors import codes_of, errors_of
from tests.priorities.factories import MunicipalPlanFactory, PlanThemeFactory, SourceFactory, ThemeFactory

FROZEN_MESSAGE = (
    "De lange lijst is op 29 maart 2018 door de BBG vastgesteld en naar de partners gestuurd; "
    "heropen de lijst om hem te wijzigen."
)


@pytest.fixture
def api():
    return APIClient()


def _fill(process, count):
    return [services.priority_create(process=process, title=f"Prioriteit {n}") for n in range(1, count + 1)]


def _freeze(process):
    services.longlist_approve(process=process, approved_on=datetime.date(2018, 3, 29))
    services.longlist_send(process=process, sent_on=datetime.date(2018, 3, 30))


def _messages(response) -> str:
    return str(response.json())


LIST_URL = "/api/priorities/"


@pytest.mark.django_db
class TestPermissions:
    def test_anonymous_and_outsider_are_refused(self, api, process, outsider):
        (priority,) = _fill(process, 1)
        assert api.get(LIST_URL).status_code in (401, 403)
        api.force_authenticate(outsider)
        assert api.get(LIST_URL).status_code == 403
        assert api.get(f"{LIST_URL}{priority.pk}/").status_code == 403
        assert api.post(LIST_URL, {"process": process.slug, "title": "X"}, format="json").status_code == 403

    @pytest.mark.parametrize("role", ["secretary", "bbg_member"])
    def test_read_only_roles_read_but_cannot_write(self, api, process, users, role):
        (priority,) = _fill(process, 1)
        api.force_authenticate(users[role])
        response = api.get(LIST_URL, {"process": process.slug})
        assert response.status_code == 200
        assert [row["title"] for row in response.json()["results"]] == ["Prioriteit 1"]
        assert api.post(LIST_URL, {"process": process.slug, "title": "X"}, format="json").status_code == 403
        assert api.patch(f"{LIST_URL}{priority.pk}/", {"title": "Y"}, format="json").status_code == 403
        assert api.delete(f"{LIST_URL}{priority.pk}/").status_code == 403
        assert api.post(f"/api/long-lists/{process.slug}/approve/", {"approved_on": "2018-03-29"}).status_code == 403
        assert Priority.objects.get().title == "Prioriteit 1"
        assert api.get(f"/api/long-lists/{process.slug}/").json()["status"] == "draft"


@pytest.mark.django_db
class TestWrites:
    def test_staff_creates_with_roles_and_assesses(self, api, process, staff):
        theme = ThemeFactory(name="Cybercrime")
        api.force_authenticate(staff)
        response = api.post(
            LIST_URL,
            {
                "process": process.slug,
                "title": "Cybercrime",
                "urgency": "desired",
                "themes": [theme.pk],
                "roles": [{"partner": "police", "role": "lead"}, {"partner": "prosecution"}],
            },
            format="json",
        )
        assert response.status_code == 201, response.json()
        data = response.json()
        assert data["title"] == "Cybercrime"
        assert {role["partner"] for role in data["roles"]} == {"police", "prosecution"}
        assert data["majority_proposal"]["outcome"] == "not_met"
        priority = Priority.objects.get()
        response = api.post(
            f"{LIST_URL}{priority.pk}/criteria/",
            [{"criterion": "regional_added_value", "outcome": "partly", "justification": "Deels regionaal."}],
            format="json",
        )
        assert response.status_code == 200, response.json()
        assert response.json()["criteria"][0]["outcome"] == "partly"
        assert CriterionAssessment.objects.get().justification == "Deels regionaal."

    def test_the_eleventh_is_a_400_with_the_message(self, api, process, staff):
        _fill(process, 10)
        api.force_authenticate(staff)
        response = api.post(LIST_URL, {"process": process.slug, "title": "Elfde"}, format="json")
        assert response.status_code == 400
        assert codes_of(response) == ["longlist_too_many"]
        assert "De lange lijst heeft al 10 prioriteiten, het maximum." in _messages(response)
        assert Priority.objects.filter(process=process).count() == 10

    def test_edits_are_refused_after_sending_and_allowed_after_reopen(self, api, process, staff):
        (priority,) = _fill(process, 1)
        api.force_authenticate(staff)
        slug = process.slug
        assert api.post(f"/api/long-lists/{slug}/approve/", {"approved_on": "2018-03-29"}).status_code == 200
        response = api.post(f"/api/long-lists/{slug}/send/", {"sent_on": "2018-03-30"})
        assert response.status_code == 200
        assert response.json()["freeze_message"] == FROZEN_MESSAGE

        url = f"{LIST_URL}{priority.pk}/"
        response = api.patch(url, {"title": "Gewijzigd"}, format="json")
        assert response.status_code == 400
        assert errors_of(response) == [{"code": "longlist_frozen", "message": FROZEN_MESSAGE, "field": None}]
        response = api.delete(url)
        assert response.status_code == 400
        assert codes_of(response) == ["longlist_frozen"]
        response = api.post(
            f"{url}criteria/",
            [{"criterion": "concrete_products", "outcome": "met", "justification": "Ja"}],
            format="json",
        )
        assert response.status_code == 400
        assert codes_of(response) == ["longlist_frozen"]
        response = api.post(LIST_URL, {"process": slug, "title": "Nieuw"}, format="json")
        assert response.status_code == 400
        assert codes_of(response) == ["longlist_frozen"]
        priority.refresh_from_db()
        assert priority.title == "Prioriteit 1"

        refused = api.post(f"/api/long-lists/{slug}/reopen/", {"reason": ""})
        assert refused.status_code == 400
        # The API's own check of the input comes first (DRF's code); the service would say the same.
        assert [(item["code"], item["field"]) for item in errors_of(refused)] == [("blank", "reason")]
        response = api.post(f"/api/long-lists/{slug}/reopen/", {"reason": "Nieuwe cijfers"})
        assert response.status_code == 200
        assert response.json()["status"] == "draft"
        assert response.json()["warnings"] == []
        assert api.patch(url, {"title": "Gewijzigd"}, format="json").status_code == 200
        priority.refresh_from_db()
        assert priority.title == "Gewijzigd"
        assert LongList.objects.get().history.filter(reopen_reason="Nieuwe cijfers").exists()


@pytest.mark.django_db
class TestConfidentialSources:
    def _priority(self, process):
        public = SourceFactory(process=process, title="Evaluatie Politiewet")
        secret = SourceFactory(
            process=process, title="RIEC-fenomenen", confidentiality=Source.Confidentiality.CONFIDENTIAL
        )
        priority = services.priority_create(process=process, title="Ondermijning", sources=[public, secret])
        return priority, public, secret

    def test_staff_sees_all_sources(self, api, process, staff):
        priority, public, secret = self._priority(process)
        api.force_authenticate(staff)
        data = api.get(f"{LIST_URL}{priority.pk}/").json()
        assert sorted(data["sources"]) == sorted([public.pk, secret.pk])
        assert {s["title"] for s in data["source_details"]} == {"Evaluatie Politiewet", "RIEC-fenomenen"}

    @pytest.mark.parametrize("role", ["secretary", "bbg_member"])
    def test_others_do_not_see_confidential_sources(self, api, process, users, role):
        priority, public, _secret = self._priority(process)
        api.force_authenticate(users[role])
        for data in (api.get(f"{LIST_URL}{priority.pk}/").json(), api.get(LIST_URL).json()["results"][0]):
            assert data["sources"] == [public.pk]
            assert [s["title"] for s in data["source_details"]] == ["Evaluatie Politiewet"]
            assert "RIEC-fenomenen" not in str(data)


@pytest.mark.django_db
def test_the_list_carries_the_scan_proposal(api, process, staff):
    theme = ThemeFactory(name="Huiselijk geweld")
    for municipality in Municipality.objects.order_by("pk")[:40]:
        PlanThemeFactory(plan=MunicipalPlanFactory(process=process, municipality=municipality), theme=theme)
    services.priority_create(process=process, title="Huiselijk geweld", themes=[theme])
    api.force_authenticate(staff)
    proposal = api.get(LIST_URL, {"process": process.slug}).json()["results"][0]["majority_proposal"]
    assert (proposal["municipalities"], proposal["total"], proposal["share"], proposal["outcome"]) == (
        40,
        78,
        "51.3",
        "partly",
    )


@pytest.mark.django_db
def test_the_openapi_schema_generates(api, staff):
    api.force_authenticate(staff)
    response = api.get(reverse("api-schema"), {"format": "json"})
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "/api/priorities/" in paths
    assert "/api/priorities/{id}/criteria/" in paths
    assert "/api/long-lists/{process}/reopen/" in paths
