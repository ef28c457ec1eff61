"""The API's one error shape (core/api.py) for every kind of refusal, and its place in the OpenAPI schema."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse
from rest_framework import serializers
from rest_framework.test import APIClient, APIRequestFactory
from rest_framework.views import APIView

from core.api import service_call
from core.errors import deny, refuse

factory = APIRequestFactory()


class RoleSerializer(serializers.Serializer):
    partner = serializers.CharField(max_length=5)


class PrioritySerializer(serializers.Serializer):
    title = serializers.CharField()
    roles = RoleSerializer(many=True)


def answer(raise_it):
    """The response of an API view (open to everyone) whose POST does ``raise_it()``."""

    class View(APIView):
        authentication_classes = ()
        permission_classes = ()

        def post(self, request):
            raise_it()

    return View.as_view()(factory.post("/", {}, format="json"))


def test_a_service_refusal_is_400_with_its_code_message_and_field():
    response = answer(lambda: refuse("De lange lijst is vastgesteld.", code="longlist_frozen"))
    assert response.status_code == 400
    assert response.data == {
        "errors": [{"code": "longlist_frozen", "message": "De lange lijst is vastgesteld.", "field": None}]
    }

    response = answer(lambda: refuse("Geef een reden.", code="longlist_reopen_reason_missing", field="reason"))
    assert response.data["errors"] == [
        {"code": "longlist_reopen_reason_missing", "message": "Geef een reden.", "field": "reason"}
    ]


def test_every_message_of_a_refusal_is_an_item_with_its_params_filled_in():
    def raise_many():
        raise ValidationError(
            [
                ValidationError(
                    "Geef een ambitie bij %(title)s.", code="decision_ambition_missing", params={"title": "A"}
                ),
                ValidationError("Kies vijf.", code="decision_not_five"),
                "Zonder code.",
            ]
        )

    response = answer(raise_many)
    assert [(item["code"], item["message"]) for item in response.data["errors"]] == [
        ("decision_ambition_missing", "Geef een ambitie bij A."),
        ("decision_not_five", "Kies vijf."),
        ("invalid", "Zonder code."),
    ]


def test_a_denial_is_403_with_its_code():
    response = answer(lambda: deny("Alleen de eigen DVO.", code="ballot_other_dvo"))
    assert response.status_code == 403
    assert response.data == {"errors": [{"code": "ballot_other_dvo", "message": "Alleen de eigen DVO.", "field": None}]}

    def plain():
        raise PermissionDenied

    [error] = answer(plain).data["errors"]
    assert error["code"] == "permission_denied"
    assert error["message"]


def test_drf_field_errors_keep_their_field_and_code_also_nested():
    def validate():
        PrioritySerializer(data={"roles": [{"partner": "politie"}, {}]}).is_valid(raise_exception=True)

    response = answer(validate)
    assert response.status_code == 400
    assert sorted((item["field"], item["code"]) for item in response.data["errors"]) == [
        ("roles.0.partner", "max_length"),
        ("roles.1.partner", "required"),
        ("title", "required"),
    ]


def test_service_call_turns_a_refusal_into_the_same_items():
    def service(**kwargs):
        refuse("De ronde is gesloten.", code="round_closed")

    response = answer(lambda: service_call(service))
    assert response.data["errors"] == [{"code": "round_closed", "message": "De ronde is gesloten.", "field": None}]


def test_not_found_and_a_broken_body_have_their_codes():
    def missing():
        raise Http404

    response = answer(missing)
    assert response.status_code == 404
    assert response.data["errors"][0]["code"] == "not_found"

    class View(APIView):
        authentication_classes = ()
        permission_classes = ()

        def post(self, request):
            return request.data

    broken = View.as_view()(factory.post("/", "{niet json", content_type="application/json"))
    assert broken.status_code == 400
    assert broken.data["errors"][0]["code"] == "parse_error"


@pytest.mark.django_db
def test_the_schema_documents_the_shape_for_every_write(staff):
    client = APIClient()
    client.force_authenticate(staff)
    schema = client.get(reverse("api-schema"), {"format": "json"}).json()
    component = schema["components"]["schemas"]["ErrorResponse"]
    assert component["properties"]["errors"]["items"]["$ref"] == "#/components/schemas/ErrorItem"
    assert set(schema["components"]["schemas"]["ErrorItem"]["properties"]) == {"code", "message", "field"}
    writes = 0
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            assert responses["403"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorResponse"), (
                method,
                path,
            )
            if method in ("post", "put", "patch", "delete"):
                writes += 1
                assert responses["400"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorResponse")
    assert writes > 20
