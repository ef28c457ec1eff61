"""Who may do what in the monitoring. Everyone with a role reads (the dashboard, a goal's values and status, the
progress report). Programme staff manage the measurement moments, indicators and owners' contacts, enter any
value and override a status. A goal's owner contacts (OwnerContact) enter the values and the explanation of
their own goals only."""

from accounts.rules import has_role, is_programme_staff


def can_enter_values(user, obj=None) -> bool:
    """Staff for every goal; an owner contact for their own goals (``obj`` is the goal). Without a goal: whether
    the user may enter values for any goal at all."""
    if is_programme_staff(user):
        return True
    if not has_role(user):
        return False
    from .models import OwnerContact

    contacts = OwnerContact.objects.filter(user=user)
    if obj is not None:
        contacts = contacts.filter(goal_id=obj.pk)
    return contacts.exists()


RULES = {
    "monitoring.view_monitoring": has_role,
    "monitoring.change_monitoring": is_programme_staff,
    "monitoring.enter_values": can_enter_values,
}
