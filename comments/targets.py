"""What may be commented on: a priority of the long list and a goal. Each kind says the pages' own view rule
(reused, never copied), its field on Comment, and when its discussion is closed (with the refusal's code)."""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents.models import Goal
from priorities.models import Priority
from priorities.selectors import long_list_for


@dataclass(frozen=True)
class TargetKind:
    key: str  # the field on Comment, and the URL names' prefix (comments:<key>_comments)
    label: str
    model: type[models.Model]
    view_perm: str  # the rule of the object's own pages


PRIORITY = TargetKind("priority", gettext_lazy("prioriteit"), Priority, "priorities.view_priority")
GOAL = TargetKind("goal", gettext_lazy("doelstelling"), Goal, "documents.view_goal")
KINDS = (PRIORITY, GOAL)


def kind_of(target) -> TargetKind:
    return PRIORITY if isinstance(target, Priority) else GOAL


def closed_reason(target) -> tuple[str, str] | None:
    """(code, Dutch message) when the object's discussion is closed: a priority once its long list is frozen (the
    BBG approved it: what the DVOs vote on does not change under them), a goal once it is adopted."""
    if isinstance(target, Priority):
        if long_list_for(target.process).is_frozen:
            return "comment_longlist_frozen", _(
                "De lange lijst is vastgesteld; op de prioriteiten kan niet meer worden gereageerd."
            )
        return None
    if target.status == Goal.Status.ADOPTED:
        return "comment_goal_adopted", _(
            "Deze doelstelling is vastgesteld door het Bestuurscollege; er kan niet meer op worden gereageerd."
        )
    return None
