"""The one way views and the API reach the monitoring's objects: 404 for what is not this process's, 403 for a
user who may read but asks to write (core.access)."""

from core.access import check_perm, get_for_user
from documents.models import Goal
from planning.models import StrategyProcess

from .models import Indicator, MeasurementMoment, OwnerContact

VIEW = "monitoring.view_monitoring"
CHANGE = "monitoring.change_monitoring"
ENTER = "monitoring.enter_values"


def get_goal_for_user(user, process: StrategyProcess, pk: int, *, perm: str = VIEW) -> Goal:
    """A goal of the process: to read (VIEW), to enter its values (ENTER) or to manage it (CHANGE)."""
    check_perm(user, VIEW)
    goal = get_for_user(
        user, Goal.objects.select_related("process", "priority"), view_perm=VIEW, process=process, pk=pk
    )
    check_perm(user, perm, goal)
    return goal


def get_indicator_for_user(user, process: StrategyProcess, pk: int) -> Indicator:
    check_perm(user, VIEW)
    return get_for_user(
        user,
        Indicator.objects.select_related("goal__process"),
        view_perm=VIEW,
        change_perm=CHANGE,
        write=True,
        goal__process=process,
        pk=pk,
    )


def get_moment_for_user(user, process: StrategyProcess, pk: int, *, write: bool = False) -> MeasurementMoment:
    check_perm(user, VIEW)
    return get_for_user(
        user, MeasurementMoment, view_perm=VIEW, change_perm=CHANGE, write=write, process=process, pk=pk
    )


def get_contact_for_user(user, goal: Goal, pk: int) -> OwnerContact:
    return get_for_user(user, OwnerContact, view_perm=VIEW, change_perm=CHANGE, write=True, goal=goal, pk=pk)
