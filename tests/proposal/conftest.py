"""Fixtures of the proposal tests: a process 2019-2022 with two adopted goals and a started proposal."""

import datetime

import pytest

from documents.models import Goal
from proposal.services import proposal_create
from tests.documents.factories import GoalFactory, make_top_five


@pytest.fixture
def adopted_goals(process):
    priorities = make_top_five(process)
    return [
        GoalFactory(
            process=process,
            priority=priorities[index],
            status=Goal.Status.ADOPTED,
            put_forward_on=datetime.date(2018, 9, 12),
            adopted_on=datetime.date(2018, 10, 31),
        )
        for index in range(2)
    ]


@pytest.fixture
def proposal(adopted_goals, staff):
    return proposal_create(process=adopted_goals[0].process, user=staff)


@pytest.fixture
def plan(proposal):
    return proposal.plans.order_by("goal__position").first()
