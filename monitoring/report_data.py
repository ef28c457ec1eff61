"""A year's progress report as plain data (JSON), the one source of its PDF and its .docx: the summary and, per
priority and goal, each moment's values, status, override, explanation and actions, and the goal's chart (the road
from the baseline up to that year's end, as the points and ticks the SVG is drawn from).

A version of the report freezes this data (``ProgressReportVersion.snapshot``). An adopted report is written from
the snapshot of its last version, exactly as the Bestuurscollege adopted it, however the values change later; any
other report from the monitoring as it is now.
"""

import dataclasses

from planning.models import StrategyProcess

from .chart import Chart, Point, goal_chart
from .models import ProgressReport, ProgressReportVersion
from .progress import RULE_TEXT
from .selectors import monitoring_for, report_moments

CHART_SIZE = {"width": 480, "height": 220}


def report_data(process: StrategyProcess, year: int, *, summary_html: str = "") -> dict:
    """The report of ``year`` as it is now; what a version's snapshot holds."""
    moments, until_year = report_moments(process, year)
    # The charts show the road so far: no values of later years in an earlier year's report.
    road = {item.goal.pk: item for item in monitoring_for(process, moments=until_year)}
    priorities: dict[int, dict] = {}
    for item in monitoring_for(process, moments=moments):
        goal = item.goal
        entry = priorities.setdefault(
            goal.priority_id, {"id": goal.priority_id, "title": goal.priority.title, "goals": []}
        )
        rows = []
        for row in item.moments:
            assessment = row.assessment
            rows.append(
                {
                    "moment": row.moment.label,
                    "measured_on": row.moment.measured_on.isoformat(),
                    "indicators": [
                        {
                            "name": progress.indicator.name,
                            "unit": progress.indicator.unit,
                            "baseline": progress.indicator.baseline_text,
                            "target": progress.indicator.target_text,
                            "value": progress.value_text,
                            "provisional": progress.provisional,
                            "progress_percent": progress.progress_percent,
                            "expected_percent": progress.expected_percent,
                        }
                        for progress in row.indicators
                    ],
                    "status": row.status or "",
                    "status_label": row.status_label,
                    "computed_label": row.computed_label,
                    "overridden": row.is_overridden,
                    "override_reason": assessment.override_reason if assessment else "",
                    "explanation": assessment.explanation if assessment else "",
                    "actions": [action.title for action in assessment.actions.all()] if assessment else [],
                }
            )
        chart = goal_chart(road[goal.pk], **CHART_SIZE)
        entry["goals"].append(
            {
                "title": goal.title,
                "owner": goal.owner_display,
                "rows": rows,
                "chart": dataclasses.asdict(chart) if chart else None,
            }
        )
    return {
        "year": year,
        "process_title": process.title,
        "summary_html": summary_html,
        "moments": [moment.label for moment in moments],
        "priorities": list(priorities.values()),
        "rule_text": str(RULE_TEXT),
    }


def report_source(
    process: StrategyProcess, year: int
) -> tuple[ProgressReport | None, ProgressReportVersion | None, dict]:
    """The report, its last version and the data to write it from: the snapshot once adopted, else now."""
    report = ProgressReport.objects.filter(process=process, year=year).first()
    version = report.versions.order_by("-major", "-minor").first() if report else None
    if report is not None and report.is_frozen and version is not None:
        return report, version, version.snapshot
    return report, version, report_data(process, year, summary_html=report.summary_html if report else "")


def chart_of(goal_data: dict) -> Chart | None:
    """The chart a goal's data holds, as the template draws it (None for a goal without indicator, or in a
    snapshot made before the charts were part of it)."""
    data = goal_data.get("chart")
    if not data:
        return None
    return Chart(
        **{
            **data,
            "baseline": Point(**data["baseline"]),
            "target": Point(**data["target"]),
            "points": [Point(**point) for point in data["points"]],
            "y_ticks": [tuple(tick) for tick in data["y_ticks"]],
            "x_ticks": [tuple(tick) for tick in data["x_ticks"]],
        }
    )
