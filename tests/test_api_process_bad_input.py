"""Bad input on the API's round, deadline, reset, decision and copy endpoints: never a 500, always the one error
shape with a Dutch message, nothing stored."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from decisions.models import BbgDecision
from planning.models import StrategyProcess
from tests.api_errors import errors_of
from tests.decisions.conftest import closed_round  # noqa: F401  (fixture)
from tests.voting.conftest import long_list, voting_round  # noqa: F401  (fixtures)
from voting.models import Ballot, Round, RoundDeadline

pytestmark = pytest.mark.django_db

HUGE = "x" * 100_000  # per field; a body past the request size limit is the limit's (vs_portal settings)
TOO_BIG_ID = 99999999999999999999

BAD_BODIES = {
    "empty": {},
    "a list": [1, 2, 3],
    "huge text": {"process": HUGE, "reason": HUGE, "district": HUGE, "notes": HUGE},
    "nul byte": {"process": "vs-2019\x00", "reason": "a\x00b", "district": "GL\x00M"},
    "wrong types": {"process": ["vs-2019-2022"], "reason": {"a": 1}, "deadline": 12, "new_deadline": "morgen"},
    "ids out of range": {
        "process": "vs-2019-2022",
        "district": "GLM",
        "deadline": "2100-04-04T23:59:00+02:00",
        "meeting": TOO_BIG_ID,
        "decided_on": "2018-06-07",
        "chosen": [{"priority": TOO_BIG_ID, "ambition": "x"}] * 5,
        "justifications": {str(TOO_BIG_ID): "x", "geen-getal": "y"},
    },
    "years past 9999": {"deadline": "99999-01-01T00:00:00Z", "new_deadline": "10000-01-01", "decided_on": "0000-01-01"},
}


def endpoints(process):
    slug = process.slug
    return {
        "round create": reverse("round-list"),
        "deadline": reverse("round-deadline", kwargs={"process": slug}),
        "reset": reverse("round-reset", kwargs={"process": slug}),
        "decision": reverse("decision-list"),
        "copy": reverse("process-copy", kwargs={"slug": slug}),
    }


@pytest.mark.parametrize("kind", BAD_BODIES)
@pytest.mark.parametrize("endpoint", ["round create", "deadline", "reset", "decision", "copy"])
def test_bad_input_is_a_400_in_the_one_shape(closed_round, staff, endpoint, kind):  # noqa: F811
    api = APIClient()
    api.force_authenticate(staff)
    state = (
        Round.objects.count(),
        RoundDeadline.objects.count(),
        Ballot.objects.count(),
        BbgDecision.objects.count(),
        StrategyProcess.objects.count(),
    )
    response = api.post(endpoints(closed_round.process)[endpoint], BAD_BODIES[kind], format="json")
    assert 400 <= response.status_code < 500, (response.status_code, response.content[:300])
    errors = errors_of(response)
    assert all(" " in error["message"] for error in errors)  # words, not a bare code
    state_after = (
        Round.objects.count(),
        RoundDeadline.objects.count(),
        Ballot.objects.count(),
        BbgDecision.objects.count(),
        StrategyProcess.objects.count(),
    )
    assert state_after == state
    assert HUGE not in response.content.decode()
