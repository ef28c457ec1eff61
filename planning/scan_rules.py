"""Who may do what in the scan: everyone with a role reads themes, plans, non-confidential sources and the
matrix; programme staff change them. Confidential sources (undermining reports, RIEC material) are for
programme staff only, everywhere; ``planning.scan_selectors.sources_visible_to`` applies that rule to lists."""

from accounts.rules import has_role, is_programme_staff


def can_view_source(user, obj=None) -> bool:
    """Any role reads a source, except a confidential one: that is for programme staff only."""
    if not has_role(user):
        return False
    if obj is not None and obj.confidentiality == "confidential":
        return is_programme_staff(user)
    return True


RULES = {
    "planning.view_scan": has_role,
    "planning.change_scan": is_programme_staff,
    "planning.view_theme": has_role,
    "planning.change_theme": is_programme_staff,
    "planning.view_municipalplan": has_role,
    "planning.change_municipalplan": is_programme_staff,
    "planning.view_source": can_view_source,
    "planning.change_source": is_programme_staff,
    "planning.view_confidential_source": is_programme_staff,
}
