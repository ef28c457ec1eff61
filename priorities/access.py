"""The one way views and the API reach a priority: 404 for what is not this process's, 403 for a user who may read
but asks to write (core.access)."""

from core.access import get_for_user
from planning.models import StrategyProcess

from .models import Priority


def get_priority_for_user(user, process: StrategyProcess, pk: int, *, write: bool = False) -> Priority:
    return get_for_user(
        user,
        Priority.objects.select_related("process", "continues__process"),
        view_perm="priorities.view_priority",
        change_perm="priorities.change_priority",
        write=write,
        process=process,
        pk=pk,
    )
