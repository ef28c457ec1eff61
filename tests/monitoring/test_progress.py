"""The status rule that the page states, computed from the values (monitoring.progress, monitoring.selectors)."""

import datetime
from decimal import Decimal

import pytest

from monitoring import services
from monitoring.models import Indicator, ProgressStatus, Unit
from monitoring.progress import combined_value, indicator_status
from monitoring.selectors import monitoring_for
from monitoring.services import ValueData

from .factories import IndicatorFactory

START, END = datetime.date(2018, 12, 31), datetime.date(2022, 12, 31)
HALFWAY = datetime.date(2020, 12, 31)


def status(value, *, baseline=4200, target=3400, unit=Unit.NUMBER, on=HALFWAY):
    indicator = Indicator(name="x", unit=unit, baseline=Decimal(baseline), target=Decimal(target))
    return indicator_status(indicator, None if value is None else Decimal(value), start=START, end=END, on=on).status


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("3400", ProgressStatus.ACHIEVED),  # the target of a falling figure
        ("3300", ProgressStatus.ACHIEVED),
        ("3800", ProgressStatus.ON_COURSE),  # halfway in time, halfway to the target
        ("3860", ProgressStatus.ON_COURSE),  # 42.5%: within 10 points of 50%
        ("3950", ProgressStatus.ATTENTION),  # 31%: within 25 points
        ("4100", ProgressStatus.BEHIND),  # 12.5%
        ("4500", ProgressStatus.BEHIND),  # the wrong way
        (None, None),
    ],
)
def test_the_status_of_a_falling_figure_halfway(value, expected):
    assert status(value) == expected


def test_a_rising_percentage_follows_the_same_rule():
    assert status("12", baseline=9, target=15) == ProgressStatus.ON_COURSE
    assert status("9,5".replace(",", "."), baseline=9, target=15) == ProgressStatus.BEHIND
    assert status("15", baseline=9, target=15) == ProgressStatus.ACHIEVED


def test_yes_no_is_achieved_at_yes_and_behind_after_the_target_date():
    assert status("1", baseline=0, target=1, unit=Unit.YES_NO) == ProgressStatus.ACHIEVED
    assert status("0", baseline=0, target=1, unit=Unit.YES_NO) == ProgressStatus.ATTENTION
    assert status("0", baseline=0, target=1, unit=Unit.YES_NO, on=END) == ProgressStatus.BEHIND


@pytest.mark.django_db
def test_regional_values_are_summed_or_averaged(indicator, moments, staff, districts):
    indicator.scope = Indicator.Scope.DISTRICT
    indicator.save()
    for code, value in (("GLM", "800"), ("TWN", "700")):
        services.measurement_save(
            moment=moments[0],
            user=staff,
            data=ValueData(indicator=indicator, value=value, source="BVI", district=districts[code]),
        )
    assert combined_value(indicator, list(indicator.measurements.all())) == Decimal(1500)
    indicator.unit = Unit.PERCENTAGE
    assert combined_value(indicator, list(indicator.measurements.all())) == Decimal(750)


@pytest.mark.django_db
def test_the_worst_indicator_counts_and_the_override_wins(
    process, goal, indicator, moments, staff, django_assert_max_num_queries
):
    second = IndicatorFactory(goal=goal, name="Opgehelderd", unit=Unit.PERCENTAGE, baseline=10, target=20)
    services.values_save(
        goal=goal,
        moment=moments[1],
        user=staff,
        values=[
            ValueData(indicator=indicator, value="3800", source="BVI"),
            ValueData(indicator=second, value="10", source="BVI"),
        ],
    )
    with django_assert_max_num_queries(8):
        [item] = monitoring_for(process)
    row = item.at(moments[1].pk)
    assert row.computed == ProgressStatus.BEHIND
    assert item.at(moments[0].pk).status is None
    services.status_override(goal=goal, moment=moments[1], user=staff, status="attention", reason="Nieuwe registratie")
    [item] = monitoring_for(process)
    row = item.at(moments[1].pk)
    assert (row.status, row.computed, row.is_overridden) == ("attention", "behind", True)
    assert item.latest.moment == moments[1]
