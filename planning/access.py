"""The one way views and the API reach a process and the objects in it.

404 for what does not exist (or is not this process's), 403 for a user who may read but asks to write.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from .models import Action, Milestone, StrategyProcess


def _check(user, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def get_process_for_user(user, slug: str, *, write: bool = False) -> StrategyProcess:
    process = get_object_or_404(StrategyProcess, slug=slug)
    _check(user, "planning.change_process" if write else "planning.view_process", process)
    return process


def get_milestone_for_user(user, process: StrategyProcess, pk: int, *, write: bool = False) -> Milestone:
    milestone = get_object_or_404(
        Milestone.objects.select_related("process", "phase", "body", "responsible_person"), process=process, pk=pk
    )
    _check(user, "planning.change_milestone" if write else "planning.view_milestone", milestone)
    return milestone


def get_action_for_user(user, process: StrategyProcess, pk: int, *, write: bool = False) -> Action:
    action = get_object_or_404(Action.objects.select_related("process", "milestone", "owner"), process=process, pk=pk)
    _check(user, "planning.change_action" if write else "planning.view_action", action)
    return action
