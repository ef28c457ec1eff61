"""Reads of the reviews that several places share: a review's content (the page, the versions' snapshots, the PDF,
the API), in a fixed number of queries. What was achieved against the target comes from the monitoring at the
review's moment (monitoring.selectors), never typed in. An adopted review reads from its version 1.0: exactly
what the Bestuurscollege adopted."""

from core.dates import format_date
from monitoring.selectors import monitoring_for
from planning.models import StrategyProcess

from .models import Review, ReviewGoal, ReviewVersion


def reviews_of(process: StrategyProcess) -> list[Review]:
    return list(Review.objects.filter(process=process).select_related("moment").order_by("kind"))


def review_goals(review: Review) -> list[ReviewGoal]:
    return list(
        ReviewGoal.objects.filter(review=review)
        .select_related("goal__priority", "goal__process")
        .order_by("goal__position", "goal__pk")
    )


def _indicator_rows(item, moment_id):
    at = item.at(moment_id) if (item and moment_id) else None
    if at is None:
        return (
            [
                {
                    "name": indicator.name,
                    "baseline": indicator.baseline_text,
                    "target": indicator.target_text,
                    "value": "",
                    "progress": None,
                    "provisional": False,
                }
                for indicator in (item.indicators if item else [])
            ],
            None,
            "",
        )
    rows = [
        {
            "name": progress.indicator.name,
            "baseline": progress.indicator.baseline_text,
            "target": progress.indicator.target_text,
            "value": progress.value_text if progress.value is not None else "",
            "progress": progress.progress_percent,
            "provisional": progress.provisional,
        }
        for progress in at.indicators
    ]
    return rows, at.status, at.status_label


def live_content(review: Review) -> dict:
    """The review as it is now: its prose and recommendations, with the monitoring at its moment."""
    process = review.process
    rows = review_goals(review)
    moments = [review.moment] if review.moment_id else []
    items = {item.goal.pk: item for item in monitoring_for(process, goals=[row.goal for row in rows], moments=moments)}
    priorities: dict[int, dict] = {}
    for row in rows:
        indicators, status, status_label = _indicator_rows(items.get(row.goal_id), review.moment_id)
        priority = row.goal.priority
        priorities.setdefault(priority.pk, {"title": priority.title, "goals": []})["goals"].append(
            {
                "id": row.pk,
                "goal_id": row.goal_id,
                "title": row.goal.title,
                "owner": row.goal.owner_display,
                "target": row.goal.target_value,
                "indicators": indicators,
                "status": status,
                "status_label": status_label,
                "worked_html": row.worked_html,
                "not_worked_html": row.not_worked_html,
                "recommendation": row.recommendation,
                "recommendation_label": str(row.get_recommendation_display()) if row.recommendation else "",
                "reason": row.reason,
            }
        )
    return {
        "title": review.title,
        "kind": review.kind,
        "kind_label": review.kind_display,
        "light": review.light,
        "process_title": process.title,
        "process_short_name": process.short_name,
        "moment_label": review.moment.label if review.moment_id else "",
        "moment_date": format_date(review.moment.measured_on) if review.moment_id else "",
        "summary_html": review.summary_html,
        "priorities": list(priorities.values()),
    }


def adopted_version(review: Review) -> ReviewVersion | None:
    return ReviewVersion.objects.filter(review=review, major=1, minor=0).first()


def review_content(review: Review) -> dict:
    """What the pages, the PDF and the API show: the adopted version's snapshot once adopted, else live."""
    if review.is_frozen:
        version = adopted_version(review)
        if version is not None:
            return version.snapshot
    return live_content(review)


def goal_rows(content: dict) -> list[dict]:
    return [goal for priority in content["priorities"] for goal in priority["goals"]]


def next_version_label(review: Review) -> str:
    last = ReviewVersion.objects.filter(review=review, major=0).order_by("-minor").values_list("minor", flat=True)
    return f"0.{(last.first() or 0) + 1}"
