"""The one way views and the API reach a consultation round and a council's entry: 404 for what is not this
process's, then 403 for a user who may read but not write (a secretary and another district's council)."""

from core.access import check_perm, get_for_user
from planning.models import StrategyProcess

from .models import ConsultationRound, CouncilEntry


def get_round_for_user(user, process: StrategyProcess, pk: int, *, write: bool = False) -> ConsultationRound:
    check_perm(user, "consultation.view_consultation")
    return get_for_user(
        user,
        ConsultationRound.objects.select_related("process", "version"),
        view_perm="consultation.view_consultation",
        change_perm="consultation.change_round",
        write=write,
        process=process,
        pk=pk,
    )


def get_entry_for_user(user, process: StrategyProcess, pk: int, *, write: bool = False) -> CouncilEntry:
    check_perm(user, "consultation.view_consultation")
    return get_for_user(
        user,
        CouncilEntry.objects.select_related("round__process", "round__version", "municipality__district"),
        view_perm="consultation.view_consultation",
        change_perm="consultation.change_entry",
        write=write,
        round__process=process,
        pk=pk,
    )
