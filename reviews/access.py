"""The one way views and the API reach a review and its goals: 404 for what is not this process's, 403 for a user
who may read but asks to write (core.access)."""

from core.access import check_perm, get_for_user
from planning.models import StrategyProcess

from .models import Review, ReviewGoal

VIEW = "reviews.view_review"
CHANGE = "reviews.change_review"


def get_review_for_user(user, process: StrategyProcess, pk: int, *, write: bool = False) -> Review:
    check_perm(user, VIEW)
    return get_for_user(
        user,
        Review.objects.select_related("process", "moment"),
        view_perm=VIEW,
        change_perm=CHANGE,
        write=write,
        process=process,
        pk=pk,
    )


def get_review_goal_for_user(user, review: Review, pk: int, *, write: bool = False) -> ReviewGoal:
    return get_for_user(
        user,
        ReviewGoal.objects.select_related("goal__priority", "review__process"),
        view_perm=VIEW,
        change_perm=CHANGE,
        write=write,
        review=review,
        pk=pk,
    )
