"""The long list's panel of the previous period (priorities.hooks.LONGLIST_PANELS): per candidate priority, how the
corresponding goal of the previous process did, e.g. "In VS 2019-2022: Doelstelling 1 – behaald (endterm review:
voortzetten)". A goal corresponds to a candidate when its priority is the one the candidate continues, has the
same title, or (failing those) shares a theme with it. Its standing is the monitoring's last status; the
recommendation that of the adopted endterm review, else the adopted midterm review.

The panel draws on the previous process's goals, monitoring and reviews and on the long list's priorities: it is
a cached fragment under the version of all content (core.fragments.CONTENT_AREA), per role, language and the
priorities the reader sees."""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from core.fragments import CONTENT_AREA, cached_fragment
from core.panels import Panel
from documents.models import Goal
from monitoring.selectors import monitoring_for
from planning.fragments import role_audience
from planning.models import StrategyProcess

from .models import Review, ReviewGoal


@dataclass(frozen=True)
class PreviousGoal:
    goal: Goal
    status: str | None
    status_label: str
    recommendation: ReviewGoal | None


def _matches(priority, goals: list[Goal]) -> list[Goal]:
    title = priority.title.casefold()
    direct = [
        goal for goal in goals if goal.priority_id == priority.continues_id or goal.priority.title.casefold() == title
    ]
    if direct:
        return direct
    themes = {theme.pk for theme in priority.themes.all()}
    return [goal for goal in goals if themes & {theme.pk for theme in goal.priority.themes.all()}]


def previous_period_rows(process: StrategyProcess, priorities) -> tuple[StrategyProcess | None, list[tuple]]:
    """The previous process and per candidate priority its corresponding goals (PreviousGoal); a fixed number of
    queries whatever the number of priorities and goals."""
    if not process.predecessor_id:
        return None, []
    previous = StrategyProcess.objects.filter(pk=process.predecessor_id).first()
    if previous is None:
        return None, []
    goals = list(
        Goal.objects.filter(process=previous, status=Goal.Status.ADOPTED)
        .select_related("priority", "process")
        .prefetch_related("priority__themes")
        .order_by("position", "pk")
    )
    if not goals:
        return previous, []
    items = {item.goal.pk: item for item in monitoring_for(previous, goals=goals)}
    recommendations: dict[int, ReviewGoal] = {}
    # The endterm review's recommendation wins over the midterm's: read the midterm first, then overwrite.
    for row in (
        ReviewGoal.objects.filter(review__process=previous, review__status=Review.Status.ADOPTED)
        .exclude(recommendation="")
        .select_related("review")
        .order_by("-review__kind")
    ):
        recommendations[row.goal_id] = row
    rows = []
    for priority in priorities:
        found = []
        for goal in _matches(priority, goals):
            latest = items[goal.pk].latest if goal.pk in items else None
            found.append(
                PreviousGoal(
                    goal=goal,
                    status=latest.status if latest else None,
                    status_label=latest.status_label if latest else "",
                    recommendation=recommendations.get(goal.pk),
                )
            )
        rows.append((priority, found))
    return previous, rows


def _render_panel(process, priorities) -> str:
    """The panel's HTML, or "" when the previous period has nothing to say about these priorities."""
    previous, rows = previous_period_rows(process, priorities)
    if previous is None or not any(found for _, found in rows):
        return ""
    return render_to_string(
        "reviews/includes/previous_period_panel.html", {"previous": previous, "previous_rows": rows}
    )


def previous_period_panel(process, priorities, user) -> Panel | None:
    if not process.predecessor_id:
        return None
    html = cached_fragment(
        "longlist-previous-period",
        areas=[CONTENT_AREA],
        audience=role_audience(user),
        parts=[process.pk, "-".join(str(priority.pk) for priority in priorities)],
        render=lambda: _render_panel(process, priorities),
    )
    # Rendered by our template above, escaped there.
    return Panel("includes/rendered_panel.html", {"html": mark_safe(html)}) if html else None  # noqa: S308
