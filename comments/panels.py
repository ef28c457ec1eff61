"""What the comments contribute to the long list's and the goals' pages (their hooks): a column with the number of
open threads per item (one query for the whole list) and a panel on the item's own page."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from core.panels import Column, Panel
from planning.models import StrategyProcess

from .models import Comment
from .rules import can_view_target
from .selectors import open_thread_counts
from .targets import GOAL, PRIORITY, TargetKind, closed_reason


def _url(kind: TargetKind, obj, slug: str | None = None) -> str:
    slug = slug or obj.process.slug
    return reverse(f"comments:{kind.key}_comments", kwargs={"slug": slug, "pk": obj.pk})


def _column(kind: TargetKind, user, objects) -> Column | None:
    objects = list(objects)
    if not objects or not can_view_target(user):
        return None
    counts = open_thread_counts(kind, [obj.pk for obj in objects])
    process_ids = {obj.process_id for obj in objects}
    slugs = dict(StrategyProcess.objects.filter(pk__in=process_ids).values_list("pk", "slug"))
    cells = {
        obj.pk: Panel(
            "comments/includes/count_cell.html",
            {
                "open_threads": counts.get(obj.pk, 0),
                "comments_url": _url(kind, obj, slugs[obj.process_id]),
                "target": obj,
            },
        )
        for obj in objects
    }
    return Column(_("Reacties"), cells)


def priority_column(user, objects) -> Column | None:
    return _column(PRIORITY, user, objects)


def goal_column(user, objects) -> Column | None:
    return _column(GOAL, user, objects)


def _panel(kind: TargetKind, obj, user) -> Panel | None:
    if not can_view_target(user, obj):
        return None
    numbers = Comment.objects.filter(**{kind.key: obj}, deleted_at__isnull=True).aggregate(
        total=Count("pk"), open=Count("pk", filter=Q(thread__isnull=True, resolved_at__isnull=True))
    )
    return Panel(
        "comments/includes/target_panel.html",
        {
            "comments_url": _url(kind, obj),
            "comment_total": numbers["total"],
            "open_threads": numbers["open"],
            "closed": closed_reason(obj),
        },
    )


def priority_panel(priority, user) -> Panel | None:
    return _panel(PRIORITY, priority, user)


def goal_panel(goal, user) -> Panel | None:
    return _panel(GOAL, goal, user)
