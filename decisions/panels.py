"""The decision's panels on the pages of lower apps (registered in DecisionsConfig.ready): the confirmed top five on
a process's dashboard, and the state of the decision under the round's result."""

from core.panels import Panel

from .selectors import confirmed_top_five, decision_for


def dashboard_top_five(*, process, user) -> Panel:
    """The BBG's confirmed top five (or where to find the result). Two queries."""
    return Panel("decisions/includes/dashboard_top_five.html", {"top_five": confirmed_top_five(process)})


def result_decision(*, process, round, user) -> Panel | None:
    """Under a visible result: whether the BBG decided, and for staff the button to record it."""
    decision = decision_for(round) if round is not None else None
    if decision is not None and not user.has_perm("decisions.view_decision", decision):
        decision = None
    return Panel(
        "decisions/includes/result_decision.html",
        {"decision": decision, "can_change_decision": user.has_perm("decisions.change_decision")},
    )
