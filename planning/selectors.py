"""Reads of the planning shared by the overview pages: process list, phase progress, what comes next, timeline.

Every function here runs a fixed number of queries, whatever the size of the planning.
"""

import calendar
import datetime
from dataclasses import dataclass, field

from django.db.models import Case, Count, DateField, F, Max, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, Least
from django.utils import timezone
from django.utils.translation import gettext as _

from core.dates import MONTHS, Precision, format_date, format_when

from .conflicts import (
    Conflict,
    ConflictKind,
    conflicts_by_milestone,
    milestone_conflicts,
    planning_milestones,
    process_conflicts,
)
from .models import Action, Milestone, Phase, StrategyProcess

OPEN = Milestone.OPEN_STATUSES
DONE = Milestone.Status.DONE
CANCELLED = Milestone.Status.CANCELLED
DUE_SOON_DAYS = 30


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


# --- The day a process is read as of ----------------------------------------------------------------------------


def is_past(process: StrategyProcess, *, today: datetime.date | None = None) -> bool:
    """A closed past cycle: its period ended before this year (it has nothing left to do)."""
    today = today or timezone.localdate()
    return process.period_end_year < today.year


def reading_date(process: StrategyProcess, *, today: datetime.date | None = None) -> datetime.date:
    """The day the pages and PDFs of ``process`` are 'stand van': today while it runs; a closed past cycle
    (``is_past``) as of its own last date, the last day of its planning (cancelled milestones aside; without a
    planning, the last day of its period), never after today. One query for a past process, none otherwise."""
    today = today or timezone.localdate()
    if not is_past(process, today=today):
        return today
    last = Milestone.objects.filter(process=process).exclude(status=CANCELLED).aggregate(last=Max("ends_on"))["last"]
    return min(last or datetime.date(process.period_end_year, 12, 31), today)


# --- Process list ---------------------------------------------------------------------------------------------


def process_overview(*, today: datetime.date) -> list[StrategyProcess]:
    """All processes, newest first, each with ``milestone_total`` (not cancelled), ``milestone_done``,
    ``milestone_open``, ``milestone_overdue``, ``progress_percent`` and its next open milestone (``next_title``,
    ``next_when``).

    A closed past cycle counts overdue as of its own reading date (``reading_date``), like its dashboard.

    One query.
    """
    next_open = Milestone.objects.filter(process=OuterRef("pk"), status__in=OPEN, ends_on__gte=today).order_by(
        "starts_on", "ends_on", "pk"
    )
    last_end = Milestone.objects.filter(process=OuterRef("pk")).exclude(status=CANCELLED).order_by("-ends_on")
    reading_on = Case(
        When(
            period_end_year__lt=today.year,
            then=Least(Value(today), Coalesce(Subquery(last_end.values("ends_on")[:1]), Value(today))),
        ),
        default=Value(today),
        output_field=DateField(),
    )
    processes = list(
        StrategyProcess.objects.select_related("predecessor")
        .annotate(reading_on=reading_on)
        .annotate(
            milestone_total=Count("milestones", filter=~Q(milestones__status=CANCELLED)),
            milestone_done=Count("milestones", filter=Q(milestones__status=DONE)),
            milestone_open=Count("milestones", filter=Q(milestones__status__in=OPEN)),
            milestone_overdue=Count(
                "milestones", filter=Q(milestones__status__in=OPEN, milestones__ends_on__lt=F("reading_on"))
            ),
            next_title=Subquery(next_open.values("title")[:1]),
            next_starts_on=Subquery(next_open.values("starts_on")[:1]),
            next_ends_on=Subquery(next_open.values("ends_on")[:1]),
            next_precision=Subquery(next_open.values("precision")[:1]),
        )
        .order_by("-period_start_year", "-created_at", "-pk")
    )
    for process in processes:
        process.progress_percent = _percent(process.milestone_done, process.milestone_total)
        process.next_when = (
            format_when(process.next_starts_on, process.next_ends_on, process.next_precision)
            if process.next_title
            else ""
        )
    return processes


# --- Dashboard ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PhaseProgress:
    name: str
    order: int | None
    total: int
    done: int

    @property
    def percent(self) -> int:
        return _percent(self.done, self.total)


def phase_progress(process: StrategyProcess) -> list[PhaseProgress]:
    """Per phase, in order: done milestones out of all that are not cancelled. Milestones without a phase form
    a last row 'Zonder fase' when there are any. Two queries."""
    not_cancelled = ~Q(milestones__status=CANCELLED)
    phases = (
        Phase.objects.filter(process=process)
        .annotate(
            total=Count("milestones", filter=not_cancelled),
            done=Count("milestones", filter=Q(milestones__status=DONE)),
        )
        .order_by("order")
    )
    rows = [PhaseProgress(name=phase.name, order=phase.order, total=phase.total, done=phase.done) for phase in phases]
    unphased = Milestone.objects.filter(process=process, phase__isnull=True).aggregate(
        total=Count("pk", filter=~Q(status=CANCELLED)), done=Count("pk", filter=Q(status=DONE))
    )
    if unphased["total"]:
        rows.append(PhaseProgress(name=_("Zonder fase"), order=None, total=unphased["total"], done=unphased["done"]))
    return rows


