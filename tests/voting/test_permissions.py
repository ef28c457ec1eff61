"""Who gets what on every page of the DVO choice (GET), for every role and anonymous visitors.

The project-wide matrix (tests/test_permission_matrix.py) needs the same rows; see VOTING_EXPECTED.
"""

import pytest
from django.urls import reverse

from tests.voting.factories import BallotFactory

ROLES = ["anonymous", "outsider", "secretary", "bbg_member", "staff", "administrator"]
STAFF_ONLY = {"anonymous": "login", "outsider": 403, "secretary": 403, "bbg_member": 403, "staff": "ok",
              "administrator": "ok"}  # fmt: skip
STAFF_POST_ONLY = {"anonymous": "login", "outsider": 403, "secretary": 403, "bbg_member": 403, "staff": 405,
                   "administrator": 405}  # fmt: skip
READ_ALL = {"anonymous": "login", "outsider": 403, "secretary": "ok", "bbg_member": "ok", "staff": "ok",
            "administrator": "ok"}  # fmt: skip
# The secretary's own DVO (GLM); a BBG member is a stranger to every ballot.
OWN_BALLOT = {"anonymous": "login", "outsider": 403, "secretary": "ok", "bbg_member": 404, "staff": "ok",
              "administrator": "ok"}  # fmt: skip
# Another DVO's ballot (TWN) for the GLM secretary.
OTHER_BALLOT = {**OWN_BALLOT, "secretary": 404}
START = {"anonymous": "login", "outsider": 403, "secretary": "redirect", "bbg_member": "redirect",
         "staff": "redirect", "administrator": "redirect"}  # fmt: skip

VOTING_EXPECTED = {
    "voting:round_detail": STAFF_ONLY,
    "voting:round_create": STAFF_POST_ONLY,
    "voting:round_open": STAFF_POST_ONLY,
    "voting:round_close": STAFF_POST_ONLY,
    "voting:round_release": STAFF_POST_ONLY,
    "voting:round_reset": STAFF_ONLY,
    "voting:deadline_update": STAFF_ONLY,
    "voting:progress": READ_ALL,
    "voting:ballot_start": START,
    "voting:ballot": OWN_BALLOT,
    "voting:ballot_confirmation": OWN_BALLOT,
    "voting:ballot_history": OWN_BALLOT,
}


def outcome(response):
    if response.status_code == 200:
        return "ok"
    if response.status_code in (301, 302):
        return "login" if "/account/inloggen/" in response["Location"] else "redirect"
    return response.status_code


def url_for(name, process, district="GLM"):
    kwargs = {"slug": process.slug}
    if name in ("voting:deadline_update", "voting:ballot", "voting:ballot_confirmation", "voting:ballot_history"):
        kwargs["district"] = district
    return reverse(name, kwargs=kwargs)


@pytest.fixture
def world(process, voting_round, districts, users, other_secretary):
    BallotFactory(round=voting_round, district=districts["GLM"])
    BallotFactory(round=voting_round, district=districts["TWN"])
    return {"anonymous": None, **users}


def test_every_voting_url_has_an_expected_outcome():
    from django.urls import get_resolver

    resolver = get_resolver()
    names = {f"voting:{name}" for name in resolver.namespace_dict["voting"][1].reverse_dict if isinstance(name, str)}
    mine = set(VOTING_EXPECTED)
    # The results helper appends its own pages to voting/urls.py; only the round's and ballots' are checked here.
    assert mine <= names


@pytest.mark.parametrize(("district", "table"), [("GLM", None), ("TWN", OTHER_BALLOT)])
def test_permission_matrix(client, process, world, district, table):
    mismatches = []
    for name, expected in VOTING_EXPECTED.items():
        if district == "TWN" and name not in ("voting:ballot", "voting:ballot_confirmation", "voting:ballot_history"):
            continue
        row = table or expected
        for role in ROLES:
            client.logout()
            if world[role] is not None:
                client.force_login(world[role])
            got = outcome(client.get(url_for(name, process, district)))
            if got != row[role]:
                mismatches.append((name, district, role, row[role], got))
    assert not mismatches
