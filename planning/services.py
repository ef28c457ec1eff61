"""Writes of the planning that hold a rule of the domain: starting a process and copying an earlier one."""

import calendar
import datetime
import zoneinfo

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from core.dates import Precision, check_year
from core.dates import shift_years as shift_date

from .fragments import planning_changed
from .hooks import COPY_SKIPS_MILESTONES, PROCESS_COPIED
from .models import Action, Milestone, Phase, StrategyProcess

# The stages every VS process goes through, in order (see the planning note of VS 2019-2022).
DEFAULT_PHASES = [
    _("Scan en lange lijst"),
    _("Keuze DVO's"),
    _("Top vijf BBG"),
    _("Doelstellingen"),
    _("Vaststelling"),
    _("Bestuurlijke nota en MJB"),
    _("MJB en VS naar gemeenteraden"),
]


@transaction.atomic
def process_create(
    *,
    title: str,
    short_name: str,
    slug: str,
    period_start_year: int,
    period_end_year: int,
    predecessor: StrategyProcess | None = None,
    description: str = "",
) -> StrategyProcess:
    """Start a new strategy process with the seven standard phases.

    Rule: the short name and slug are unique and the period's last year is not before its first
    (checked through the model's constraints, raising ValidationError).
    """
    process = StrategyProcess(
        title=title,
        short_name=short_name,
        slug=slug,
        period_start_year=period_start_year,
        period_end_year=period_end_year,
        predecessor=predecessor,
        description=description,
    )
    process.full_clean()
    process.save()
    # Phase names are data from here on: stored in Dutch, whatever language the user who starts it reads.
    with translation.override("nl"):
        phases = [Phase(process=process, name=str(name), order=order) for order, name in enumerate(DEFAULT_PHASES, 1)]
    bulk_create_with_history(phases, Phase)
    return process


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def shift_when(
    starts_on: datetime.date, ends_on: datetime.date, precision: str, years: int
) -> tuple[datetime.date, datetime.date]:
    """A day or period ``years`` later with the same precision.

    A day stays one day (29 February becomes 28 February in a common year); a period still runs from the first
    of its first month to the last day of its last month, so 'februari 2019' becomes 1-29 February 2020.
    """
    if precision == Precision.DAY:
        day = shift_date(starts_on, years)
        return day, day
    first = datetime.date(check_year(starts_on.year + years), starts_on.month, 1)
    return first, _month_end(check_year(ends_on.year + years), ends_on.month)


