"""Bad input never reaches the database or a 500 (issue 10): maximum lengths on every free-text field, the API's
pagination ceiling, body size and nesting depth, numbers out of range, impossible years and year arithmetic past
9999. Each test failed on main before these limits."""

import datetime
import json

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from core.dates import shift_years
from core.limits import TEXT_MAX_LENGTH
from core.pagination import MAX_LIMIT
from core.parsers import MAX_JSON_DEPTH, json_depth
from planning.models import Milestone, StrategyProcess
from planning.services import process_copy
from priorities.models import Priority
from scan.models import MunicipalPlan
from tests.api_errors import codes_of, messages_by_field
from tests.planning.factories import MilestoneFactory, StrategyProcessFactory
from tests.planning.test_api import milestone_payload
from tests.priorities.factories import PriorityFactory
from tests.priorities.test_views import _priority_post
from tests.scan.factories import MunicipalityFactory

MEGABYTE = "x" * 1_000_000
DOMAIN_APPS = ["accounts", "sitesettings", "audit", "planning", "scan", "priorities", "voting", "decisions",
               "documents", "notifications", "comments"]  # fmt: skip


def api_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


# --- Maximum lengths --------------------------------------------------------------------------------------------


def test_every_free_text_field_has_a_maximum_length():
    """Every TextField of every app: a max_length (forms and serializers) and its validator (full_clean)."""
    missing = []
    for label in DOMAIN_APPS:
        for model in apps.get_app_config(label).get_models():
            for field in model._meta.get_fields():
                if isinstance(field, models.TextField) and not model.__name__.startswith("Historical"):
                    has_validator = any(isinstance(v, MaxLengthValidator) for v in field.validators)
                    if not field.max_length or not has_validator:
                        missing.append(f"{model.__name__}.{field.name}")
    assert missing == []


def test_a_megabyte_priority_description_is_refused_by_the_api(staff):
    process = StrategyProcessFactory(slug="vs-open")
    api = api_for(staff)

    created = api.post(
        "/api/priorities/", {"process": process.slug, "title": "Cyber", "description": MEGABYTE}, format="json"
    )

    assert created.status_code == 400
    assert codes_of(created) == ["max_length"]
    assert "10000" in messages_by_field(created)["description"][0]
    assert not Priority.objects.exists()

    priority = PriorityFactory(process=process, description="kort")
    patched = api.patch(f"/api/priorities/{priority.pk}/", {"description": MEGABYTE}, format="json")
    assert patched.status_code == 400
    assert codes_of(patched) == ["max_length"]
    priority.refresh_from_db()
    assert priority.description == "kort"


def test_a_megabyte_priority_description_is_refused_by_the_edit_page(client, staff):
    process = StrategyProcessFactory(slug="vs-open")
    priority = PriorityFactory(process=process, title="Cybercrime", description="kort")
    client.force_login(staff)

    response = client.post(
        reverse("priorities:priority_update", kwargs={"slug": process.slug, "pk": priority.pk}),
        _priority_post("Cybercrime", description=MEGABYTE),
    )

    assert response.status_code == 200
    assert "hoogstens 10000 tekens" in response.content.decode() or "10000" in str(response.context["form"].errors)
    priority.refresh_from_db()
    assert priority.description == "kort"


def test_full_clean_refuses_too_long_a_text_in_dutch(process):
    milestone = MilestoneFactory(process=process, notes="x" * (TEXT_MAX_LENGTH + 1))

    with pytest.raises(ValidationError) as caught:
        milestone.full_clean()

    assert "te lang" in caught.value.message_dict["notes"][0]


# --- The API's pagination, body size and nesting ----------------------------------------------------------------


def _list_paths():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return sorted(
        path
        for path, operations in schema["paths"].items()
        if "{" not in path and "get" in operations and "limit" in json.dumps(operations["get"].get("parameters", []))
    )


def test_every_paginated_list_caps_the_limit_and_the_offset(staff, process):
    MilestoneFactory.create_batch(3, process=process)
    api = api_for(staff)
    paths = _list_paths()
    assert "/api/milestones/" in paths

    for path in paths:
        huge = api.get(path, {"limit": "9223372036854775808"})
        assert huge.status_code == 200, (path, huge.content[:200])
        far = api.get(path, {"offset": "9223372036854775808"})
        assert far.status_code == 200, (path, far.content[:200])
        if isinstance(huge.json(), dict):  # paginated (a list that ignores ?limit= only has to stay a 200)
            assert len(huge.json()["results"]) <= MAX_LIMIT
            assert far.json()["results"] == []


def test_a_deeply_nested_body_is_a_400_not_a_500(secretary, staff, process):
    body = "[" * 5000 + "]" * 5000

    response = api_for(staff).generic("POST", "/api/milestones/", body, content_type="application/json")
    assert response.status_code == 400, response.content[:200]
    assert codes_of(response) == ["json_too_deep"]
    assert "te diep genest" in response.json()["errors"][0]["message"]
    # A reader is refused before the body is read.
    refused = api_for(secretary).generic("POST", "/api/milestones/", body, content_type="application/json")
    assert codes_of(refused) == ["permission_denied"]
    assert not Milestone.objects.exists()


