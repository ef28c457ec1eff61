"""Who records the BBG's top five and who sees it: staff record and confirm it. Everyone with a role sees a
confirmed decision; a decision that is still being recorded is for staff only."""

from accounts.rules import has_role, is_programme_staff


def can_view_decision(user, obj=None) -> bool:
    """With a BbgDecision: staff always, other roles once it is confirmed. Without one: any role (the page then
    says that no decision has been confirmed yet)."""
    if is_programme_staff(user):
        return True
    if not has_role(user):
        return False
    return obj is None or obj.is_confirmed


RULES = {
    "decisions.view_decision": can_view_decision,
    "decisions.change_decision": is_programme_staff,
}
