"""Conflicts in a process's planning, found from the data each time (nothing is stored).

- dependency: a milestone is scheduled to be over before a milestone it depends on is. For a day that means the
  day falls before the other's (last) day; a period may overlap the end of what it depends on (the long list in
  "maart 2018" after the scan of "januari - maart 2018"), but not end before it;
- absence: a meeting or decision on a day when a member of its body is known to be absent;
- overdue: a milestone still open after its last day, or an action not done after its due date.

Done and cancelled milestones raise nothing. The queries are a fixed number whatever the size of the planning.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import ClassVar

from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.dates import format_date

from .models import Absence, Action, Membership, Milestone, StrategyProcess


class ConflictKind:
    DEPENDENCY = "dependency"
    ABSENCE = "absence"
    OVERDUE_MILESTONE = "overdue_milestone"
    OVERDUE_ACTION = "overdue_action"

    labels: ClassVar[dict] = {
        DEPENDENCY: gettext_lazy("volgorde"),
        ABSENCE: gettext_lazy("afwezigheid"),
        OVERDUE_MILESTONE: gettext_lazy("mijlpaal over tijd"),
        OVERDUE_ACTION: gettext_lazy("actie over tijd"),
    }


# Kinds of milestone at which people of a body are expected to be present.
GATHERING_KINDS = (Milestone.Kind.MEETING, Milestone.Kind.DECISION)


@dataclass(frozen=True)
class Conflict:
    kind: str
    message: str
    milestone: Milestone | None = None
    action: Action | None = None
    other: Milestone | None = None
    person_name: str = ""
    # An absence's reason (free text, possibly about health): never in ``message``, which every role reads;
    # shown only where ``planning.view_absence`` holds (programme staff).
    absence_reason: str = ""
    sort_date: datetime.date = field(default=datetime.date.min, compare=False)

    @property
    def kind_label(self) -> str:
        return str(ConflictKind.labels[self.kind])

    @property
    def is_schedule_problem(self) -> bool:
        """Order and absence problems, as opposed to things merely running late."""
        return self.kind in (ConflictKind.DEPENDENCY, ConflictKind.ABSENCE)


def planning_milestones(process: StrategyProcess):
    """The process's milestones with what the conflict rules and the pages need, in date order."""
    return (
        Milestone.objects.filter(process=process)
        .select_related("phase", "body", "responsible_person")
        .prefetch_related(
            Prefetch(
                "depends_on",
                queryset=Milestone.objects.only(
                    "id", "title", "starts_on", "ends_on", "precision", "status", "process_id"
                ),
            )
        )
    )


def _absences_by_body(milestones) -> dict[int, list[tuple[Membership, Absence]]]:
    """For every body that gathers on a day, its members' absences that fall on one of those days."""
    days = {m.starts_on for m in milestones if m.body_id and m.kind in GATHERING_KINDS and not m.is_period}
    body_ids = {m.body_id for m in milestones if m.body_id and m.kind in GATHERING_KINDS and not m.is_period}
    if not days:
        return {}
    first, last = min(days), max(days)
    absences = (
        Absence.objects.filter(starts_on__lte=last, ends_on__gte=first, person__memberships__body_id__in=body_ids)
        .select_related("person")
        .distinct()
    )
    absences_by_person = defaultdict(list)
    for absence in absences:
        absences_by_person[absence.person_id].append(absence)
    memberships = Membership.objects.filter(body_id__in=body_ids, person_id__in=absences_by_person.keys())
    result = defaultdict(list)
    for membership in memberships:
        for absence in absences_by_person[membership.person_id]:
            result[membership.body_id].append((membership, absence))
    return result


def milestone_conflicts(milestones, *, today: datetime.date, absences_by_body=None) -> list[Conflict]:
    """The conflicts of the given milestones (a list with depends_on prefetched)."""
    if absences_by_body is None:
        absences_by_body = _absences_by_body(milestones)
    conflicts = []
    for milestone in milestones:
        if not milestone.is_open:
            continue
        for dependency in milestone.depends_on.all():
            if dependency.status == Milestone.Status.CANCELLED:
                continue
            if milestone.ends_on < dependency.ends_on:
                conflicts.append(
                    Conflict(
                        kind=ConflictKind.DEPENDENCY,
                        milestone=milestone,
                        other=dependency,
                        sort_date=milestone.starts_on,
                        message=_("%(milestone)s (%(when)s) hangt af van %(other)s, maar die is pas op %(other_when)s.")
                        % {
                            "milestone": milestone.title,
                            "when": milestone.when_display,
                            "other": dependency.title,
                            "other_when": dependency.when_display,
                        },
                    )
                )
        if milestone.body_id and milestone.kind in GATHERING_KINDS and not milestone.is_period:
            day = milestone.starts_on
            for membership, absence in absences_by_body.get(milestone.body_id, []):
                if absence.covers(day) and membership.covers(day):
                    conflicts.append(
                        Conflict(
                            kind=ConflictKind.ABSENCE,
                            milestone=milestone,
                            person_name=absence.person.name,
                            absence_reason=absence.reason,
                            sort_date=day,
                            message=_("%(person)s (%(body)s) is afwezig op %(day)s.")
                            % {
                                "person": absence.person.name,
                                "body": milestone.body.short_name,
                                "day": format_date(day),
                            },
                        )
                    )
        if milestone.is_overdue(today):
            conflicts.append(
                Conflict(
                    kind=ConflictKind.OVERDUE_MILESTONE,
                    milestone=milestone,
                    sort_date=milestone.ends_on,
                    message=_("%(milestone)s had uiterlijk %(day)s klaar moeten zijn en staat nog op '%(status)s'.")
                    % {
                        "milestone": milestone.title,
                        "day": format_date(milestone.ends_on),
                        "status": milestone.get_status_display(),
                    },
                )
            )
    return conflicts


def action_conflicts(actions, *, today: datetime.date) -> list[Conflict]:
    return [
        Conflict(
            kind=ConflictKind.OVERDUE_ACTION,
            action=action,
            sort_date=action.due_on,
            message=_("Actie '%(action)s' had uiterlijk %(day)s gedaan moeten zijn.")
            % {"action": action.title, "day": format_date(action.due_on)},
        )
        for action in actions
        if action.is_overdue(today)
    ]


def process_conflicts(process: StrategyProcess, *, today: datetime.date | None = None) -> list[Conflict]:
    """Every open conflict of a process: schedule problems first, then what runs late, each by date."""
    today = today or timezone.localdate()
    milestones = list(planning_milestones(process))
    actions = Action.objects.filter(process=process).filter(Q(done_on__isnull=True), Q(due_on__lt=today))
    conflicts = milestone_conflicts(milestones, today=today) + action_conflicts(actions, today=today)
    return sorted(conflicts, key=lambda c: (not c.is_schedule_problem, c.sort_date))


def conflicts_by_milestone(conflicts: list[Conflict]) -> dict[int, list[Conflict]]:
    grouped = defaultdict(list)
    for conflict in conflicts:
        if conflict.milestone is not None:
            grouped[conflict.milestone.pk].append(conflict)
    return grouped
