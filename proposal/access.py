"""The one way views and the API reach the proposal and a goal's plan: 404 for what is not this process's, 403 for
a reader who asks to write."""

from django.http import Http404

from core.access import check_perm, get_for_user
from planning.models import StrategyProcess

from .models import GoalPlan, Proposal, ProposalVersion
from .selectors import version_by_label


def _perm(write: bool) -> str:
    return "proposal.change_proposal" if write else "proposal.view_proposal"


def get_proposal_for_user(user, process: StrategyProcess, *, write: bool = False, required: bool = True):
    """The process's proposal; None (or 404 with ``required``) when it has not been started."""
    check_perm(user, _perm(write))
    proposal = Proposal.objects.filter(process=process).select_related("process").first()
    if proposal is None and required:
        raise Http404
    if proposal is not None:
        check_perm(user, _perm(write), proposal)
    return proposal


def get_plan_for_user(user, process: StrategyProcess, pk: int, *, write: bool = False) -> GoalPlan:
    check_perm(user, _perm(write))
    return get_for_user(
        user,
        GoalPlan.objects.select_related("proposal__process", "goal"),
        view_perm="proposal.view_proposal",
        change_perm="proposal.change_proposal",
        write=write,
        proposal__process=process,
        pk=pk,
    )


def get_version_for_user(user, process: StrategyProcess, label: str) -> ProposalVersion:
    """One version of the process's proposal by its label ('0.2'); 404 when there is no such version."""
    proposal = get_proposal_for_user(user, process)
    version = version_by_label(proposal, label)
    if version is None:
        raise Http404
    check_perm(user, "proposal.view_proposal", version)
    return version
