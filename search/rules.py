"""Who may search: everyone with a role. What a search finds is narrowed per kind by that kind's own view rule
(and, for sources, by ``scan.selectors.sources_visible_to``): see search/kinds.py."""

from accounts.rules import has_role

RULES = {
    "search.use_search": has_role,
}
