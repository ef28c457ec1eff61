"""The one way views and the API reach a process and the objects in it.

404 for what does not exist (or is not this process's), 403 for a user who may read but asks to write
(core.access).
"""

from core.access import get_for_user

from .models import Action, Milestone, StrategyProcess


def get_process_for_user(user, slug: str, *, write: bool = False) -> StrategyProcess:
    return get_for_user(
        user,
        StrategyProcess,
        view_perm="planning.view_process",
        change_perm="planning.change_process",
        write=write,
        slug=slug,
    )


def get_milestone_for_user(user, process: StrategyProcess, pk: int, *, write: bool = False) -> Milestone:
    return get_for_user(
        user,
        Milestone.objects.select_related("process", "phase", "body", "responsible_person"),
        view_perm="planning.view_milestone",
        change_perm="planning.change_milestone",
        write=write,
        process=process,
        pk=pk,
    )


def get_action_for_user(user, process: StrategyProcess, pk: int, *, write: bool = False) -> Action:
    return get_for_user(
        user,
        Action.objects.select_related("process", "milestone", "owner"),
        view_perm="planning.view_action",
        change_perm="planning.change_action",
        write=write,
        process=process,
        pk=pk,
    )
