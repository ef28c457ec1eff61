"""URLs for long lists of links: ``reverse()`` once for a pattern, the id put in per row.

``reverse()`` costs about as much as rendering a table row; a page or API list with a link per row (a thousand
milestones at ten times the demo) spends more on it than on the rest of the row.
"""

from collections.abc import Callable

from django.urls import reverse

# An id that no row has and that no other part of a URL contains (the largest PostgreSQL integer).
_SENTINEL = 2147483647


def reverse_for_ids(viewname: str, *, id_kwarg: str = "pk", **kwargs) -> Callable[[int], str]:
    """A function from an id to ``reverse(viewname, kwargs={**kwargs, id_kwarg: id})``; the id must be the
    pattern's last integer (as in ``.../<slug>/mijlpalen/<int:pk>/``)."""
    prefix, _sentinel, suffix = reverse(viewname, kwargs={**kwargs, id_kwarg: _SENTINEL}).rpartition(str(_SENTINEL))
    return lambda pk: f"{prefix}{int(pk)}{suffix}"