@transaction.atomic
def process_copy(
    *,
    source: StrategyProcess,
    title: str,
    short_name: str,
    slug: str,
    shift_years: int,
) -> StrategyProcess:
    """Start a new process from an earlier one's planning, everything ``shift_years`` whole years later.

    Rules:
    - the new process's period is the source's period shifted by the same number of years, and its
      predecessor is the source;
    - its phases, milestones (with their dependencies, all within the new process) and actions are copies, but
      for the milestones a higher app says are the source's alone (``hooks.COPY_SKIPS_MILESTONES``);
      every day and period moves by whole years and keeps its precision (see ``shift_when``);
    - a copied milestone starts as 'planned', except a tentative one, which stays tentative; it keeps the fact
      that completes it (``completed_by``);
      a copied action is not done yet;
    - history records are written for everything created;
    - then every function on ``planning.hooks.PROCESS_COPIED`` runs (source, process), in the same transaction:
      the higher apps' part of the next cycle (reviews: the adopted reviews and progress reports become sources
      of the new scan).

    - the shifted period lies within the years a process may have (``core.limits.year_validators``) and no
      shifted date passes the year 9999 (``date_out_of_range``): refused before anything is stored.

    Queries: a fixed number, whatever the size of the planning (bulk inserts).
    """
    process = StrategyProcess(
        title=title,
        short_name=short_name,
        slug=slug,
        period_start_year=source.period_start_year + shift_years,
        period_end_year=source.period_end_year + shift_years,
        predecessor=source,
        description=source.description,
    )
    process.full_clean()
    process.save()

    source_phases = list(Phase.objects.filter(process=source).order_by("order"))
    new_phases = bulk_create_with_history(
        [
            Phase(process=process, name=phase.name, order=phase.order, description=phase.description)
            for phase in source_phases
        ],
        Phase,
    )
    phase_map = {old.pk: new.pk for old, new in zip(source_phases, new_phases, strict=True)}

    skipped = {pk for ids in COPY_SKIPS_MILESTONES.call(source) for pk in ids}
    source_milestones = [
        milestone
        for milestone in Milestone.objects.filter(process=source).order_by("pk")
        if milestone.pk not in skipped
    ]
    copies = []
    for milestone in source_milestones:
        starts_on, ends_on = shift_when(milestone.starts_on, milestone.ends_on, milestone.precision, shift_years)
        copies.append(
            Milestone(
                process=process,
                phase_id=phase_map.get(milestone.phase_id),
                title=milestone.title,
                description=milestone.description,
                kind=milestone.kind,
                starts_on=starts_on,
                ends_on=ends_on,
                precision=milestone.precision,
                status=(
                    Milestone.Status.TENTATIVE
                    if milestone.status == Milestone.Status.TENTATIVE
                    else Milestone.Status.PLANNED
                ),
                completed_by=milestone.completed_by,
                body_id=milestone.body_id,
                responsible_person_id=milestone.responsible_person_id,
                deliverables=milestone.deliverables,
                notes=milestone.notes,
            )
        )
    new_milestones = Milestone.objects.bulk_create(copies)
    milestone_map = {old.pk: new.pk for old, new in zip(source_milestones, new_milestones, strict=True)}

    through = Milestone.depends_on.through
    links = [
        through(
            from_milestone_id=milestone_map[link.from_milestone_id], to_milestone_id=milestone_map[link.to_milestone_id]
        )
        for link in through.objects.filter(from_milestone__process=source, to_milestone__process=source)
        if link.from_milestone_id in milestone_map and link.to_milestone_id in milestone_map
    ]
    through.objects.bulk_create(links)
    _milestone_history_create(new_milestones, links)

    source_actions = list(Action.objects.filter(process=source).order_by("pk"))
    bulk_create_with_history(
        [
            Action(
                process=process,
                milestone_id=milestone_map.get(action.milestone_id),
                title=action.title,
                description=action.description,
                owner_id=action.owner_id,
                due_on=shift_date(action.due_on, shift_years) if action.due_on else None,
                done_on=None,
            )
            for action in source_actions
        ],
        Action,
    )
    PROCESS_COPIED.call(source=source, process=process)
    return process


def _milestone_history_create(milestones: list[Milestone], links: list) -> None:
    """The 'created' history records of bulk-created milestones, including their dependencies at that moment."""
    records = Milestone.history.bulk_history_create(milestones)
    record_by_milestone = {record.id: record for record in records}
    m2m_history_model = Milestone.history.model._meta.get_field("historicalmilestone_depends_on").related_model
    m2m_history_model.objects.bulk_create(
        [
            m2m_history_model(
                id=link.id,
                history=record_by_milestone[link.from_milestone_id],
                from_milestone_id=link.from_milestone_id,
                to_milestone_id=link.to_milestone_id,
            )
            for link in links
        ]
    )


def _shift_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def reschedule_when(
    starts_on: datetime.date, ends_on: datetime.date, precision: str, days: int
) -> tuple[datetime.date, datetime.date]:
    """A day or period moved ``days`` later, keeping its precision: a day moves by exactly ``days``; a month or
    months by the whole months nearest to it (still first to last of the month); a part of a year (begin, medio,
    eind) by the whole years nearest to it."""
    if precision == Precision.DAY:
        delta = datetime.timedelta(days=days)
        return starts_on + delta, ends_on + delta
    if precision in (Precision.MONTH, Precision.MONTHS):
        months = round(days / 30.44)
        first = _shift_months(starts_on, months)
        last = _shift_months(ends_on, months)
        return first, _month_end(last.year, last.month)
    return shift_when(starts_on, ends_on, precision, round(days / 365.25))


