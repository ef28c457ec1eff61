"""The BBG decision through the API: staff record and confirm the top five with the page's rules and codes; other
roles see a decision only once it is confirmed."""

import pytest
from django.urls import reverse

from decisions.models import BbgDecision
from planning.models import Milestone
from tests.api_errors import codes_of, errors_of
from tests.voting.result_factories import bbg_meeting

pytestmark = pytest.mark.django_db

LIST = reverse("decision-list")


def detail(process, name="detail"):
    return reverse(f"decision-{name}", kwargs={"process": process.slug})


def payload(process, priorities, **extra):
    return {
        "process": process.slug,
        "decided_on": "2018-06-07",
        "chosen": [{"priority": p.pk, "ambition": f"Ambitie {p.title}"} for p in priorities],
        **extra,
    }


def post(client, path, data=None):
    return client.post(path, data or {}, content_type="application/json")


def test_staff_record_then_confirm(client, closed_round, long_list, staff):
    meeting = bbg_meeting(closed_round.process)
    client.force_login(staff)
    response = post(client, LIST, payload(closed_round.process, long_list[:5], meeting=meeting.pk, notes="Unaniem"))
    assert response.status_code == 201, response.content
    data = response.json()
    assert [row["priority"] for row in data["chosen"]] == [p.pk for p in long_list[:5]]
    assert data["chosen"][0]["ambition"] == f"Ambitie {long_list[0].title}"
    assert data["is_confirmed"] is False
    # Replaced until confirmed: 200.
    again = post(client, LIST, payload(closed_round.process, long_list[:5], meeting=meeting.pk))
    assert again.status_code == 200
    confirmed = post(client, detail(closed_round.process, "confirm"))
    assert confirmed.status_code == 200, confirmed.content
    assert confirmed.json()["is_confirmed"] is True
    meeting.refresh_from_db()
    assert meeting.status == Milestone.Status.DONE
    locked = post(client, LIST, payload(closed_round.process, long_list[:5]))
    assert locked.status_code == 400
    assert codes_of(locked) == ["decision_locked"]
    assert codes_of(post(client, detail(closed_round.process, "confirm"))) == ["decision_locked"]


def test_passing_over_needs_a_justification(client, closed_round, long_list, staff):
    client.force_login(staff)
    chosen = [*long_list[:4], long_list[6]]  # P5 (rank 5) and P6 (rank 6) passed over
    response = post(client, LIST, payload(closed_round.process, chosen))
    assert response.status_code == 400
    assert codes_of(response) == ["decision_justification_missing", "decision_justification_missing"]
    assert long_list[4].title in errors_of(response)[0]["message"]
    assert not BbgDecision.objects.exists()
    justified = payload(
        closed_round.process,
        chosen,
        justifications={str(long_list[4].pk): "Loopt al via RIEC", str(long_list[5].pk): "Geen capaciteit"},
    )
    response = post(client, LIST, justified)
    assert response.status_code == 201, response.content
    assert sorted(row["justification"] for row in response.json()["passed_over"]) == [
        "Geen capaciteit",
        "Loopt al via RIEC",
    ]


@pytest.mark.parametrize(("count", "code"), [(4, "decision_not_five"), (6, "decision_not_five")])
def test_not_five_is_refused(client, closed_round, long_list, staff, count, code):
    client.force_login(staff)
    response = post(client, LIST, payload(closed_round.process, long_list[:count]))
    assert codes_of(response) == [code]
    assert not BbgDecision.objects.exists()


def test_an_empty_ambition_is_refused(client, closed_round, long_list, staff):
    client.force_login(staff)
    data = payload(closed_round.process, long_list[:5])
    data["chosen"][2]["ambition"] = " "
    response = post(client, LIST, data)
    assert codes_of(response) == ["decision_ambition_missing"]
    assert long_list[2].title in errors_of(response)[0]["message"]


def test_not_on_an_open_round(client, voting_round, long_list, staff):
    client.force_login(staff)
    response = post(client, LIST, payload(voting_round.process, long_list[:5]))
    assert codes_of(response) == ["decision_result_not_final"]


def test_unconfirmed_is_for_staff_only(client, closed_round, long_list, staff, bbg_member, secretary):
    client.force_login(staff)
    assert post(client, LIST, payload(closed_round.process, long_list[:5])).status_code == 201
    assert client.get(detail(closed_round.process)).status_code == 200
    for user in (bbg_member, secretary):
        client.force_login(user)
        assert client.get(detail(closed_round.process)).status_code == 404
        assert client.get(LIST).json()["results"] == []
        response = post(client, LIST, payload(closed_round.process, long_list[:5]))
        assert response.status_code == 403
        assert codes_of(response) == ["permission_denied"]
    client.force_login(staff)
    post(client, detail(closed_round.process, "confirm"))
    client.force_login(bbg_member)
    data = client.get(detail(closed_round.process)).json()
    assert data["is_confirmed"] is True
    assert [row["title"] for row in data["chosen"]] == [p.title for p in long_list[:5]]
    rows = client.get(LIST, {"process": closed_round.process.slug}).json()["results"]
    assert [row["process"] for row in rows] == [closed_round.process.slug]
    assert client.get(LIST, {"process": "ander-proces"}).json()["results"] == []
