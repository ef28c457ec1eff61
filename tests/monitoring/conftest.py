import pytest

from tests.documents.factories import make_top_five

from .factories import IndicatorFactory, adopted_goal, yearly_moments


@pytest.fixture
def priorities(process):
    return make_top_five(process)


@pytest.fixture
def goal(process, priorities):
    return adopted_goal(process, priorities[0], title="Woninginbraken terugdringen")


@pytest.fixture
def indicator(goal):
    return IndicatorFactory(goal=goal, name="Aangiften van woninginbraak")


@pytest.fixture
def moments(process):
    return yearly_moments(process)
