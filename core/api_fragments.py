"""A list endpoint of the API whose answer is a cached fragment (core.fragments).

The answer's data (the page of rows with its count and links) is kept per address (path and query string, host
included: the links are absolute), audience and language, at the current versions of the areas the rows are read
from; any write to them moves a version on and the next request reads the rows afresh. Who may list was checked
before ``list()`` is reached (the view's permission classes), so the cache never answers a request the
permissions refuse.
"""

import hashlib
from collections.abc import Iterable

from rest_framework.response import Response

from .fragments import cached_fragment


class CachedListMixin:
    """For a DRF ViewSet: ``list()`` answered from the cache. The view names the fragment, the areas its rows
    are read from and, in ``list_audience()``, everything about the user that the rows depend on."""

    list_fragment: str
    list_areas: Iterable[str]

    def list_audience(self) -> str:
        raise NotImplementedError

    def list(self, request, *args, **kwargs):
        address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
        data = cached_fragment(
            self.list_fragment,
            areas=self.list_areas,
            audience=self.list_audience(),
            parts=[address],
            render=lambda: super(CachedListMixin, self).list(request, *args, **kwargs).data,
        )
        return Response(data)
