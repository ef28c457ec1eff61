"""schemathesis against the OpenAPI schema at /api/schema/, in-process through Django's WSGI handler, authenticated
with a token as each role: no 5xx, and every response matches the schema.

Bounded: a few derandomised examples per operation. Programme staff try every method (their writes go to the test
database and are rolled back with it); the other roles, and a user without a role (refused everywhere), try the
GET operations.
"""

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from scan.models import MunicipalPlan, Source
from tests.test_permission_matrix import world  # noqa: F401  (the fixture: one object of each kind)

CHECKS = [not_a_server_error, response_schema_conformance]
EXAMPLES = 5
SAFE = {"GET", "HEAD", "OPTIONS"}


@pytest.fixture
def wsgi_app():
    """Django's WSGI handler on the test database.

    Each request starts by closing "old" connections, which inside the test's transaction would close the test's
    own connection; Django's test client disconnects the same signal.
    """
    request_started.disconnect(close_old_connections)
    try:
        yield WSGIHandler()
    finally:
        request_started.connect(close_old_connections)


@pytest.fixture
def api_world(world):  # noqa: F811
    """The matrix's world, with a document on the plan and the source (their document_url is then a path)."""
    MunicipalPlan.objects.filter(pk=world["municipalplan"].pk).update(document="plannen/plan.pdf")
    Source.objects.filter(pk=world["source"].pk).update(document="bronnen/bron.pdf")
    return world


def auth_headers(user):
    token, _ = Token.objects.get_or_create(user=user)
    # Uncompressed answers: schemathesis reads the body as the app sent it (the app gzips text when asked).
    return {"Authorization": f"Token {token.key}", "Accept-Encoding": "identity"}


def run_operation(operation, headers):
    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def check(case):
        case.call_and_validate(headers=headers, checks=CHECKS)

    check()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["outsider", "secretary", "bbg_member", "administrator", "staff"])
def test_api_conforms_to_its_schema(role, wsgi_app, api_world, users):
    headers = auth_headers(users[role])
    # A user without a role may not read the schema either: it is loaded as staff.
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", wsgi_app, headers=auth_headers(users["staff"]))
    failures = []
    tried = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        if role != "staff" and operation.method.upper() not in SAFE:
            continue
        tried += 1
        try:
            run_operation(operation, headers)
        except (Exception, BaseExceptionGroup) as error:  # every operation is tried; the failures are reported together
            failures.append(f"{operation.label}: {error}")
    assert tried
    assert not failures, "\n\n".join(failures)
