"""Writes to the schedule that are more than a plain form save."""

from django.db import transaction

from .models import Milestone


@transaction.atomic
def milestone_delete(*, milestone: Milestone) -> list[Milestone]:
    """Delete a milestone. Milestones that depended on it lose that dependency, and each of them records the
    change in its own history (a plain delete would drop the links silently). Its actions stay, without a
    milestone. Returns the milestones that depended on it."""
    dependents = list(milestone.dependents.all())
    for dependent in dependents:
        dependent.depends_on.remove(milestone)
    milestone.delete()
    return dependents
