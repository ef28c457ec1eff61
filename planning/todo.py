"""What a user should do now: the start page's "Wat nu" and a process's dashboard list it, per role.

Each app says what is to do in its own part of the process through the hook ``planning.hooks.TODOS`` (voting: the
DVO's choice and the rounds waiting; decisions: the BBG's decision); the planning adds its own here (milestones due
this week and the open conflicts, for staff). Every item links to the page where it is done.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.dates import format_date

from .conflicts import process_conflicts
from .hooks import TODOS
from .models import Milestone, StrategyProcess

WEEK = datetime.timedelta(days=7)


@dataclass(frozen=True)
class Todo:
    process: StrategyProcess
    title: str  # what is to do, with its date: "Uw DVO moet nog kiezen – uiterlijk 4 april 2027"
    url: str  # where it is done
    action: str  # the button's text: "Keuze invullen"
    detail: str = ""
    urgent: bool = False  # a deadline within the week, or late
    done: bool = False  # an outcome to read rather than a task ("De uitslag is bekend")
    order: int = 50  # lower comes first within the same urgency


def current_processes(*, today: datetime.date) -> list[StrategyProcess]:
    """The processes still running: their period has not ended (a past cycle has nothing left to do). One query."""
    return list(StrategyProcess.objects.filter(period_end_year__gte=today.year).order_by("-period_start_year", "pk"))


def todos_for(user, processes: list[StrategyProcess], *, now: datetime.datetime | None = None) -> list[Todo]:
    """Everything ``user`` should do or read now in ``processes``: urgent first, then outcomes last."""
    if not processes or not user.has_role:
        return []
    now = now or timezone.now()
    items = [*planning_todos(user, processes, now)]
    for function in TODOS.functions:
        items.extend(function(user=user, processes=processes, now=now))
    return sorted(items, key=lambda item: (item.done, not item.urgent, item.order))


def planning_todos(user, processes, now) -> list[Todo]:
    """For staff: the milestones that run or end this week, and each process's open conflicts."""
    if not user.is_programme_staff:
        return []
    today = timezone.localdate(now)
    items = []
    due = (
        Milestone.objects.filter(process__in=processes, status__in=Milestone.OPEN_STATUSES)
        .filter(Q(ends_on__gte=today, starts_on__lte=today + WEEK))
        .select_related("process")
        .order_by("ends_on", "pk")
    )
    for milestone in due:
        items.append(
            Todo(
                process=milestone.process,
                title=_("Deze week: %(milestone)s – uiterlijk %(date)s")
                % {"milestone": milestone.title, "date": format_date(milestone.ends_on)},
                url=milestone.get_absolute_url(),
                action=_("Mijlpaal bekijken"),
                urgent=True,
                order=20,
            )
        )
    for process in processes:
        conflicts = process_conflicts(process, today=today)
        if conflicts:
            items.append(
                Todo(
                    process=process,
                    title=ngettext(
                        "%(count)d open knelpunt in de planning",
                        "%(count)d open knelpunten in de planning",
                        len(conflicts),
                    )
                    % {"count": len(conflicts)},
                    url=reverse("planning:conflict_list", kwargs={"slug": process.slug}),
                    action=_("Knelpunten bekijken"),
                    detail=conflicts[0].message,
                    order=40,
                )
            )
    return items
