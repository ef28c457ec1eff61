"""Who may do what in the councils' consultation: programme staff start rounds and register every council's
response; a DVO secretary registers the responses of the municipalities of their own district only; BBG members
(and secretaries, for the other districts) read."""

from accounts.rules import has_role, is_dvo_secretary, is_programme_staff


def can_register_response(user, obj=None) -> bool:
    """Staff for every council. A secretary for the councils of their own district; without an entry: whether
    they may register any (the page lists only their own)."""
    if is_programme_staff(user):
        return True
    if not is_dvo_secretary(user):
        return False
    return obj is None or obj.municipality.district_id == user.district_id


RULES = {
    "consultation.view_consultation": has_role,
    "consultation.change_round": is_programme_staff,
    "consultation.change_entry": can_register_response,
}
