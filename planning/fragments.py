"""The version of the planning's data for cached fragments (core.fragments): moved on by every save and delete of
what the conflicts and the phase progress are computed from (processes, phases, milestones and their
dependencies, actions, absences, people, bodies and memberships), whatever made it. Bulk writes that bypass
``save()`` (the process copy's bulk inserts create new rows of a new process, no one has a fragment of it yet;
the bench's growth) call ``planning_changed()`` themselves."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from core.fragments import bump

PLANNING_AREA = "planning"


def planning_changed(**_kwargs) -> None:
    bump(PLANNING_AREA)


def role_audience(user) -> str:
    """The audience (core.fragments) of a planning fragment: the user's role and whether a superuser, so that no
    role is ever served a fragment made for another, even where the content is the same for all today."""
    return f"role:{getattr(user, 'role', '')}:{user.is_superuser}"


def connect() -> None:
    """Called once from PlanningConfig.ready()."""
    from .models import Absence, Action, Body, Membership, Milestone, Person, Phase, StrategyProcess

    for model in (StrategyProcess, Phase, Milestone, Action, Absence, Person, Body, Membership):
        post_save.connect(planning_changed, sender=model, dispatch_uid=f"planning-fragments-save-{model.__name__}")
        post_delete.connect(planning_changed, sender=model, dispatch_uid=f"planning-fragments-delete-{model.__name__}")
    m2m_changed.connect(
        planning_changed, sender=Milestone.depends_on.through, dispatch_uid="planning-fragments-depends-on"
    )
