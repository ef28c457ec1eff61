import datetime
from decimal import Decimal

import pytest

from monitoring.models import Measurement
from tests.documents.factories import make_top_five
from tests.monitoring.factories import IndicatorFactory, adopted_goal, yearly_moments


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


@pytest.fixture
def measured(indicator, moments):
    """The goal's value at the end of 2020: 3,800 reports (4,200 -> 3,400 is halfway: on course)."""
    return Measurement.objects.create(indicator=indicator, moment=moments[1], value=Decimal(3800), source="BVI")


@pytest.fixture
def midterm_day():
    return datetime.date(2021, 3, 4)
