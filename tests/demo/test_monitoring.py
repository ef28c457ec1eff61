"""The monitoring demo: the 2019-2022 goals adopted, four yearly moments with values, every status on the
dashboard, the GLM secretary an owner contact, and a second run changes nothing."""

import datetime

import pytest
from django.test import override_settings

from demo.loader import load_demo
from documents.models import Goal
from monitoring.models import (
    Measurement,
    MeasurementMoment,
    OwnerContact,
    ProgressAssessment,
    ProgressReport,
    ProgressReportVersion,
)
from monitoring.selectors import monitoring_for
from planning.models import Milestone

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
    assert [(r.year, r.status, r.adopted_on) for r in reports] == [
        (2019, "adopted", datetime.date(2020, 4, 16)),
        (2020, "adopted", datetime.date(2021, 4, 15)),
        (2021, "adopted", datetime.date(2022, 4, 14)),
        (2022, "concept", None),
    ]
    assert all(r.summary_html.startswith("<p>") for r in reports)
    # The versions and steps carry the demo's own dates, not the day it was loaded.
    adopted = reports[0]
    assert [(v.label, v.created_at.date()) for v in adopted.versions.all()] == [
        ("0.1", datetime.date(2020, 2, 14)),
        ("0.2", datetime.date(2020, 3, 12)),
        ("0.3", datetime.date(2020, 3, 26)),
        ("1.0", datetime.date(2020, 4, 16)),
    ]
    assert [(t.to_status, t.at.date()) for t in adopted.transitions.all()] == [
        ("sent_to_rvo", datetime.date(2020, 3, 12)),
        ("for_adoption", datetime.date(2020, 3, 26)),
        ("adopted", datetime.date(2020, 4, 16)),
    ]
    assert list(reports[3].versions.values_list("status", flat=True)) == ["concept"]
    milestones = {r.year: r.milestone for r in reports}
    assert {year: (m.title, m.status) for year, m in milestones.items()} == {
        2019: ("Voortgangsrapportage 2019 vastgesteld", "done"),
        2020: ("Voortgangsrapportage 2020 vastgesteld", "done"),
        2021: ("Voortgangsrapportage 2021 vastgesteld", "done"),
        2022: ("Voortgangsrapportage 2022 vastgesteld", "planned"),
    }
    years = {record.history_date.year for record in Measurement.history.filter(moment__process=process)}
    assert years == {2020, 2021, 2022, 2023}
    # The next cycle plans its own reports: none of these milestones is copied into it.
    assert not Milestone.objects.exclude(process=process).filter(title__startswith="Voortgangsrapportage").exists()

    history = (
        Measurement.history.count(),
        ProgressAssessment.history.count(),
        Goal.history.count(),
        ProgressReport.history.count(),
        ProgressReportVersion.objects.count(),
    )
    again = load_demo(create_users=True)
    assert "monitoring" not in again.created
    assert (
        Measurement.history.count(),
        ProgressAssessment.history.count(),
        Goal.history.count(),
        ProgressReport.history.count(),
        ProgressReportVersion.objects.count(),
    ) == history
