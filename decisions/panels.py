"""The decision's panels on the pages of lower apps (registered in DecisionsConfig.ready): the confirmed top five on
a process's dashboard, and the state of the decision under the round's result."""

from core.fragments import CONTENT_AREA, cached_fragment
from core.panels import Panel
from planning.fragments import role_audience

from .selectors import confirmed_top_five, decision_for


def dashboard_top_five(*, process, user) -> Panel:
    """The BBG's confirmed top five (or where to find the result): two queries, cached under the version of all
    content (core.fragments) per role."""
    top_five = cached_fragment(
        "decisions-dashboard-top-five",
        areas=[CONTENT_AREA],
        audience=role_audience(user),
        parts=[process.pk],
        render=lambda: confirmed_top_five(process),
    )
    return Panel("decisions/includes/dashboard_top_five.html", {"top_five": top_five})


def result_decision(*, process, round, user) -> Panel | None:
    """Under a visible result: whether the BBG decided, and for staff the button to record it."""
    decision = None
    if round is not None:
        # Cached under the version of all content per role; who may see it is checked below, after the cache.
        decision = cached_fragment(
            "decisions-result-decision",
            areas=[CONTENT_AREA],
            audience=role_audience(user),
            parts=[round.pk],
            render=lambda: decision_for(round),
        )
    if decision is not None and not user.has_perm("decisions.view_decision", decision):
        decision = None
    return Panel(
        "decisions/includes/result_decision.html",
        {"decision": decision, "can_change_decision": user.has_perm("decisions.change_decision")},
    )
