"""Who may see the result of a round and who records the BBG's decision.

- Programme staff see the full result (counts, ranking, matrix, exports) at any time, also while the round is open.
- Every other role (BBG members, DVO secretaries) sees only progress ("3 van 5 DVO's hebben gekozen") until the
  round is closed or staff have released the result (Round.results_visible_to_all); then they see all of it.
  BBG members see the ranking; they do not vote.
- Staff record and confirm the BBG's top five. Everyone with a role sees a confirmed decision; a decision that is
  still being recorded is for staff only.

The lead merges these into voting/rules.py with ``RULES |= RESULT_RULES``.
"""

from accounts.rules import has_role, is_programme_staff


def can_view_result(user, obj=None) -> bool:
    """With a Round: may the user see its counts now? Without one: may the user see any result at all."""
    if is_programme_staff(user):
        return True
    if not has_role(user) or obj is None:
        return False
    return bool(obj.results_visible_to_all)


def can_view_decision(user, obj=None) -> bool:
    """With a BbgDecision: staff always, other roles once it is confirmed. Without one: any role (the page then
    says that no decision has been confirmed yet)."""
    if is_programme_staff(user):
        return True
    if not has_role(user):
        return False
    return obj is None or obj.is_confirmed


RULES = {
    "voting.view_result_page": has_role,
    "voting.view_result": can_view_result,
    "voting.view_decision": can_view_decision,
    "voting.change_decision": is_programme_staff,
}
