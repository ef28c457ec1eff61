"""Who may do what with the long list. Everyone with a role reads it; programme staff change it and record the
BBG's consent. Which sources of a priority a user sees is the scan's rule (scan.rules.can_view_source)."""

from accounts.rules import has_role, is_programme_staff

RULES = {
    "priorities.view_priority": has_role,
    "priorities.change_priority": is_programme_staff,
    "priorities.view_longlist": has_role,
    "priorities.change_longlist": is_programme_staff,
    "priorities.reopen_longlist": is_programme_staff,
}
