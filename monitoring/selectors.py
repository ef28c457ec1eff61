"""Reads of the monitoring that several pages share: one process's goals with their indicators, values and
statuses per moment (the dashboard, a goal's page, the report, the API), in a fixed number of queries."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field, replace

from documents.models import Goal
from planning.models import StrategyProcess

from .models import (
    Indicator,
    Measurement,
    MeasurementMoment,
    OwnerContact,
    ProgressAssessment,
    ProgressReport,
    ProgressStatus,
)
from .progress import IndicatorProgress, combined_value, indicator_status, worst
from .units import format_value


def period_bounds(process: StrategyProcess) -> tuple[datetime.date, datetime.date]:
    return datetime.date(process.period_start_year, 1, 1), datetime.date(process.period_end_year, 12, 31)


@dataclass
class MomentProgress:
    moment: MeasurementMoment
    indicators: list[IndicatorProgress]
    values: dict[int, list[Measurement]]  # per indicator: every value at this moment (whole unit and regional)
    computed: str | None
    assessment: ProgressAssessment | None

    @property
    def status(self) -> str | None:
        if self.assessment and self.assessment.override_status:
            return self.assessment.override_status
        return self.computed

    @property
    def is_overridden(self) -> bool:
        return bool(self.assessment and self.assessment.override_status)

    @property
    def status_label(self) -> str:
        return str(ProgressStatus(self.status).label) if self.status else ""

    @property
    def computed_label(self) -> str:
        return str(ProgressStatus(self.computed).label) if self.computed else ""

    @property
    def has_values(self) -> bool:
        return any(self.values.values())

    @property
    def missing(self) -> list[Indicator]:
        return [row.indicator for row in self.indicators if row.value is None]


@dataclass
class GoalMonitoring:
    goal: Goal
    start: datetime.date
    end: datetime.date
    indicators: list[Indicator]
    moments: list[MomentProgress]
    contacts: list[OwnerContact] = field(default_factory=list)

    def at(self, moment_id: int) -> MomentProgress | None:
        return next((row for row in self.moments if row.moment.pk == moment_id), None)

    @property
    def latest(self) -> MomentProgress | None:
        """The last moment with a status."""
        measured = [row for row in self.moments if row.status]
        return measured[-1] if measured else None

    @property
    def by_indicator(self) -> list[tuple[Indicator, list[IndicatorProgress]]]:
        """Per indicator its progress at every moment (the tables' rows)."""
        return [
            (indicator, [row.indicators[position] for row in self.moments])
            for position, indicator in enumerate(self.indicators)
        ]

    @property
    def districts(self) -> set[int]:
        return {
            value.district_id or value.municipality.district_id
            for row in self.moments
            for values in row.values.values()
            for value in values
            if value.district_id or value.municipality_id
        }


def goal_dates(goal: Goal) -> tuple[datetime.date, datetime.date]:
    """From the baseline to the target: the goal's own dates, else the process's period."""
    _, period_end = period_bounds(goal.process)
    start = goal.baseline_date or datetime.date(goal.process.period_start_year - 1, 12, 31)
    end = goal.target_date or goal.deadline or period_end
    return start, end


def moments_of(process: StrategyProcess) -> list[MeasurementMoment]:
    return list(MeasurementMoment.objects.filter(process=process).order_by("measured_on"))


def monitored_goals(process: StrategyProcess) -> list[Goal]:
    """The adopted goals of the process: those are monitored."""
    return list(
        Goal.objects.filter(process=process, status=Goal.Status.ADOPTED)
        .select_related("process", "priority")
        .order_by("position", "pk")
    )


def monitoring_for(
    process: StrategyProcess, *, goals: list[Goal] | None = None, moments: list[MeasurementMoment] | None = None
) -> list[GoalMonitoring]:
    """Every monitored goal (or those given) with its progress per moment: six queries, whatever the numbers."""
    goals = monitored_goals(process) if goals is None else goals
    moments = moments_of(process) if moments is None else moments
    goal_ids = [goal.pk for goal in goals]
    indicators = defaultdict(list)
    for indicator in Indicator.objects.filter(goal_id__in=goal_ids).order_by("position", "pk"):
        indicators[indicator.goal_id].append(indicator)
    values = defaultdict(lambda: defaultdict(list))
    for value in (
        Measurement.objects.filter(indicator__goal_id__in=goal_ids, moment__in=moments)
        .select_related("district", "municipality", "entered_by")
        .order_by("district__name", "municipality__name", "pk")
    ):
        values[value.moment_id][value.indicator_id].append(value)
    assessments = {
        (row.goal_id, row.moment_id): row
        for row in ProgressAssessment.objects.filter(goal_id__in=goal_ids, moment__in=moments).prefetch_related(
            "actions"
        )
    }
    contacts = defaultdict(list)
    for contact in OwnerContact.objects.filter(goal_id__in=goal_ids).select_related("user"):
        contacts[contact.goal_id].append(contact)

    result = []
    for goal in goals:
        start, end = goal_dates(goal)
        rows = []
        for moment in moments:
            at_moment = {indicator.pk: values[moment.pk][indicator.pk] for indicator in indicators[goal.pk]}
            progress = [
                replace(
                    indicator_status(
                        indicator,
                        combined_value(indicator, at_moment[indicator.pk]),
                        start=start,
                        end=end,
                        on=moment.measured_on,
                    ),
                    provisional=any(value.provisional for value in at_moment[indicator.pk]),
                )
                for indicator in indicators[goal.pk]
            ]
            rows.append(
                MomentProgress(
                    moment=moment,
                    indicators=progress,
                    values=at_moment,
                    computed=worst(row.status for row in progress),
                    assessment=assessments.get((goal.pk, moment.pk)),
                )
            )
        result.append(
            GoalMonitoring(
                goal=goal,
                start=start,
                end=end,
                indicators=indicators[goal.pk],
                moments=rows,
                contacts=contacts[goal.pk],
            )
        )
    return result


def missing_values(process: StrategyProcess, *, until: datetime.date | None = None) -> list[tuple]:
    """What is missing for staff: per moment up to ``until`` (all when None), each goal with the indicators that
    have no value, and its contacts (who would enter them)."""
    moments = [m for m in moments_of(process) if until is None or m.measured_on <= until]
    rows = []
    for item in monitoring_for(process, moments=moments):
        for row in item.moments:
            if row.missing:
                rows.append((row.moment, item.goal, row.missing, item.contacts))
    rows.sort(key=lambda r: (r[0].measured_on, r[1].position))
    return rows


def value_text(indicator: Indicator, value) -> str:
    return format_value(value, indicator.unit)


def report_moments(process: StrategyProcess, year: int) -> tuple[list[MeasurementMoment], list[MeasurementMoment]]:
    """The moments of ``year`` and those up to its end (a year's charts show the road so far, nothing later)."""
    until_year = [moment for moment in moments_of(process) if moment.measured_on.year <= year]
    return [moment for moment in until_year if moment.measured_on.year == year], until_year


def report_milestone_ids(process: StrategyProcess) -> set[int]:
    """The milestones of the process's progress reports: its own, not copied into the next process."""
    return set(
        ProgressReport.objects.filter(process=process, milestone__isnull=False).values_list("milestone_id", flat=True)
    )
