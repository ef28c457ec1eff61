"""Who may do what in the scan: everyone with a role reads themes, plans, non-confidential sources and the
matrix; programme staff change them.

Confidential sources (undermining reports, RIEC material) are for programme staff only, everywhere: this is the
one place that rule is written. ``can_view_source`` answers it for one source, and
``scan.selectors.sources_visible_to`` applies it to every list (pages, API, search, exports, the long list's
evidence and the DVOs' ballot pages).
"""

from accounts.rules import has_role, is_programme_staff


def can_view_source(user, obj=None) -> bool:
    """Any role reads a source, except a confidential one: that is for programme staff only."""
    if not has_role(user):
        return False
    if obj is not None and obj.confidentiality == "confidential":
        return is_programme_staff(user)
    return True


RULES = {
    "scan.view_scan": has_role,
    "scan.change_scan": is_programme_staff,
    "scan.view_theme": has_role,
    "scan.change_theme": is_programme_staff,
    "scan.view_municipalplan": has_role,
    "scan.change_municipalplan": is_programme_staff,
    "scan.view_source": can_view_source,
    "scan.change_source": is_programme_staff,
    "scan.view_confidential_source": is_programme_staff,
}
