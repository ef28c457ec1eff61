"""Rows that a page reads on nearly every request (the process of the URL, its document, a DVO), kept by each
worker under the version of their data (core.fragments) instead of asked of the database each time.

Only for requests that merely read (GET, HEAD): a form's submission and everything a service writes read the row
afresh. A write to the row's data moves its area's version on (the apps' model signals), after which every worker
asks the database again, so a page never shows a row older than the last committed write, just as a fragment.

Each request gets its own copy (unpickled), with what the query selected along with it, so that nothing a view
sets on it reaches another request. A lookup that finds nothing is not kept. The caller checks the permission on
the row as before: the memo holds data, never a decision about a user.

Only with a cache that every worker shares (``ROW_MEMO``, on with Redis): with a local memory cache each worker has
its own versions and would not see another's write.
"""

import logging
import pickle
from collections.abc import Callable

from django.conf import settings
from django.db import models

from .fragments import data_version

logger = logging.getLogger(__name__)

SAFE_METHODS = frozenset({"GET", "HEAD"})
# At most this many rows per worker (a few processes, their documents and DVOs in practice); then it starts again.
MAX_ROWS = 1024

_rows: dict[tuple, tuple[int, bytes]] = {}


def cached_row(
    request, name: str, *, area: str, lookup: dict, fetch: Callable[[], models.Model | None]
) -> models.Model | None:
    """``fetch()`` (the row for ``lookup``, or None), for a GET or HEAD from this worker's memo of ``name`` while
    the version of ``area`` is the one it was kept under; without a request (a service, a task) always fetched."""
    if request is None or request.method not in SAFE_METHODS or not settings.ROW_MEMO:
        return fetch()
    try:
        version = data_version(area)
    except Exception:
        logger.warning("rows: cache unavailable, reading %s", name, exc_info=True)
        return fetch()
    key = (name, *sorted(lookup.items()))
    kept = _rows.get(key)
    if kept is not None and kept[0] == version:
        return pickle.loads(kept[1])  # noqa: S301 - our own rows, pickled by this process
    row = fetch()
    if row is not None:
        if len(_rows) >= MAX_ROWS:
            _rows.clear()
        _rows[key] = (version, pickle.dumps(row, protocol=pickle.HIGHEST_PROTOCOL))
    return row


def forget_rows() -> None:
    """Empty this worker's memo (the tests, with the cache)."""
    _rows.clear()
