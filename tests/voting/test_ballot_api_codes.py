"""A ballot's refusals through the API carry the rule's stable code next to the Dutch message."""

import datetime

import pytest
from django.urls import reverse

from planning.models import District
from tests.api_errors import errors_of
from tests.planning.factories import StrategyProcessFactory
from tests.voting.factories import AMSTERDAM, make_frozen_long_list
from voting.models import Ballot, Round, RoundDeadline

pytestmark = pytest.mark.django_db

LIST = reverse("ballot-list")


def submit(client, process, ids, **extra):
    body = {"process": process.slug, "district": "GLM", "priorities": ids, **extra}
    return client.post(LIST, body, content_type="application/json")


def only(response) -> dict:
    assert response.status_code == 400, response.content
    errors = errors_of(response)
    assert len(errors) == 1, errors
    return errors[0]


def test_six_is_ballot_wrong_count(client, process, voting_round, seven_ids, secretary):
    client.force_login(secretary)
    error = only(submit(client, process, seven_ids[:6]))
    assert error["code"] == "ballot_wrong_count"
    assert "zeven" in error["message"] or "7" in error["message"]
    assert not Ballot.objects.exists()


def test_after_the_deadline_is_deadline_passed(client, process, voting_round, seven_ids, secretary):
    RoundDeadline.objects.filter(round=voting_round, district=District.objects.get(code="GLM")).update(
        deadline=datetime.datetime(2018, 4, 4, 23, 59, tzinfo=AMSTERDAM)
    )
    client.force_login(secretary)
    error = only(submit(client, process, seven_ids))
    assert error["code"] == "deadline_passed"
    assert "4 april 2018 23:59" in error["message"]
    assert not Ballot.objects.exists()


def test_a_closed_round_is_round_closed(client, process, voting_round, seven_ids, staff):
    voting_round.status = Round.Status.CLOSED
    voting_round.save()
    client.force_login(staff)
    error = only(submit(client, process, seven_ids, on_behalf_reason="Per e-mail"))
    assert error["code"] == "round_closed"


def test_staff_without_a_reason(client, process, voting_round, seven_ids, staff):
    client.force_login(staff)
    error = only(submit(client, process, seven_ids))
    assert (error["code"], error["field"]) == ("ballot_staff_reason_missing", "on_behalf_reason")


def test_a_priority_of_another_list(client, process, voting_round, seven_ids, secretary):
    foreign = make_frozen_long_list(StrategyProcessFactory(slug="ander-proces", short_name="Ander"))[0]
    client.force_login(secretary)
    error = only(submit(client, process, [*seven_ids[:6], foreign.pk]))
    assert error["code"] == "ballot_priority_not_on_longlist"


def test_a_process_without_a_round(client, process, long_list, secretary):
    client.force_login(secretary)
    error = only(submit(client, process, [p.pk for p in long_list[:7]]))
    assert (error["code"], error["field"]) == ("round_missing", "process")
    assert error["message"] == "Dit proces heeft nog geen keuzeronde."
