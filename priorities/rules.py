"""Who may do what with the long list. Everyone with a role reads it; programme staff change it and record the
BBG's consent. Confidential sources are for programme staff only (see selectors.visible_sources)."""

from accounts.rules import has_role, is_programme_staff


def can_view_source(user, source=None) -> bool:
    """A confidential source is visible to programme staff only, on every page and in the API."""
    if not has_role(user):
        return False
    if source is not None and source.confidentiality == "confidential":
        return is_programme_staff(user)
    return True


RULES = {
    "priorities.view_priority": has_role,
    "priorities.change_priority": is_programme_staff,
    "priorities.view_longlist": has_role,
    "priorities.change_longlist": is_programme_staff,
    "priorities.reopen_longlist": is_programme_staff,
    "priorities.view_priority_source": can_view_source,
}
