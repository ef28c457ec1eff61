"""The one way views and the API reach a priority: 404 for what is not this process's, 403 for a user who may read
but asks to write."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from planning.models import StrategyProcess

from .models import Priority


def get_priority_for_user(user, process: StrategyProcess, pk: int, *, write: bool = False) -> Priority:
    perm = "priorities.change_priority" if write else "priorities.view_priority"
    if not user.has_perm(perm):
        raise PermissionDenied
    priority = get_object_or_404(
        Priority.objects.select_related("process", "continues__process"), process=process, pk=pk
    )
    if not user.has_perm(perm, priority):
        raise PermissionDenied
    return priority