def test_ordinary_nesting_still_parses(staff, process):
    payload = milestone_payload(process)
    response = api_for(staff).post("/api/milestones/", payload, format="json")
    assert response.status_code == 201
    assert json_depth(b'{"a": ["[[[[", {"b": 1}]}') == 3
    assert json_depth(json.dumps({"x": [[[[]]]] * 2}).encode()) == 5 <= MAX_JSON_DEPTH


def test_a_body_over_the_size_limit_is_refused_with_413(staff, process, settings):
    settings.API_MAX_BODY_SIZE = 100_000
    payload = milestone_payload(process, notes="x" * 200_000)

    response = api_for(staff).post("/api/milestones/", payload, format="json")

    assert response.status_code == 413
    assert codes_of(response) == ["request_too_large"]
    assert "te groot" in response.json()["errors"][0]["message"]
    assert not Milestone.objects.exists()


# --- Numbers out of range and impossible years ------------------------------------------------------------------


def test_period_end_year_zero_on_a_municipal_plan_is_a_400(staff, process):
    municipality = MunicipalityFactory()

    response = api_for(staff).post(
        "/api/municipal-plans/",
        {"process": process.slug, "municipality": municipality.pk, "period_start_year": 2019, "period_end_year": 0},
        format="json",
    )

    assert response.status_code == 400, response.content[:300]
    assert "period_end_year" in messages_by_field(response)
    assert "2000" in messages_by_field(response)["period_end_year"][0]
    assert not MunicipalPlan.objects.exists()


@pytest.mark.parametrize("value", [0, 99999, 99999999999999999999])
def test_a_process_year_out_of_range_is_a_400(staff, value):
    response = api_for(staff).post(
        "/api/processes/",
        {"title": "X", "short_name": "X", "slug": "x", "period_start_year": 2023, "period_end_year": value},
        format="json",
    )

    assert response.status_code == 400
    assert "period_end_year" in messages_by_field(response)
    assert not StrategyProcess.objects.filter(slug="x").exists()


def test_an_id_out_of_range_in_a_multiple_choice_is_a_400(staff, process, client):
    milestone = MilestoneFactory(process=process)
    response = api_for(staff).patch(
        f"/api/milestones/{milestone.pk}/", {"depends_on": [99999999999999999999]}, format="json"
    )
    assert response.status_code == 400
    assert "depends_on" in messages_by_field(response)

    client.force_login(staff)
    page = client.post(
        reverse("planning:milestone_update", kwargs={"slug": process.slug, "pk": milestone.pk}),
        {
            "title": "x",
            "when": "4 april 2018",
            "kind": "meeting",
            "status": "planned",
            "depends_on": ["99999999999999999999"],
        },
    )
    assert page.status_code == 200
    assert "depends_on" in page.context["form"].errors


def test_year_arithmetic_past_9999_is_refused():
    with pytest.raises(ValidationError) as caught:
        shift_years(datetime.date(9999, 6, 1), 1)
    assert caught.value.code == "date_out_of_range"
    assert "9999" in caught.value.messages[0]


def test_copying_a_process_whose_dates_would_pass_9999_is_refused(process):
    MilestoneFactory(process=process, starts_on=datetime.date(9998, 6, 1), ends_on=datetime.date(9998, 6, 1))

    with pytest.raises(ValidationError) as caught:
        process_copy(source=process, title="Kopie", short_name="Kopie", slug="kopie", shift_years=4)

    assert caught.value.code == "date_out_of_range"
    assert not StrategyProcess.objects.filter(slug="kopie").exists()


def test_the_copy_page_shows_the_year_refusal(client, staff, process):
    MilestoneFactory(process=process, starts_on=datetime.date(9998, 6, 1), ends_on=datetime.date(9998, 6, 1))
    client.force_login(staff)

    response = client.post(
        reverse("planning:process_copy", kwargs={"slug": process.slug}),
        {"shift_years": 4, "title": "Kopie", "short_name": "Kopie", "slug": "kopie"},
    )

    assert response.status_code == 200
    assert "buiten de kalender" in response.content.decode()
    assert not StrategyProcess.objects.filter(slug="kopie").exists()


def test_a_priority_position_out_of_range_is_a_400(staff):
    process = StrategyProcessFactory(slug="vs-open")
    priority = PriorityFactory(process=process, title="Cybercrime")
    position = priority.position

    response = api_for(staff).patch(f"/api/priorities/{priority.pk}/", {"position": 10**20}, format="json")

    assert response.status_code == 400
    assert "position" in messages_by_field(response)
    priority.refresh_from_db()
    assert priority.position == position
