"""The monitoring demo: the 2019-2022 goals adopted, four yearly moments with values, every status on the
dashboard, the GLM secretary an owner contact, and a second run changes nothing."""

import pytest
from django.test import override_settings

from demo.loader import load_demo
from documents.models import Goal
from monitoring.models import Measurement, MeasurementMoment, OwnerContact, ProgressAssessment, ProgressReport
from monitoring.selectors import monitoring_for

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=True)
def test_the_demo_monitors_the_goals_of_2019_2022_and_is_idempotent():
    result = load_demo(create_users=True)
    process = result.process
    goals = Goal.objects.filter(process=process)
    assert goals.count() == 5
    assert set(goals.values_list("status", flat=True)) == {Goal.Status.ADOPTED}
    assert [m.measured_on.year for m in MeasurementMoment.objects.filter(process=process)] == [2019, 2020, 2021, 2022]
    items = monitoring_for(process)
    assert all(len(item.moments) == 4 and all(row.status for row in item.moments) for item in items)
    latest = {item.latest.status for item in items}
    assert {"achieved", "behind"} <= latest
    assert Measurement.objects.filter(moment__measured_on__year=2022, provisional=False).count() == 0
    assert Measurement.objects.filter(district__isnull=False).count() == 4 * 5
    assert OwnerContact.objects.filter(user__username="secretaris-glm").count() == 1
    assert ProgressAssessment.objects.exclude(explanation="").count() == 20

    reports = ProgressReport.objects.filter(process=process).order_by("year")
    assert [(r.year, r.status) for r in reports] == [
        (2019, "adopted"),
        (2020, "adopted"),
        (2021, "adopted"),
        (2022, "concept"),
    ]

    history = (Measurement.history.count(), ProgressAssessment.history.count(), Goal.history.count())
    again = load_demo(create_users=True)
    assert "monitoring" not in again.created
    assert (Measurement.history.count(), ProgressAssessment.history.count(), Goal.history.count()) == history
