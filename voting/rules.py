"""Who may do what in the DVO choice.

- Programme staff run the round (create, open, close, release, reset, deadlines), see every ballot and may enter or
  correct a DVO's choice on its behalf, with a reason.
- A DVO secretary sees and submits the ballot of their OWN DVO only; another DVO's ballot does not exist for them
  (404, see voting/access.py).
- BBG members do not vote; like secretaries they see only how many DVOs have chosen until the result is visible.
- The result (counts, ranking, matrix, exports): programme staff at any time, also while the round is open. Every
  other role (BBG members, DVO secretaries) sees only progress ("3 van 5 DVO's hebben gekozen") until the round is
  closed or staff have released the result (Round.results_visible_to_all); then they see all of it.
"""

from accounts.rules import has_role, is_dvo_secretary, is_programme_staff


def _district_id(obj) -> int | None:
    """A District or anything with a district (a Ballot, a RoundDeadline)."""
    return getattr(obj, "district_id", None) or getattr(obj, "pk", None)


def can_view_ballot(user, obj=None) -> bool:
    """Without an object: may the user ask for ballots at all (the API lists only what they may see).
    With a district or ballot: programme staff, or the secretary of that very DVO."""
    if not has_role(user):
        return False
    if obj is None:
        return True
    return is_programme_staff(user) or (is_dvo_secretary(user) and user.district_id == _district_id(obj))


def can_submit_ballot(user, obj=None) -> bool:
    """Programme staff (on a DVO's behalf, with a reason) and a DVO's own secretary."""
    if is_programme_staff(user):
        return True
    if not is_dvo_secretary(user):
        return False
    return obj is None or user.district_id == _district_id(obj)


def can_view_result(user, obj=None) -> bool:
    """With a Round: may the user see its counts now? Without one: may the user see any result at all."""
    if is_programme_staff(user):
        return True
    if not has_role(user) or obj is None:
        return False
    return bool(obj.results_visible_to_all)


RULES = {
    "voting.view_round": is_programme_staff,
    "voting.change_round": is_programme_staff,
    "voting.view_progress": has_role,
    "voting.view_ballot": can_view_ballot,
    "voting.submit_ballot": can_submit_ballot,
    "voting.view_ballot_history": can_view_ballot,
    "voting.view_result_page": has_role,
    "voting.view_result": can_view_result,
}
