"""Who may do what in the planning. Everyone with a role reads the planning; programme staff change it."""

from accounts.rules import has_role, is_programme_staff

RULES = {
    "planning.view_process": has_role,
    "planning.change_process": is_programme_staff,
    "planning.add_process": is_programme_staff,
    "planning.view_milestone": has_role,
    "planning.change_milestone": is_programme_staff,
    "planning.view_action": has_role,
    "planning.change_action": is_programme_staff,
    "planning.view_absence": is_programme_staff,
    "planning.change_absence": is_programme_staff,
}
