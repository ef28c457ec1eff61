"""Reads of the BBG's decision that several places share: the meetings at which the BBG decides, a round's
decision, and the confirmed top five (the dashboard, the goals and the document read it).

Visibility is not decided here: callers ask "decisions.view_decision" first.
"""

from django.db.models import Prefetch

from planning.models import Body, Milestone, StrategyProcess
from voting.models import Round

from .models import BbgDecision, DecisionPriority, PassedOver


def bbg_meetings(process: StrategyProcess):
    """The process's milestones of the BBG (the steering group), the meetings at which it can decide."""
    return Milestone.objects.filter(process=process, body__kind=Body.Kind.STEERING_GROUP).order_by("starts_on", "pk")


def decision_for(round: Round):
    """The round's BBG decision (confirmed or not) with its five and its passed-over priorities, or None.
    Three queries."""
    return (
        BbgDecision.objects.filter(round=round)
        .select_related("meeting", "confirmed_by", "round__process")
        .prefetch_related(
            Prefetch("chosen", queryset=DecisionPriority.objects.select_related("priority").order_by("position")),
            Prefetch(
                "passed_over", queryset=PassedOver.objects.select_related("priority").order_by("priority__position")
            ),
        )
        .first()
    )


def confirmed_top_five(process: StrategyProcess):
    """The BBG's CONFIRMED top five of the process (for the dashboard), or None. Two queries."""
    return (
        BbgDecision.objects.filter(round__process=process, confirmed_at__isnull=False)
        .select_related("meeting")
        .prefetch_related(
            Prefetch("chosen", queryset=DecisionPriority.objects.select_related("priority").order_by("position"))
        )
        .first()
    )