@dataclass(frozen=True)
class Upcoming:
    """What happens or falls due in the coming days, and the first open milestones after that."""

    due_milestones: list[Milestone]
    due_actions: list[Action]
    later_milestones: list[Milestone]
    until: datetime.date

    @property
    def until_display(self) -> str:
        return format_date(self.until)


def upcoming(process: StrategyProcess, *, today: datetime.date, days: int = DUE_SOON_DAYS, later: int = 3) -> Upcoming:
    """Open milestones that run or end within ``days`` from today, actions not done that fall due in that time,
    and the next ``later`` open milestones starting after it. Three queries."""
    until = today + datetime.timedelta(days=days)
    milestones = Milestone.objects.filter(process=process, status__in=OPEN).select_related("phase", "body")
    due_actions = list(
        Action.objects.filter(process=process, done_on__isnull=True, due_on__gte=today, due_on__lte=until)
        .select_related("owner")
        .order_by("due_on", "pk")
    )
    for action in due_actions:
        action.due_display = format_date(action.due_on)
    return Upcoming(
        due_milestones=list(milestones.filter(starts_on__lte=until, ends_on__gte=today)),
        due_actions=due_actions,
        later_milestones=list(milestones.filter(starts_on__gt=until)[:later]),
        until=until,
    )


@dataclass(frozen=True)
class ConflictGroups:
    planning_problems: list[Conflict]
    overdue: list[Conflict]

    @property
    def total(self) -> int:
        return len(self.planning_problems) + len(self.overdue)


def conflict_groups(process: StrategyProcess, *, today: datetime.date) -> ConflictGroups:
    """The open conflicts of a process split into planning problems (order, absence) and what runs late.
    The queries of planning.conflicts.process_conflicts: a fixed number."""
    conflicts = process_conflicts(process, today=today)
    for conflict in conflicts:
        if conflict.action is not None:
            conflict.action.due_display = format_date(conflict.action.due_on)
    return ConflictGroups(
        planning_problems=[conflict for conflict in conflicts if conflict.is_schedule_problem],
        overdue=[conflict for conflict in conflicts if not conflict.is_schedule_problem],
    )


# --- Timeline -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineMonth:
    label: str
    long_label: str
    left: str
    width: str
    starts_year: bool


@dataclass(frozen=True)
class TimelineBar:
    milestone: Milestone
    left: str
    width: str
    is_point: bool
    conflicts: list[Conflict]
    depends_on: list[Milestone] = field(default_factory=list)

    @property
    def is_tentative(self) -> bool:
        return self.milestone.status == Milestone.Status.TENTATIVE

    @property
    def depends_on_ids(self) -> str:
        """The ids of the milestones this one waits for, space-separated (the arrows' data attribute)."""
        return " ".join(str(other.pk) for other in self.depends_on)

    @property
    def late_dependency_ids(self) -> str:
        """The ids of the dependencies that end after this milestone starts (their arrows are drawn red)."""
        return " ".join(str(c.other.pk) for c in self.conflicts if c.kind == ConflictKind.DEPENDENCY and c.other)

    @property
    def conflict_reasons(self) -> str:
        """The kinds of this milestone's conflicts in words ("volgorde, afwezigheid"), each once."""
        return ", ".join(dict.fromkeys(conflict.kind_label for conflict in self.conflicts))


@dataclass(frozen=True)
class TimelineChoice:
    value: str
    label: str


@dataclass
class TimelineGroup:
    name: str
    bars: list[TimelineBar] = field(default_factory=list)


@dataclass(frozen=True)
class Timeline:
    starts_on: datetime.date | None
    ends_on: datetime.date | None
    months: list[TimelineMonth]
    groups: list[TimelineGroup]
    today: datetime.date
    today_left: str | None
    conflict_count: int
    # The filter: the phases and bodies to choose from, and the chosen ones ("" for all).
    phase_choices: list[TimelineChoice] = field(default_factory=list)
    body_choices: list[TimelineChoice] = field(default_factory=list)
    phase: str = ""
    body: str = ""

    @property
    def is_filtered(self) -> bool:
        return bool(self.phase or self.body)

    @property
    def shown_count(self) -> int:
        return sum(len(group.bars) for group in self.groups)

    @property
    def is_empty(self) -> bool:
        return self.starts_on is None

    @property
    def today_display(self) -> str:
        return format_date(self.today)

    @property
    def span_display(self) -> str:
        if self.is_empty:
            return ""
        return format_when(self.starts_on, self.ends_on, Precision.MONTHS)

    @property
    def today_in_span(self) -> bool:
        return self.today_left is not None