@transaction.atomic
def process_reschedule(*, process: StrategyProcess, days: int) -> StrategyProcess:
    """Move a process's whole planning ``days`` later (earlier when negative): every milestone (see
    ``reschedule_when``) and every action's due day; done actions keep the day they were done.

    Rules: the period of the process stays as it is; the order between milestones is kept for days and as far
    as whole months allow; history records are written for every row moved. A fixed number of queries.
    """
    milestones = list(Milestone.objects.filter(process=process))
    for milestone in milestones:
        milestone.starts_on, milestone.ends_on = reschedule_when(
            milestone.starts_on, milestone.ends_on, milestone.precision, days
        )
    bulk_update_with_history(milestones, Milestone, ["starts_on", "ends_on"], batch_size=500)
    actions = list(Action.objects.filter(process=process, due_on__isnull=False))
    for action in actions:
        action.due_on += datetime.timedelta(days=days)
    bulk_update_with_history(actions, Action, ["due_on"], batch_size=500)
    planning_changed()  # the bulk updates bypass save(): the cached timeline and conflicts must follow
    return process


# --- Statuses that follow the facts -----------------------------------------------------------------------------


Moment = datetime.datetime | datetime.date | None


def _moment(when: Moment) -> datetime.datetime | None:
    """A fact's moment for the history: a day counts as noon of that day in the Netherlands."""
    if when is None or isinstance(when, datetime.datetime):
        return when
    return datetime.datetime.combine(when, datetime.time(12, 0), tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))


def _save_status(milestone: Milestone, *, status: str, by, when: Moment, reason: str) -> None:
    """Save a new status with who (``by``) and when (``when``, default now) in the milestone's history."""
    milestone.status = status
    if by is not None:  # else the request's user (simple_history's middleware)
        milestone._history_user = by
    moment = _moment(when)
    if moment is not None:
        milestone._history_date = moment
    if reason:
        milestone._change_reason = reason[:100]
    milestone.save(update_fields=["status", "updated_at"])


@transaction.atomic
def milestone_complete(*, milestone: Milestone, by, when: Moment = None, reason: str = "") -> Milestone:
    """Mark a milestone done, recording who (``by``) and when (``when``: the moment of the fact; default now) in its
    history, with ``reason`` as the change's reason.

    Rules: only an open milestone (planned, tentative, moved) becomes done; a done or cancelled one is left as it
    is, so that a fact recorded twice (a replaced DVO choice) writes no second history record.
    """
    if milestone.status not in Milestone.OPEN_STATUSES:
        return milestone
    _save_status(milestone, status=Milestone.Status.DONE, by=by, when=when, reason=reason)
    return milestone


@transaction.atomic
def milestone_cancel(*, milestone: Milestone, by, reason: str, when: Moment = None) -> Milestone:
    """Mark an open milestone cancelled ('vervallen'), e.g. a meeting under reservation that did not take place;
    who, when and why are kept in its history. A milestone that is done or already cancelled is left as it is."""
    if milestone.status not in Milestone.OPEN_STATUSES:
        return milestone
    _save_status(milestone, status=Milestone.Status.CANCELLED, by=by, when=when, reason=reason)
    return milestone


def _fact_milestones(process: StrategyProcess, fact: str, district=None):
    milestones = Milestone.objects.filter(process=process, completed_by=fact)
    if district is not None:
        milestones = milestones.filter(body__district=district)
    return milestones.order_by("pk")


@transaction.atomic
def milestones_complete(
    *, process: StrategyProcess, fact: str, by, when: Moment = None, district=None, reason: str = ""
) -> list[Milestone]:
    """A fact of the process happened (``fact``: a ``Milestone.CompletedBy``): every open milestone of the process
    that this fact completes becomes done, each with who and when in its history. With ``district``, only the
    milestones whose body belongs to that district (a DVO's own meeting). The one place the apps above the
    planning (voting, decisions, documents, priorities) change a milestone's status; returns the ones changed."""
    changed = []
    for milestone in _fact_milestones(process, fact, district).filter(status__in=Milestone.OPEN_STATUSES):
        changed.append(milestone_complete(milestone=milestone, by=by, when=when, reason=reason))
    return changed


@transaction.atomic
def milestones_reopen(
    *, process: StrategyProcess, fact: str, by, when: Moment = None, district=None, reason: str = ""
) -> list[Milestone]:
    """A fact was undone (a round started afresh, the long list reopened, the document back to concept): the
    milestones that ``fact`` completed are planned again, each with who, when and ``reason`` in its history.
    Milestones done by hand (without ``completed_by``) and cancelled ones are left alone."""
    changed = []
    for milestone in _fact_milestones(process, fact, district).filter(status=Milestone.Status.DONE):
        _save_status(milestone, status=Milestone.Status.PLANNED, by=by, when=when, reason=reason)
        changed.append(milestone)
    return changed
