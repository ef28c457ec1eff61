"""bench/api_round.py plays one whole round through the API alone, over HTTP against a live server: process, long
list, round, deadlines, ballots (two DVOs by their own secretaries, three by staff on their behalf), the result,
the BBG's top five. The state it leaves is checked here in the database."""

import importlib.util
from pathlib import Path

import pytest
from rest_framework.authtoken.models import Token

from accounts.models import Role
from decisions.models import BbgDecision
from tests.accounts.factories import UserFactory
from voting.models import Ballot, Round

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "api_round.py"


def load_script():
    spec = importlib.util.spec_from_file_location("api_round", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.django_db(transaction=True)
def test_one_whole_round_through_the_api(live_server, districts, capsys):
    staff = UserFactory(username="api-staf", role=Role.STAFF)
    glm = UserFactory(username="api-glm", role=Role.DVO_SECRETARY, district=districts["GLM"])
    twn = UserFactory(username="api-twn", role=Role.DVO_SECRETARY, district=districts["TWN"])
    tokens = {user: Token.objects.create(user=user).key for user in (staff, glm, twn)}
    script = load_script()

    code = script.main(
        [
            "--url",
            live_server.url,
            "--token",
            tokens[staff],
            "--secretary",
            f"GLM={tokens[glm]}",
            "--secretary",
            f"twn={tokens[twn]}",
            "--slug",
            "vs-2031-2034-api",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0, out
    assert "POST  /api/ballots/" in out
    assert "requests in" in out
    with capsys.disabled():
        print("\n" + out.strip().splitlines()[-1])  # the figure for the README: requests and seconds

    round = Round.objects.get(process__slug="vs-2031-2034-api")
    assert round.status == Round.Status.CLOSED
    ballots = {ballot.district.code: ballot for ballot in Ballot.objects.filter(round=round).select_related("district")}
    assert sorted(ballots) == sorted(districts)
    assert ballots["GLM"].submitted_by == glm
    assert not ballots["GLM"].entered_by_staff
    assert ballots["NOG"].entered_by_staff
    assert ballots["NOG"].staff_reason == "Keuze van DVO NOG doorgegeven per e-mail"
    assert all(ballot.choices.count() == 7 for ballot in ballots.values())
    decision = BbgDecision.objects.get(round=round)
    assert decision.is_confirmed
    # Priorities 1-5 were chosen by every DVO: the top five of the result, in the decision.
    assert [choice.priority.title for choice in decision.chosen.order_by("position")] == [
        f"Prioriteit {n}" for n in range(1, 6)
    ]


def test_a_refusal_fails_the_script(live_server, db, capsys):
    script = load_script()
    assert script.main(["--url", live_server.url, "--token", "geen-geldige-sleutel"]) == 1
    assert "FAILED" in capsys.readouterr().err
