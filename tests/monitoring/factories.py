"""Factories of the monitoring tests: an adopted goal with an indicator and the process's yearly moments.

Objects are stored directly, bypassing the services (for set-up only); tests of the rules call the services.
"""

import datetime
from decimal import Decimal

import factory

from documents.models import Goal
from monitoring.models import Indicator, Measurement, MeasurementMoment, OwnerContact, ProgressReport, Unit
from tests.documents.factories import GoalFactory


def adopted_goal(process, priority, **fields) -> Goal:
    return GoalFactory(
        process=process,
        priority=priority,
        status=Goal.Status.ADOPTED,
        put_forward_on=datetime.date(2018, 9, 12),
        adopted_on=datetime.date(2018, 10, 31),
        baseline_date=datetime.date(2018, 12, 31),
        target_date=datetime.date(2022, 12, 31),
        **fields,
    )


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    goal = None
    position = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Aangiften woninginbraak {n}")
    unit = Unit.NUMBER
    baseline = Decimal("4200")
    target = Decimal("3400")


def yearly_moments(process) -> list[MeasurementMoment]:
    return [
        MeasurementMoment.objects.create(
            process=process, measured_on=datetime.date(year, 12, 31), label=f"Peildatum {year}"
        )
        for year in range(process.period_start_year, process.period_end_year + 1)
    ]


def contact(goal, user) -> OwnerContact:
    return OwnerContact.objects.create(goal=goal, user=user)


def monitoring_world(process, priorities) -> dict:
    """The permission matrix's monitoring objects: an adopted goal's indicator and a moment of the process."""
    goal = adopted_goal(process, priorities[1], title="Gemonitorde doelstelling")
    indicator = IndicatorFactory(goal=goal)
    moment = MeasurementMoment.objects.create(process=process, measured_on=datetime.date(2019, 12, 31), label="2019")
    measurement = Measurement.objects.create(indicator=indicator, moment=moment, value=Decimal(4100), source="BVI")
    report = ProgressReport.objects.create(process=process, year=process.period_start_year, summary_html="<p>x</p>")
    return {"indicator": indicator, "moment": moment, "measurement": measurement, "report": report}