def _css_percent(value: float) -> str:
    # A plain string with a decimal point: template localisation would write a comma, which CSS cannot read.
    return f"{max(0.0, min(100.0, value)):.3f}"


def _month_span(starts_on: datetime.date, ends_on: datetime.date) -> tuple[datetime.date, datetime.date]:
    first = starts_on.replace(day=1)
    last = ends_on.replace(day=calendar.monthrange(ends_on.year, ends_on.month)[1])
    return first, last


def process_timeline(process: StrategyProcess, *, today: datetime.date, phase: str = "", body: str = "") -> Timeline:
    """All milestones grouped by phase on one axis from the first day of the first month to the last day of the
    last month of the planning. Positions are percentages of that span; each bar carries its open conflicts and
    the milestones it depends on. ``phase`` and ``body`` (ids as strings, "" for all; an unknown id shows
    nothing) keep only the bars of that phase or body; the axis and the conflicts stay those of the whole
    planning, so a filtered view shows the same dates and problems. Five queries: milestones, their dependencies,
    absences, memberships and phases."""
    milestones = list(planning_milestones(process))
    phases = list(Phase.objects.filter(process=process).order_by("order"))
    groups = {phase_row.pk: TimelineGroup(name=phase_row.name) for phase_row in phases}
    unphased = TimelineGroup(name=_("Zonder fase"))
    phase_choices = [TimelineChoice(str(phase_row.pk), phase_row.name) for phase_row in phases]
    bodies = {m.body_id: m.body for m in milestones if m.body_id}
    body_choices = [
        TimelineChoice(str(pk), f"{b.short_name} ({b.name})" if b.name != b.short_name else b.short_name)
        for pk, b in sorted(bodies.items(), key=lambda item: item[1].short_name.lower())
    ]
    if not milestones:
        return Timeline(None, None, [], list(groups.values()), today, None, 0, phase_choices, body_choices)

    conflicts = conflicts_by_milestone(milestone_conflicts(milestones, today=today))
    span_start, span_end = _month_span(min(m.starts_on for m in milestones), max(m.ends_on for m in milestones))
    total_days = (span_end - span_start).days + 1

    def offset(date: datetime.date) -> float:
        return 100 * (date - span_start).days / total_days

    months = []
    month = span_start
    while month <= span_end:
        month_end = month.replace(day=calendar.monthrange(month.year, month.month)[1])
        months.append(
            TimelineMonth(
                label=MONTHS[month.month - 1][:3],
                long_label=f"{MONTHS[month.month - 1]} {month.year}",
                left=_css_percent(offset(month)),
                width=_css_percent(offset(month_end + datetime.timedelta(days=1)) - offset(month)),
                starts_year=month.month == 1 or month == span_start,
            )
        )
        month = month_end + datetime.timedelta(days=1)

    for milestone in milestones:
        if phase and str(milestone.phase_id) != phase:
            continue
        if body and str(milestone.body_id) != body:
            continue
        group = groups.get(milestone.phase_id, unphased)
        group.bars.append(
            TimelineBar(
                milestone=milestone,
                left=_css_percent(offset(milestone.starts_on)),
                width=_css_percent(
                    offset(milestone.ends_on + datetime.timedelta(days=1)) - offset(milestone.starts_on)
                ),
                is_point=not milestone.is_period,
                conflicts=conflicts.get(milestone.pk, []),
                depends_on=sorted(milestone.depends_on.all(), key=lambda other: (other.starts_on, other.pk)),
            )
        )
    all_groups = list(groups.values()) + ([unphased] if unphased.bars else [])
    if phase:
        all_groups = [group for group in all_groups if group.bars]
    today_left = _css_percent(offset(today)) if span_start <= today <= span_end else None
    return Timeline(
        starts_on=span_start,
        ends_on=span_end,
        months=months,
        groups=all_groups,
        today=today,
        today_left=today_left,
        conflict_count=sum(len(items) for items in conflicts.values()),
        phase_choices=phase_choices,
        body_choices=body_choices,
        phase=phase,
        body=body,
    )


# --- Copying --------------------------------------------------------------------------------------------------


def process_copy_summary(process: StrategyProcess) -> dict[str, int]:
    """How many phases, milestones and actions a copy of the process takes over. Three queries."""
    return {
        "phases": Phase.objects.filter(process=process).count(),
        "milestones": Milestone.objects.filter(process=process).count(),
        "actions": Action.objects.filter(process=process).count(),
    }
