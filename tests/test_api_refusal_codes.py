"""Every refusal code of the services behind the API is documented in the OpenAPI schema, so that a client can
branch on it: each code found in the source (``code="..."``) of the round, the ballot, the decision, the long list,
the goals/document, the councils' consultation and the proposal appears in the schema's 400 (or 403)
descriptions."""

import re
from pathlib import Path

import pytest
import yaml
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    "voting/services.py",
    "decisions/services.py",
    "priorities/services.py",
    "documents/services.py",
    "reviews/services.py",
    "consultation/services.py",
    "proposal/services.py",
    "comments/services.py",
    "comments/targets.py",
]
CODE = re.compile(r'code="([a-z_]+)"|return "([a-z_]+)", _\(')

# Refusals of services that no API operation calls (the page is their only client), with the operation missing.
PAGE_ONLY = {
    "goal_reason_missing",  # goal_withdraw
    "goal_not_put_forward",  # goal_withdraw, goal_adopt
    "goal_adoption_date_missing",  # goal_adopt
    "goal_adoption_before_put_forward",  # goal_adopt
    "officers_municipality_unknown",  # officer_plans_save
    "officers_negative",  # officer_plans_save
    "goal_record_not_historical",  # goal_record_adopted (the demo's previous strategy; no page or API yet)
    "goal_adoption_after_period",  # goal_record_adopted
    "goal_record_note_missing",  # goal_record_adopted
}
# Refusals for lack of permission that the API's permission class (accounts.api_permissions.RulePermission, with
# the same rules) answers first, as 403 `permission_denied`, before the service is called.
PERMISSION_FIRST = {
    "consultation_staff_only",
    "consultation_other_district",
    "proposal_staff_only",
}


def service_codes() -> set[str]:
    found = set()
    for name in SOURCES:
        for match in CODE.finditer((ROOT / name).read_text(encoding="utf-8")):
            found.add(match.group(1) or match.group(2))
    return found


@pytest.mark.django_db
def test_every_service_code_is_in_the_schema(client, staff):
    client.force_login(staff)
    response = client.get(reverse("api-schema"))
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    documented = set()
    for operations in schema["paths"].values():
        for operation in operations.values():
            for answer in operation.get("responses", {}).values():
                documented.update(re.findall(r"`([a-z_]+)`", answer.get("description", "")))
    codes = service_codes()
    assert {"round_closed", "deadline_passed", "ballot_wrong_count", "longlist_frozen", "decision_locked"} <= codes
    missing = sorted(codes - documented - PAGE_ONLY - PERMISSION_FIRST)
    assert not missing, f"codes not in the OpenAPI schema: {missing}"


def test_the_round_operations_name_their_codes(client, staff, db):
    client.force_login(staff)
    schema = yaml.safe_load(client.get(reverse("api-schema")).content)
    open_round = schema["paths"]["/api/rounds/{process}/open/"]["post"]["responses"]["400"]["description"]
    assert "`round_deadline_missing`" in open_round
    ballot = schema["paths"]["/api/ballots/"]["post"]["responses"]["400"]["description"]
    assert "`deadline_passed`" in ballot
    assert "`round_closed`" in ballot
    result = schema["paths"]["/api/results/{process}/"]["get"]["responses"]["403"]["description"]
    assert "`result_not_visible`" in result
