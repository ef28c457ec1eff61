"""The one way views and the API reach a commented object and a comment: 403 for who takes no part at all, 404 for
what lies outside what the user may see (another process's object, for a municipal contact), 403 for a reader who
asks to change what is not theirs."""

from django.db.models import Q
from django.shortcuts import get_object_or_404

from core.access import check_perm
from core.limits import parse_id
from planning.models import StrategyProcess

from .models import Comment
from .rules import contact_process_ids
from .selectors import visible_targets
from .targets import GOAL, PRIORITY, TargetKind

COMMENTS = Comment.objects.select_related("process", "priority__process", "goal__process", "author", "thread")


def get_target_for_user(user, kind: TargetKind, slug: str, pk) -> object:
    check_perm(user, "comments.view_target")
    process = get_object_or_404(StrategyProcess, slug=slug)
    return get_object_or_404(
        visible_targets(user, kind).select_related("process"), process=process, pk=parse_id(pk) or 0
    )


def get_comment_for_user(user, pk, *, perm: str = "comments.view_comment") -> Comment:
    check_perm(user, "comments.view_comment")
    visible = Q(priority__in=visible_targets(user, PRIORITY)) | Q(goal__in=visible_targets(user, GOAL))
    comment = get_object_or_404(COMMENTS.filter(visible), pk=parse_id(pk) or 0)
    check_perm(user, perm, comment)
    return comment


def get_target_process(user, slug: str) -> StrategyProcess:
    """A process the user takes part in: every process for the roles, 404 for a contact outside its scan."""
    check_perm(user, "comments.view_target")
    processes = StrategyProcess.objects.all()
    if not user.has_role:
        processes = processes.filter(pk__in=contact_process_ids(user))
    return get_object_or_404(processes, slug=slug)
